import { Module } from '@nestjs/common';
import { RecordsModule } from '../records/records.module.js';
import { TerminologyModule } from '../terminology/terminology.module.js';
import { ResultsAdminController } from './results-admin.controller.js';
import { ResultsImportService } from './results-import.service.js';
import { ResultsController } from './results.controller.js';
import { ResultsRepository } from './results.repository.js';
import { ResultsService } from './results.service.js';

/** Test results and vital signs: reports, release and review, trends, corrections, imports. */
@Module({
  imports: [TerminologyModule, RecordsModule],
  controllers: [ResultsController, ResultsAdminController],
  providers: [ResultsService, ResultsRepository, ResultsImportService],
  exports: [ResultsService],
})
export class ResultsModule {}
