import { INVALID_QUERY, Operation } from '../../common/operation.decorator.js';
import { Permit } from '../../common/permit.decorator.js';
import { Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentCaller, CurrentPatient, type PatientScope } from '../../common/patient-scope.js';
import type { Caller } from '../../common/principal.js';
import { InvitationPage, InvitationSummary, ListInvitationsQuery } from './invitations.dto.js';
import { InvitationsService } from './invitations.service.js';

/** Staff side of portal invitations: front desk and admins only. */
@ApiTags('invitations')
@Permit('invitations:send')
@Controller('v1')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post('patients/:patientId/invitations')
  @Operation({
    id: 'createInvitation',
    summary: 'Invite a patient to the portal',
    description:
      'Emails a single-use registration link to the patient’s email on file. Refused when the ' +
      'patient has no email (422), already has an account, or already has a valid invitation ' +
      '(409: resend that one instead). Roles: front-desk, admin.',
    status: 201,
    permit: 'invitations:send',
    patientScoped: true,
    returns: InvitationSummary,
    problems: { 409: 'Already an account or a valid invitation', 422: 'The patient has no email' },
  })
  create(@CurrentPatient() scope: PatientScope): Promise<InvitationSummary> {
    return this.invitations.create(scope.patientId, scope.caller);
  }

  @Post('invitations/:invitationId/resend')
  @Operation({
    id: 'resendInvitation',
    summary: 'Send a new link',
    description:
      'Emails a new link with a new expiry; the old link stops working. Also unlocks an ' +
      'invitation locked by wrong dates of birth. Roles: front-desk, admin.',
    status: 200,
    returns: InvitationSummary,
    uuidParams: ['invitationId'],
    problems: {
      404: 'No such invitation',
      409: 'Already accepted or revoked',
      422: 'The patient has no email',
    },
  })
  resend(
    @Param('invitationId') invitationId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<InvitationSummary> {
    return this.invitations.resend(invitationId, caller);
  }

  @Post('invitations/:invitationId/revoke')
  @Operation({
    id: 'revokeInvitation',
    summary: 'Cancel an invitation',
    description:
      'Its link stops working at once. Revoking twice changes nothing. Roles: front-desk, admin.',
    status: 200,
    returns: InvitationSummary,
    uuidParams: ['invitationId'],
    problems: { 404: 'No such invitation', 409: 'Already accepted' },
  })
  revoke(
    @Param('invitationId') invitationId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<InvitationSummary> {
    return this.invitations.revoke(invitationId, caller);
  }

  @Get('invitations')
  @Operation({
    id: 'listInvitations',
    summary: 'Invitations, newest first',
    description:
      'Each with its patient, status and the delivery state of its latest email. Roles: ' +
      'front-desk, admin.',
    returns: InvitationPage,
    problems: { 400: INVALID_QUERY },
  })
  list(
    @Query() query: ListInvitationsQuery,
    @CurrentCaller() caller: Caller,
  ): Promise<InvitationPage> {
    return this.invitations.list(query, caller);
  }
}
