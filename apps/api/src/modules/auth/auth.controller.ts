import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiExtraModels,
  ApiGoneResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { readCookie, setCookie } from '../../common/cookies.js';
import { requestContext } from '../../common/principal.js';
import { Problem } from '../../common/problem.js';
import { Public } from '../../common/public.decorator.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
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
import { SESSION_COOKIE } from './session.guard.js';

@ApiTags('auth')
@ApiExtraModels(LoginSignedIn, LoginSecondFactorRequired)
@Controller('v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'login',
    summary: 'Sign in with username and password',
    description:
      'Opens a session (cookie portal_session). When the account has a second factor, the ' +
      'session waits for the verification code. Wrong username and wrong password get the same answer.',
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
  @ApiTooManyRequestsResponse({
    headers: {
      'Retry-After': {
        description: 'Seconds to wait before trying again',
        schema: { type: 'integer' },
      },
    },
    type: Problem,
    description: 'Too many failed tries; Retry-After says when to retry',
  })
  async login(
    @Body() body: LoginRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResult> {
    try {
      const { token, result } = await this.auth.login(
        body.username,
        body.password,
        requestContext(request),
      );
      setCookie(reply, SESSION_COOKIE, token, {
        httpOnly: true,
        secure: this.config.secureCookies,
      });
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
        readCookie(request, SESSION_COOKIE) ?? '',
        body.code,
        body.method,
        requestContext(request),
      );
      // A fresh id once fully signed in: an id seen before the second step is worth nothing.
      setCookie(reply, SESSION_COOKIE, token, {
        httpOnly: true,
        secure: this.config.secureCookies,
      });
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
    await this.auth.resendLoginCode(readCookie(request, SESSION_COOKIE) ?? '');
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
  async requestReset(
    @Body() body: PasswordResetRequest,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    await this.auth.requestPasswordReset(body.identifier, requestContext(request));
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
    @Req() request: FastifyRequest,
  ): Promise<void> {
    await this.auth.completePasswordReset(body.token, body.password, requestContext(request));
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
  async remind(
    @Body() body: UsernameReminderRequest,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    await this.auth.remindUsername(body.email, requestContext(request));
  }

  @Public()
  @Post('unlock')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'unlockSignIn',
    summary: 'Lift a sign-in pause with the emailed link',
  })
  @ApiNoContentResponse()
  @ApiGoneResponse({ type: Problem })
  async unlock(@Body() body: TokenRequest, @Req() request: FastifyRequest): Promise<void> {
    await this.auth.unlock(body.token, requestContext(request));
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
    const session = await this.auth.currentSession(readCookie(request, SESSION_COOKIE));
    if (!session) {
      void reply.status(204);
      return undefined;
    }
    return session;
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ operationId: 'logout', summary: 'Sign out of this session' })
  @ApiNoContentResponse()
  @ApiUnauthorizedResponse({ type: Problem, description: 'The session had already ended' })
  async logout(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.logout(request.principal!, requestContext(request), false);
    setCookie(reply, SESSION_COOKIE, '', {
      httpOnly: true,
      secure: this.config.secureCookies,
      maxAge: 0,
    });
  }

  @Post('logout-everywhere')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'logoutEverywhere',
    summary: 'Sign out of every session of this account',
  })
  @ApiNoContentResponse()
  async logoutEverywhere(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.logout(request.principal!, requestContext(request), true);
    setCookie(reply, SESSION_COOKIE, '', {
      httpOnly: true,
      secure: this.config.secureCookies,
      maxAge: 0,
    });
  }
}
