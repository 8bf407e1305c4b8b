import { Module } from '@nestjs/common';
import { RecordExportController } from './record-export.controller.js';
import { RecordExportService } from './record-export.service.js';

/** The health summary and the record's downloads (PDF, FHIR R4). */
@Module({
  controllers: [RecordExportController],
  providers: [RecordExportService],
})
export class RecordExportModule {}
