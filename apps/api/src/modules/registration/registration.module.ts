import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module.js';
import { InvitationsModule } from '../invitations/invitations.module.js';
import { PatientsModule } from '../patients/patients.module.js';
import { RegistrationController } from './registration.controller.js';
import { RegistrationEmailCode, RegistrationTicket } from './registration.entity.js';
import { RegistrationRepository } from './registration.repository.js';
import { RegistrationService } from './registration.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([RegistrationEmailCode, RegistrationTicket]),
    InvitationsModule,
    PatientsModule,
    AccountsModule,
  ],
  controllers: [RegistrationController],
  providers: [RegistrationService, RegistrationRepository],
})
export class RegistrationModule {}
