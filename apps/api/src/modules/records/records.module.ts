import { Module } from '@nestjs/common';
import { TerminologyModule } from '../terminology/terminology.module.js';
import { RecordKindController } from './record-kind.controller.js';
import { PATIENT_RESOURCES } from './record-kinds.js';
import { RecordsRepository } from './records.repository.js';
import { RecordsService } from './records.service.js';
import { RevisionService } from './revisions.service.js';

/**
 * The medical record: conditions, allergies, immunizations, visit summaries, care plans and
 * medications, each a descriptor (record-kinds.ts) served by the one controller factory and
 * the one service, with their corrections history (RevisionService, also used for results).
 */
@Module({
  imports: [TerminologyModule],
  controllers: PATIENT_RESOURCES.map((kind) => RecordKindController(kind)),
  providers: [RecordsService, RecordsRepository, RevisionService],
  exports: [RecordsService, RevisionService],
})
export class RecordsModule {}
