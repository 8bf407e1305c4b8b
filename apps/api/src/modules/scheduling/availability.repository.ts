import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  AvailabilityException,
  AvailabilityRule,
  type ExceptionKind,
} from './scheduling.entities.js';

export interface RuleRow {
  provider_id: string;
  location_id: string;
  weekday: number;
  start_time: string;
  end_time: string;
  valid_from: string;
  valid_until: string | null;
  time_zone: string;
  location_name: string;
}

export interface ExceptionRow {
  provider_id: string;
  kind: ExceptionKind;
  location_id: string | null;
  starts_at: Date;
  ends_at: Date;
  time_zone: string | null;
  location_name: string | null;
}

/** A booked appointment of a provider, as a schedule conflict names it. */
export interface BookedRow {
  id: string;
  patient_id: string;
  patient_name: string;
  starts_at: Date;
  ends_at: Date;
  location_id: string;
  visit_type_name: string;
}

/**
 * The SQL of the weekly rules and of the exceptions that can shape providers' hours between
 * two instants, at open locations only (at one, when the location is not null; time off
 * applies everywhere). Each argument is an SQL expression: the providers' ids (uuid[]), the
 * instants (timestamptz) and the location (uuid or null), so callers choose their parameters.
 */
export function hoursSql(on: {
  providerIds: string;
  from: string;
  to: string;
  locationId: string;
}) {
  return {
    rules: `SELECT r.provider_id, r.location_id, r.weekday, r.start_time::text AS start_time,
              r.end_time::text AS end_time, r.valid_from::text AS valid_from,
              r.valid_until::text AS valid_until, l.time_zone, l.name AS location_name
         FROM availability_rule r
         JOIN location l ON l.id = r.location_id
        WHERE r.provider_id = ANY(${on.providerIds}) AND l.active
          AND r.valid_from <= (${on.to} AT TIME ZONE 'UTC')::date
          AND (r.valid_until IS NULL OR r.valid_until >= (${on.from} AT TIME ZONE 'UTC')::date)
          AND (${on.locationId} IS NULL OR r.location_id = ${on.locationId})`,
    exceptions: `SELECT e.provider_id, e.kind, e.location_id, e.starts_at, e.ends_at, l.time_zone,
              l.name AS location_name
         FROM availability_exception e
         LEFT JOIN location l ON l.id = e.location_id
        WHERE e.provider_id = ANY(${on.providerIds}) AND e.ends_at > ${on.from} AND e.starts_at < ${on.to}
          AND (e.kind = 'time-off'
               OR (l.active AND (${on.locationId} IS NULL OR e.location_id = ${on.locationId})))`,
  };
}

/**
 * The queries of availability_rule and availability_exception, and of the booked
 * appointments they are checked against. Every method runs on the caller's EntityManager, so
 * it joins the caller's transaction (and the provider lock held there).
 */
@Injectable()
export class AvailabilityRepository {
  /** Every weekly rule of the provider, by weekday, start, first day. */
  rules(manager: EntityManager, providerId: string): Promise<AvailabilityRule[]> {
    return manager.getRepository(AvailabilityRule).find({
      where: { providerId },
      order: { weekday: 'ASC', startTime: 'ASC', validFrom: 'ASC', id: 'ASC' },
    });
  }

  /** The provider's exceptions not yet over, earliest first, at most `limit`. */
  upcomingExceptions(
    manager: EntityManager,
    providerId: string,
    now: Date,
    limit: number,
  ): Promise<AvailabilityException[]> {
    return manager
      .getRepository(AvailabilityException)
      .createQueryBuilder('e')
      .where('e.providerId = :providerId AND e.endsAt > :now', { providerId, now })
      .orderBy('e.startsAt')
      .addOrderBy('e.id')
      .limit(limit)
      .getMany();
  }

  async deleteRules(manager: EntityManager, providerId: string): Promise<void> {
    await manager.getRepository(AvailabilityRule).delete({ providerId });
  }

  /** May fail on availability_rule_no_overlap (the caller turns it into a problem). */
  async insertRules(manager: EntityManager, rules: AvailabilityRule[]): Promise<void> {
    await manager.getRepository(AvailabilityRule).insert(rules);
  }

  async insertException(manager: EntityManager, exception: AvailabilityException): Promise<void> {
    await manager.getRepository(AvailabilityException).insert(exception);
  }

  /** False when the provider has no such exception. */
  async deleteException(
    manager: EntityManager,
    providerId: string,
    exceptionId: string,
  ): Promise<boolean> {
    const result = await manager
      .getRepository(AvailabilityException)
      .delete({ id: exceptionId, providerId });
    return Boolean(result.affected);
  }

  /** The provider's booked appointments starting after `now`, earliest first. */
  bookedAfter(manager: EntityManager, providerId: string, now: Date): Promise<BookedRow[]> {
    return manager.query(
      `SELECT a.id, a.patient_id, a.starts_at, a.ends_at, a.location_id,
              vt.name AS visit_type_name,
              p.given_name || coalesce(' (' || p.preferred_name || ')', '') || ' ' || p.family_name
                AS patient_name
         FROM appointment a
         JOIN visit_type vt ON vt.id = a.visit_type_id
         JOIN patient p ON p.id = a.patient_id
        WHERE a.provider_id = $1 AND a.status = 'booked' AND a.starts_at > $2
        ORDER BY a.starts_at, a.id`,
      [providerId, now],
    );
  }

  /** The rules and exceptions of hoursSql for the providers between two instants: two queries. */
  async hours(
    manager: EntityManager,
    on: { providerIds: string[]; from: Date; to: Date; locationId: string | null },
  ): Promise<{ rules: RuleRow[]; exceptions: ExceptionRow[] }> {
    const sql = hoursSql({
      providerIds: '$1::uuid[]',
      from: '$2::timestamptz',
      to: '$3::timestamptz',
      locationId: '$4::uuid',
    });
    const parameters = [on.providerIds, on.from, on.to, on.locationId];
    const rules: RuleRow[] = await manager.query(sql.rules, parameters);
    const exceptions: ExceptionRow[] = await manager.query(sql.exceptions, parameters);
    return { rules, exceptions };
  }
}
