import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UUID_PATTERN } from '../../common/validation.js';
import { CONFLICTS_MAX, type ScheduleConflict } from './availability.dto.js';
import {
  AvailabilityRepository,
  type ExceptionRow,
  type RuleRow,
} from './availability.repository.js';
import { CatalogRepository } from './catalog.repository.js';
import type { Location, Provider, VisitType } from './scheduling.entities.js';
import {
  LocationNotAvailableError,
  ProviderNotAvailableError,
  VisitTypeNotAvailableError,
} from './scheduling.errors.js';
import {
  clipWindows,
  isWithinWindows,
  openHours,
  type HoursException,
  type Interval,
  type WeeklyRule,
  type Window,
} from './slots.js';

// Other modules reach the catalog entities through this file (the module's public face).
export { Location, Provider, VisitType } from './scheduling.entities.js';

const DAY = 24 * 60 * 60_000;

/** What booking needs to know about a provider, a location and a visit type. */
export interface BookingContext {
  provider: Provider;
  location: Location;
  visitType: VisitType;
  offersVisitType: boolean;
}

/** An open stretch of a provider's hours at a location. */
export interface OpenWindow {
  providerId: string;
  locationId: string;
  startsAt: Date;
  endsAt: Date;
}

export interface HoursLocation {
  name: string;
  timeZone: string;
}

/** Everything that decides a provider's open hours over a range. */
export interface ProviderHours {
  rules: WeeklyRule[];
  exceptions: HoursException[];
  /** Name and zone of every location named by the rules and extra hours above. */
  locations: Map<string, HoursLocation>;
}

/**
 * Open hours of providers, as the rest of the portal needs them: the booking context and
 * hours check used by appointments, open windows for calendars, and conflicts. Weekly rules
 * and exceptions are read in two queries whatever the range; the arithmetic is in slots.ts.
 */
@Injectable()
export class SchedulingService {
  constructor(
    private readonly availability: AvailabilityRepository,
    private readonly catalog: CatalogRepository,
  ) {}

  /**
   * Loads what booking needs, refusing unknown or inactive ones with 422 problems. Inside a
   * transaction the provider row is held FOR SHARE until it ends, so a change of the
   * provider's hours (which takes it FOR UPDATE) waits for the booking, and the other way round.
   */
  async getBookingContext(
    manager: EntityManager,
    input: { providerId: string; locationId: string; visitTypeId: string },
  ): Promise<BookingContext> {
    if (!UUID_PATTERN.test(input.providerId)) throw new ProviderNotAvailableError();
    const provider = await this.catalog.findProviderToBook(manager, input.providerId);
    if (!provider?.active) throw new ProviderNotAvailableError();

    const location = UUID_PATTERN.test(input.locationId)
      ? await this.catalog.findLocation(manager, input.locationId)
      : null;
    if (!location?.active) throw new LocationNotAvailableError();

    const visitType = UUID_PATTERN.test(input.visitTypeId)
      ? await this.catalog.findVisitType(manager, input.visitTypeId)
      : null;
    if (!visitType?.active) throw new VisitTypeNotAvailableError();

    const offersVisitType = await this.catalog.offersVisitType(manager, provider.id, visitType.id);
    return { provider, location, visitType, offersVisitType };
  }

  /**
   * True when [startsAt, endsAt) lies wholly inside the provider's open hours at that location
   * (weekly hours in the location's zone, minus time off, plus extra hours). Ignores appointments.
   */
  async isWithinHours(
    manager: EntityManager,
    input: { providerId: string; locationId: string; startsAt: Date; endsAt: Date },
  ): Promise<boolean> {
    const interval = { start: input.startsAt.getTime(), end: input.endsAt.getTime() };
    if (!(interval.end > interval.start)) return false;
    const hours = await this.loadHours(manager, [input.providerId], interval, input.locationId);
    const provider = hours.get(input.providerId);
    if (!provider) return false;
    const windows = openHours(provider.rules, provider.exceptions, interval);
    return isWithinWindows(windows, input.locationId, interval);
  }

  /** Open hours of providers in [from, to), cut to the range, earliest first. */
  async openWindows(
    manager: EntityManager,
    input: { providerIds: string[]; locationId?: string; from: Date; to: Date },
  ): Promise<OpenWindow[]> {
    const range = { start: input.from.getTime(), end: input.to.getTime() };
    if (!input.providerIds.length || !(range.end > range.start)) return [];
    const hours = await this.loadHours(manager, input.providerIds, range, input.locationId);
    const windows: OpenWindow[] = [];
    for (const [providerId, provider] of hours) {
      const open = clipWindows(openHours(provider.rules, provider.exceptions, range), range);
      for (const window of open) {
        windows.push({
          providerId,
          locationId: window.locationId,
          startsAt: new Date(window.start),
          endsAt: new Date(window.end),
        });
      }
    }
    return windows.sort(
      (a, b) =>
        a.startsAt.getTime() - b.startsAt.getTime() || a.providerId.localeCompare(b.providerId),
    );
  }

  /**
   * The provider's booked appointments starting after `now` that lie outside the open hours
   * (inside time off, or outside the weekly and extra hours), earliest first, at most 100.
   * Three queries: the appointments, then the rules and exceptions over their span.
   */
  async findConflicts(
    manager: EntityManager,
    providerId: string,
    now: Date,
  ): Promise<ScheduleConflict[]> {
    const appointments = await this.availability.bookedAfter(manager, providerId, now);
    if (!appointments.length) return [];
    const span = {
      start: appointments[0]!.starts_at.getTime(),
      end: appointments.reduce((latest, a) => Math.max(latest, a.ends_at.getTime()), 0),
    };
    const provider = (await this.loadHours(manager, [providerId], span)).get(providerId);
    const windows: Window[] = provider ? openHours(provider.rules, provider.exceptions, span) : [];
    const timeOff = (provider?.exceptions ?? []).filter((e) => e.kind === 'time-off');
    const conflicts: ScheduleConflict[] = [];
    for (const row of appointments) {
      const interval = { start: row.starts_at.getTime(), end: row.ends_at.getTime() };
      if (isWithinWindows(windows, row.location_id, interval)) continue;
      const offDuty = timeOff.some((off) => off.start < interval.end && off.end > interval.start);
      conflicts.push({
        appointmentId: row.id,
        patientId: row.patient_id,
        patientName: row.patient_name,
        startsAt: row.starts_at.toISOString(),
        endsAt: row.ends_at.toISOString(),
        locationId: row.location_id,
        visitTypeName: row.visit_type_name,
        problem: offDuty ? 'time-off' : 'outside-hours',
      });
      if (conflicts.length === CONFLICTS_MAX) break;
    }
    return conflicts;
  }

  /**
   * The weekly rules and exceptions that can shape the providers' hours around `range`, at
   * open locations only (at one, when `locationId` is given; time off applies everywhere).
   * Two queries, whatever the number of providers or the length of the range.
   */
  async loadHours(
    manager: EntityManager,
    providerIds: string[],
    range: Interval,
    locationId?: string,
  ): Promise<Map<string, ProviderHours>> {
    const ids = providerIds.filter((id) => UUID_PATTERN.test(id));
    if (!ids.length || (locationId !== undefined && !UUID_PATTERN.test(locationId))) {
      return shapeHours(ids, [], []);
    }
    // Windows come from local dates a day either side of the range, in zones up to 14 hours
    // from UTC: two days of margin covers every rule and exception that can touch them.
    const { rules, exceptions } = await this.availability.hours(manager, {
      providerIds: ids,
      from: new Date(range.start - HOURS_MARGIN),
      to: new Date(range.end + HOURS_MARGIN),
      locationId: locationId ?? null,
    });
    return shapeHours(ids, rules, exceptions);
  }
}

/** Rules and exceptions are read this far either side of a range (see hoursSql). */
export const HOURS_MARGIN = 2 * DAY;

/** Each provider's rules, exceptions and the locations they name, from the rows of hoursSql. */
export function shapeHours(
  providerIds: string[],
  rules: RuleRow[],
  exceptions: ExceptionRow[],
): Map<string, ProviderHours> {
  const result = new Map<string, ProviderHours>(
    providerIds.map((id) => [id, { rules: [], exceptions: [], locations: new Map() }]),
  );
  for (const row of rules) {
    const hours = result.get(row.provider_id)!;
    hours.rules.push({
      locationId: row.location_id,
      timeZone: row.time_zone,
      weekday: row.weekday,
      startTime: row.start_time,
      endTime: row.end_time,
      validFrom: row.valid_from,
      validUntil: row.valid_until,
    });
    hours.locations.set(row.location_id, { name: row.location_name, timeZone: row.time_zone });
  }
  for (const row of exceptions) {
    const hours = result.get(row.provider_id)!;
    hours.exceptions.push({
      kind: row.kind,
      locationId: row.location_id,
      start: row.starts_at.getTime(),
      end: row.ends_at.getTime(),
    });
    if (row.location_id && row.time_zone && row.location_name) {
      hours.locations.set(row.location_id, { name: row.location_name, timeZone: row.time_zone });
    }
  }
  return result;
}
