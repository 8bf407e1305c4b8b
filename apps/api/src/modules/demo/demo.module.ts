import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { BillingModule } from '../billing/billing.module.js';
import { PatientsModule } from '../patients/patients.module.js';
import { DemoSeedService } from './demo-seed.service.js';

@Module({
  imports: [AccountsModule, PatientsModule, BillingModule],
  providers: [DemoSeedService],
  exports: [DemoSeedService],
})
export class DemoModule {}
