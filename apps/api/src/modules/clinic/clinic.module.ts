import { Global, Module } from '@nestjs/common';
import { ClinicIdentityService } from './clinic-identity.service.js';
import { ClinicController } from './clinic.controller.js';

/** The clinic's identity, for the apps (over HTTP), the emails and the PDFs (as a provider). */
@Global()
@Module({
  controllers: [ClinicController],
  providers: [ClinicIdentityService],
  exports: [ClinicIdentityService],
})
export class ClinicModule {}
