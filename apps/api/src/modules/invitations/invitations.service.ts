import { InvitationsRepository } from './invitations.repository.js';
import { pageOf } from '../../common/pager.js';
import type { AuditAction } from '../audit/audit.service.js';
import { UUID_PATTERN } from '../../common/validation.js';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { hashSecret, newToken } from '../../common/one-time-codes.js';
import { PatientNotFoundError } from '../../common/patient-scope.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { composeEmail, MAIL_SECRET } from '../../infra/mail/compose.js';
import { MailService, type MailRequest } from '../../infra/mail/mail.service.js';
import { newId } from '../../infra/database/ids.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { Patient } from '../patients/patient.entity.js';
import type { Accessor } from '../../common/principal.js';
import { PatientsService } from '../patients/patients.service.js';
import { Invitation, type InvitationStatus } from './invitation.entity.js';
import {
  toInvitationSummary,
  type InvitationPage,
  type InvitationSummary,
} from './invitations.dto.js';
import {
  InvitationAlreadyAcceptedError,
  InvitationAlreadyRevokedError,
  InvitationExpiredError,
  InvitationLockedError,
  InvitationNotFoundError,
  InvitationReplacedError,
  InvitationRevokedError,
  InvitationStillValidError,
  InvitationUsedError,
  PatientEmailMissingError,
  PatientHasAccountError,
} from './invitations.errors.js';

/** Wrong dates of birth allowed before the invitation locks. */
export const MAX_BIRTH_DATE_TRIES = 5;
const DAY_MS = 86_400_000;

/** An invitation found by the token of one of its links. */
export interface InvitationLink {
  invitation: Invitation;
  tokenHash: string;
  /** The link was replaced by a resend. */
  replaced: boolean;
}

export interface InvitationFilter {
  status?: InvitationStatus;
  patientId?: string;
  limit: number;
  cursor?: string;
}

function formatExpiry(at: Date): string {
  const text = new Intl.DateTimeFormat('en-US', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(at);
  return `${text} (UTC)`;
}

/**
 * Portal invitations: the only writer of invitation and invitation_replaced_token.
 * The invitation row and its email row commit together; the email job is queued after the
 * commit. A crash in between leaves the invitation "pending", and start-up queues it then.
 */
@Injectable()
export class InvitationsService implements OnApplicationBootstrap {
  private readonly logger = new Logger('invitations');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rows: InvitationsRepository,
    private readonly patients: PatientsService,
    private readonly accounts: AccountsService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(patientId: string, by: Accessor): Promise<InvitationSummary> {
    const invitation = await this.record(patientId, by);
    return this.summarize(await this.send(invitation));
  }

  /**
   * The transactional half of create(): writes the invitation and its email without
   * queueing the email. Tests call it alone to play a crash before the queueing.
   */
  async record(patientId: string, by: Accessor): Promise<Invitation> {
    return this.auditFailure('invitation.create', by, patientId, null, () =>
      this.db.transaction(async (manager) => {
        const patient = await this.patients.findByIdForUpdate(patientId, manager);
        if (!patient) throw new PatientNotFoundError();
        const email = await this.assertInvitable(patient, manager);
        const now = this.clock.now();
        const live = await this.rows.hasLive(manager, patientId, now);
        if (live) throw new InvitationStillValidError();
        const token = newToken();
        const expiresAt = new Date(now.getTime() + this.config.invitationTtlDays * DAY_MS);
        const mailDeliveryId = await this.mail.record(
          this.invitationEmail(email, token, expiresAt),
          manager,
        );
        const invitation = Object.assign(new Invitation(), {
          id: newId(),
          patientId,
          email,
          tokenHash: hashSecret(token),
          status: 'pending',
          expiresAt,
          mailDeliveryId,
          sendCount: 1,
          dobFailures: 0,
          lockedAt: null,
          createdBy: by.principal.accountId,
          createdAt: now,
          updatedAt: now,
          sentAt: null,
          acceptedAt: null,
          revokedAt: null,
          revokedBy: null,
        });
        await this.rows.insert(manager, invitation);
        await this.audit.recordSuccess(
          by,
          'invitation.create',
          { patientId, resourceType: 'invitation', resourceId: invitation.id },
          manager,
        );
        return invitation;
      }),
    );
  }

  /** A new link and email; the old link stops working, and a lock by wrong dates of birth lifts. */
  async resend(invitationId: string, by: Accessor): Promise<InvitationSummary> {
    if (!UUID_PATTERN.test(invitationId)) throw new InvitationNotFoundError();
    const subject = { patientId: null as string | null };
    const invitation = await this.auditFailure('invitation.resend', by, subject, invitationId, () =>
      this.db.transaction(async (manager) => {
        const current = await this.rows.findForUpdate(manager, invitationId);
        if (!current) throw new InvitationNotFoundError();
        subject.patientId = current.patientId;
        if (current.status === 'accepted') throw new InvitationAlreadyAcceptedError();
        if (current.status === 'revoked') throw new InvitationAlreadyRevokedError();
        const patient = await this.patients.findByIdForUpdate(current.patientId, manager);
        if (!patient) throw new PatientNotFoundError();
        // The email may have been corrected since: the new link goes to the one on file now.
        const email = await this.assertInvitable(patient, manager);
        const now = this.clock.now();
        const token = newToken();
        const expiresAt = new Date(now.getTime() + this.config.invitationTtlDays * DAY_MS);
        await this.rows.replaceToken(manager, {
          tokenHash: current.tokenHash,
          invitationId,
          replacedAt: now,
        });
        const mailDeliveryId = await this.mail.record(
          this.invitationEmail(email, token, expiresAt),
          manager,
        );
        const changes = {
          email,
          tokenHash: hashSecret(token),
          status: 'pending' as const,
          expiresAt,
          mailDeliveryId,
          sendCount: current.sendCount + 1,
          dobFailures: 0,
          lockedAt: null,
          sentAt: null,
          updatedAt: now,
        };
        return this.saveChange(manager, current, changes, 'invitation.resend', by);
      }),
    );
    return this.summarize(await this.send(invitation));
  }

  /** Saves the changes of a locked invitation with their audit row; answers it as changed. */
  private async saveChange<Changes extends Partial<Invitation>>(
    manager: EntityManager,
    current: Invitation,
    changes: Changes,
    action: AuditAction,
    by: Accessor,
  ): Promise<Invitation & Changes> {
    await this.rows.update(manager, current.id, changes);
    await this.audit.recordSuccess(
      by,
      action,
      { patientId: current.patientId, resourceType: 'invitation', resourceId: current.id },
      manager,
    );
    return { ...current, ...changes };
  }

  /** Kills the link. Revoking a revoked invitation changes nothing and answers the same. */
  async revoke(invitationId: string, by: Accessor): Promise<InvitationSummary> {
    if (!UUID_PATTERN.test(invitationId)) throw new InvitationNotFoundError();
    const subject = { patientId: null as string | null };
    const invitation = await this.auditFailure('invitation.revoke', by, subject, invitationId, () =>
      this.db.transaction(async (manager) => {
        const current = await this.rows.findForUpdate(manager, invitationId);
        if (!current) throw new InvitationNotFoundError();
        subject.patientId = current.patientId;
        if (current.status === 'accepted') throw new InvitationAlreadyAcceptedError();
        if (current.status === 'revoked') return current;
        const now = this.clock.now();
        const changes = {
          status: 'revoked' as const,
          revokedAt: now,
          revokedBy: by.principal.accountId,
          updatedAt: now,
        };
        return this.saveChange(manager, current, changes, 'invitation.revoke', by);
      }),
    );
    return this.summarize(invitation);
  }

  /**
   * Newest first. A fixed number of queries per page: invitations, their patients, their
   * emails, and one INSERT of the audit rows.
   */
  async list(filter: InvitationFilter, by: Accessor): Promise<InvitationPage> {
    const now = this.clock.now();
    const rows = await this.rows.list(filter, now);
    const { items: page, nextCursor } = pageOf(rows, filter.limit, (row) => [null, row.id]);
    const items = await this.summarizeAll(page, now);
    // The list shows each patient's name, MRN and email: one audit row per patient on the
    // page, so it appears in their access log; for an empty page, one naming the filtered
    // patient (or nobody). A single INSERT either way.
    const patientIds = [...new Set(page.map((invitation) => invitation.patientId))];
    const shown: (string | null)[] = patientIds.length ? patientIds : [filter.patientId ?? null];
    await this.audit.recordPatientsShown(by, 'invitation.list', shown);
    return { items, nextCursor };
  }

  // --- for registration -----------------------------------------------------------------

  /** The invitation behind a link's token hash, current or replaced; null when unknown. */
  async findLink(tokenHash: string): Promise<InvitationLink | null> {
    const invitation = await this.rows.findByTokenHash(tokenHash);
    if (invitation) return { invitation, tokenHash, replaced: false };
    const replaced = await this.rows.findReplacedToken(tokenHash);
    if (!replaced) return null;
    const original = await this.rows.findById(replaced.invitationId);
    return original ? { invitation: original, tokenHash, replaced: true } : null;
  }

  /** Throws the patient-facing reason (410 or 423) when the link cannot be used now. */
  assertUsable(link: InvitationLink): void {
    const { invitation } = link;
    if (invitation.status === 'accepted') throw new InvitationUsedError();
    if (invitation.status === 'revoked') throw new InvitationRevokedError();
    if (link.replaced) throw new InvitationReplacedError();
    if (invitation.expiresAt <= this.clock.now()) throw new InvitationExpiredError();
    if (invitation.lockedAt) throw new InvitationLockedError();
  }

  /**
   * Takes one date-of-birth try BEFORE the date is compared, in a single statement, so
   * parallel guesses share the limit and no date is compared once the tries are gone.
   * Returns the try's number (1 to MAX_BIRTH_DATE_TRIES), or null when no try could be
   * taken: no tries left, or the link is no longer usable (locked, used, replaced, expired).
   * A try that confirms the date stays counted too: at most MAX_BIRTH_DATE_TRIES dates are
   * ever compared per link, until a resend resets the count.
   */
  async takeBirthDateTry(invitationId: string, tokenHash: string): Promise<number | null> {
    const now = this.clock.now();
    return this.rows.takeBirthDateTry(invitationId, tokenHash, MAX_BIRTH_DATE_TRIES, now);
  }

  /**
   * Locks the invitation when its last date-of-birth try proved wrong. A resend in between
   * (new link, count reset) leaves it alone.
   */
  async lockAfterBirthDateTries(invitationId: string, tokenHash: string): Promise<void> {
    const now = this.clock.now();
    await this.rows.lock(invitationId, tokenHash, MAX_BIRTH_DATE_TRIES, now);
  }

  /**
   * Inside the caller's transaction: whether the link is still usable (current, open,
   * unexpired, unlocked), holding the row so that no lock lands until the caller commits.
   * Registration issues its ticket under this hold: never for a link locked meanwhile.
   */
  async holdUsable(
    invitationId: string,
    tokenHash: string,
    manager: EntityManager,
  ): Promise<boolean> {
    return this.rows.holdUsable(manager, invitationId, tokenHash, this.clock.now());
  }

  /**
   * Spends the invitation inside the registration transaction: only while the link used is
   * still the current one and the invitation is open, unexpired and unlocked.
   */
  async accept(invitationId: string, tokenHash: string, manager: EntityManager): Promise<boolean> {
    return this.rows.accept(manager, invitationId, tokenHash, this.clock.now());
  }

  // --- recovery -------------------------------------------------------------------------

  /** Queues the email of every live invitation left pending (a crash after the commit). */
  async resumeUnsent(): Promise<number> {
    const pending = await this.rows.unsent(this.clock.now());
    for (const invitation of pending) await this.send(invitation);
    return pending.length;
  }

  async onApplicationBootstrap(): Promise<void> {
    const count = await this.resumeUnsent();
    if (count) this.logger.log({ count }, 'queued invitation emails left unqueued');
  }

  // --- internals ------------------------------------------------------------------------

  /** Returns the address to invite, or refuses: no email (422), or already an account (409). */
  private async assertInvitable(patient: Patient, manager: EntityManager): Promise<string> {
    if (await this.accounts.existsForPatient(patient.id, manager)) {
      throw new PatientHasAccountError();
    }
    if (!patient.email) throw new PatientEmailMissingError();
    return patient.email;
  }

  /**
   * Queues the email (its job id is the delivery id, so a repeat is ignored) and marks the
   * invitation sent. A queue failure leaves it pending for start-up to pick up.
   */
  private async send(invitation: Invitation): Promise<Invitation> {
    try {
      await this.mail.dispatch(invitation.mailDeliveryId);
    } catch (error) {
      this.logger.error(
        { err: error, invitationId: invitation.id },
        'invitation email not queued; it will be queued at the next start',
      );
      return invitation;
    }
    const sentAt = this.clock.now();
    if (await this.rows.markSent(invitation, sentAt)) {
      return { ...invitation, status: 'sent', sentAt, updatedAt: sentAt };
    }
    // Changed meanwhile (revoked, resent, accepted): report what is there now.
    return (await this.rows.findById(invitation.id)) ?? invitation;
  }

  private async summarize(invitation: Invitation): Promise<InvitationSummary> {
    const [summary] = await this.summarizeAll([invitation], this.clock.now());
    return summary!;
  }

  /** Two queries whatever the page size: the patients' names and the emails' delivery state. */
  private async summarizeAll(page: Invitation[], now: Date): Promise<InvitationSummary[]> {
    const [patients, deliveries] = await Promise.all([
      this.patients.findByIds(page.map((i) => i.patientId)),
      this.mail.statusOf(page.map((i) => i.mailDeliveryId)),
    ]);
    return page.map((invitation) =>
      toInvitationSummary(
        invitation,
        patients.get(invitation.patientId),
        deliveries.get(invitation.mailDeliveryId),
        now,
      ),
    );
  }

  private invitationEmail(to: string, token: string, expiresAt: Date): MailRequest {
    const clinic = this.config.clinicName;
    // The link carries the token only; no name, date of birth, MRN or health data.
    return composeEmail({
      template: 'invitation',
      to,
      subject: `Your invitation to the ${clinic} patient portal`,
      paragraphs: [
        'Hello,',
        `${clinic} invites you to create an account on its patient portal.`,
        `Open the link below to register. It works once and expires on ${formatExpiry(expiresAt)}. ` +
          'If it has expired, ask the clinic for a new invitation.',
      ],
      action: {
        label: 'Create your account',
        url: `${this.config.publicUrl}/register#token=${MAIL_SECRET}`,
      },
      secret: { value: token, expiresAt },
      clinicName: clinic,
    });
  }

  /** Records a refused staff action in the audit trail, then lets the error through. */
  private async auditFailure<T>(
    action: AuditAction,
    by: Accessor,
    patient: string | { patientId: string | null },
    invitationId: string | null,
    run: () => Promise<T>,
  ): Promise<T> {
    return this.audit.recordRefusal(
      () => ({
        action,
        actor: by.principal,
        patientId: typeof patient === 'string' ? patient : patient.patientId,
        resourceType: 'invitation',
        resourceId: invitationId ?? undefined,
        context: by.context,
      }),
      run,
    );
  }
}
