import { Body, Controller, Get, Post, Req, Res } from '@nestjs/common';
import { ApiExtraModels, ApiNoContentResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { INVALID_BODY, Operation } from '../../common/operation.decorator.js';
import { requestContext, type Caller, type RequestContext } from '../../common/principal.js';
import { CurrentCaller, CurrentRequestContext } from '../../common/patient-scope.js';
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

const LINK_SPENT = 'The link expired or was used';

/** Runs a throttled step; a refusal for too many tries says when to try again. */
async function withRetryAfter<T>(reply: FastifyReply, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof TooManyAttemptsError) {
      void reply.header('retry-after', String(error.retryAfterSeconds));
    }
    throw error;
  }
}

@ApiTags('auth')
@ApiExtraModels(LoginSignedIn, LoginSecondFactorRequired)
@Controller('v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly cookies: SessionCookies,
  ) {}

  @Post('login')
  @Operation({
    id: 'login',
    summary: 'Sign in with username and password',
    description:
      'Opens a session (cookie portal_session, __Host-portal_session over HTTPS) and sets a new CSRF token. When the account has a second factor, the ' +
      'session waits for the verification code. Wrong username and wrong password get the same answer. ' +
      'A right password marks the browser as a known device (cookie portal_device, __Host-portal_device over HTTPS): its later ' +
      'sign-ins to that account are throttled per device, not on the account-wide budget.',
    public: true,
    throttled: { retryAfter: true },
    status: 200,
    returns: {
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
    },
    problems: { 400: INVALID_BODY, 401: 'Wrong username or password' },
  })
  login(
    @Body() body: LoginRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResult> {
    return withRetryAfter(reply, async () => {
      const { token, result, deviceToken } = await this.auth.login(
        body.username,
        body.password,
        requestContext(request),
        this.cookies.readDevice(request),
      );
      this.cookies.open(reply, token);
      this.cookies.rememberDevice(reply, deviceToken);
      return result;
    });
  }

  @Post('login/verify')
  @Operation({
    id: 'verifySecondFactor',
    summary: 'Finish signing in with a verification code',
    description:
      'Emailed codes last 10 minutes; authenticator codes are never accepted twice; five wrong codes end the sign-in.',
    public: true,
    throttled: { retryAfter: true },
    status: 200,
    returns: Session,
    problems: {
      400: 'Wrong or expired code',
      401: 'No sign-in waiting for a code: sign in again',
    },
  })
  verify(
    @Body() body: VerifySecondFactorRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Session> {
    return withRetryAfter(reply, async () => {
      const { token, session } = await this.auth.verifySecondFactor(
        this.cookies.read(request) ?? '',
        body.code,
        body.method,
        requestContext(request),
      );
      // A fresh id once fully signed in: an id seen before the second step is worth nothing.
      this.cookies.open(reply, token);
      return session;
    });
  }

  @Post('login/resend-code')
  @Operation({
    id: 'resendLoginCode',
    summary: 'Email a new sign-in code',
    public: true,
    status: 204,
    problems: { 401: 'No sign-in waiting for a code: sign in again' },
  })
  async resendCode(@Req() request: FastifyRequest): Promise<void> {
    await this.auth.resendLoginCode(this.cookies.read(request) ?? '');
  }

  @Post('password-reset')
  @Operation({
    id: 'requestPasswordReset',
    summary: 'Email a password reset link',
    description: 'Answers the same whether or not the username or email exists.',
    public: true,
    throttled: { retryAfter: false },
    status: 204,
  })
  async requestReset(
    @Body() body: PasswordResetRequest,
    @CurrentRequestContext() context: RequestContext,
  ): Promise<void> {
    await this.auth.requestPasswordReset(body.identifier, context);
  }

  @Post('password-reset/complete')
  @Operation({
    id: 'completePasswordReset',
    summary: 'Set a new password with the emailed link',
    description: 'Ends every session of the account.',
    public: true,
    status: 204,
    problems: { 400: INVALID_BODY, 410: LINK_SPENT },
  })
  async completeReset(
    @Body() body: PasswordResetComplete,
    @CurrentRequestContext() context: RequestContext,
  ): Promise<void> {
    await this.auth.completePasswordReset(body.token, body.password, context);
  }

  @Post('username-reminder')
  @Operation({
    id: 'remindUsername',
    summary: 'Email the usernames registered to an address',
    description: 'Answers the same whether or not the address is known.',
    public: true,
    throttled: { retryAfter: false },
    status: 204,
  })
  async remind(
    @Body() body: UsernameReminderRequest,
    @CurrentRequestContext() context: RequestContext,
  ): Promise<void> {
    await this.auth.remindUsername(body.email, context);
  }

  @Post('unlock')
  @Operation({
    id: 'unlockSignIn',
    summary: 'Lift a sign-in pause with the emailed link',
    description:
      'Also marks this browser as a known device (cookie portal_device, __Host-portal_device over HTTPS), whose sign-ins are ' +
      'throttled on their own, so guesses from elsewhere cannot pause them.',
    public: true,
    status: 204,
    problems: { 410: LINK_SPENT },
  })
  async unlock(
    @Body() body: TokenRequest,
    @CurrentRequestContext() context: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const { deviceToken } = await this.auth.unlock(body.token, context);
    this.cookies.rememberDevice(reply, deviceToken);
  }

  @Get('session')
  @Operation({
    id: 'getSession',
    summary: 'The current session',
    description:
      'Counts as activity. When there is no session (none, ended, or still waiting for its ' +
      'second factor) the answer is 204 with no body: being signed out is an answer here, not ' +
      'a failed request, so browsers do not log it as an error. Every other route answers 401.',
    public: true,
    returns: Session,
  })
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
  @Operation({
    id: 'logout',
    summary: 'Sign out of this session',
    permit: 'account:self',
    status: 204,
    problems: { 401: 'The session had already ended' },
  })
  async logout(
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.logout(caller, false);
    this.cookies.clear(reply);
  }

  @Post('logout-everywhere')
  @Operation({
    id: 'logoutEverywhere',
    summary: 'Sign out of every session of this account',
    permit: 'account:self',
    status: 204,
  })
  async logoutEverywhere(
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.logout(caller, true);
    this.cookies.clear(reply);
  }
}
