import { Permit } from '../../common/permit.decorator.js';
import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CurrentCaller, CurrentPatient, type PatientScope } from '../../common/patient-scope.js';
import type { Caller } from '../../common/principal.js';
import { Problem } from '../../common/problem.js';
import { AuditLogService } from './audit-log.service.js';
import { AccessLogPage, AuditEventPage, AuditEventQuery, AuditPageQuery } from './audit.dto.js';

@ApiTags('audit')
@ApiUnauthorizedResponse({ type: Problem, description: 'Not signed in' })
@Controller('v1')
export class AuditController {
  constructor(private readonly log: AuditLogService) {}

  @Get('audit-events')
  @Permit('audit:read')
  @ApiOperation({
    operationId: 'listAuditEvents',
    summary: 'Browse the audit trail',
    description:
      'Newest first, filtered, cursor-paginated. Reading the trail is itself recorded (audit.read).',
  })
  @ApiOkResponse({ type: AuditEventPage })
  @ApiBadRequestResponse({ type: Problem, description: 'A filter is not valid' })
  @ApiForbiddenResponse({ type: Problem, description: 'Only administrators read the audit trail' })
  listEvents(
    @Query() query: AuditEventQuery,
    @CurrentCaller() caller: Caller,
  ): Promise<AuditEventPage> {
    return this.log.listEvents(query, caller);
  }

  @Get('patients/:patientId/access-log')
  @Permit('access-log:read', { patientScoped: true })
  @ApiOperation({
    operationId: 'getPatientAccessLog',
    summary: 'Who has accessed my record',
    description:
      'What clinic staff did with this patient’s record, newest first, in plain words. For the ' +
      'patient themself and administrators. The patient’s own actions are not listed.',
  })
  @ApiOkResponse({ type: AccessLogPage })
  @ApiBadRequestResponse({ type: Problem, description: 'limit or cursor is not valid' })
  @ApiForbiddenResponse({ type: Problem, description: 'Staff other than administrators' })
  accessLog(
    @Query() query: AuditPageQuery,
    @CurrentPatient() scope: PatientScope,
  ): Promise<AccessLogPage> {
    return this.log.accessLog(scope.patientId, query, scope.caller);
  }
}
