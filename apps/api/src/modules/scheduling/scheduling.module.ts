import { AvailabilityRepository } from './availability.repository.js';
import { CatalogRepository } from './catalog.repository.js';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  AvailabilityException,
  AvailabilityRule,
  Location,
  Provider,
  ProviderVisitType,
  VisitType,
} from './scheduling.entities.js';
import { AccountsModule } from '../accounts/accounts.module.js';
import { AvailabilityController } from './availability.controller.js';
import { AvailabilityService } from './availability.service.js';
import { CatalogService } from './catalog.service.js';
import { LocationsController } from './locations.controller.js';
import { OpenSlotsController } from './open-slots.controller.js';
import { OpenSlotsService } from './open-slots.service.js';
import { ProvidersController } from './providers.controller.js';
import { SchedulingService } from './scheduling.service.js';
import { VisitTypesController } from './visit-types.controller.js';

/** Clinic catalog (locations, providers, visit types), weekly hours, exceptions and open times. */
@Module({
  imports: [
    AccountsModule,
    TypeOrmModule.forFeature([
      Location,
      Provider,
      VisitType,
      ProviderVisitType,
      AvailabilityRule,
      AvailabilityException,
    ]),
  ],
  controllers: [
    LocationsController,
    ProvidersController,
    VisitTypesController,
    AvailabilityController,
    OpenSlotsController,
  ],
  providers: [
    SchedulingService,
    CatalogService,
    CatalogRepository,
    AvailabilityService,
    AvailabilityRepository,
    OpenSlotsService,
  ],
  exports: [SchedulingService],
})
export class SchedulingModule {}
