import { Permit } from '../../common/permit.decorator.js';
import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentCaller } from '../../common/patient-scope.js';
import type { Caller } from '../../common/principal.js';
import { Problem } from '../../common/problem.js';
import {
  ActiveSessionList,
  ChangePasswordRequest,
  PasswordConfirmation,
  RecoveryCodes,
  SecuritySettings,
  SetSecondFactorRequest,
  TotpConfirmRequest,
  TotpSetup,
} from './account-settings.dto.js';
import { AccountSettingsService } from './account-settings.service.js';

/** The signed-in person's own sign-in settings; patients and staff alike. */
@ApiTags('account')
@Permit('account:self')
@Controller('v1/account')
export class AccountSettingsController {
  constructor(private readonly settings: AccountSettingsService) {}

  @Get('security')
  @ApiOperation({
    operationId: 'getSecuritySettings',
    summary: 'Second factor and password status',
  })
  @ApiOkResponse({ type: SecuritySettings })
  security(@CurrentCaller() caller: Caller): Promise<SecuritySettings> {
    return this.settings.security(caller.principal);
  }

  @Post('password')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'changePassword',
    summary: 'Change password',
    description: 'Ends every other session.',
  })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ type: Problem })
  async changePassword(@CurrentCaller() caller: Caller, @Body() body: ChangePasswordRequest) {
    await this.settings.changePassword(caller, body.currentPassword, body.newPassword);
  }

  @Post('totp/setup')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'startTotpSetup',
    summary: 'Start setting up an authenticator app',
    description:
      'Confirmed with the current password. The new secret must be confirmed within 10 minutes.',
  })
  @ApiOkResponse({ type: TotpSetup })
  @ApiBadRequestResponse({ type: Problem, description: 'Wrong password' })
  startTotp(
    @CurrentCaller() caller: Caller,
    @Body() body: PasswordConfirmation,
  ): Promise<TotpSetup> {
    return this.settings.startTotp(caller.principal, body.password);
  }

  @Post('totp/confirm')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'confirmTotpSetup',
    summary: 'Finish authenticator set-up with its first code',
    description: 'Returns 10 recovery codes, shown once.',
  })
  @ApiOkResponse({ type: RecoveryCodes })
  @ApiBadRequestResponse({ type: Problem })
  @ApiConflictResponse({
    type: Problem,
    description: 'No set-up in progress, or it was started over 10 minutes ago: start again',
  })
  async confirmTotp(
    @CurrentCaller() caller: Caller,
    @Body() body: TotpConfirmRequest,
  ): Promise<RecoveryCodes> {
    return {
      recoveryCodes: await this.settings.confirmTotp(caller, body.code),
    };
  }

  @Post('second-factor')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'setSecondFactor',
    summary: 'Switch to emailed codes, or turn the second step off',
  })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ type: Problem })
  @ApiUnprocessableEntityResponse({
    type: Problem,
    description: 'The clinic requires a second step for this account',
  })
  async setSecondFactor(@CurrentCaller() caller: Caller, @Body() body: SetSecondFactorRequest) {
    await this.settings.setSecondFactor(caller, body.method, body.password);
  }

  @Post('recovery-codes')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'regenerateRecoveryCodes',
    summary: 'Replace recovery codes',
    description: 'The old codes stop working.',
  })
  @ApiOkResponse({ type: RecoveryCodes })
  @ApiBadRequestResponse({ type: Problem, description: 'Wrong password' })
  @ApiUnprocessableEntityResponse({ type: Problem, description: 'No authenticator app set up' })
  async recoveryCodes(
    @CurrentCaller() caller: Caller,
    @Body() body: PasswordConfirmation,
  ): Promise<RecoveryCodes> {
    return {
      recoveryCodes: await this.settings.regenerateRecoveryCodes(caller, body.password),
    };
  }

  @Get('sessions')
  @ApiOperation({ operationId: 'listMySessions', summary: 'Where this account is signed in' })
  @ApiOkResponse({ type: ActiveSessionList })
  async sessions(@CurrentCaller() caller: Caller): Promise<ActiveSessionList> {
    return { items: await this.settings.listSessions(caller.principal) };
  }

  @Delete('sessions/:sessionId')
  @HttpCode(204)
  @ApiOperation({ operationId: 'endMySession', summary: 'Sign out one session of this account' })
  @ApiParam({
    name: 'sessionId',
    description: 'The id from listMySessions',
    schema: { type: 'string', pattern: '^[0-9a-f]{64}$', maxLength: 64 },
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: Problem })
  async endSession(@CurrentCaller() caller: Caller, @Param('sessionId') id: string) {
    await this.settings.endSession(caller, id);
  }
}
