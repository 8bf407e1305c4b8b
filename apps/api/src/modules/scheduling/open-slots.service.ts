import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import type { Principal } from '../../common/principal.js';
import { validationProblem } from '../../common/problem.filter.js';
import { selectTogether } from '../../infra/database/sql.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import {
  parseInstant,
  type OpenSlot,
  type OpenSlotPage,
  type SlotProvider,
} from './availability.dto.js';
import { VisitTypeNotFoundError } from './scheduling.errors.js';
import { hoursSql, type ExceptionRow, type RuleRow } from './availability.repository.js';
import { HOURS_MARGIN, shapeHours } from './scheduling.service.js';
import { cutSlots, openHours, type Window } from './slots.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const DEFAULT_RANGE_DAYS = 14;
const MAX_RANGE_DAYS = 31;

export interface SlotSearch {
  visitTypeId: string;
  providerId?: string;
  locationId?: string;
  from?: string;
  to?: string;
  limit: number;
}

interface OfferRow {
  duration_minutes: number;
  active: boolean;
  bookable_online: boolean;
  provider_id: string | null;
  display_name: string | null;
  specialty: string | null;
}

/** An open time before it is written out: its instants as numbers, its sort key at hand. */
interface FoundSlot extends Window {
  provider: SlotProvider;
  /** The provider's name in lower case, the tie-break between times that start together. */
  nameKey: string;
  location: { name: string; timeZone: string };
}

interface BusyRow {
  provider_id: string;
  starts_at: Date;
  ends_at: Date;
}

/**
 * Open times for a visit type: one statement whatever the number of providers, rules or
 * appointments (the visit type and who offers it, weekly rules, exceptions, appointments,
 * read in one snapshot), then the slot arithmetic of slots.ts.
 */
@Injectable()
export class OpenSlotsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async find(search: SlotSearch, principal: Principal): Promise<OpenSlotPage> {
    const now = this.clock.now().getTime();
    let from = search.from ? parseInstant(search.from)!.getTime() : now;
    let to = search.to ? parseInstant(search.to)!.getTime() : from + DEFAULT_RANGE_DAYS * DAY;
    if (to <= from) {
      throw validationProblem([
        { field: 'to', message: 'The end of the search must be after its start.' },
      ]);
    }
    if (to - from > MAX_RANGE_DAYS * DAY) {
      throw validationProblem([
        { field: 'to', message: `Search at most ${MAX_RANGE_DAYS} days at a time.` },
      ]);
    }
    const patient = principal.kind === 'patient';
    if (patient) {
      // Patients book from now up to the booking horizon; the range is trimmed to it.
      from = Math.max(from, now);
      to = Math.min(to, now + this.config.scheduling.bookingHorizonDays * DAY);
    }

    // One statement: the visit type and who offers it, those providers' weekly rules and
    // exceptions around the range, and their appointments in it.
    const offered = `ARRAY(SELECT p.id FROM provider_visit_type pvt
                             JOIN provider p ON p.id = pvt.provider_id AND p.active
                            WHERE pvt.visit_type_id = $1::uuid AND ($2::uuid IS NULL OR p.id = $2::uuid))`;
    const hoursParts = hoursSql({
      providerIds: offered,
      from: '$3::timestamptz',
      to: '$4::timestamptz',
      locationId: '$5::uuid',
    });
    const parts = await selectTogether(
      this.db,
      {
        offers: `SELECT vt.duration_minutes, vt.active, vt.bookable_online,
                        p.id AS provider_id, p.display_name, p.specialty
                   FROM visit_type vt
                   LEFT JOIN provider_visit_type pvt ON pvt.visit_type_id = vt.id
                   LEFT JOIN provider p ON p.id = pvt.provider_id AND p.active
                                       AND ($2::uuid IS NULL OR p.id = $2::uuid)
                  WHERE vt.id = $1::uuid`,
        rules: hoursParts.rules,
        exceptions: hoursParts.exceptions,
        // An index-only scan of appointment_provider_idx (provider_id, starts_at) INCLUDE
        // (ends_at, status): no visit lasts longer than the longest visit type (480 minutes),
        // so whatever overlaps the range starts at most that long before it.
        busy: `SELECT provider_id, starts_at, ends_at FROM appointment
                WHERE provider_id = ANY(${offered}) AND status <> 'cancelled'
                  AND starts_at < $7::timestamptz
                                  + (SELECT duration_minutes FROM visit_type WHERE id = $1::uuid)
                                    * interval '1 minute'
                  AND starts_at > $6::timestamptz - interval '480 minutes'
                  AND ends_at > $6::timestamptz`,
      },
      [
        search.visitTypeId,
        search.providerId ?? null,
        new Date(from - HOURS_MARGIN),
        new Date(to + HOURS_MARGIN),
        search.locationId ?? null,
        new Date(from),
        new Date(to),
      ],
    );
    const offers = parts.offers as OfferRow[];
    const visitType = offers[0];
    if (!visitType?.active || (patient && !visitType.bookable_online)) {
      throw new VisitTypeNotFoundError();
    }
    const providers = new Map(
      offers
        .filter((row) => row.provider_id !== null)
        .map((row) => [
          row.provider_id!,
          { id: row.provider_id!, displayName: row.display_name!, specialty: row.specialty! },
        ]),
    );
    if (to <= from || !providers.size) return { items: [], nextCursor: null };

    const range = { start: from, end: to };
    const hours = shapeHours(
      [...providers.keys()],
      parts.rules as RuleRow[],
      parts.exceptions as ExceptionRow[],
    );
    const busy = parts.busy as BusyRow[];

    // Times are compared as numbers and written out only for the page returned: a month of
    // one provider's hours holds several times more open times than a page shows.
    const found: FoundSlot[] = [];
    for (const [providerId, provider] of providers) {
      const providerHours = hours.get(providerId)!;
      const windows = openHours(providerHours.rules, providerHours.exceptions, range);
      const taken = busy
        .filter((row) => row.provider_id === providerId)
        .map((row) => ({ start: row.starts_at.getTime(), end: row.ends_at.getTime() }));
      const nameKey = provider.displayName.toLowerCase();
      for (const slot of cutSlots(windows, {
        durationMinutes: visitType.duration_minutes,
        busy: taken,
        now,
        range,
      })) {
        const location = providerHours.locations.get(slot.locationId)!;
        // Fields named one by one: an object spread here cost more than the rest of the search.
        const { locationId, start, end } = slot;
        found.push({ locationId, start, end, provider, nameKey, location });
      }
    }
    const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    found.sort(
      (a, b) =>
        a.start - b.start ||
        byText(a.nameKey, b.nameKey) ||
        byText(a.provider.id, b.provider.id) ||
        byText(a.location.name, b.location.name),
    );
    const cutoff = this.config.scheduling.cancelCutoffHours * 60 * MINUTE;
    const items: OpenSlot[] = found.slice(0, search.limit).map((slot) => ({
      startsAt: new Date(slot.start).toISOString(),
      endsAt: new Date(slot.end).toISOString(),
      provider: slot.provider,
      location: { id: slot.locationId, name: slot.location.name, timeZone: slot.location.timeZone },
      // As the appointment view says it (appointment-rows.ts): changes online end at the cutoff.
      changeableUntil: new Date(slot.start - cutoff).toISOString(),
      canChangeOnline: now < slot.start - cutoff,
    }));
    return { items, nextCursor: null };
  }
}
