import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Operation } from '../../common/operation.decorator.js';
import { CurrentCaller } from '../../common/patient-scope.js';
import type { Caller } from '../../common/principal.js';
import {
  CreateLocationRequest,
  ListCatalogQuery,
  LocationPage,
  LocationView,
  UpdateLocationRequest,
} from './catalog.dto.js';
import { CatalogService } from './catalog.service.js';

const MANAGE_PROBLEMS = {
  400: 'A field is not valid',
  403: 'Only administrators manage locations',
  409: 'The name is taken (location_name_taken)',
} as const;

@ApiTags('scheduling')
@Controller('v1/locations')
export class LocationsController {
  constructor(private readonly catalog: CatalogService) {}

  @Get()
  @Operation({
    id: 'listLocations',
    summary: 'Clinic locations',
    description: 'By name. Patients see open locations only. Any signed-in caller.',
    permit: 'catalog:read',
    returns: LocationPage,
    problems: { 400: 'A parameter is not valid' },
  })
  list(@Query() query: ListCatalogQuery, @CurrentCaller() caller: Caller): Promise<LocationPage> {
    return this.catalog.listLocations(query, caller.principal);
  }

  @Post()
  @Operation({
    id: 'createLocation',
    summary: 'Add a clinic location (admin)',
    permit: 'catalog:manage',
    status: 201,
    returns: LocationView,
    problems: MANAGE_PROBLEMS,
  })
  create(
    @Body() body: CreateLocationRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<LocationView> {
    return this.catalog.createLocation(body, caller);
  }

  @Patch(':locationId')
  @Operation({
    id: 'updateLocation',
    summary: 'Change a clinic location (admin)',
    description:
      'Only the fields sent change. active: false closes it: patients no longer see it, and ' +
      'its hours offer no open times.',
    permit: 'catalog:manage',
    uuidParams: ['locationId'],
    returns: LocationView,
    problems: { ...MANAGE_PROBLEMS, 404: 'No such location' },
  })
  update(
    @Param('locationId') locationId: string,
    @Body() body: UpdateLocationRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<LocationView> {
    return this.catalog.updateLocation(locationId, body, caller);
  }
}
