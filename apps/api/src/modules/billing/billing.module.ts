import { Module } from '@nestjs/common';
import { BillingStaffController } from './billing-staff.controller.js';
import { PatientBillingController } from './patient-billing.controller.js';
import { BillingRepository } from './billing.repository.js';
import { BillingService } from './billing.service.js';
import { RemittanceService } from './remittance.service.js';

/**
 * Billing: each patient's account as an append-only double-entry journal, the billing
 * office's postings, remittances and reports.
 */
@Module({
  controllers: [BillingStaffController, PatientBillingController],
  providers: [BillingRepository, BillingService, RemittanceService],
  exports: [BillingService],
})
export class BillingModule {}
