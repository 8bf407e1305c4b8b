import { Body, Controller, Delete, Get, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Operation } from '../../common/operation.decorator.js';
import { CurrentCaller } from '../../common/patient-scope.js';
import type { Caller } from '../../common/principal.js';
import {
  AddAvailabilityExceptionRequest,
  AvailabilityExceptionResult,
  ProviderAvailability,
  ReplaceWeeklyAvailabilityRequest,
  ScheduleConflictList,
  ScheduleConflictsResult,
  WeeklyAvailabilityResult,
} from './availability.dto.js';
import { AvailabilityService } from './availability.service.js';

const PROVIDER_ID = ['providerId'];
const NO_PROVIDER = 'No such provider';

/** A provider's weekly hours, time off and extra hours: clinic staff only. */
@ApiTags('scheduling')
@Controller('v1/providers/:providerId')
export class AvailabilityController {
  constructor(private readonly availability: AvailabilityService) {}

  @Get('availability')
  @Operation({
    id: 'getProviderAvailability',
    summary: 'A provider’s weekly hours and coming exceptions',
    description:
      'Every weekly rule, and the time off and extra hours ending after now (at most 200). ' +
      'Roles: front-desk, provider, nurse, admin.',
    permit: 'schedule:read',
    uuidParams: PROVIDER_ID,
    returns: ProviderAvailability,
    problems: { 404: NO_PROVIDER },
  })
  get(@Param('providerId') providerId: string): Promise<ProviderAvailability> {
    return this.availability.get(providerId);
  }

  @Put('availability')
  @Operation({
    id: 'replaceWeeklyAvailability',
    summary: 'Replace a provider’s weekly hours',
    description:
      'All rules at once, in the location’s local time. Rules on one weekday may not overlap, ' +
      'even at different locations. Booked appointments the new hours leave out are kept and ' +
      'listed in conflicts. Roles: front-desk, admin.',
    permit: 'schedule:manage',
    uuidParams: PROVIDER_ID,
    returns: WeeklyAvailabilityResult,
    problems: {
      400: 'A rule is not valid or overlaps another (errors name rules[i].field)',
      404: NO_PROVIDER,
      422: 'A location is unknown or closed (location_not_available)',
    },
  })
  replace(
    @Param('providerId') providerId: string,
    @Body() body: ReplaceWeeklyAvailabilityRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<WeeklyAvailabilityResult> {
    return this.availability.replaceWeekly(providerId, body.rules, caller);
  }

  @Post('exceptions')
  @Operation({
    id: 'addAvailabilityException',
    summary: 'Add time off or extra hours',
    description:
      'Time off removes hours at every location; extra hours add hours at one location and ' +
      'win over time off. At most 31 days each. Roles: front-desk, admin.',
    permit: 'schedule:manage',
    status: 201,
    uuidParams: PROVIDER_ID,
    returns: AvailabilityExceptionResult,
    problems: {
      400: 'A field is not valid',
      404: NO_PROVIDER,
      422: 'The location is unknown or closed (location_not_available)',
    },
  })
  addException(
    @Param('providerId') providerId: string,
    @Body() body: AddAvailabilityExceptionRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<AvailabilityExceptionResult> {
    return this.availability.addException(providerId, body, caller);
  }

  @Delete('exceptions/:exceptionId')
  @Operation({
    id: 'deleteAvailabilityException',
    summary: 'Remove time off or extra hours',
    description: 'Roles: front-desk, admin.',
    permit: 'schedule:manage',
    status: 200,
    uuidParams: [...PROVIDER_ID, 'exceptionId'],
    returns: ScheduleConflictsResult,
    problems: { 404: 'No such provider or exception' },
  })
  deleteException(
    @Param('providerId') providerId: string,
    @Param('exceptionId') exceptionId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<ScheduleConflictsResult> {
    return this.availability.deleteException(providerId, exceptionId, caller);
  }

  @Get('conflicts')
  @Operation({
    id: 'listScheduleConflicts',
    summary: 'Booked appointments outside the provider’s hours',
    description:
      'Future booked appointments inside time off or outside the open hours, earliest first ' +
      '(at most 100), to move or cancel. Roles: front-desk, provider, nurse, admin.',
    permit: 'schedule:read',
    uuidParams: PROVIDER_ID,
    returns: ScheduleConflictList,
    problems: { 404: NO_PROVIDER },
  })
  async conflicts(
    @Param('providerId') providerId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<ScheduleConflictList> {
    const items = await this.availability.conflicts(providerId, caller);
    return { items };
  }
}
