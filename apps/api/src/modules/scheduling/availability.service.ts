import type { AuditAction } from '../audit/audit.service.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import type { FieldError } from '../../common/problem.js';
import { validationProblem } from '../../common/problem.filter.js';
import { UUID_PATTERN } from '../../common/validation.js';
import { newId } from '../../infra/database/ids.js';
import { isExclusionViolation } from '../../infra/database/sql.js';
import { AuditService } from '../audit/audit.service.js';
import type { Accessor } from '../../common/principal.js';
import {
  EXCEPTIONS_SHOWN_MAX,
  parseInstant,
  type AvailabilityExceptionResult,
  type AvailabilityExceptionView,
  type AvailabilityRuleView,
  type ProviderAvailability,
  type ScheduleConflict,
  type WeeklyAvailabilityResult,
} from './availability.dto.js';
import { AvailabilityRepository } from './availability.repository.js';
import { CatalogRepository } from './catalog.repository.js';
import type {
  AvailabilityException,
  AvailabilityRule,
  ExceptionKind,
  Provider,
} from './scheduling.entities.js';
import {
  AvailabilityExceptionNotFoundError,
  LocationNotAvailableError,
  ProviderNotFoundError,
} from './scheduling.errors.js';
import { SchedulingService } from './scheduling.service.js';
import { localDate } from './slots.js';
import { findOverlaps, parseWeeklyRules, type CompleteRule } from './weekly-rules.js';

const MAX_EXCEPTION_MS = 31 * 24 * 60 * 60_000;

export interface NewException {
  kind: ExceptionKind;
  locationId?: string;
  startsAt: string;
  endsAt: string;
  note?: string;
}

export function toRuleView(rule: AvailabilityRule): AvailabilityRuleView {
  return {
    id: rule.id,
    locationId: rule.locationId,
    weekday: rule.weekday,
    startTime: rule.startTime.slice(0, 5),
    endTime: rule.endTime.slice(0, 5),
    validFrom: rule.validFrom,
    validUntil: rule.validUntil,
  };
}

export function toExceptionView(exception: AvailabilityException): AvailabilityExceptionView {
  return {
    id: exception.id,
    kind: exception.kind,
    locationId: exception.locationId,
    startsAt: exception.startsAt.toISOString(),
    endsAt: exception.endsAt.toISOString(),
    note: exception.note,
    createdAt: exception.createdAt.toISOString(),
  };
}

/**
 * A provider's weekly hours and exceptions: the only writer of availability_rule and
 * availability_exception. Every change holds the provider row FOR UPDATE until it commits,
 * so changes to one provider (and bookings with them) never interleave, and answers with the
 * booked appointments the change left outside the hours: they are kept, never cancelled.
 */
@Injectable()
export class AvailabilityService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rows: AvailabilityRepository,
    private readonly catalog: CatalogRepository,
    private readonly scheduling: SchedulingService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async get(providerId: string): Promise<ProviderAvailability> {
    const manager = this.db.manager;
    await this.findProvider(manager, providerId);
    const rules = await this.rows.rules(manager, providerId);
    const exceptions = await this.rows.upcomingExceptions(
      manager,
      providerId,
      this.clock.now(),
      EXCEPTIONS_SHOWN_MAX,
    );
    return {
      providerId,
      rules: rules.map(toRuleView),
      exceptions: exceptions.map(toExceptionView),
    };
  }

  /** Replaces every weekly rule of the provider in one transaction. */
  async replaceWeekly(
    providerId: string,
    raw: unknown[],
    by: Accessor,
  ): Promise<WeeklyAvailabilityResult> {
    const parsed = parseWeeklyRules(raw);
    if (parsed.errors.length) throw validationProblem(parsed.errors);
    if (!UUID_PATTERN.test(providerId)) throw new ProviderNotFoundError();
    const now = this.clock.now();
    return this.db.transaction(async (manager) => {
      await this.findProvider(manager, providerId, true);
      const locationIds = [...new Set(parsed.rules.map((rule) => rule.locationId))];
      const locations = new Map(
        (locationIds.length ? await this.catalog.findLocations(manager, locationIds) : []).map(
          (location) => [location.id, location],
        ),
      );
      const unavailable = parsed.rules.findIndex((rule) => !locations.get(rule.locationId)?.active);
      if (unavailable >= 0) throw new LocationNotAvailableError(`rules[${unavailable}].locationId`);
      // Left out, the first day is today where the location is.
      const rules: CompleteRule[] = parsed.rules.map((rule) => ({
        ...rule,
        validFrom:
          rule.validFrom ?? localDate(now.getTime(), locations.get(rule.locationId)!.timeZone),
      }));
      const invalidUntil = rules.flatMap((rule, index): FieldError[] =>
        rule.validUntil !== null && rule.validUntil < rule.validFrom
          ? [
              {
                field: `rules[${index}].validUntil`,
                message: 'The last day must be on or after the first day.',
              },
            ]
          : [],
      );
      if (invalidUntil.length) throw validationProblem(invalidUntil);
      const overlaps = findOverlaps(rules);
      if (overlaps.length) throw validationProblem(overlaps);

      await this.rows.deleteRules(manager, providerId);
      const rows: AvailabilityRule[] = rules.map((rule) => ({
        id: newId(),
        providerId,
        locationId: rule.locationId,
        weekday: rule.weekday,
        startTime: `${rule.startTime}:00`,
        endTime: `${rule.endTime}:00`,
        validFrom: rule.validFrom,
        validUntil: rule.validUntil,
        createdAt: now,
      }));
      if (rows.length) {
        try {
          await this.rows.insertRules(manager, rows);
        } catch (error) {
          // The same rule as findOverlaps, kept by the database: never a 500.
          if (isExclusionViolation(error, 'availability_rule_no_overlap')) {
            throw validationProblem([
              {
                field: 'rules',
                message:
                  'Some of these hours overlap on the same weekday. A provider can be in only one place at a time.',
              },
            ]);
          }
          throw error;
        }
      }
      const conflicts = await this.scheduling.findConflicts(manager, providerId, now);
      await this.record('schedule.availability.update', providerId, conflicts, by, manager);
      const saved = [...rows].sort(
        (a, b) =>
          a.weekday - b.weekday ||
          a.startTime.localeCompare(b.startTime) ||
          a.validFrom.localeCompare(b.validFrom),
      );
      return { rules: saved.map(toRuleView), conflicts };
    });
  }

  async addException(
    providerId: string,
    input: NewException,
    by: Accessor,
  ): Promise<AvailabilityExceptionResult> {
    const now = this.clock.now();
    const startsAt = parseInstant(input.startsAt)!;
    const endsAt = parseInstant(input.endsAt)!;
    const errors: FieldError[] = [];
    if (input.kind === 'extra-hours' && !input.locationId) {
      errors.push({ field: 'locationId', message: 'Choose the location of the extra hours.' });
    }
    if (input.kind === 'time-off' && input.locationId) {
      errors.push({
        field: 'locationId',
        message: 'Time off applies at every location: leave the location out.',
      });
    }
    for (const [field, time] of [
      ['startsAt', startsAt],
      ['endsAt', endsAt],
    ] as const) {
      if (time.getTime() % 60_000 !== 0) {
        errors.push({ field, message: 'Use whole minutes, without seconds.' });
      }
    }
    if (endsAt <= startsAt) {
      errors.push({ field: 'endsAt', message: 'The end must be after the start.' });
    } else if (endsAt.getTime() - startsAt.getTime() > MAX_EXCEPTION_MS) {
      errors.push({
        field: 'endsAt',
        message: 'Keep it to 31 days or fewer; add another one for a longer stretch.',
      });
    } else if (endsAt <= now) {
      errors.push({ field: 'endsAt', message: 'The end must be in the future.' });
    }
    if (errors.length) throw validationProblem(errors);
    if (!UUID_PATTERN.test(providerId)) throw new ProviderNotFoundError();

    return this.db.transaction(async (manager) => {
      await this.findProvider(manager, providerId, true);
      if (input.locationId) {
        const location = await this.catalog.findLocation(manager, input.locationId);
        if (!location?.active) throw new LocationNotAvailableError();
      }
      const exception: AvailabilityException = {
        id: newId(),
        providerId,
        locationId: input.kind === 'extra-hours' ? input.locationId! : null,
        kind: input.kind,
        startsAt,
        endsAt,
        note: input.note?.trim() || null,
        createdBy: by.principal.accountId,
        createdAt: now,
      };
      await this.rows.insertException(manager, exception);
      const conflicts = await this.scheduling.findConflicts(manager, providerId, now);
      await this.record('schedule.exception.add', providerId, conflicts, by, manager);
      return { exception: toExceptionView(exception), conflicts };
    });
  }

  async deleteException(
    providerId: string,
    exceptionId: string,
    by: Accessor,
  ): Promise<{ conflicts: ScheduleConflict[] }> {
    if (!UUID_PATTERN.test(providerId)) throw new ProviderNotFoundError();
    if (!UUID_PATTERN.test(exceptionId)) throw new AvailabilityExceptionNotFoundError();
    const now = this.clock.now();
    return this.db.transaction(async (manager) => {
      await this.findProvider(manager, providerId, true);
      const deleted = await this.rows.deleteException(manager, providerId, exceptionId);
      if (!deleted) throw new AvailabilityExceptionNotFoundError();
      const conflicts = await this.scheduling.findConflicts(manager, providerId, now);
      await this.record('schedule.exception.delete', providerId, conflicts, by, manager);
      return { conflicts };
    });
  }

  /** Booked appointments of the provider the current hours leave out, earliest first. */
  async conflicts(providerId: string, by: Accessor): Promise<ScheduleConflict[]> {
    const manager = this.db.manager;
    await this.findProvider(manager, providerId);
    const conflicts = await this.scheduling.findConflicts(manager, providerId, this.clock.now());
    await this.recordShown(conflicts, by, manager);
    return conflicts;
  }

  /** The provider, held FOR UPDATE until the transaction ends when `lock` is set. */
  private async findProvider(
    manager: EntityManager,
    providerId: string,
    lock = false,
  ): Promise<Provider> {
    if (!UUID_PATTERN.test(providerId)) throw new ProviderNotFoundError();
    const provider = await this.catalog.findProvider(manager, providerId, lock);
    if (!provider) throw new ProviderNotFoundError();
    return provider;
  }

  /** One row for the change (about the provider, no patient), plus the conflicts it shows. */
  private async record(
    action: AuditAction,
    providerId: string,
    conflicts: ScheduleConflict[],
    by: Accessor,
    manager: EntityManager,
  ): Promise<void> {
    await this.audit.recordSuccess(
      by,
      action,
      { resourceType: 'provider', resourceId: providerId },
      manager,
    );
    await this.recordShown(conflicts, by, manager);
  }

  /**
   * A conflict names a patient and their appointment: one row per appointment shown, so it
   * appears in that patient's access log. One INSERT however many.
   */
  private recordShown(
    conflicts: ScheduleConflict[],
    by: Accessor,
    manager: EntityManager,
  ): Promise<void> {
    return this.audit.recordMany(
      conflicts.map((conflict) => ({
        action: 'schedule.conflict.read',
        outcome: 'success',
        actor: by.principal,
        patientId: conflict.patientId,
        resourceType: 'appointment',
        resourceId: conflict.appointmentId,
        context: by.context,
      })),
      manager,
    );
  }
}
