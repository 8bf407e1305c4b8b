import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import { INVALID_BODY, Operation } from '../../common/operation.decorator.js';
import { CurrentCaller } from '../../common/patient-scope.js';
import { Permit } from '../../common/permit.decorator.js';
import type { Caller } from '../../common/principal.js';
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

const WRONG_PASSWORD = 'Wrong password';

/** The signed-in person's own sign-in settings; patients and staff alike. */
@ApiTags('account')
@Permit('account:self')
@Controller('v1/account')
export class AccountSettingsController {
  constructor(private readonly settings: AccountSettingsService) {}

  @Get('security')
  @Operation({
    id: 'getSecuritySettings',
    summary: 'Second factor and password status',
    returns: SecuritySettings,
  })
  security(@CurrentCaller() caller: Caller): Promise<SecuritySettings> {
    return this.settings.security(caller.principal);
  }

  @Post('password')
  @Operation({
    id: 'changePassword',
    summary: 'Change password',
    description: 'Ends every other session.',
    status: 204,
    problems: { 400: INVALID_BODY },
  })
  async changePassword(@CurrentCaller() caller: Caller, @Body() body: ChangePasswordRequest) {
    await this.settings.changePassword(caller, body.currentPassword, body.newPassword);
  }

  @Post('totp/setup')
  @Operation({
    id: 'startTotpSetup',
    summary: 'Start setting up an authenticator app',
    description:
      'Confirmed with the current password. The new secret must be confirmed within 10 minutes.',
    status: 200,
    returns: TotpSetup,
    problems: { 400: WRONG_PASSWORD },
  })
  startTotp(
    @CurrentCaller() caller: Caller,
    @Body() body: PasswordConfirmation,
  ): Promise<TotpSetup> {
    return this.settings.startTotp(caller.principal, body.password);
  }

  @Post('totp/confirm')
  @Operation({
    id: 'confirmTotpSetup',
    summary: 'Finish authenticator set-up with its first code',
    description: 'Returns 10 recovery codes, shown once.',
    status: 200,
    returns: RecoveryCodes,
    problems: {
      400: INVALID_BODY,
      409: 'No set-up in progress, or it was started over 10 minutes ago: start again',
    },
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
  @Operation({
    id: 'setSecondFactor',
    summary: 'Switch to emailed codes, or turn the second step off',
    status: 204,
    problems: { 400: INVALID_BODY, 422: 'The clinic requires a second step for this account' },
  })
  async setSecondFactor(@CurrentCaller() caller: Caller, @Body() body: SetSecondFactorRequest) {
    await this.settings.setSecondFactor(caller, body.method, body.password);
  }

  @Post('recovery-codes')
  @Operation({
    id: 'regenerateRecoveryCodes',
    summary: 'Replace recovery codes',
    description: 'The old codes stop working.',
    status: 200,
    returns: RecoveryCodes,
    problems: { 400: WRONG_PASSWORD, 422: 'No authenticator app set up' },
  })
  async recoveryCodes(
    @CurrentCaller() caller: Caller,
    @Body() body: PasswordConfirmation,
  ): Promise<RecoveryCodes> {
    return {
      recoveryCodes: await this.settings.regenerateRecoveryCodes(caller, body.password),
    };
  }

  @Get('sessions')
  @Operation({
    id: 'listMySessions',
    summary: 'Where this account is signed in',
    returns: ActiveSessionList,
  })
  async sessions(@CurrentCaller() caller: Caller): Promise<ActiveSessionList> {
    return { items: await this.settings.listSessions(caller.principal) };
  }

  @Delete('sessions/:sessionId')
  @Operation({
    id: 'endMySession',
    summary: 'Sign out one session of this account',
    status: 204,
    problems: { 404: 'No such session of this account' },
  })
  @ApiParam({
    name: 'sessionId',
    description: 'The id from listMySessions',
    schema: { type: 'string', pattern: '^[0-9a-f]{64}$', maxLength: 64 },
  })
  async endSession(@CurrentCaller() caller: Caller, @Param('sessionId') id: string) {
    await this.settings.endSession(caller, id);
  }
}
