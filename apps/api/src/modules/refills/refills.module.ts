import { Module } from '@nestjs/common';
import { EPrescribingPort, LocalFileEPrescribing } from './eprescribing.js';
import { PatientRefillsController } from './patient-refills.controller.js';
import { RefillQueueController } from './refill-queue.controller.js';
import { RefillsRepository } from './refills.repository.js';
import { RefillsService } from './refills.service.js';
import { PrescriptionSender, SendPrescriptionJob } from './send-prescription.job.js';

/**
 * Prescription refills: the pharmacy directory and the patient's preferred pharmacy, refill
 * requests and their timeline, the staff queue and decisions, the e-prescription sent through
 * the EPrescribingPort by a job, the patient's emails and the turnaround report.
 */
@Module({
  controllers: [PatientRefillsController, RefillQueueController],
  providers: [
    RefillsRepository,
    RefillsService,
    PrescriptionSender,
    SendPrescriptionJob,
    { provide: EPrescribingPort, useClass: LocalFileEPrescribing },
  ],
  exports: [RefillsService, RefillsRepository],
})
export class RefillsModule {}
