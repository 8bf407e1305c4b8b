import { Module } from '@nestjs/common';
import { TerminologyController } from './terminology.controller.js';
import { TerminologyService } from './terminology.service.js';

/** The code lists (ICD-10-CM, CVX, LOINC with UCUM units) records are coded in. */
@Module({
  controllers: [TerminologyController],
  providers: [TerminologyService],
  exports: [TerminologyService],
})
export class TerminologyModule {}
