import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { ConfigModule } from './config/config.module.js';
import type { AppConfig } from './config/config.js';
import { DatabaseModule } from './infra/database/database.module.js';
import { MailModule } from './infra/mail/mail.module.js';
import { QueueModule } from './infra/queue/queue.module.js';
import { AccountsModule } from './modules/accounts/accounts.module.js';
import { AuditLogModule } from './modules/audit/audit-log.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { ClinicModule } from './modules/clinic/clinic.module.js';
import { CareModule } from './modules/care/care.module.js';
import { DemoModule } from './modules/demo/demo.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { PatientsModule } from './modules/patients/patients.module.js';
import { StaffModule } from './modules/staff/staff.module.js';
import { InvitationsModule } from './modules/invitations/invitations.module.js';
import { RegistrationModule } from './modules/registration/registration.module.js';
import { SchedulingModule } from './modules/scheduling/scheduling.module.js';
import { AppointmentsModule } from './modules/appointments/appointments.module.js';
import { RecordExportModule } from './modules/record-export/record-export.module.js';
import { TerminologyModule } from './modules/terminology/terminology.module.js';
import { RecordsModule } from './modules/records/records.module.js';
import { ResultsModule } from './modules/results/results.module.js';
import { MessagingModule } from './modules/messaging/messaging.module.js';
import { RefillsModule } from './modules/refills/refills.module.js';
import { BillingModule } from './modules/billing/billing.module.js';

/** Every feature module, in one list, shared by the HTTP and worker entrypoints. */
export const FEATURE_MODULES = [
  HealthModule,
  ClinicModule,
  AuditModule,
  AccountsModule,
  PatientsModule,
  AuthModule,
  CareModule,
  DemoModule,
  StaffModule,
  AuditLogModule,
  InvitationsModule,
  RegistrationModule,
  SchedulingModule,
  AppointmentsModule,
  TerminologyModule,
  RecordsModule,
  ResultsModule,
  RecordExportModule,
  MessagingModule,
  RefillsModule,
  BillingModule,
];

@Module({})
export class AppModule {
  static register(
    config: AppConfig,
    logger: Logger,
    options: { runWorkers: boolean },
  ): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.register(config, logger),
        DatabaseModule,
        QueueModule.register(options),
        MailModule,
        ...FEATURE_MODULES,
      ],
    };
  }
}
