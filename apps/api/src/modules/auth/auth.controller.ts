import { Permit } from '../../common/permit.decorator.js';
import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiExtraModels,
  ApiGoneResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { requestContext, type Caller, type RequestContext } from '../../common/principal.js';
import { CurrentCaller, CurrentRequestContext } from '../../common/patient-scope.js';
import { Problem } from '../../common/problem.js';
import { Public } from '../../common/public.decorator.js';
import { Throttled } from '../../common/throttled.decorator.js';
import {
  LoginRequest,
  LoginSecondFactorRequired,
  LoginSignedIn,
  PasswordResetComplete,
  PasswordResetRequest,
  Session,
  TokenRequest,
  UsernameReminderRequest,
  VerifySecondFactorRequest,
  type LoginResult,
} from './auth.dto.js';
import { AuthService } from './auth.service.js';
import { TooManyAttemptsError } from './login-throttle.service.js';
import { SessionCookies } from './session-cookies.js';

@ApiTags('auth')
@ApiExtraModels(LoginSignedIn, LoginSecondFactorRequired)
@Controller('v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly cookies: SessionCookies,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'login',
    summary: 'Sign in with username and password',
    description:
      'Opens a session (cookie portal_session, __Host-portal_session over HTTPS) and sets a new CSRF token. When the account has a second factor, the ' +
      'session waits for the verification code. Wrong username and wrong password get the same answer. ' +
      'A right password marks the browser as a known device (cookie portal_device, __Host-portal_device over HTTPS): its later ' +
      'sign-ins to that account are throttled per device, not on the account-wide budget.',
  })
  @ApiOkResponse({
    schema: {
      oneOf: [
        { $ref: getSchemaPath(LoginSignedIn) },
        { $ref: getSchemaPath(LoginSecondFactorRequired) },
      ],
      discriminator: {
        propertyName: 'status',
        mapping: {
          'signed-in': getSchemaPath(LoginSignedIn),
          'second-factor-required': getSchemaPath(LoginSecondFactorRequired),
        },
      },
    },
  })
  @ApiBadRequestResponse({ type: Problem })
  @ApiUnauthorizedResponse({ type: Problem, description: 'Wrong username or password' })
  @Throttled({ retryAfter: true })
  async login(
    @Body() body: LoginRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResult> {
    try {
      const { token, result, deviceToken } = await this.auth.login(
        body.username,
        body.password,
        requestContext(request),
        this.cookies.readDevice(request),
      );
      this.cookies.open(reply, token);
      this.cookies.rememberDevice(reply, deviceToken);
      return result;
    } catch (error) {
      if (error instanceof TooManyAttemptsError) {
        void reply.header('retry-after', String(error.retryAfterSeconds));
      }
      throw error;
    }
  }

  @Public()
  @Post('login/verify')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'verifySecondFactor',
    summary: 'Finish signing in with a verification code',
    description:
      'Emailed codes last 10 minutes; authenticator codes are never accepted twice; five wrong codes end the sign-in.',
  })
  @ApiOkResponse({ type: Session })
  @Throttled({ retryAfter: true })
  @ApiBadRequestResponse({ type: Problem, description: 'Wrong or expired code' })
  @ApiUnauthorizedResponse({
    type: Problem,
    description: 'No sign-in waiting for a code: sign in again',
  })
  async verify(
    @Body() body: VerifySecondFactorRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Session> {
    try {
      const { token, session } = await this.auth.verifySecondFactor(
        this.cookies.read(request) ?? '',
        body.code,
        body.method,
        requestContext(request),
      );
      // A fresh id once fully signed in: an id seen before the second step is worth nothing.
      this.cookies.open(reply, token);
      return session;
    } catch (error) {
      if (error instanceof TooManyAttemptsError) {
        void reply.header('retry-after', String(error.retryAfterSeconds));
      }
      throw error;
    }
  }

  @Public()
  @Post('login/resend-code')
  @HttpCode(204)
  @ApiOperation({ operationId: 'resendLoginCode', summary: 'Email a new sign-in code' })
  @ApiNoContentResponse()
  @ApiUnauthorizedResponse({ type: Problem })
  async resendCode(@Req() request: FastifyRequest): Promise<void> {
    await this.auth.resendLoginCode(this.cookies.read(request) ?? '');
  }

  @Public()
  @Post('password-reset')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'requestPasswordReset',
    summary: 'Email a password reset link',
    description: 'Answers the same whether or not the username or email exists.',
  })
  @ApiNoContentResponse()
  @Throttled({ retryAfter: false })
  async requestReset(
    @Body() body: PasswordResetRequest,
    @CurrentRequestContext() context: RequestContext,
  ): Promise<void> {
    await this.auth.requestPasswordReset(body.identifier, context);
  }

  @Public()
  @Post('password-reset/complete')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'completePasswordReset',
    summary: 'Set a new password with the emailed link',
    description: 'Ends every session of the account.',
  })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ type: Problem })
  @ApiGoneResponse({ type: Problem, description: 'The link expired or was used' })
  async completeReset(
    @Body() body: PasswordResetComplete,
    @CurrentRequestContext() context: RequestContext,
  ): Promise<void> {
    await this.auth.completePasswordReset(body.token, body.password, context);
  }

  @Public()
  @Post('username-reminder')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'remindUsername',
    summary: 'Email the usernames registered to an address',
    description: 'Answers the same whether or not the address is known.',
  })
  @ApiNoContentResponse()
  @Throttled({ retryAfter: false })
  async remind(
    @Body() body: UsernameReminderRequest,
    @CurrentRequestContext() context: RequestContext,
  ): Promise<void> {
    await this.auth.remindUsername(body.email, context);
  }

  @Public()
  @Post('unlock')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'unlockSignIn',
    summary: 'Lift a sign-in pause with the emailed link',
    description:
      'Also marks this browser as a known device (cookie portal_device, __Host-portal_device over HTTPS), whose sign-ins are ' +
      'throttled on their own, so guesses from elsewhere cannot pause them.',
  })
  @ApiNoContentResponse()
  @ApiGoneResponse({ type: Problem })
  async unlock(
    @Body() body: TokenRequest,
    @CurrentRequestContext() context: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const { deviceToken } = await this.auth.unlock(body.token, context);
    this.cookies.rememberDevice(reply, deviceToken);
  }

  @Public()
  @Get('session')
  @ApiOperation({
    operationId: 'getSession',
    summary: 'The current session',
    description:
      'Counts as activity. When there is no session (none, ended, or still waiting for its ' +
      'second factor) the answer is 204 with no body: being signed out is an answer here, not ' +
      'a failed request, so browsers do not log it as an error. Every other route answers 401.',
  })
  @ApiOkResponse({ type: Session })
  @ApiNoContentResponse({ description: 'No session, or it has ended' })
  async session(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Session | undefined> {
    const session = await this.auth.currentSession(this.cookies.read(request));
    if (!session) {
      void reply.status(204);
      return undefined;
    }
    return session;
  }

  @Post('logout')
  @Permit('account:self')
  @HttpCode(204)
  @ApiOperation({ operationId: 'logout', summary: 'Sign out of this session' })
  @ApiNoContentResponse()
  @ApiUnauthorizedResponse({ type: Problem, description: 'The session had already ended' })
  async logout(
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.logout(caller, false);
    this.cookies.clear(reply);
  }

  @Post('logout-everywhere')
  @Permit('account:self')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'logoutEverywhere',
    summary: 'Sign out of every session of this account',
  })
  @ApiNoContentResponse()
  async logoutEverywhere(
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.logout(caller, true);
    this.cookies.clear(reply);
  }
}
