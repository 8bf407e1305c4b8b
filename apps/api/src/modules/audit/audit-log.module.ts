import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module.js';
import { AuditEvent } from './audit-event.entity.js';
import { AuditLogRepository } from './audit-log.repository.js';
import { AuditLogService } from './audit-log.service.js';
import { AuditController } from './audit.controller.js';

/**
 * The read side of the audit trail (admins' browser, patients' access log). Kept apart from
 * the global AuditModule, which every module uses and which must depend on nothing.
 */
@Module({
  imports: [TypeOrmModule.forFeature([AuditEvent]), AccountsModule],
  controllers: [AuditController],
  providers: [AuditLogService, AuditLogRepository],
})
export class AuditLogModule {}
