import { Operation } from '../../common/operation.decorator.js';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentCaller, CurrentPatient, type PatientScope } from '../../common/patient-scope.js';
import type { Caller } from '../../common/principal.js';
import { AuditLogService } from './audit-log.service.js';
import { AccessLogPage, AuditEventPage, AuditEventQuery, AuditPageQuery } from './audit.dto.js';

@ApiTags('audit')
@Controller('v1')
export class AuditController {
  constructor(private readonly log: AuditLogService) {}

  @Get('audit-events')
  @Operation({
    id: 'listAuditEvents',
    summary: 'Browse the audit trail',
    description:
      'Newest first, filtered, cursor-paginated. Reading the trail is itself recorded (audit.read).',
    permit: 'audit:read',
    returns: AuditEventPage,
    problems: { 400: 'A filter is not valid', 403: 'Only administrators read the audit trail' },
  })
  listEvents(
    @Query() query: AuditEventQuery,
    @CurrentCaller() caller: Caller,
  ): Promise<AuditEventPage> {
    return this.log.listEvents(query, caller);
  }

  @Get('patients/:patientId/access-log')
  @Operation({
    id: 'getPatientAccessLog',
    summary: 'Who has accessed my record',
    description:
      'What clinic staff did with this patient’s record, newest first, in plain words. For the ' +
      'patient themself and administrators. The patient’s own actions are not listed.',
    permit: 'access-log:read',
    patientScoped: true,
    returns: AccessLogPage,
    problems: { 400: 'limit or cursor is not valid', 403: 'Staff other than administrators' },
  })
  accessLog(
    @Query() query: AuditPageQuery,
    @CurrentPatient() scope: PatientScope,
  ): Promise<AccessLogPage> {
    return this.log.accessLog(scope.patientId, query, scope.caller);
  }
}
