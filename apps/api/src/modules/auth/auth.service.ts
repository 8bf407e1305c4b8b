import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { DomainError } from '../../common/problem.js';
import type { RequestContext } from '../../common/principal.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { AccountsService } from '../accounts/accounts.service.js';
import type { Account } from '../accounts/account.entity.js';
import { AuditService } from '../audit/audit.service.js';
import type { LoginResult, Session } from './auth.dto.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { SessionsService, type ResolvedSession } from './sessions.service.js';

export class InvalidCredentialsError extends DomainError {
  constructor() {
    super(
      401,
      'invalid_credentials',
      'Sign-in failed',
      'The username or password is not right. Check them and try again.',
    );
  }
}

@Injectable()
export class AuthService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Checks the password and opens a session: fully signed in, or waiting for the second
   * factor. Unknown usernames take the same time and get the same answer as wrong passwords.
   */
  async login(
    username: string,
    password: string,
    context: RequestContext,
  ): Promise<{ token: string; result: LoginResult }> {
    const userKey = LoginThrottleService.usernameKey(username);
    const ipKey = LoginThrottleService.ipKey(context.ip);
    await this.throttle.assertAllowed([userKey, ipKey]);
    const account = await this.accounts.findByUsername(username);
    const valid = await this.accounts.checkPassword(account, password);
    if (!account || !valid) {
      await this.throttle.recordFailure(userKey, ipKey);
      await this.audit.record({
        action: 'auth.login',
        outcome: 'failure',
        actor: account ? { accountId: account.id, kind: account.kind, roles: account.roles } : null,
        patientId: account?.patientId ?? null,
        context,
      });
      throw new InvalidCredentialsError();
    }
    await this.throttle.clear(userKey);
    const needsSecondFactor = account.secondFactor !== 'none';
    const { token, session } = await this.sessions.create(
      account,
      needsSecondFactor ? 'second_factor' : 'active',
      context,
    );
    await this.audit.record({
      action: needsSecondFactor ? 'auth.password-verified' : 'auth.login',
      outcome: 'success',
      actor: { accountId: account.id, kind: account.kind, roles: account.roles },
      patientId: account.patientId,
      context,
    });
    if (needsSecondFactor) {
      return {
        token,
        result: {
          status: 'second-factor-required',
          methods: [account.secondFactor as 'email' | 'totp'],
        },
      };
    }
    return {
      token,
      result: {
        status: 'signed-in',
        session: this.describe(account, session.lastSeenAt, session.absoluteExpiresAt),
      },
    };
  }

  describe(
    account: Pick<Account, 'id' | 'username' | 'kind' | 'displayName' | 'roles'>,
    lastSeenAt: Date,
    absoluteExpiresAt: Date,
  ): Session {
    const idle = new Date(lastSeenAt.getTime() + this.sessions.idleMs);
    return {
      user: {
        id: account.id,
        username: account.username,
        kind: account.kind,
        displayName: account.displayName,
        roles: account.roles,
      },
      idleExpiresAt: (idle < absoluteExpiresAt ? idle : absoluteExpiresAt).toISOString(),
      absoluteExpiresAt: absoluteExpiresAt.toISOString(),
    };
  }

  describeResolved(resolved: ResolvedSession): Session {
    return this.describe(
      {
        id: resolved.principal.accountId,
        username: resolved.username,
        kind: resolved.principal.kind,
        displayName: resolved.displayName,
        roles: resolved.principal.roles as Account['roles'],
      },
      resolved.lastSeenAt,
      resolved.absoluteExpiresAt,
    );
  }

  async logout(
    resolved: ResolvedSession,
    context: RequestContext,
    everywhere: boolean,
  ): Promise<void> {
    const { principal } = resolved;
    if (everywhere) await this.sessions.endAllFor(principal.accountId, 'logout-everywhere');
    else await this.sessions.end(principal.sessionIdHash, 'logout');
    await this.audit.record({
      action: everywhere ? 'auth.logout-everywhere' : 'auth.logout',
      outcome: 'success',
      actor: principal,
      patientId: principal.patientId,
      context,
    });
  }

  now(): Date {
    return this.clock.now();
  }
}
