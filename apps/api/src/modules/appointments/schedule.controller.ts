import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { INVALID_QUERY, Operation } from '../../common/operation.decorator.js';
import { CurrentCaller } from '../../common/patient-scope.js';
import type { Caller } from '../../common/principal.js';
import { ScheduleQuery, ScheduleView } from './appointments.dto.js';
import { ScheduleService } from './schedule.service.js';

@ApiTags('appointments')
@Controller('v1/schedule')
export class ScheduleController {
  constructor(private readonly schedule: ScheduleService) {}

  @Get()
  @Operation({
    id: 'listSchedule',
    summary: 'The appointments of one provider or one location over a few days',
    description:
      'Give exactly one of providerId or locationId, and a range of at most 8 days. ' +
      'Appointments overlapping the range, by start, at most 500 (truncated says when there ' +
      'were more); cancelled ones only with includeCancelled=true. hours lists the open hours ' +
      'in the range: the provider’s, or for a location those of every provider there. Roles: front-desk, nurse, provider, admin.',
    permit: 'schedule:read',
    returns: ScheduleView,
    problems: { 400: INVALID_QUERY },
  })
  read(@Query() query: ScheduleQuery, @CurrentCaller() caller: Caller): Promise<ScheduleView> {
    return this.schedule.read(
      {
        providerId: query.providerId,
        locationId: query.locationId,
        from: new Date(query.from),
        to: new Date(query.to),
        includeCancelled: query.includeCancelled ?? false,
      },
      caller,
    );
  }
}
