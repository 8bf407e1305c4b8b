import { Permit } from '../../common/permit.decorator.js';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentCaller } from '../../common/patient-scope.js';
import type { Caller } from '../../common/principal.js';
import { Problem } from '../../common/problem.js';
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

const PROVIDER_ID = ApiParam({ name: 'providerId', type: String, format: 'uuid' });
const NO_PROVIDER = ApiNotFoundResponse({ type: Problem, description: 'No such provider' });

/** A provider's weekly hours, time off and extra hours: clinic staff only. */
@ApiTags('scheduling')
@ApiUnauthorizedResponse({ type: Problem, description: 'Not signed in' })
@ApiForbiddenResponse({ type: Problem, description: 'The caller’s role may not do this' })
@Controller('v1/providers/:providerId')
export class AvailabilityController {
  constructor(private readonly availability: AvailabilityService) {}

  @Get('availability')
  @Permit('schedule:read')
  @PROVIDER_ID
  @ApiOperation({
    operationId: 'getProviderAvailability',
    summary: 'A provider’s weekly hours and coming exceptions',
    description:
      'Every weekly rule, and the time off and extra hours ending after now (at most 200). ' +
      'Roles: front-desk, provider, nurse, admin.',
  })
  @ApiOkResponse({ type: ProviderAvailability })
  @NO_PROVIDER
  get(@Param('providerId') providerId: string): Promise<ProviderAvailability> {
    return this.availability.get(providerId);
  }

  @Put('availability')
  @Permit('schedule:manage')
  @PROVIDER_ID
  @ApiOperation({
    operationId: 'replaceWeeklyAvailability',
    summary: 'Replace a provider’s weekly hours',
    description:
      'All rules at once, in the location’s local time. Rules on one weekday may not overlap, ' +
      'even at different locations. Booked appointments the new hours leave out are kept and ' +
      'listed in conflicts. Roles: front-desk, admin.',
  })
  @ApiOkResponse({ type: WeeklyAvailabilityResult })
  @ApiBadRequestResponse({
    type: Problem,
    description: 'A rule is not valid or overlaps another (errors name rules[i].field)',
  })
  @NO_PROVIDER
  @ApiUnprocessableEntityResponse({
    type: Problem,
    description: 'A location is unknown or closed (location_not_available)',
  })
  replace(
    @Param('providerId') providerId: string,
    @Body() body: ReplaceWeeklyAvailabilityRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<WeeklyAvailabilityResult> {
    return this.availability.replaceWeekly(providerId, body.rules, caller);
  }

  @Post('exceptions')
  @HttpCode(201)
  @Permit('schedule:manage')
  @PROVIDER_ID
  @ApiOperation({
    operationId: 'addAvailabilityException',
    summary: 'Add time off or extra hours',
    description:
      'Time off removes hours at every location; extra hours add hours at one location and ' +
      'win over time off. At most 31 days each. Roles: front-desk, admin.',
  })
  @ApiCreatedResponse({ type: AvailabilityExceptionResult })
  @ApiBadRequestResponse({ type: Problem, description: 'A field is not valid' })
  @NO_PROVIDER
  @ApiUnprocessableEntityResponse({
    type: Problem,
    description: 'The location is unknown or closed (location_not_available)',
  })
  addException(
    @Param('providerId') providerId: string,
    @Body() body: AddAvailabilityExceptionRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<AvailabilityExceptionResult> {
    return this.availability.addException(providerId, body, caller);
  }

  @Delete('exceptions/:exceptionId')
  @HttpCode(200)
  @Permit('schedule:manage')
  @PROVIDER_ID
  @ApiParam({ name: 'exceptionId', type: String, format: 'uuid' })
  @ApiOperation({
    operationId: 'deleteAvailabilityException',
    summary: 'Remove time off or extra hours',
    description: 'Roles: front-desk, admin.',
  })
  @ApiOkResponse({ type: ScheduleConflictsResult })
  @ApiNotFoundResponse({ type: Problem, description: 'No such provider or exception' })
  deleteException(
    @Param('providerId') providerId: string,
    @Param('exceptionId') exceptionId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<ScheduleConflictsResult> {
    return this.availability.deleteException(providerId, exceptionId, caller);
  }

  @Get('conflicts')
  @Permit('schedule:read')
  @PROVIDER_ID
  @ApiOperation({
    operationId: 'listScheduleConflicts',
    summary: 'Booked appointments outside the provider’s hours',
    description:
      'Future booked appointments inside time off or outside the open hours, earliest first ' +
      '(at most 100), to move or cancel. Roles: front-desk, provider, nurse, admin.',
  })
  @ApiOkResponse({ type: ScheduleConflictList })
  @NO_PROVIDER
  async conflicts(
    @Param('providerId') providerId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<ScheduleConflictList> {
    const items = await this.availability.conflicts(providerId, caller);
    return { items };
  }
}
