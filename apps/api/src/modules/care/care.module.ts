import { Global, Module } from '@nestjs/common';
import { CareAccessService } from './care-access.service.js';
import { CareController, StaffLocationsController } from './care.controller.js';
import { CareRepository } from './care.repository.js';

/**
 * Minimum necessary access: the care relationship between staff and patients (staff
 * locations, appointments), emergency access and its review. Global, because the
 * patient-scope guard of every patient-scoped route asks CareAccessService.
 */
@Global()
@Module({
  controllers: [CareController, StaffLocationsController],
  providers: [CareRepository, CareAccessService],
  exports: [CareAccessService],
})
export class CareModule {}
