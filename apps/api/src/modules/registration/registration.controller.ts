import { Body, Controller, Get, Headers, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import { INVALID_BODY, Operation } from '../../common/operation.decorator.js';
import type { RequestContext } from '../../common/principal.js';
import { CurrentRequestContext } from '../../common/patient-scope.js';
import { Problem } from '../../common/problem.js';
import { Public } from '../../common/public.decorator.js';
import {
  CompleteRegistrationRequest,
  EmailCodeSent,
  IdentityVerified,
  RegistrationCompleted,
  INVITATION_TOKEN_HEADER,
  invitationTokenFromHeader,
  RegistrationInvitation,
  SendEmailCodeRequest,
  VerifyIdentityRequest,
} from './registration.dto.js';
import { RegistrationService } from './registration.service.js';

/** The answers of every step whose invitation link cannot be used. */
const LINK_PROBLEMS = {
  404: 'Unknown link: invitation_link_invalid',
  410:
    'The invitation can no longer be used; the code says why: invitation_expired, ' +
    'invitation_used, invitation_revoked or invitation_replaced',
  423: 'Locked after 5 wrong dates of birth, until the clinic resends it',
} as const;

/**
 * Registration from an invitation link, for a patient who has no account yet, so every
 * route is public. The token never travels in a URL: the emailed link carries it in the
 * fragment (`/register#token=…`), which browsers do not send, and the app sends it in a request
 * header (the check) or body (the steps), which server and proxy logs do not record.
 */
@ApiTags('registration')
@Public()
@ApiBadRequestResponse({ type: Problem, description: INVALID_BODY })
@Controller('v1/registration')
export class RegistrationController {
  constructor(private readonly registration: RegistrationService) {}

  @Get('invitation')
  @Operation({
    id: 'checkRegistrationInvitation',
    summary: 'Check an invitation link',
    description:
      'Says whether the link can be used, and how the patient can prove who they are. The ' +
      `token goes in the ${INVITATION_TOKEN_HEADER} header, never in the URL.`,
    returns: RegistrationInvitation,
    problems: LINK_PROBLEMS,
  })
  @ApiHeader({
    name: INVITATION_TOKEN_HEADER,
    required: true,
    description: 'The token from the invitation link (…/register#token=…)',
    schema: { type: 'string', minLength: 1, maxLength: 200 },
  })
  describe(
    @Headers(INVITATION_TOKEN_HEADER.toLowerCase()) token: string | string[] | undefined,
    @CurrentRequestContext() context: RequestContext,
  ): Promise<RegistrationInvitation> {
    return this.registration.describe(invitationTokenFromHeader(token), context);
  }

  @Post('email-code')
  @Operation({
    id: 'sendRegistrationEmailCode',
    summary: 'Email a 6-digit code to the address on file',
    description:
      'The code works once, for 10 minutes, with 5 tries; a new request replaces it. At most ' +
      '5 codes per invitation link.',
    status: 202,
    returns: EmailCodeSent,
    problems: { ...LINK_PROBLEMS, 429: 'No more codes for this link' },
  })
  sendEmailCode(
    @Body() body: SendEmailCodeRequest,
    @CurrentRequestContext() context: RequestContext,
  ): Promise<EmailCodeSent> {
    return this.registration.sendEmailCode(body.token, context);
  }

  @Post('verify-identity')
  @Operation({
    id: 'verifyRegistrationIdentity',
    summary: 'Prove identity with the date of birth or the emailed code',
    description:
      'Send exactly one of dateOfBirth and emailCode. Success gives a ticket for ' +
      'completeRegistration, valid 30 minutes. The fifth wrong date of birth locks the ' +
      'invitation until the clinic resends it.',
    status: 200,
    returns: IdentityVerified,
    problems: {
      ...LINK_PROBLEMS,
      422: 'Wrong date of birth or code (identity_not_confirmed), or no code requested',
    },
  })
  verifyIdentity(
    @Body() body: VerifyIdentityRequest,
    @CurrentRequestContext() context: RequestContext,
  ): Promise<IdentityVerified> {
    return this.registration.verifyIdentity(body, context);
  }

  @Post('complete')
  @Operation({
    id: 'completeRegistration',
    summary: 'Choose a username and password',
    description:
      'Creates the patient’s account and spends the invitation and the ticket, together. ' +
      'The patient then signs in with POST /api/v1/auth/login.',
    status: 201,
    returns: RegistrationCompleted,
    problems: {
      404: 'Unknown ticket',
      409: 'username_taken or account_exists',
      410: 'The ticket or the invitation can no longer be used; the code says why',
      423: 'The invitation is locked',
    },
  })
  complete(
    @Body() body: CompleteRegistrationRequest,
    @CurrentRequestContext() context: RequestContext,
  ): Promise<RegistrationCompleted> {
    return this.registration.complete(body, context);
  }
}
