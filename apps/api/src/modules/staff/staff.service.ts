import type { AuditAction } from '../audit/audit.service.js';
import { UUID_PATTERN } from '../../common/validation.js';
import { isUniqueViolation } from '../../infra/database/sql.js';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { newToken } from '../../common/one-time-codes.js';
import type { Accessor, Principal, RequestContext } from '../../common/principal.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { Clock } from '../../common/clock.js';
import { composeEmail, MAIL_SECRET } from '../../infra/mail/compose.js';
import { MailService, type MailRequest } from '../../infra/mail/mail.service.js';
import type { Account, StaffRole } from '../accounts/account.entity.js';
import { AccountsService } from '../accounts/accounts.service.js';
import type { AuditOutcome } from '../audit/audit-event.entity.js';
import { AuditService, type AuditEntry } from '../audit/audit.service.js';
import { SessionsService } from '../auth/sessions.service.js';
import type { StaffMember } from './staff.dto.js';
import {
  CannotDisableSelfError,
  CannotRemoveOwnAdminRoleError,
  StaffNotFoundError,
  UsernameTakenError,
} from './staff.errors.js';

/** How long the "set your password" link of a new staff account works. */
export const SET_PASSWORD_TTL_MS = 72 * 60 * 60_000;

export type Actor = Pick<Principal, 'accountId' | 'kind' | 'roles'>;

export interface NewStaff {
  username: string;
  displayName: string;
  email: string;
  roles: StaffRole[];
}

export interface StaffChanges {
  displayName?: string;
  email?: string;
  roles?: StaffRole[];
}

export function toStaffMember(account: Account): StaffMember {
  return {
    id: account.id,
    username: account.username,
    displayName: account.displayName,
    email: account.email,
    roles: account.roles,
    status: account.status,
    secondFactor: account.secondFactor,
    createdAt: account.createdAt.toISOString(),
  };
}

/**
 * Staff account administration. Account rows are written through AccountsService; this
 * service adds the rules (no self-disable, no self-demotion), session ends, emails and audit.
 */
@Injectable()
export class StaffService {
  private readonly logger = new Logger('staff');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly accounts: AccountsService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(): Promise<StaffMember[]> {
    return (await this.accounts.list('staff')).map(toStaffMember);
  }

  /**
   * Creates a staff account nobody can sign in to yet (its password is random and never
   * shown) and returns a single-use link for its owner to choose a password.
   * `actor` is null when the account comes from the create-admin command.
   */
  async create(
    input: NewStaff,
    actor: Actor | null,
    context?: RequestContext,
  ): Promise<{ account: Account; setPasswordUrl: string }> {
    const { account, setPasswordUrl } = await this.createAccount(input, actor, context, false);
    return { account, setPasswordUrl };
  }

  /**
   * Creates the account and emails its owner the link (the admin never sees it). The
   * account, its link, the audit row and the email commit together; the email is queued
   * after the commit (a queue failure leaves it for start-up to queue).
   */
  async invite(input: NewStaff, { principal: actor, context }: Accessor): Promise<StaffMember> {
    const { account, deliveryId } = await this.createAccount(input, actor, context, true);
    if (deliveryId) {
      try {
        await this.mail.dispatch(deliveryId);
      } catch (error) {
        this.logger.error(
          { err: error, accountId: account.id },
          'welcome email not queued; it will be queued at the next start',
        );
      }
    }
    return toStaffMember(account);
  }

  /** Account, set-password link, audit row and (optionally) the welcome email: one transaction. */
  private async createAccount(
    input: NewStaff,
    actor: Actor | null,
    context: RequestContext | undefined,
    welcome: boolean,
  ): Promise<{ account: Account; setPasswordUrl: string; deliveryId: string | null }> {
    if (await this.accounts.findByUsername(input.username)) throw new UsernameTakenError();
    return this.db.transaction(async (manager) => {
      let account: Account;
      try {
        account = await this.accounts.create(
          { kind: 'staff', ...input, password: newToken() },
          manager,
        );
      } catch (error) {
        // Two admins choosing the same name at once: the unique index decides.
        if (isUniqueViolation(error, 'account_username_key')) throw new UsernameTakenError();
        throw error;
      }
      const token = await this.accounts.issueToken(
        account.id,
        'password-reset',
        SET_PASSWORD_TTL_MS,
        manager,
      );
      const setPasswordUrl = this.setPasswordUrl(encodeURIComponent(token));
      await this.audit.record(
        this.entry('staff.create', 'success', account.id, actor, context),
        manager,
      );
      const deliveryId = welcome
        ? await this.mail.record(this.welcomeEmail(account, token), manager)
        : null;
      return { account, setPasswordUrl, deliveryId };
    });
  }

  private setPasswordUrl(token: string): string {
    return `${this.config.publicUrl}/admin/reset-password#token=${token}`;
  }

  /** The link's token stays out of the stored email (MAIL_SECRET, sealed beside it). */
  private welcomeEmail(account: Account, token: string): MailRequest {
    return composeEmail({
      template: 'staff-welcome',
      to: account.email,
      subject: `Your ${this.config.clinicName} staff account`,
      paragraphs: [
        `Hello ${account.displayName},`,
        `An administrator created a staff account for you on the ${this.config.clinicName} portal. Your username is ${account.username}.`,
        'Choose your password with the link below. It works once, within 72 hours; after that, ask an administrator for a new one.',
      ],
      action: { label: 'Choose your password', url: this.setPasswordUrl(MAIL_SECRET) },
      secret: {
        value: encodeURIComponent(token),
        expiresAt: new Date(this.clock.now().getTime() + SET_PASSWORD_TTL_MS),
      },
      clinicName: this.config.clinicName,
    });
  }

  async update(
    accountId: string,
    changes: StaffChanges,
    { principal: actor, context }: Accessor,
  ): Promise<StaffMember> {
    const account = await this.find(accountId);
    const rolesChanged =
      changes.roles !== undefined &&
      [...changes.roles].sort().join() !== [...account.roles].sort().join();
    if (
      rolesChanged &&
      account.id === actor.accountId &&
      account.roles.includes('admin') &&
      !changes.roles!.includes('admin')
    ) {
      await this.record('staff.update', 'denied', account.id, actor, context);
      throw new CannotRemoveOwnAdminRoleError();
    }
    const patch = Object.fromEntries(
      Object.entries(changes).filter(([, value]) => value !== undefined),
    ) as StaffChanges;
    if (!Object.keys(patch).length) return toStaffMember(account);
    await this.accounts.update(account.id, patch);
    await this.record('staff.update', 'success', account.id, actor, context);
    // A separate row, so role grants can be searched for on their own.
    if (rolesChanged)
      await this.record('staff.roles-change', 'success', account.id, actor, context);
    // Sessions read roles from the account on every request: the change applies at once.
    return toStaffMember({ ...account, ...patch });
  }

  async disable(accountId: string, { principal: actor, context }: Accessor): Promise<StaffMember> {
    const account = await this.find(accountId);
    if (account.id === actor.accountId) {
      await this.record('staff.disable', 'denied', account.id, actor, context);
      throw new CannotDisableSelfError();
    }
    await this.accounts.update(account.id, { status: 'disabled' });
    await this.sessions.endAllFor(account.id, 'account-disabled');
    await this.record('staff.disable', 'success', account.id, actor, context);
    return toStaffMember({ ...account, status: 'disabled' });
  }

  async enable(accountId: string, { principal: actor, context }: Accessor): Promise<StaffMember> {
    const account = await this.find(accountId);
    await this.accounts.update(account.id, { status: 'active' });
    await this.record('staff.enable', 'success', account.id, actor, context);
    return toStaffMember({ ...account, status: 'active' });
  }

  /**
   * For a lost phone: removes the authenticator and recovery codes, so the next sign-in
   * falls back to the staff policy, and ends every session the old factor opened.
   */
  async resetSecondFactor(
    accountId: string,
    { principal: actor, context }: Accessor,
  ): Promise<StaffMember> {
    const account = await this.find(accountId);
    await this.accounts.setSecondFactor(account.id, 'none');
    await this.sessions.endAllFor(account.id, 'second-factor-reset');
    await this.record('staff.reset-second-factor', 'success', account.id, actor, context);
    // The owner hears of it, so a reset they did not ask for does not go unnoticed.
    await this.mail.send(
      composeEmail({
        template: 'staff-second-factor-reset',
        to: account.email,
        subject: `Your ${this.config.clinicName} sign-in verification was reset`,
        paragraphs: [
          `Hello ${account.displayName},`,
          'An administrator removed the second sign-in step from your staff account, and signed you out everywhere. Sign in again to set it up.',
          'If you did not ask for this, tell your administrator straight away.',
        ],
        action: { label: 'Sign in', url: `${this.config.publicUrl}/admin/` },
        clinicName: this.config.clinicName,
      }),
    );
    return toStaffMember({ ...account, secondFactor: 'none' });
  }

  /** A staff account by id; malformed ids and patient accounts are "not found" too. */
  private async find(accountId: string): Promise<Account> {
    if (!UUID_PATTERN.test(accountId)) throw new StaffNotFoundError();
    const account = await this.accounts.findById(accountId);
    if (!account || account.kind !== 'staff') throw new StaffNotFoundError();
    return account;
  }

  private record(
    action: AuditAction,
    outcome: AuditOutcome,
    accountId: string,
    actor: Actor | null,
    context?: RequestContext,
  ): Promise<void> {
    return this.audit.record(this.entry(action, outcome, accountId, actor, context));
  }

  private entry(
    action: AuditAction,
    outcome: AuditOutcome,
    accountId: string,
    actor: Actor | null,
    context?: RequestContext,
  ): AuditEntry {
    return {
      action,
      outcome,
      actor,
      resourceType: 'account',
      resourceId: accountId,
      context,
    };
  }
}
