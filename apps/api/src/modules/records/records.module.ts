import { Module } from '@nestjs/common';
import { TerminologyModule } from '../terminology/terminology.module.js';
import { AllergiesController } from './allergies.controller.js';
import { CarePlansController } from './care-plans.controller.js';
import { ConditionsController } from './conditions.controller.js';
import { ImmunizationsController } from './immunizations.controller.js';
import { RecordsService } from './records.service.js';
import { RevisionService } from './revisions.service.js';
import { VisitSummariesController } from './visit-summaries.controller.js';

/**
 * The medical record: conditions, allergies, immunizations, visit summaries and care plans,
 * with their corrections history (RevisionService, also used for test results).
 */
@Module({
  imports: [TerminologyModule],
  controllers: [
    ConditionsController,
    AllergiesController,
    ImmunizationsController,
    VisitSummariesController,
    CarePlansController,
  ],
  providers: [RecordsService, RevisionService],
  exports: [RecordsService, RevisionService],
})
export class RecordsModule {}
