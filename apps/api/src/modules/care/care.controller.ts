import { Operation } from '../../common/operation.decorator.js';
import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CurrentCaller,
  CurrentPatient,
  PatientNotFoundError,
  type PatientScope,
} from '../../common/patient-scope.js';
import { Permit } from '../../common/permit.decorator.js';
import type { Caller } from '../../common/principal.js';
import { UUID_PATTERN } from '../../common/validation.js';
import { StaffNotFoundError } from '../staff/staff.errors.js';
import { CareAccessService } from './care-access.service.js';
import {
  EmergencyAccessGrant,
  EmergencyAccessItem,
  EmergencyAccessPage,
  EmergencyAccessQuery,
  EmergencyAccessRequest,
  StaffLocations,
  StaffLocationsRequest,
} from './care.dto.js';
import { EmergencyAccessNotFoundError } from './care.errors.js';

@ApiTags('emergency access')
@Controller('v1')
export class CareController {
  constructor(private readonly care: CareAccessService) {}

  @Post('patients/:patientId/emergency-access')
  @Operation({
    id: 'createEmergencyAccess',
    summary: 'Break the glass: open a patient’s record outside one’s care',
    description:
      'For a patient not seen at any of the caller’s locations (clinical routes answer 403 ' +
      '`care_relationship_required`). Opens the clinical record to the caller for ' +
      'EMERGENCY_ACCESS_MINUTES (4 hours by default). Recorded in the audit trail and in ' +
      'the patient’s access log ("Used emergency access to your record"), and listed for ' +
      'administrators to review.',
    status: 201,
    permit: 'emergency-access:use',
    patientScoped: true,
    returns: EmergencyAccessGrant,
  })
  async create(
    @Body() body: EmergencyAccessRequest,
    @CurrentPatient() scope: PatientScope,
  ): Promise<EmergencyAccessGrant> {
    const grant = await this.care.grantEmergencyAccess(
      scope.patientId.toLowerCase(),
      body.reason,
      scope.caller,
    );
    if (!grant) throw new PatientNotFoundError();
    return grant;
  }

  @Get('emergency-access')
  @Operation({
    id: 'listEmergencyAccess',
    summary: 'Emergency accesses, for review',
    description:
      'Newest first, filtered by time, staff member, patient and review state. Each patient ' +
      'listed gets a line in their access log.',
    permit: 'emergency-access:review',
    returns: EmergencyAccessPage,
  })
  list(
    @Query() query: EmergencyAccessQuery,
    @CurrentCaller() caller: Caller,
  ): Promise<EmergencyAccessPage> {
    return this.care.listEmergencyAccess(query, caller);
  }

  @Post('emergency-access/:grantId/review')
  @Operation({
    id: 'reviewEmergencyAccess',
    summary: 'Mark an emergency access reviewed',
    description: 'Records who reviewed it and when. Nobody reviews their own.',
    status: 200,
    permit: 'emergency-access:review',
    returns: EmergencyAccessItem,
    uuidParams: ['grantId'],
    problems: {
      404: 'No emergency access has this id',
      409: 'Already reviewed (code emergency_access_already_reviewed)',
      422: 'Your own emergency access (code cannot_review_own_emergency_access)',
    },
  })
  review(
    @Param('grantId') grantId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<EmergencyAccessItem> {
    if (!UUID_PATTERN.test(grantId)) throw new EmergencyAccessNotFoundError();
    return this.care.markReviewed(grantId, caller);
  }
}

/** The staff API's part of the care relationship: where each staff member works. */
@ApiTags('staff')
@Permit('staff:manage')
@Controller('v1/staff')
export class StaffLocationsController {
  constructor(private readonly care: CareAccessService) {}

  @Get(':accountId/locations')
  @Operation({
    id: 'getStaffLocations',
    summary: 'The locations a staff member works at',
    description:
      'Staff reach the clinical records of patients seen at these locations. A provider also ' +
      'works where their provider profile has weekly hours (practice).',
    returns: StaffLocations,
    uuidParams: ['accountId'],
    problems: { 404: 'No staff account has this id' },
  })
  locations(@Param('accountId') accountId: string): Promise<StaffLocations> {
    if (!UUID_PATTERN.test(accountId)) throw new StaffNotFoundError();
    return this.care.staffLocations(accountId);
  }

  @Put(':accountId/locations')
  @Operation({
    id: 'setStaffLocations',
    summary: 'Assign the locations a staff member works at',
    description: 'Replaces the assigned list. Applies to the next request of open sessions.',
    returns: StaffLocations,
    uuidParams: ['accountId'],
    problems: { 404: 'No staff account has this id' },
  })
  setLocations(
    @Param('accountId') accountId: string,
    @Body() body: StaffLocationsRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<StaffLocations> {
    if (!UUID_PATTERN.test(accountId)) throw new StaffNotFoundError();
    return this.care.setStaffLocations(accountId, body.locationIds, caller);
  }
}
