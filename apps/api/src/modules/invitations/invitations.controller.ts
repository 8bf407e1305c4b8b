import { Permit } from '../../common/permit.decorator.js';
import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiBadRequestResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentCaller, CurrentPatient, type PatientScope } from '../../common/patient-scope.js';
import type { Caller } from '../../common/principal.js';
import { Problem } from '../../common/problem.js';
import { InvitationPage, InvitationSummary, ListInvitationsQuery } from './invitations.dto.js';
import { InvitationsService } from './invitations.service.js';

/** Staff side of portal invitations: front desk and admins only. */
@ApiTags('invitations')
@Permit('invitations:send')
@ApiUnauthorizedResponse({ type: Problem, description: 'Not signed in' })
@ApiForbiddenResponse({
  type: Problem,
  description: 'Only front desk and admins manage invitations',
})
@Controller('v1')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post('patients/:patientId/invitations')
  @Permit('invitations:send', { patientScoped: true })
  @ApiOperation({
    operationId: 'createInvitation',
    summary: 'Invite a patient to the portal',
    description:
      'Emails a single-use registration link to the patient’s email on file. Refused when the ' +
      'patient has no email (422), already has an account, or already has a valid invitation ' +
      '(409: resend that one instead). Roles: front-desk, admin.',
  })
  @ApiCreatedResponse({ type: InvitationSummary })
  @ApiConflictResponse({ type: Problem, description: 'Already an account or a valid invitation' })
  @ApiUnprocessableEntityResponse({ type: Problem, description: 'The patient has no email' })
  create(@CurrentPatient() scope: PatientScope): Promise<InvitationSummary> {
    return this.invitations.create(scope.patientId, scope.caller);
  }

  @Post('invitations/:invitationId/resend')
  @HttpCode(200)
  @ApiParam({ name: 'invitationId', type: String, format: 'uuid' })
  @ApiOperation({
    operationId: 'resendInvitation',
    summary: 'Send a new link',
    description:
      'Emails a new link with a new expiry; the old link stops working. Also unlocks an ' +
      'invitation locked by wrong dates of birth. Roles: front-desk, admin.',
  })
  @ApiOkResponse({ type: InvitationSummary })
  @ApiNotFoundResponse({ type: Problem, description: 'No such invitation' })
  @ApiConflictResponse({ type: Problem, description: 'Already accepted or revoked' })
  @ApiUnprocessableEntityResponse({ type: Problem, description: 'The patient has no email' })
  resend(
    @Param('invitationId') invitationId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<InvitationSummary> {
    return this.invitations.resend(invitationId, caller);
  }

  @Post('invitations/:invitationId/revoke')
  @HttpCode(200)
  @ApiParam({ name: 'invitationId', type: String, format: 'uuid' })
  @ApiOperation({
    operationId: 'revokeInvitation',
    summary: 'Cancel an invitation',
    description:
      'Its link stops working at once. Revoking twice changes nothing. Roles: front-desk, admin.',
  })
  @ApiOkResponse({ type: InvitationSummary })
  @ApiNotFoundResponse({ type: Problem, description: 'No such invitation' })
  @ApiConflictResponse({ type: Problem, description: 'Already accepted' })
  revoke(
    @Param('invitationId') invitationId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<InvitationSummary> {
    return this.invitations.revoke(invitationId, caller);
  }

  @Get('invitations')
  @ApiOperation({
    operationId: 'listInvitations',
    summary: 'Invitations, newest first',
    description:
      'Each with its patient, status and the delivery state of its latest email. Roles: ' +
      'front-desk, admin.',
  })
  @ApiOkResponse({ type: InvitationPage })
  @ApiBadRequestResponse({ type: Problem, description: 'A parameter is not valid' })
  list(
    @Query() query: ListInvitationsQuery,
    @CurrentCaller() caller: Caller,
  ): Promise<InvitationPage> {
    return this.invitations.list(query, caller);
  }
}
