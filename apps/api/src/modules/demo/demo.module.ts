import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { PatientsModule } from '../patients/patients.module.js';
import { DemoSeedService } from './demo-seed.service.js';

@Module({
  imports: [AccountsModule, PatientsModule],
  providers: [DemoSeedService],
  exports: [DemoSeedService],
})
export class DemoModule {}
