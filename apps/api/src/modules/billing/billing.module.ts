import { Module } from '@nestjs/common';
import { BillingStaffController } from './billing-staff.controller.js';
import { PatientBillingController } from './patient-billing.controller.js';
import { BillingRepository } from './billing.repository.js';
import { BillingService } from './billing.service.js';
import { RemittanceService } from './remittance.service.js';
import {
  IssueStatementsJob,
  MonthlyStatementsJob,
  MonthlyStatementsSchedule,
} from './statement-jobs.js';
import { StatementsService } from './statements.service.js';

/**
 * Billing: each patient's account as an append-only double-entry journal, the billing
 * office's postings, remittances and reports, statements (snapshots, PDFs, emails, the
 * monthly run) and the patient's view of their bills.
 */
@Module({
  controllers: [BillingStaffController, PatientBillingController],
  providers: [
    BillingRepository,
    BillingService,
    RemittanceService,
    StatementsService,
    IssueStatementsJob,
    MonthlyStatementsJob,
    MonthlyStatementsSchedule,
  ],
  exports: [BillingService, StatementsService],
})
export class BillingModule {}
