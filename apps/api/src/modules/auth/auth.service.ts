import { permissionsOf } from '../../common/permissions.js';
import { maskEmail } from '../../common/mask-email.js';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type Repository } from 'typeorm';
import { Clock } from '../../common/clock.js';
import {
  hashOneTimeCode,
  newSixDigitCode,
  oneTimeCodeMatches,
} from '../../common/one-time-codes.js';
import type { Accessor, Principal, RequestContext } from '../../common/principal.js';
import { validationProblem } from '../../common/problem.filter.js';
import { ServerKeys } from '../../common/server-keys.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { newId } from '../../infra/database/ids.js';
import { composeEmail, MAIL_SECRET } from '../../infra/mail/compose.js';
import { MailService } from '../../infra/mail/mail.service.js';
import type { Account } from '../accounts/account.entity.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { LoginResult, SecondFactorMethod, Session as SessionDto } from './auth.dto.js';
import {
  CodeExpiredError,
  InvalidCodeError,
  InvalidCredentialsError,
  LinkInvalidError,
  SignInAgainError,
} from './auth.errors.js';
import { KnownDevicesService } from './known-devices.js';
import { LoginCode } from './login-code.entity.js';
import { LoginThrottleService, USERNAME_FREE_FAILURES } from './login-throttle.service.js';
import type { Session } from './session.entity.js';
import { SessionsService, type ResolvedSession } from './sessions.service.js';

const CODE_TTL_MS = 10 * 60_000;
const CODE_MAX_TRIES = 5;
const RESET_TTL_MS = 60 * 60_000;
const UNLOCK_TTL_MS = 24 * 60 * 60_000;

@Injectable()
export class AuthService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottleService,
    private readonly devices: KnownDevicesService,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly clock: Clock,
    private readonly keys: ServerKeys,
    @InjectRepository(LoginCode) private readonly loginCodes: Repository<LoginCode>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The factor an account must pass: staff policy turns "none" into emailed codes. */
  private factorOf(account: Account): 'none' | 'email' | 'totp' {
    if (
      account.secondFactor === 'none' &&
      account.kind === 'staff' &&
      this.config.staffSecondFactorRequired
    ) {
      return 'email';
    }
    return account.secondFactor;
  }

  private actor(account: Account): Pick<Principal, 'accountId' | 'kind' | 'roles'> {
    return { accountId: account.id, kind: account.kind, roles: account.roles };
  }

  private appUrl(account: Pick<Account, 'kind'>): string {
    return account.kind === 'staff' ? `${this.config.publicUrl}/admin` : this.config.publicUrl;
  }

  /**
   * Checks the password and opens a session: fully signed in, or waiting for the second
   * factor. Unknown usernames take the same time and get the same answer as wrong passwords.
   * A browser with a known-device token for the account typed is throttled on its own budget
   * (see LoginThrottleService); every right password hands the browser a fresh token.
   */
  async login(
    username: string,
    password: string,
    context: RequestContext,
    deviceToken?: string,
  ): Promise<{ token: string; result: LoginResult; deviceToken: string }> {
    const userKey = LoginThrottleService.usernameKey(username);
    const ipKey = LoginThrottleService.ipKey(context.ip);
    const known = await this.knownDevice(deviceToken, username);
    await this.throttle.assertAllowed(known ? [known.key] : [userKey, ipKey]);
    const account = known ? known.account : await this.accounts.findByUsername(username);
    // Always checked, even with no account: the time spent must not reveal which it was.
    const passwordOk = await this.accounts.checkPassword(account, password);
    if (!account || !passwordOk) {
      const failures = known
        ? await this.throttle.recordFailure(known.key, null)
        : await this.throttle.recordFailure(userKey, ipKey);
      await this.audit.record({
        action: 'auth.login',
        outcome: 'failure',
        actor: account ? this.actor(account) : null,
        patientId: account?.patientId ?? null,
        context,
      });
      // The first block sends the owner a link to lift it, so guessing cannot keep them out.
      if (!known && account && failures === USERNAME_FREE_FAILURES) {
        await this.sendUnlockLink(account);
      }
      throw new InvalidCredentialsError();
    }
    // A known device's success clears only its own count: the account's shared count, which
    // a stranger may be running up, keeps its pause.
    await this.throttle.clear(known ? known.key : userKey);
    const nextDeviceToken = this.devices.issue(account.id, known?.deviceId);
    const factor = this.factorOf(account);
    const { token, session } = await this.sessions.create(
      account,
      factor === 'none' ? 'active' : 'second_factor',
      context,
    );
    await this.audit.record({
      action: factor === 'none' ? 'auth.login' : 'auth.password-verified',
      outcome: 'success',
      actor: this.actor(account),
      patientId: account.patientId,
      context,
    });
    if (factor === 'none') {
      return {
        token,
        deviceToken: nextDeviceToken,
        result: {
          status: 'signed-in',
          session: this.describe(account, session.lastSeenAt, session.absoluteExpiresAt),
        },
      };
    }
    if (factor === 'email') await this.sendLoginCode(session, account);
    const recovery = factor === 'totp' && (await this.accounts.countRecoveryCodes(account.id)) > 0;
    const methods: SecondFactorMethod[] = [
      factor,
      ...(recovery ? (['recovery-code'] as const) : []),
    ];
    return {
      token,
      deviceToken: nextDeviceToken,
      result: {
        status: 'second-factor-required',
        methods,
        maskedEmail: factor === 'email' ? maskEmail(account.email) : undefined,
      },
    };
  }

  /** The account typed, when this browser's known-device token names it. */
  private async knownDevice(
    deviceToken: string | undefined,
    username: string,
  ): Promise<{ account: Account; deviceId: string; key: string } | null> {
    const device = this.devices.read(deviceToken);
    if (!device) return null;
    const account = await this.accounts.findByUsername(username);
    if (!account || account.id !== device.accountId) return null;
    return {
      account,
      deviceId: device.deviceId,
      key: LoginThrottleService.deviceKey(device.deviceId),
    };
  }

  /** What an emailed code is bound to: the waiting sign-in it was sent for. */
  private static codeScope(session: Pick<Session, 'idHash'>): string {
    return `login:${session.idHash.toString('hex')}`;
  }

  private async sendLoginCode(session: Session, account: Account): Promise<void> {
    const code = newSixDigitCode();
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + CODE_TTL_MS);
    // A new code replaces any earlier one for this sign-in.
    await this.loginCodes.update(
      { sessionIdHash: session.idHash, usedAt: IsNull() },
      { usedAt: now },
    );
    await this.loginCodes.insert({
      id: newId(),
      sessionIdHash: session.idHash,
      codeHash: hashOneTimeCode(this.keys, AuthService.codeScope(session), code),
      expiresAt,
      usedAt: null,
      createdAt: now,
    });
    await this.mail.send(
      composeEmail({
        template: 'login-code',
        to: account.email,
        subject: `Your ${this.config.clinicName} sign-in code`,
        paragraphs: [
          `Your sign-in code is ${MAIL_SECRET}.`,
          'It works once, for the next 10 minutes. Never share it: clinic staff will never ask you for it.',
        ],
        secret: { value: code, expiresAt },
        clinicName: this.config.clinicName,
      }),
    );
  }

  /** Sends a fresh emailed code for a waiting sign-in (the patient asked again). */
  async resendLoginCode(token: string): Promise<void> {
    const session = await this.sessions.findPending(token);
    if (!session)
      throw new SignInAgainError('Your sign-in took too long. Sign in again to get a new code.');
    const account = await this.accounts.findById(session.accountId);
    if (!account || this.factorOf(account) !== 'email') throw new SignInAgainError();
    const recent = await this.loginCodes.countBy({ sessionIdHash: session.idHash });
    if (recent >= 5) throw new SignInAgainError('Too many codes were sent. Sign in again.');
    await this.sendLoginCode(session, account);
  }

  /** Second step of sign-in. Five wrong codes end the waiting session. */
  /**
   * Second step of sign-in. A try is spent before the code is checked, so parallel guesses
   * cannot exceed five per sign-in; failures also count against the account itself (a key a
   * correct password does not clear), so new sign-ins do not bring new guesses. Success
   * replaces the waiting session with a new one under a fresh id.
   */
  async verifySecondFactor(
    token: string,
    code: string,
    method: SecondFactorMethod,
    context: RequestContext,
  ): Promise<{ token: string; session: SessionDto }> {
    const session = await this.sessions.findPending(token);
    if (!session) throw new SignInAgainError('Your sign-in took too long. Sign in again.');
    const account = await this.accounts.findById(session.accountId);
    if (!account || account.status !== 'active') throw new SignInAgainError();
    const factor = this.factorOf(account);
    if (method !== 'recovery-code' && method !== factor) {
      throw validationProblem([
        {
          field: 'method',
          message: `This account uses ${factor === 'totp' ? 'an authenticator app' : 'emailed codes'}.`,
        },
      ]);
    }
    const accountKey = `2fa:${account.id}`;
    const ipKey = LoginThrottleService.ipKey(context.ip);
    await this.throttle.assertAllowed([accountKey, ipKey]);
    const tries = await this.throttle.recordCodeFailure(`code:${session.idHash.toString('hex')}`);
    if (tries > CODE_MAX_TRIES) {
      await this.sessions.end(session.idHash, 'second-factor-failed');
      throw new SignInAgainError();
    }
    const ok =
      method === 'recovery-code'
        ? await this.accounts.useRecoveryCode(account.id, code)
        : method === 'totp'
          ? await this.accounts.verifyTotp(account, code)
          : await this.checkEmailCode(session, code);
    if (!ok) {
      // Two full sign-ins' worth of wrong codes before the account itself starts waiting.
      await this.throttle.recordFailure(accountKey, ipKey, 2 * CODE_MAX_TRIES);
      await this.audit.record({
        action: 'auth.second-factor',
        outcome: 'failure',
        actor: this.actor(account),
        patientId: account.patientId,
        context,
      });
      if (tries >= CODE_MAX_TRIES) {
        await this.sessions.end(session.idHash, 'second-factor-failed');
        throw new SignInAgainError();
      }
      throw new InvalidCodeError(CODE_MAX_TRIES - tries);
    }
    await this.throttle.clear(accountKey);
    await this.sessions.end(session.idHash, 'second-factor-passed');
    const fresh = await this.sessions.create(account, 'active', context);
    await this.audit.record({
      action: 'auth.login',
      outcome: 'success',
      actor: this.actor(account),
      patientId: account.patientId,
      resourceType: 'second-factor',
      resourceId: method,
      context,
    });
    return {
      token: fresh.token,
      session: this.describe(account, fresh.session.lastSeenAt, fresh.session.absoluteExpiresAt),
    };
  }

  private async checkEmailCode(session: Session, code: string): Promise<boolean> {
    const row = await this.loginCodes.findOne({
      where: { sessionIdHash: session.idHash, usedAt: IsNull() },
      order: { createdAt: 'DESC' },
    });
    if (!row) return false;
    if (row.expiresAt <= this.clock.now()) throw new CodeExpiredError();
    if (
      !/^\d{6}$/.test(code) ||
      !oneTimeCodeMatches(this.keys, AuthService.codeScope(session), code, row.codeHash)
    )
      return false;
    const result = await this.loginCodes.update(
      { id: row.id, usedAt: IsNull() },
      { usedAt: this.clock.now() },
    );
    return (result.affected ?? 0) === 1;
  }

  // --- forgotten password, forgotten username, unlock -------------------------------------

  /** Emails a reset link when the username or email matches; answers the same either way. */
  async requestPasswordReset(identifier: string, context: RequestContext): Promise<void> {
    await this.limitEmailRequests(`reset:${identifier.trim().toLowerCase()}`, context);
    const byName = await this.accounts.findByUsername(identifier);
    const matches = byName
      ? [byName]
      : identifier.includes('@')
        ? await this.accounts.findByEmail(identifier)
        : [];
    for (const account of matches.filter((a) => a.status === 'active')) {
      const token = await this.accounts.issueToken(account.id, 'password-reset', RESET_TTL_MS);
      await this.mail.send(
        composeEmail({
          template: 'password-reset',
          to: account.email,
          subject: `Reset your ${this.config.clinicName} portal password`,
          paragraphs: [
            'Someone asked to reset the password of your portal account. If it was you, use the link below within 1 hour.',
            'If it was not you, you can ignore this email: your password stays the same.',
          ],
          action: {
            label: 'Choose a new password',
            url: `${this.appUrl(account)}/reset-password#token=${MAIL_SECRET}`,
          },
          secret: { value: token, expiresAt: new Date(this.clock.now().getTime() + RESET_TTL_MS) },
          clinicName: this.config.clinicName,
        }),
      );
      await this.audit.record({
        action: 'auth.password-reset-requested',
        outcome: 'success',
        actor: this.actor(account),
        patientId: account.patientId,
        context,
      });
    }
  }

  async completePasswordReset(
    token: string,
    password: string,
    context: RequestContext,
  ): Promise<void> {
    // Validate the new password before spending the token, so a typo does not waste the link.
    const account = await this.accounts.redeemToken(token, 'password-reset', async (candidate) => {
      const problems = await this.accounts.passwordProblemsFor(candidate, password);
      if (problems.length) throw validationProblem(problems);
    });
    if (!account) throw new LinkInvalidError();
    await this.accounts.setPassword(account.id, password);
    await this.sessions.endAllFor(account.id, 'password-reset');
    await this.throttle.clear(LoginThrottleService.usernameKey(account.username));
    await this.audit.record({
      action: 'auth.password-reset',
      outcome: 'success',
      actor: this.actor(account),
      patientId: account.patientId,
      context,
    });
  }

  /** Emails the usernames registered to an address; answers the same whether or not any exist. */
  async remindUsername(email: string, context: RequestContext): Promise<void> {
    await this.limitEmailRequests(`reminder:${email.trim().toLowerCase()}`, context);
    for (const account of await this.accounts.findByEmail(email)) {
      await this.mail.send(
        composeEmail({
          template: 'username-reminder',
          to: account.email,
          subject: `Your ${this.config.clinicName} portal username`,
          paragraphs: [
            `Your portal username is: ${account.username}`,
            'You can sign in with it and your password.',
          ],
          action: { label: 'Sign in', url: `${this.appUrl(account)}/sign-in` },
          clinicName: this.config.clinicName,
        }),
      );
      await this.audit.record({
        action: 'auth.username-reminder',
        outcome: 'success',
        actor: this.actor(account),
        patientId: account.patientId,
        context,
      });
    }
  }

  /**
   * Requests that send email are counted per address typed and per IP whether or not an
   * account matches (so the limit reveals nothing), with the sign-in throttle's growing waits.
   */
  private async limitEmailRequests(key: string, context: RequestContext): Promise<void> {
    const ipKey = `mail-ip:${context.ip}`;
    await this.throttle.assertAllowed([key, ipKey]);
    await this.throttle.recordFailure(key, ipKey);
  }

  private async sendUnlockLink(account: Account): Promise<void> {
    const token = await this.accounts.issueToken(account.id, 'unlock', UNLOCK_TTL_MS);
    await this.mail.send(
      composeEmail({
        template: 'unlock',
        to: account.email,
        subject: `Sign-in paused on your ${this.config.clinicName} portal account`,
        paragraphs: [
          'There were several wrong passwords for your account, so we paused sign-in for a short while.',
          'If that was you, use the link below to sign in again right away. If it was not you, consider changing your password.',
        ],
        action: {
          label: 'Allow sign-in again',
          url: `${this.appUrl(account)}/unlock#token=${MAIL_SECRET}`,
        },
        secret: { value: token, expiresAt: new Date(this.clock.now().getTime() + UNLOCK_TTL_MS) },
        clinicName: this.config.clinicName,
      }),
    );
  }

  /**
   * Lifts the account's pause and makes this browser a known device (returns its token), so
   * its owner can sign in here even while someone keeps guessing from elsewhere.
   */
  async unlock(token: string, context: RequestContext): Promise<{ deviceToken: string }> {
    const account = await this.accounts.redeemToken(token, 'unlock');
    if (!account) throw new LinkInvalidError();
    await this.throttle.clear(LoginThrottleService.usernameKey(account.username));
    await this.audit.record({
      action: 'auth.unlock',
      outcome: 'success',
      actor: this.actor(account),
      patientId: account.patientId,
      context,
    });
    return { deviceToken: this.devices.issue(account.id) };
  }

  // --- session descriptions and sign-out ------------------------------------------------

  describe(
    account: Pick<Account, 'id' | 'username' | 'kind' | 'displayName' | 'roles' | 'patientId'>,
    lastSeenAt: Date,
    absoluteExpiresAt: Date,
  ): SessionDto {
    const idle = new Date(lastSeenAt.getTime() + this.sessions.idleMs);
    return {
      user: {
        id: account.id,
        username: account.username,
        kind: account.kind,
        displayName: account.displayName,
        roles: account.roles,
        patientId: account.patientId,
        permissions: [...permissionsOf(account.kind, account.roles)],
      },
      idleExpiresAt: (idle < absoluteExpiresAt ? idle : absoluteExpiresAt).toISOString(),
      absoluteExpiresAt: absoluteExpiresAt.toISOString(),
    };
  }

  /**
   * The session a cookie names, touched (it counts as activity), or null when there is none,
   * it has ended, or it still waits for its second factor.
   */
  async currentSession(token: string | undefined): Promise<SessionDto | null> {
    const resolved = token ? await this.sessions.touch(token) : null;
    return resolved?.stage === 'active' ? this.describeResolved(resolved) : null;
  }

  describeResolved(resolved: ResolvedSession): SessionDto {
    return this.describe(
      {
        id: resolved.principal.accountId,
        username: resolved.username,
        kind: resolved.principal.kind,
        displayName: resolved.displayName,
        roles: resolved.principal.roles as Account['roles'],
        patientId: resolved.principal.patientId,
      },
      resolved.lastSeenAt,
      resolved.absoluteExpiresAt,
    );
  }

  async logout({ principal, context }: Accessor, everywhere: boolean): Promise<void> {
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
}
