import { LoginThrottleRepository } from './login-throttle.repository.js';
import { SessionsRepository } from './sessions.repository.js';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module.js';
import { AccountSettingsController } from './account-settings.controller.js';
import { AccountSettingsService } from './account-settings.service.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { KnownDevicesService } from './known-devices.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { LoginCode } from './login-code.entity.js';
import { SessionCookies } from './session-cookies.js';
import { Session } from './session.entity.js';
import { SessionGuard } from './session.guard.js';
import { SessionsService } from './sessions.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Session, LoginCode]), AccountsModule],
  controllers: [AuthController, AccountSettingsController],
  providers: [
    AuthService,
    AccountSettingsService,
    SessionsService,
    SessionsRepository,
    LoginThrottleService,
    LoginThrottleRepository,
    KnownDevicesService,
    SessionCookies,
    // Every route of every module passes this guard; @Public opts out.
    { provide: APP_GUARD, useClass: SessionGuard },
  ],
  exports: [SessionsService],
})
export class AuthModule {}
