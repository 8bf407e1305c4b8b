import { AppointmentsRepository } from './appointments.repository.js';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { validationProblem } from '../../common/problem.filter.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { AuditService } from '../audit/audit.service.js';
import type { Accessor } from '../../common/principal.js';
import { SchedulingService } from '../scheduling/scheduling.service.js';
import { toAppointmentView } from './appointment-rows.js';
import type { ScheduleView } from './appointments.dto.js';

export const SCHEDULE_ITEMS_MAX = 500;
const SCHEDULE_RANGE_MAX_DAYS = 8;
const DAY_MS = 24 * 3_600_000;

export interface ScheduleFilter {
  providerId?: string;
  locationId?: string;
  from: Date;
  to: Date;
  includeCancelled: boolean;
}

/** A location's day grid has a column per provider: a clinic has a few dozen at most. */
const LOCATION_PROVIDERS_MAX = 100;

/**
 * The staff calendar of one provider or one location over at most 8 days. A fixed number of
 * queries whatever the range holds: the appointments with their patients, the open hours (for
 * a location, of every provider with hours there: one more query for who they are), and one
 * INSERT of the audit rows (one per patient shown, so each sees it in their access log).
 */
@Injectable()
export class ScheduleService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rows: AppointmentsRepository,
    private readonly scheduling: SchedulingService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async read(filter: ScheduleFilter, by: Accessor): Promise<ScheduleView> {
    this.assertFilter(filter);
    const rows = await this.rows.schedule({ ...filter, limit: SCHEDULE_ITEMS_MAX + 1 });
    const page = rows.slice(0, SCHEDULE_ITEMS_MAX);
    const hours = await this.scheduling.openWindows(this.db.manager, {
      providerIds: filter.providerId
        ? [filter.providerId]
        : await this.rows.providersWithHoursAt(
            filter.locationId!,
            filter.from,
            filter.to,
            LOCATION_PROVIDERS_MAX,
          ),
      locationId: filter.locationId,
      from: filter.from,
      to: filter.to,
    });
    const patientIds = [...new Set(page.map((row) => row.patient_id))];
    const shown: (string | null)[] = patientIds.length ? patientIds : [null];
    await this.audit.recordMany(
      shown.map((patientId) => ({
        action: 'schedule.read',
        outcome: 'success',
        actor: by.principal,
        patientId,
        resourceType: patientId ? 'appointment' : 'schedule',
        resourceId: patientId ? undefined : (filter.providerId ?? filter.locationId ?? undefined),
        context: by.context,
      })),
    );
    const settings = {
      now: this.clock.now(),
      cancelCutoffHours: this.config.scheduling.cancelCutoffHours,
    };
    return {
      items: page.map((row) => ({
        ...toAppointmentView(row, settings),
        patient: {
          id: row.patient_id,
          displayName: row.patient_display_name,
          mrn: row.patient_mrn,
        },
      })),
      hours: hours.map((window) => ({
        providerId: window.providerId,
        locationId: window.locationId,
        startsAt: window.startsAt.toISOString(),
        endsAt: window.endsAt.toISOString(),
      })),
      truncated: rows.length > SCHEDULE_ITEMS_MAX,
    };
  }

  private assertFilter(filter: ScheduleFilter): void {
    if (!filter.providerId === !filter.locationId) {
      throw validationProblem([
        {
          field: filter.providerId ? 'locationId' : 'providerId',
          message: 'Choose either one provider or one location.',
        },
      ]);
    }
    if (filter.to <= filter.from) {
      throw validationProblem([
        { field: 'to', message: 'The end of the range must come after its start.' },
      ]);
    }
    if (filter.to.getTime() - filter.from.getTime() > SCHEDULE_RANGE_MAX_DAYS * DAY_MS) {
      throw validationProblem([
        { field: 'to', message: `Choose a range of at most ${SCHEDULE_RANGE_MAX_DAYS} days.` },
      ]);
    }
  }
}
