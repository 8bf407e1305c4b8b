import type { AuditAction } from '../audit/audit.service.js';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '../../common/problem.js';
import { validationProblem } from '../../common/problem.filter.js';
import type { Accessor, Principal, RequestContext } from '../../common/principal.js';
import { otpauthUri } from '../../common/totp.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import type { Account } from '../accounts/account.entity.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { ActiveSession, SecuritySettings, TotpSetup } from './account-settings.dto.js';
import { SessionsService } from './sessions.service.js';

class WrongPasswordError extends DomainError {
  constructor(field: string) {
    super(
      400,
      'wrong_password',
      'The password is not right',
      'Your current password is not right.',
      [{ field, message: 'Your current password is not right.' }],
    );
  }
}

/** What a signed-in person changes about their own sign-in: password, second factor, sessions. */
@Injectable()
export class AccountSettingsService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private async account(principal: Principal): Promise<Account> {
    const account = await this.accounts.findById(principal.accountId);
    if (!account)
      throw new DomainError(
        401,
        'unauthenticated',
        'You need to sign in',
        'Sign in again to continue.',
      );
    return account;
  }

  private async confirmPassword(
    account: Account,
    password: string,
    field = 'password',
  ): Promise<void> {
    if (!(await this.accounts.checkPassword(account, password)))
      throw new WrongPasswordError(field);
  }

  private record(principal: Principal, action: AuditAction, context: RequestContext) {
    return this.audit.record({
      action,
      outcome: 'success',
      actor: principal,
      patientId: principal.patientId,
      context,
    });
  }

  private required(account: Account): boolean {
    return account.kind === 'staff' && this.config.staffSecondFactorRequired;
  }

  async security(principal: Principal): Promise<SecuritySettings> {
    const account = await this.account(principal);
    return {
      secondFactor: account.secondFactor,
      secondFactorRequired: this.required(account),
      recoveryCodesRemaining: await this.accounts.countRecoveryCodes(account.id),
      passwordChangedAt: account.passwordChangedAt.toISOString(),
    };
  }

  /** A new password ends every other session, so a stolen session dies with the old password. */
  async changePassword(
    { principal, context }: Accessor,
    current: string,
    next: string,
  ): Promise<void> {
    const account = await this.account(principal);
    await this.confirmPassword(account, current, 'currentPassword');
    const problems = await this.accounts.passwordProblemsFor(account, next, 'newPassword');
    if (problems.length) throw validationProblem(problems);
    await this.accounts.setPassword(account.id, next);
    await this.sessions.endAllFor(account.id, 'password-changed', principal.sessionIdHash);
    await this.record(principal, 'account.password-changed', context);
  }

  /** Confirmed with the password: a stolen session alone cannot swap the person's authenticator. */
  async startTotp(principal: Principal, password: string): Promise<TotpSetup> {
    const account = await this.account(principal);
    await this.confirmPassword(account, password);
    const secret = await this.accounts.startTotpEnrollment(account.id);
    return { secret, otpauthUri: otpauthUri(secret, account.username, this.config.clinicName) };
  }

  async confirmTotp({ principal, context }: Accessor, code: string): Promise<string[]> {
    const account = await this.account(principal);
    const codes = await this.accounts.confirmTotpEnrollment(account, code);
    if (codes === 'no_setup') {
      throw new DomainError(
        409,
        'no_setup_in_progress',
        'Start again',
        'Start the authenticator set-up again, then enter the code it shows.',
      );
    }
    if (!codes) {
      throw validationProblem([
        {
          field: 'code',
          message: 'That code did not match. Check the time on your phone and try the newest code.',
        },
      ]);
    }
    await this.record(principal, 'account.totp-enrolled', context);
    return codes;
  }

  async setSecondFactor(
    { principal, context }: Accessor,
    method: 'none' | 'email',
    password: string,
  ): Promise<void> {
    const account = await this.account(principal);
    await this.confirmPassword(account, password);
    if (method === 'none' && this.required(account)) {
      throw new DomainError(
        422,
        'second_factor_required',
        'A second step is required',
        'Your clinic requires a second sign-in step for staff accounts.',
      );
    }
    await this.accounts.setSecondFactor(account.id, method);
    await this.record(principal, `account.second-factor-${method}`, context);
  }

  async regenerateRecoveryCodes(
    { principal, context }: Accessor,
    password: string,
  ): Promise<string[]> {
    const account = await this.account(principal);
    await this.confirmPassword(account, password);
    if (account.secondFactor !== 'totp') {
      throw new DomainError(
        422,
        'no_authenticator',
        'No authenticator app',
        'Recovery codes go with an authenticator app. Set one up first.',
      );
    }
    const codes = await this.accounts.replaceRecoveryCodes(account.id);
    await this.record(principal, 'account.recovery-codes-replaced', context);
    return codes;
  }

  async listSessions(principal: Principal): Promise<ActiveSession[]> {
    const open = await this.sessions.listOpen(principal.accountId);
    return open.map((session) => ({
      id: session.idHash.toString('hex'),
      createdAt: session.createdAt.toISOString(),
      lastSeenAt: session.lastSeenAt.toISOString(),
      ip: session.ip,
      userAgent: session.userAgent,
      current: session.idHash.equals(principal.sessionIdHash),
    }));
  }

  async endSession({ principal, context }: Accessor, id: string): Promise<void> {
    const ended =
      /^[0-9a-f]{64}$/.test(id) &&
      (await this.sessions.end(Buffer.from(id, 'hex'), 'ended-by-owner', principal.accountId));
    if (!ended)
      throw new DomainError(
        404,
        'session_not_found',
        'Not found',
        'That session has already ended.',
      );
    await this.record(principal, 'account.session-ended', context);
  }
}
