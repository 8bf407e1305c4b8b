import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessAudit } from './access-audit.service.js';
import { AuditChainService } from './audit-chain.service.js';
import { AuditEvent } from './audit-event.entity.js';
import { AuditService } from './audit.service.js';

/**
 * Global: every feature records reads and changes of patient data here, and the guards record
 * the requests they refuse (AccessAudit).
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEvent])],
  providers: [AuditService, AccessAudit, AuditChainService],
  exports: [AuditService, AccessAudit, AuditChainService],
})
export class AuditModule {}
