import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { PageKey } from '../../common/pager.js';
import { returnedRows } from '../../infra/database/sql.js';
import { Appointment, type AppointmentStatus } from './appointment.entity.js';
import { appointmentSelect, type AppointmentRow } from './appointment-rows.js';

/** Statuses in which an appointment still holds its time for the patient. */
export const ACTIVE: AppointmentStatus[] = ['booked', 'arrived'];
/** The longest visit type: an overlapping appointment starts at most this long before. */
const LONGEST_VISIT_MINUTES = 480;

/**
 * The one rule of cancelled appointments: a cancelled appointment holds no time and shows in
 * no clinic schedule (unless asked for). `alias` is the appointment alias of the query.
 */
export function notCancelled(alias: string): string {
  return `${alias}.status <> 'cancelled'`;
}

/** The appointment about to change, with the email on the patient's record. */
export type ChangeRow = AppointmentRow & { patient_email: string | null };

export interface PatientFacts {
  future_online: number;
  established: boolean;
  overlaps: boolean;
}

/** A clinic schedule's row: an appointment with the patient's name and MRN. */
export type ScheduleRow = AppointmentRow & { patient_display_name: string; patient_mrn: string };

/** The queries of appointment; the service holds the booking rules. */
@Injectable()
export class AppointmentsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * A page of a patient's appointments (limit + 1 rows): upcoming (active and not yet ended)
   * earliest first, or past (the rest) latest first, after a (starts_at, id) position.
   */
  listForPatient(
    patientId: string,
    page: { upcoming: boolean; now: Date; limit: number; after: PageKey | null },
  ): Promise<AppointmentRow[]> {
    const args: unknown[] = [patientId, page.now, ACTIVE, page.limit + 1];
    const current = `a.status = ANY($3::text[]) AND a.ends_at > $2`;
    const where = [`a.patient_id = $1`, page.upcoming ? current : `NOT (${current})`];
    if (page.after) {
      args.push(...page.after);
      where.push(`(a.starts_at, a.id) ${page.upcoming ? '>' : '<'} ($5::timestamptz, $6::uuid)`);
    }
    const direction = page.upcoming ? 'ASC' : 'DESC';
    return this.db.query(
      `${appointmentSelect()}
        WHERE ${where.join(' AND ')}
        ORDER BY a.starts_at ${direction}, a.id ${direction}
        LIMIT $4`,
      args,
    );
  }

  async find(patientId: string, appointmentId: string): Promise<AppointmentRow | undefined> {
    const [row] = (await this.db.query(
      `${appointmentSelect()} WHERE a.id = $1 AND a.patient_id = $2`,
      [appointmentId, patientId],
    )) as AppointmentRow[];
    return row;
  }

  async findForChange(
    manager: EntityManager,
    patientId: string,
    appointmentId: string,
  ): Promise<ChangeRow | undefined> {
    const [row] = (await manager.query(
      `${appointmentSelect('pt.email AS patient_email')}
         JOIN patient pt ON pt.id = a.patient_id
        WHERE a.id = $1 AND a.patient_id = $2`,
      [appointmentId, patientId],
    )) as ChangeRow[];
    return row;
  }

  async insert(manager: EntityManager, appointment: Appointment): Promise<void> {
    await manager.getRepository(Appointment).insert(appointment);
  }

  /** Moves the row if it is still at `version`; no row back when it changed meanwhile. */
  move(
    manager: EntityManager,
    id: string,
    version: number,
    to: { startsAt: Date; endsAt: Date; providerId: string; locationId: string; now: Date },
  ): Promise<{ version: number; schedule_version: number }[]> {
    return manager
      .query(
        `UPDATE appointment
            SET starts_at = $3, ends_at = $4, provider_id = $5, location_id = $6,
                version = version + 1, schedule_version = schedule_version + 1,
                updated_at = $7
          WHERE id = $1 AND version = $2
      RETURNING version, schedule_version`,
        [id, version, to.startsAt, to.endsAt, to.providerId, to.locationId, to.now],
      )
      .then((result) => returnedRows(result));
  }

  cancel(
    manager: EntityManager,
    id: string,
    version: number,
    by: { now: Date; who: 'patient' | 'staff'; reason: string | null },
  ): Promise<{ version: number }[]> {
    return manager
      .query(
        `UPDATE appointment
            SET status = 'cancelled', cancelled_at = $3, cancelled_by = $4,
                cancel_reason = $5, version = version + 1, updated_at = $3
          WHERE id = $1 AND version = $2
      RETURNING version`,
        [id, version, by.now, by.who, by.reason],
      )
      .then((result) => returnedRows(result));
  }

  setStatus(
    manager: EntityManager,
    id: string,
    version: number,
    status: AppointmentStatus,
    now: Date,
  ): Promise<{ version: number }[]> {
    return manager
      .query(
        `UPDATE appointment SET status = $3, version = version + 1, updated_at = $4
          WHERE id = $1 AND version = $2
      RETURNING version`,
        [id, version, status, now],
      )
      .then((result) => returnedRows(result));
  }

  /**
   * The patient's standing, in one query: future appointments they booked online, whether
   * they have had a completed visit, and whether another active appointment of theirs
   * overlaps [startsAt, endsAt).
   */
  async patientFacts(
    manager: EntityManager,
    patientId: string,
    window: { startsAt: Date; endsAt: Date; now: Date; excludeId: string | null },
  ): Promise<PatientFacts> {
    const [facts] = (await manager.query(
      `SELECT
         (SELECT count(*)::int FROM appointment
           WHERE patient_id = $1 AND status = 'booked' AND booked_by = 'patient'
             AND starts_at > $2) AS future_online,
         EXISTS (SELECT 1 FROM appointment
                  WHERE patient_id = $1 AND status = 'completed') AS established,
         EXISTS (SELECT 1 FROM appointment
                  WHERE patient_id = $1 AND status = ANY($6::text[])
                    AND starts_at < $4 AND ends_at > $3
                    AND starts_at > $3::timestamptz - make_interval(mins => $7)
                    AND ($5::uuid IS NULL OR id <> $5::uuid)) AS overlaps`,
      [
        patientId,
        window.now,
        window.startsAt,
        window.endsAt,
        window.excludeId,
        ACTIVE,
        LONGEST_VISIT_MINUTES,
      ],
    )) as PatientFacts[];
    return facts!;
  }

  /** A provider's or a location's appointments over [from, to), by start (limit rows). */
  schedule(filter: {
    providerId?: string;
    locationId?: string;
    from: string | Date;
    to: string | Date;
    includeCancelled?: boolean;
    limit: number;
  }): Promise<ScheduleRow[]> {
    const column = filter.providerId ? 'a.provider_id' : 'a.location_id';
    return this.db.query(
      `${appointmentSelect(
        `pt.given_name || coalesce(' (' || pt.preferred_name || ')', '') || ' ' || pt.family_name
           AS patient_display_name, pt.mrn AS patient_mrn`,
      )}
        JOIN patient pt ON pt.id = a.patient_id
       WHERE ${column} = $1 AND a.starts_at < $3 AND a.ends_at > $2
             ${filter.includeCancelled ? '' : `AND ${notCancelled('a')}`}
       ORDER BY a.starts_at, a.id
       LIMIT $4`,
      [filter.providerId ?? filter.locationId, filter.from, filter.to, filter.limit],
    );
  }

  /**
   * The providers who may have hours at a location in the range: weekly hours there, or extra
   * hours there overlapping it. One query, at most `limit` of them.
   */
  async providersWithHoursAt(
    locationId: string,
    from: Date,
    to: Date,
    limit: number,
  ): Promise<string[]> {
    const rows: { provider_id: string }[] = await this.db.query(
      `SELECT provider_id FROM availability_rule WHERE location_id = $1
       UNION
       SELECT provider_id FROM availability_exception
        WHERE location_id = $1 AND kind = 'extra-hours' AND ends_at > $2 AND starts_at < $3
       ORDER BY provider_id
       LIMIT $4`,
      [locationId, from, to, limit],
    );
    return rows.map((row) => row.provider_id);
  }
}
