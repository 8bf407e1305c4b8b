import {
  ACTIVE,
  AppointmentsRepository,
  type ChangeRow,
  type PatientFacts,
} from './appointments.repository.js';
import { decodeCursor, pageOf } from '../../common/pager.js';
import type { AuditAction } from '../audit/audit.service.js';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { PatientNotFoundError } from '../../common/patient-scope.js';
import { UUID_PATTERN } from '../../common/validation.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { newId } from '../../infra/database/ids.js';
import { isDeadlock, isExclusionViolation } from '../../infra/database/sql.js';
import { MailService } from '../../infra/mail/mail.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { Accessor } from '../../common/principal.js';
import { PatientsService } from '../patients/patients.service.js';
import { SchedulingService, type BookingContext } from '../scheduling/scheduling.service.js';
import {
  addressLine,
  appointmentUrl,
  bookedEmail,
  cancelledEmail,
  rescheduledEmail,
  type EmailAppointment,
  type EmailSettings,
} from './appointment-emails.js';
import {
  reminderViews,
  toAppointmentView,
  type AppointmentRow,
  type ProcessedReminder,
} from './appointment-rows.js';
import { Appointment, type AppointmentStatus } from './appointment.entity.js';
import type {
  AppointmentPage,
  AppointmentView,
  AppointmentWhen,
  StatusMark,
} from './appointments.dto.js';
import {
  AppointmentChangedError,
  AppointmentNotFoundError,
  BeyondHorizonError,
  EstablishedPatientsOnlyError,
  InPastError,
  InsideCutoffError,
  NewPatientsOnlyError,
  NotBookableOnlineError,
  NotCancellableError,
  OutsideHoursError,
  OverlapsOwnAppointmentError,
  ProviderDoesNotOfferVisitTypeError,
  SlotTakenError,
  StatusNotAllowedError,
  TooManyBookingsError,
} from './appointments.errors.js';
import { writeCalendar } from './calendar.js';
import { RemindersService, type ReminderTarget } from './reminders.service.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** visit_type.duration_minutes is at most this, so no appointment is longer. */
const NO_DOUBLE_BOOKING = 'appointment_no_double_booking';

export interface NewBooking {
  visitTypeId: string;
  providerId: string;
  locationId: string;
  startsAt: Date;
  reason: string | null;
}

export interface Reschedule {
  version: number;
  startsAt: Date;
  providerId?: string;
  locationId?: string;
}

/** An appointment row inside a change, with the patient's email for the notice. */
/** The outcome of a committed change: what to answer, and what to queue after the commit. */
interface Committed {
  row: AppointmentRow;
  mailId: string | null;
  processed?: Map<number, ProcessedReminder>;
}

/**
 * Appointments: the only writer of the appointment table. Every change runs in one
 * transaction with its audit row and its email row; its jobs (the email, the reminders) are
 * queued after the commit. Double booking is refused by the exclusion constraint, whose
 * violation answers 409 slot_taken: never by a check made beforehand alone.
 */
@Injectable()
export class AppointmentsService {
  private readonly logger = new Logger('appointments');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rows: AppointmentsRepository,
    private readonly scheduling: SchedulingService,
    private readonly patients: PatientsService,
    private readonly reminders: RemindersService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // --- reads ------------------------------------------------------------------------------

  /**
   * One page of a patient's appointments: upcoming (booked or arrived, not yet ended) earliest
   * first, or past (the rest) latest first. A fixed number of queries: the page with its
   * providers, locations and visit types, the reminders' state for staff, and one audit row.
   */
  async list(
    patientId: string,
    query: { when: AppointmentWhen; limit: number; cursor?: string },
    by: Accessor,
  ): Promise<AppointmentPage> {
    const now = this.clock.now();
    const after = query.cursor ? decodeCursor(query.cursor, 'instant') : null;
    const rows = await this.rows.listForPatient(patientId, {
      upcoming: query.when === 'upcoming',
      now,
      limit: query.limit,
      after,
    });
    const { items: page, nextCursor } = pageOf(rows, query.limit, (row) => [row.cursor_at, row.id]);
    const items = await this.views(page, by, now);
    await this.audit.recordSuccess(by, 'appointment.list', {
      patientId,
      resourceType: 'appointment',
    });
    return { items, nextCursor };
  }

  async get(patientId: string, appointmentId: string, by: Accessor): Promise<AppointmentView> {
    const row = await this.findRow(patientId, appointmentId);
    const [view] = await this.views([row], by, this.clock.now());
    await this.auditRead('appointment.read', row, by);
    return view!;
  }

  /** The appointment as an iCalendar file: where and when, never why or which specialty. */
  async calendar(patientId: string, appointmentId: string, by: Accessor): Promise<string> {
    const row = await this.findRow(patientId, appointmentId);
    const url = appointmentUrl(this.config.publicUrl, row.id);
    const text = writeCalendar({
      uid: `${row.id}@portal`,
      stamp: this.clock.now(),
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      summary: `Appointment at ${row.location_name}`,
      location: `${row.location_name}, ${addressLine(row.location_address)}`,
      description: `See the details, directions and changes in the patient portal: ${url}`,
      url,
      cancelled: row.status === 'cancelled',
      sequence: row.version - 1,
    });
    await this.auditRead('appointment.calendar', row, by);
    return text;
  }

  // --- changes ----------------------------------------------------------------------------

  async book(patientId: string, input: NewBooking, by: Accessor): Promise<AppointmentView> {
    const forPatient = by.principal.kind === 'patient';
    const committed = await this.auditFailure('appointment.book', by, patientId, null, () =>
      this.db.transaction(async (manager): Promise<Committed> => {
        // Held until commit, so "at most N bookings" and "no overlap with the patient's own
        // appointments" hold however many bookings for this patient run at once.
        const patient = await this.patients.findByIdForUpdate(patientId, manager);
        if (!patient) throw new PatientNotFoundError();
        const now = this.clock.now();
        this.assertTimeRules(input.startsAt, now, forPatient);
        const context = await this.scheduling.getBookingContext(manager, input);
        const endsAt = new Date(
          input.startsAt.getTime() + context.visitType.durationMinutes * 60_000,
        );
        await this.assertBookable(manager, context, input.startsAt, endsAt, forPatient);
        const facts = await this.patientFacts(manager, patientId, input.startsAt, endsAt, now);
        if (forPatient) {
          const rule = context.visitType.patientStatus;
          if (rule === 'new' && facts.established) throw new NewPatientsOnlyError();
          if (rule === 'established' && !facts.established) {
            throw new EstablishedPatientsOnlyError();
          }
          const max = this.config.scheduling.maxFutureOnlineBookings;
          if (facts.future_online >= max) throw new TooManyBookingsError(max);
        }
        if (facts.overlaps) throw new OverlapsOwnAppointmentError(forPatient);

        const appointment: Appointment = {
          id: newId(),
          patientId,
          providerId: context.provider.id,
          locationId: context.location.id,
          visitTypeId: context.visitType.id,
          startsAt: input.startsAt,
          endsAt,
          status: 'booked',
          reason: input.reason,
          bookedBy: forPatient ? 'patient' : 'staff',
          bookedByAccountId: by.principal.accountId,
          cancelReason: null,
          cancelledAt: null,
          cancelledBy: null,
          version: 1,
          scheduleVersion: 1,
          createdAt: now,
          updatedAt: now,
        };
        try {
          await this.rows.insert(manager, appointment);
        } catch (error) {
          if (isSlotRace(error)) throw new SlotTakenError();
          throw error;
        }
        const row = this.rowFrom(appointment, context);
        const mailId = patient.email
          ? await this.mail.record(
              bookedEmail(patient.email, this.emailAppointment(row), this.emailSettings()),
              manager,
            )
          : null;
        await this.auditChange('appointment.book', row, by, manager);
        return { row, mailId, processed: new Map() };
      }),
    );
    await this.afterCommit(committed, () => this.reminders.schedule(target(committed.row)));
    return this.committedView(committed, by);
  }

  /**
   * Moves an appointment in one UPDATE of its row: the new time is taken and the old one
   * released atomically, or nothing changes (409 when the new time is taken or the row
   * changed meanwhile). The visit type stays; the provider and location may change.
   */
  async reschedule(
    patientId: string,
    appointmentId: string,
    input: Reschedule,
    by: Accessor,
  ): Promise<AppointmentView> {
    const forPatient = by.principal.kind === 'patient';
    let previous: ReminderTarget | null = null;
    const committed = await this.auditFailure(
      'appointment.reschedule',
      by,
      patientId,
      appointmentId,
      () =>
        this.db.transaction(async (manager): Promise<Committed> => {
          const patient = await this.patients.findByIdForUpdate(patientId, manager);
          if (!patient) throw new PatientNotFoundError();
          const current = await this.findChangeRow(manager, patientId, appointmentId);
          if (current.version !== input.version) throw new AppointmentChangedError();
          if (current.status !== 'booked') throw new NotCancellableError(current.status);
          const now = this.clock.now();
          this.assertOutsideCutoff(current, now, forPatient);
          this.assertTimeRules(input.startsAt, now, forPatient);
          const context = await this.scheduling.getBookingContext(manager, {
            providerId: input.providerId ?? current.provider_id,
            locationId: input.locationId ?? current.location_id,
            visitTypeId: current.visit_type_id,
          });
          const endsAt = new Date(
            input.startsAt.getTime() + context.visitType.durationMinutes * 60_000,
          );
          await this.assertBookable(manager, context, input.startsAt, endsAt, forPatient);
          const facts = await this.patientFacts(
            manager,
            patientId,
            input.startsAt,
            endsAt,
            now,
            current.id,
          );
          if (facts.overlaps) throw new OverlapsOwnAppointmentError(forPatient);
          let updated: { version: number; schedule_version: number }[];
          try {
            updated = await this.rows.move(manager, current.id, input.version, {
              startsAt: input.startsAt,
              endsAt,
              providerId: context.provider.id,
              locationId: context.location.id,
              now,
            });
          } catch (error) {
            if (isSlotRace(error)) throw new SlotTakenError();
            throw error;
          }
          if (updated.length !== 1) throw new AppointmentChangedError();
          previous = target(current);
          const row = this.rowFrom(
            {
              id: current.id,
              patientId,
              startsAt: input.startsAt,
              endsAt,
              status: current.status,
              reason: current.reason,
              bookedBy: current.booked_by,
              createdAt: current.created_at,
              updatedAt: now,
              cancelledAt: null,
              cancelReason: null,
              version: updated[0]!.version,
              scheduleVersion: updated[0]!.schedule_version,
            },
            context,
          );
          const mailId = current.patient_email
            ? await this.mail.record(
                rescheduledEmail(
                  current.patient_email,
                  this.emailAppointment(row),
                  { startsAt: current.starts_at },
                  this.emailSettings(),
                ),
                manager,
              )
            : null;
          await this.auditChange('appointment.reschedule', row, by, manager);
          return { row, mailId, processed: new Map() };
        }),
    );
    await this.afterCommit(committed, () =>
      this.reminders.reschedule(previous!, target(committed.row)),
    );
    return this.committedView(committed, by);
  }

  async cancel(
    patientId: string,
    appointmentId: string,
    input: { version: number; reason: string },
    by: Accessor,
  ): Promise<AppointmentView> {
    const forPatient = by.principal.kind === 'patient';
    const committed = await this.changeAt(
      'appointment.cancel',
      by,
      { patientId, appointmentId, version: input.version },
      async (manager, current) => {
        // Patients cancel booked visits; staff may also cancel one the patient arrived for.
        const cancellable: AppointmentStatus[] = forPatient ? ['booked'] : ACTIVE;
        if (!cancellable.includes(current.status)) {
          throw new NotCancellableError(current.status);
        }
        const now = this.clock.now();
        this.assertOutsideCutoff(current, now, forPatient);
        const updated = await this.rows.cancel(manager, current.id, input.version, {
          now,
          who: forPatient ? 'patient' : 'staff',
          reason: input.reason,
        });
        if (updated.length !== 1) throw new AppointmentChangedError();
        const row: AppointmentRow = {
          ...current,
          status: 'cancelled',
          cancelled_at: now,
          cancel_reason: input.reason,
          version: updated[0]!.version,
          updated_at: now,
        };
        const mailId = current.patient_email
          ? await this.mail.record(
              cancelledEmail(
                current.patient_email,
                this.emailAppointment(row),
                this.emailSettings(),
              ),
              manager,
            )
          : null;
        await this.auditChange('appointment.cancel', row, by, manager);
        return { row, mailId, processed: await this.processedFor(row, by, manager) };
      },
    );
    await this.afterCommit(committed, () => this.reminders.unschedule(target(committed.row)));
    return this.committedView(committed, by);
  }

  /** Staff marks: arrived, completed, no-show, or booked again to undo a mark. */
  async setStatus(
    patientId: string,
    appointmentId: string,
    input: { version: number; status: StatusMark },
    by: Accessor,
  ): Promise<AppointmentView> {
    const committed = await this.changeAt(
      'appointment.status',
      by,
      { patientId, appointmentId, version: input.version },
      async (manager, current) => {
        const now = this.clock.now();
        this.assertStatusChange(current, input.status, now);
        const updated = await this.rows.setStatus(
          manager,
          current.id,
          input.version,
          input.status,
          now,
        );
        if (updated.length !== 1) throw new AppointmentChangedError();
        const row: AppointmentRow = {
          ...current,
          status: input.status,
          version: updated[0]!.version,
          updated_at: now,
        };
        await this.auditChange('appointment.status', row, by, manager);
        return { row, mailId: null, processed: await this.processedFor(row, by, manager) };
      },
    );
    return this.committedView(committed, by);
  }

  // --- rules ------------------------------------------------------------------------------

  private assertTimeRules(startsAt: Date, now: Date, forPatient: boolean): void {
    if (startsAt <= now) throw new InPastError();
    const horizonDays = this.config.scheduling.bookingHorizonDays;
    if (forPatient && startsAt.getTime() > now.getTime() + horizonDays * DAY_MS) {
      throw new BeyondHorizonError(horizonDays);
    }
  }

  /** The visit type, the provider and the hours allow this time (appointments aside). */
  private async assertBookable(
    manager: EntityManager,
    context: BookingContext,
    startsAt: Date,
    endsAt: Date,
    forPatient: boolean,
  ): Promise<void> {
    if (forPatient && !context.visitType.bookableOnline) throw new NotBookableOnlineError();
    if (!context.offersVisitType) throw new ProviderDoesNotOfferVisitTypeError();
    const open = await this.scheduling.isWithinHours(manager, {
      providerId: context.provider.id,
      locationId: context.location.id,
      startsAt,
      endsAt,
    });
    if (!open) throw new OutsideHoursError();
  }

  /** Patients change or cancel online only until the cutoff before the start. */
  private assertOutsideCutoff(current: AppointmentRow, now: Date, forPatient: boolean): void {
    const hours = this.config.scheduling.cancelCutoffHours;
    if (forPatient && now.getTime() >= current.starts_at.getTime() - hours * HOUR_MS) {
      throw new InsideCutoffError(hours, {
        name: current.location_name,
        phone: current.location_phone,
      });
    }
  }

  private assertStatusChange(current: AppointmentRow, status: StatusMark, now: Date): void {
    if (current.status === 'cancelled') {
      throw new StatusNotAllowedError(
        'A cancelled appointment cannot be marked. Book a new appointment instead.',
      );
    }
    if (current.status === status) {
      throw new StatusNotAllowedError(`The appointment is already marked ${status}.`);
    }
    const started = now >= current.starts_at;
    switch (status) {
      case 'arrived': {
        if (current.status !== 'booked') {
          throw new StatusNotAllowedError(
            `The appointment is marked ${current.status}. Undo that first (mark it booked).`,
          );
        }
        const zone = current.location_time_zone;
        const today = DateTime.fromJSDate(now, { zone }).toISODate()!;
        const visitDay = DateTime.fromJSDate(current.starts_at, { zone }).toISODate()!;
        if (today < visitDay) {
          throw new StatusNotAllowedError(
            'A patient can be marked as arrived only on the day of the visit.',
          );
        }
        return;
      }
      case 'completed':
        if (current.status === 'no-show') {
          throw new StatusNotAllowedError(
            'The appointment is marked no-show. Undo that first (mark it booked).',
          );
        }
        if (!started) {
          throw new StatusNotAllowedError(
            'A visit can be marked as completed only once its start time has come.',
          );
        }
        return;
      case 'no-show':
        if (current.status !== 'booked') {
          throw new StatusNotAllowedError(
            `The appointment is marked ${current.status}. Undo that first (mark it booked).`,
          );
        }
        if (!started) {
          throw new StatusNotAllowedError(
            'A patient can be marked as not having come only after the start time.',
          );
        }
        return;
      case 'booked':
        return;
    }
  }

  /**
   * The patient's standing, in one query: future appointments they booked online, whether
   * they have had a completed visit, and whether another active appointment of theirs
   * overlaps [startsAt, endsAt).
   */
  private async patientFacts(
    manager: EntityManager,
    patientId: string,
    startsAt: Date,
    endsAt: Date,
    now: Date,
    excludeId: string | null = null,
  ): Promise<PatientFacts> {
    return this.rows.patientFacts(manager, patientId, { startsAt, endsAt, now, excludeId });
  }

  // --- helpers ----------------------------------------------------------------------------

  private async findRow(patientId: string, appointmentId: string): Promise<AppointmentRow> {
    if (!UUID_PATTERN.test(appointmentId)) throw new AppointmentNotFoundError();
    const row = await this.rows.find(patientId, appointmentId);
    if (!row) throw new AppointmentNotFoundError();
    return row;
  }

  /** The appointment about to change, with the patient's email; 404 when not this patient's. */
  private async findChangeRow(
    manager: EntityManager,
    patientId: string,
    appointmentId: string,
  ): Promise<ChangeRow> {
    if (!UUID_PATTERN.test(appointmentId)) throw new AppointmentNotFoundError();
    const row = await this.rows.findForChange(manager, patientId, appointmentId);
    if (!row) throw new AppointmentNotFoundError();
    return row;
  }

  /** A row as a list would read it, from what a booking or a move already holds. */
  private rowFrom(
    appointment: Pick<
      Appointment,
      | 'id'
      | 'patientId'
      | 'startsAt'
      | 'endsAt'
      | 'status'
      | 'reason'
      | 'bookedBy'
      | 'createdAt'
      | 'updatedAt'
      | 'cancelledAt'
      | 'cancelReason'
      | 'version'
      | 'scheduleVersion'
    >,
    context: BookingContext,
  ): AppointmentRow {
    const { provider, location, visitType } = context;
    return {
      id: appointment.id,
      patient_id: appointment.patientId,
      status: appointment.status,
      starts_at: appointment.startsAt,
      ends_at: appointment.endsAt,
      reason: appointment.reason,
      booked_by: appointment.bookedBy,
      created_at: appointment.createdAt,
      updated_at: appointment.updatedAt,
      cancelled_at: appointment.cancelledAt,
      cancel_reason: appointment.cancelReason,
      version: appointment.version,
      schedule_version: appointment.scheduleVersion,
      cursor_at: appointment.startsAt.toISOString(),
      provider_id: provider.id,
      provider_name: provider.displayName,
      provider_specialty: provider.specialty,
      location_id: location.id,
      location_name: location.name,
      location_address: location.address,
      location_phone: location.phone,
      location_time_zone: location.timeZone,
      location_arrival_instructions: location.arrivalInstructions,
      location_active: location.active,
      location_created_at: location.createdAt,
      location_updated_at: location.updatedAt,
      visit_type_id: visitType.id,
      visit_type_name: visitType.name,
      visit_type_duration_minutes: visitType.durationMinutes,
    };
  }

  /** Views of rows; staff also see each reminder's state (one more query for the lot). */
  private async views(rows: AppointmentRow[], by: Accessor, now: Date): Promise<AppointmentView[]> {
    const settings = { now, cancelCutoffHours: this.config.scheduling.cancelCutoffHours };
    if (by.principal.kind === 'patient') {
      return rows.map((row) => toAppointmentView(row, settings));
    }
    const processed = await this.reminders.processed(
      rows.map((row) => ({ id: row.id, scheduleVersion: row.schedule_version })),
    );
    return rows.map((row) =>
      toAppointmentView(
        row,
        settings,
        reminderViews(row, this.reminders.offsetsMinutes, processed.get(row.id), now),
      ),
    );
  }

  private async processedFor(
    row: AppointmentRow,
    by: Accessor,
    manager: EntityManager,
  ): Promise<Map<number, ProcessedReminder> | undefined> {
    if (by.principal.kind === 'patient') return undefined;
    const processed = await this.reminders.processed(
      [{ id: row.id, scheduleVersion: row.schedule_version }],
      manager,
    );
    return processed.get(row.id) ?? new Map();
  }

  private committedView(committed: Committed, by: Accessor): AppointmentView {
    const now = this.clock.now();
    const settings = { now, cancelCutoffHours: this.config.scheduling.cancelCutoffHours };
    if (by.principal.kind === 'patient') return toAppointmentView(committed.row, settings);
    return toAppointmentView(
      committed.row,
      settings,
      reminderViews(committed.row, this.reminders.offsetsMinutes, committed.processed, now),
    );
  }

  /**
   * After the commit: hand the email to the mail queue and update the reminder jobs. A crash
   * before this point loses no work: start-up re-queues unsent email (MailService) and
   * missing reminders (RemindersService.reconcile).
   */
  private async afterCommit(committed: Committed, reminders: () => Promise<void>): Promise<void> {
    if (committed.mailId) {
      await this.mail
        .dispatch(committed.mailId)
        .catch((error: unknown) =>
          this.logger.error(
            { err: error, appointmentId: committed.row.id },
            'appointment email not queued; it will be queued at the next start',
          ),
        );
    }
    await reminders();
  }

  private emailAppointment(row: AppointmentRow): EmailAppointment {
    return {
      id: row.id,
      startsAt: row.starts_at,
      location: {
        name: row.location_name,
        address: row.location_address,
        phone: row.location_phone,
        timeZone: row.location_time_zone,
        arrivalInstructions: row.location_arrival_instructions,
      },
    };
  }

  private emailSettings(): EmailSettings {
    return {
      publicUrl: this.config.publicUrl,
      clinicName: this.config.clinicName,
      cancelCutoffHours: this.config.scheduling.cancelCutoffHours,
      now: this.clock.now(),
    };
  }

  private async auditRead(action: AuditAction, row: AppointmentRow, by: Accessor): Promise<void> {
    await this.audit.record({
      action,
      outcome: 'success',
      actor: by.principal,
      patientId: row.patient_id,
      resourceType: 'appointment',
      resourceId: row.id,
      context: by.context,
    });
  }

  private async auditChange(
    action: AuditAction,
    row: AppointmentRow,
    by: Accessor,
    manager: EntityManager,
  ): Promise<void> {
    await this.audit.record(
      {
        action,
        outcome: 'success',
        actor: by.principal,
        patientId: row.patient_id,
        resourceType: 'appointment',
        resourceId: row.id,
        context: by.context,
      },
      manager,
    );
  }

  /** Records a refused change in the audit trail (after the rollback), then lets the error through. */
  /**
   * A change of one appointment in a transaction, with the row locked for it: refused with
   * 409 when the row is no longer at the version the caller loaded; a refusal is audited.
   */
  private changeAt(
    action: AuditAction,
    by: Accessor,
    target: { patientId: string; appointmentId: string; version: number },
    change: (manager: EntityManager, current: ChangeRow) => Promise<Committed>,
  ): Promise<Committed> {
    return this.auditFailure(action, by, target.patientId, target.appointmentId, () =>
      this.db.transaction(async (manager) => {
        const current = await this.findChangeRow(manager, target.patientId, target.appointmentId);
        if (current.version !== target.version) throw new AppointmentChangedError();
        return change(manager, current);
      }),
    );
  }

  private async auditFailure<T>(
    action: AuditAction,
    by: Accessor,
    patientId: string,
    appointmentId: string | null,
    run: () => Promise<T>,
  ): Promise<T> {
    return this.audit.recordRefusal(
      () => ({
        action,
        actor: by.principal,
        patientId: patientId,
        resourceType: 'appointment',
        resourceId: appointmentId ?? undefined,
        context: by.context,
      }),
      run,
    );
  }
}

/**
 * The time was taken by a concurrent booking: the exclusion constraint refused the row, or two
 * overlapping inserts met at the same instant and PostgreSQL failed this one to end the
 * deadlock (the other keeps the time).
 */
function isSlotRace(error: unknown): boolean {
  return isExclusionViolation(error, NO_DOUBLE_BOOKING) || isDeadlock(error);
}

function target(row: AppointmentRow): ReminderTarget {
  return { id: row.id, scheduleVersion: row.schedule_version, startsAt: row.starts_at };
}
