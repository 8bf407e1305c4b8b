import type { AuditAction } from '../audit/audit.service.js';
import { maskEmail } from '../../common/mask-email.js';
import { isUniqueViolation } from '../../infra/database/sql.js';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import {
  hashOneTimeCode,
  hashSecret,
  newSixDigitCode,
  newToken,
  oneTimeCodeMatches,
} from '../../common/one-time-codes.js';
import { ServerKeys } from '../../common/server-keys.js';
import type { RequestContext } from '../../common/principal.js';
import { validationProblem } from '../../common/problem.filter.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { composeEmail, MAIL_SECRET } from '../../infra/mail/compose.js';
import { MailService } from '../../infra/mail/mail.service.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { AuditService } from '../audit/audit.service.js';
import {
  InvitationLinkInvalidError,
  InvitationLockedError,
  InvitationUsedError,
} from '../invitations/invitations.errors.js';
import {
  InvitationsService,
  MAX_BIRTH_DATE_TRIES,
  type InvitationLink,
} from '../invitations/invitations.service.js';
import { PatientsService } from '../patients/patients.service.js';
import type {
  EmailCodeSent,
  IdentityVerified,
  RegistrationCompleted,
  RegistrationInvitation,
} from './registration.dto.js';
import { IDENTITY_METHODS, type IdentityMethod } from './registration.entity.js';
import { RegistrationRepository } from './registration.repository.js';
import {
  AccountExistsError,
  EmailCodeExpiredError,
  EmailCodeLimitError,
  EmailCodeNotRequestedError,
  EmailCodeTriesExceededError,
  EmailCodeUsedError,
  IdentityNotConfirmedError,
  RegistrationTicketExpiredError,
  RegistrationTicketInvalidError,
  RegistrationTicketUsedError,
  UsernameTakenError,
} from './registration.errors.js';

const EMAIL_CODE_TTL_MS = 10 * 60_000;
const EMAIL_CODE_TRIES = 5;
// With 5 tries per code this bounds guessing at 25 in a million per link.
const EMAIL_CODE_SENDS = 5;
const TICKET_TTL_MS = 30 * 60_000;

/** What each step learns about its subject, for the audit row written even when it fails. */
interface Subject {
  patientId: string | null;
  invitationId: string | null;
}

/**
 * A patient's own registration from an invitation link: check the link, prove identity
 * (date of birth, or a code sent to the email on file), then choose a username and password.
 * Every step is public and audited with the patient it concerns and its outcome.
 * The only writer of registration_email_code and registration_ticket.
 */
@Injectable()
export class RegistrationService {
  private readonly logger = new Logger('registration');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rows: RegistrationRepository,
    private readonly invitations: InvitationsService,
    private readonly patients: PatientsService,
    private readonly accounts: AccountsService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly keys: ServerKeys,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** What an emailed code is bound to: the invitation link it was asked for with. */
  private static codeScope(link: InvitationLink): string {
    return `registration:${link.tokenHash}`;
  }

  async describe(token: string, context: RequestContext): Promise<RegistrationInvitation> {
    return this.step('registration.check-invitation', context, async (subject) => {
      const link = await this.usableLink(token, subject);
      await this.succeeded('registration.check-invitation', subject, context);
      return {
        status: 'valid',
        clinicName: this.config.clinicName,
        expiresAt: link.invitation.expiresAt.toISOString(),
        identityMethods: [...IDENTITY_METHODS],
        maskedEmail: maskEmail(link.invitation.email),
      };
    });
  }

  async sendEmailCode(token: string, context: RequestContext): Promise<EmailCodeSent> {
    return this.step('registration.send-email-code', context, async (subject) => {
      const link = await this.usableLink(token, subject);
      const code = newSixDigitCode();
      const now = this.clock.now();
      const expiresAt = new Date(now.getTime() + EMAIL_CODE_TTL_MS);
      const deliveryId = await this.db.transaction(async (manager) => {
        // A new code replaces the last one, up to a fixed number of codes per link.
        const sent = await this.rows.replaceEmailCode(
          manager,
          {
            tokenHash: link.tokenHash,
            invitationId: link.invitation.id,
            codeHash: hashOneTimeCode(this.keys, RegistrationService.codeScope(link), code),
            expiresAt,
            now,
          },
          EMAIL_CODE_SENDS,
        );
        if (!sent) throw new EmailCodeLimitError();
        const id = await this.mail.record(
          this.codeEmail(link.invitation.email, code, expiresAt),
          manager,
        );
        await this.succeeded('registration.send-email-code', subject, context, manager);
        return id;
      });
      await this.mail.dispatch(deliveryId);
      return { sentTo: maskEmail(link.invitation.email), expiresAt: expiresAt.toISOString() };
    });
  }

  async verifyIdentity(
    input: { token: string; dateOfBirth?: string; emailCode?: string },
    context: RequestContext,
  ): Promise<IdentityVerified> {
    const hasBirthDate = input.dateOfBirth !== undefined && input.dateOfBirth !== null;
    const hasCode = input.emailCode !== undefined && input.emailCode !== null;
    if (hasBirthDate === hasCode) {
      const message = 'Enter either your date of birth or the code we emailed you.';
      throw validationProblem([
        { field: 'dateOfBirth', message },
        { field: 'emailCode', message },
      ]);
    }
    return this.step('registration.verify-identity', context, async (subject) => {
      const link = await this.usableLink(input.token, subject);
      const method: IdentityMethod = hasBirthDate ? 'date-of-birth' : 'email-code';
      if (hasBirthDate) await this.checkBirthDate(link, input.dateOfBirth!);
      else await this.checkEmailCode(link, input.emailCode!);
      const ticket = newToken();
      const now = this.clock.now();
      const expiresAt = new Date(now.getTime() + TICKET_TTL_MS);
      const issued = await this.db.transaction(async (manager) => {
        // No ticket for a link locked, used or replaced since it was checked: the hold keeps
        // a lock from landing until the ticket is committed.
        if (!(await this.invitations.holdUsable(link.invitation.id, link.tokenHash, manager))) {
          return false;
        }
        await this.rows.insertTicket(manager, {
          ticketHash: hashSecret(ticket),
          invitationId: link.invitation.id,
          tokenHash: link.tokenHash,
          method,
          createdAt: now,
          expiresAt,
          usedAt: null,
        });
        await this.succeeded('registration.verify-identity', subject, context, manager);
        return true;
      });
      if (!issued) await this.refuseChangedLink(link);
      return { ticket, expiresAt: expiresAt.toISOString() };
    });
  }

  /**
   * Creates the patient's account and spends the invitation and the ticket, all in one
   * transaction: either everything is saved or nothing is.
   */
  async complete(
    input: { ticket: string; username: string; password: string },
    context: RequestContext,
  ): Promise<RegistrationCompleted> {
    return this.step('registration.complete', context, async (subject) => {
      const ticketHash = hashSecret(input.ticket);
      const ticket = await this.rows.findTicket(ticketHash);
      if (!ticket) throw new RegistrationTicketInvalidError();
      subject.invitationId = ticket.invitationId;
      const link = await this.invitations.findLink(ticket.tokenHash);
      if (!link) throw new RegistrationTicketInvalidError();
      subject.patientId = link.invitation.patientId;
      this.invitations.assertUsable(link);
      const now = this.clock.now();
      if (ticket.usedAt) throw new RegistrationTicketUsedError();
      if (ticket.expiresAt <= now) throw new RegistrationTicketExpiredError();
      const patient = await this.patients.findById(link.invitation.patientId);
      if (!patient) throw new RegistrationTicketInvalidError();
      const problems = this.accounts.passwordProblems(input.password, {
        username: input.username,
        email: link.invitation.email,
        names: [patient.givenName, patient.familyName, patient.preferredName],
      });
      if (problems.length) throw validationProblem(problems);
      if (await this.accounts.findByUsername(input.username)) throw new UsernameTakenError();

      const account = await this.db.transaction(async (manager) => {
        // Conditional updates: of two requests racing with one ticket, only one gets through.
        if (!(await this.rows.spendTicket(manager, ticketHash, now))) {
          throw new RegistrationTicketUsedError();
        }
        if (!(await this.invitations.accept(link.invitation.id, link.tokenHash, manager))) {
          throw new InvitationUsedError();
        }
        try {
          const created = await this.accounts.create(
            {
              kind: 'patient',
              username: input.username,
              displayName: patient.preferredName ?? patient.givenName,
              email: link.invitation.email,
              password: input.password,
              patientId: patient.id,
            },
            manager,
          );
          await this.succeeded('registration.complete', subject, context, manager);
          return created;
        } catch (error) {
          if (isUniqueViolation(error, 'account_username_key')) throw new UsernameTakenError();
          if (isUniqueViolation(error, 'account_patient_key')) throw new AccountExistsError();
          throw error;
        }
      });
      return { username: account.username };
    });
  }

  // --- identity checks ------------------------------------------------------------------

  /**
   * Takes a try before comparing, in one statement (as checkEmailCode does), so parallel
   * guesses share the limit and none is compared once the tries are gone or the invitation
   * is locked. A right date keeps its try counted; the last try, when wrong, locks.
   */
  private async checkBirthDate(link: InvitationLink, dateOfBirth: string): Promise<void> {
    const attempt = await this.invitations.takeBirthDateTry(link.invitation.id, link.tokenHash);
    if (attempt === null) return this.refuseChangedLink(link);
    const patient = await this.patients.findById(link.invitation.patientId);
    if (patient && patient.dateOfBirth === dateOfBirth) return;
    const left = MAX_BIRTH_DATE_TRIES - attempt;
    if (left <= 0) {
      await this.invitations.lockAfterBirthDateTries(link.invitation.id, link.tokenHash);
      // Answer as the next request would.
      throw new InvitationLockedError();
    }
    throw new IdentityNotConfirmedError(
      'dateOfBirth',
      `The date of birth does not match our records. ${left === 1 ? '1 try' : `${left} tries`} left.`,
    );
  }

  private async checkEmailCode(link: InvitationLink, code: string): Promise<void> {
    const now = this.clock.now();
    // Count the try before comparing, in one statement, so parallel guesses share the limit.
    const current = await this.rows.takeEmailCodeTry(link.tokenHash, now, EMAIL_CODE_TRIES);
    if (!current) {
      const row = await this.rows.findEmailCode(link.tokenHash);
      if (!row) throw new EmailCodeNotRequestedError();
      if (row.usedAt) throw new EmailCodeUsedError();
      if (row.attempts >= EMAIL_CODE_TRIES) throw new EmailCodeTriesExceededError();
      throw new EmailCodeExpiredError();
    }
    if (
      !oneTimeCodeMatches(this.keys, RegistrationService.codeScope(link), code, current.code_hash)
    ) {
      const left = EMAIL_CODE_TRIES - current.attempts;
      throw new IdentityNotConfirmedError(
        'emailCode',
        left > 0
          ? `That code is not right. ${left === 1 ? '1 try' : `${left} tries`} left.`
          : 'That code is not right, and it cannot be tried again. Ask for a new code.',
      );
    }
    if (!(await this.rows.useEmailCode(link.tokenHash, current.code_hash, now))) {
      throw new EmailCodeUsedError();
    }
  }

  // --- shared ---------------------------------------------------------------------------

  /** The invitation behind a token, or the reason it cannot be used (404, 410, 423). */
  private async usableLink(token: string, subject: Subject): Promise<InvitationLink> {
    const link = await this.invitations.findLink(hashSecret(token));
    if (!link) throw new InvitationLinkInvalidError();
    subject.patientId = link.invitation.patientId;
    subject.invitationId = link.invitation.id;
    this.invitations.assertUsable(link);
    return link;
  }

  /**
   * For a link that passed usableLink() but could not take a try or be held: says why from a
   * fresh read (410 used, revoked, replaced or expired), or 423 when it is still open but its
   * date-of-birth tries are gone (locked, or about to be).
   */
  private async refuseChangedLink(link: InvitationLink): Promise<never> {
    const current = await this.invitations.findLink(link.tokenHash);
    if (!current) throw new InvitationLinkInvalidError();
    this.invitations.assertUsable(current);
    throw new InvitationLockedError();
  }

  private codeEmail(to: string, code: string, expiresAt: Date) {
    const clinic = this.config.clinicName;
    return composeEmail({
      template: 'registration-code',
      to,
      subject: `Your ${clinic} verification code`,
      paragraphs: [
        `Your verification code is ${MAIL_SECRET}.`,
        'Enter it on the registration page to confirm it is you. It works once, for 10 minutes.',
        'The clinic will never ask you for this code by phone or email.',
      ],
      secret: { value: code, expiresAt },
      clinicName: clinic,
    });
  }

  private succeeded(
    action: AuditAction,
    subject: Subject,
    context: RequestContext,
    manager?: Parameters<AuditService['record']>[1],
  ): Promise<void> {
    return this.audit.record(
      {
        action,
        outcome: 'success',
        actor: null,
        patientId: subject.patientId,
        resourceType: 'invitation',
        resourceId: subject.invitationId ?? undefined,
        context,
      },
      manager,
    );
  }

  /** Runs one step; a refusal is audited (outside any rolled-back transaction) and rethrown. */
  private async step<T>(
    action: AuditAction,
    context: RequestContext,
    run: (subject: Subject) => Promise<T>,
  ): Promise<T> {
    const subject: Subject = { patientId: null, invitationId: null };
    try {
      return await run(subject);
    } catch (error) {
      await this.audit
        .record({
          action,
          outcome: 'failure',
          actor: null,
          patientId: subject.patientId,
          resourceType: 'invitation',
          resourceId: subject.invitationId ?? undefined,
          context,
        })
        .catch((auditError: unknown) =>
          this.logger.error({ err: auditError }, 'could not record a failed registration step'),
        );
      throw error;
    }
  }
}
