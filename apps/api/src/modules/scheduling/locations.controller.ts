import { Permit } from '../../common/permit.decorator.js';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CurrentCaller } from '../../common/patient-scope.js';
import type { Caller } from '../../common/principal.js';
import { Problem } from '../../common/problem.js';
import {
  CreateLocationRequest,
  ListCatalogQuery,
  LocationPage,
  LocationView,
  UpdateLocationRequest,
} from './catalog.dto.js';
import { CatalogService } from './catalog.service.js';

@ApiTags('scheduling')
@ApiUnauthorizedResponse({ type: Problem, description: 'Not signed in' })
@Controller('v1/locations')
export class LocationsController {
  constructor(private readonly catalog: CatalogService) {}

  @Get()
  @Permit('catalog:read')
  @ApiOperation({
    operationId: 'listLocations',
    summary: 'Clinic locations',
    description: 'By name. Patients see open locations only. Any signed-in caller.',
  })
  @ApiOkResponse({ type: LocationPage })
  @ApiBadRequestResponse({ type: Problem, description: 'A parameter is not valid' })
  list(@Query() query: ListCatalogQuery, @CurrentCaller() caller: Caller): Promise<LocationPage> {
    return this.catalog.listLocations(query, caller.principal);
  }

  @Post()
  @HttpCode(201)
  @Permit('catalog:manage')
  @ApiOperation({ operationId: 'createLocation', summary: 'Add a clinic location (admin)' })
  @ApiCreatedResponse({ type: LocationView })
  @ApiBadRequestResponse({ type: Problem, description: 'A field is not valid' })
  @ApiForbiddenResponse({ type: Problem, description: 'Only administrators manage locations' })
  @ApiConflictResponse({ type: Problem, description: 'The name is taken (location_name_taken)' })
  create(
    @Body() body: CreateLocationRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<LocationView> {
    return this.catalog.createLocation(body, caller);
  }

  @Patch(':locationId')
  @Permit('catalog:manage')
  @ApiParam({ name: 'locationId', type: String, format: 'uuid' })
  @ApiOperation({
    operationId: 'updateLocation',
    summary: 'Change a clinic location (admin)',
    description:
      'Only the fields sent change. active: false closes it: patients no longer see it, and ' +
      'its hours offer no open times.',
  })
  @ApiOkResponse({ type: LocationView })
  @ApiBadRequestResponse({ type: Problem, description: 'A field is not valid' })
  @ApiForbiddenResponse({ type: Problem, description: 'Only administrators manage locations' })
  @ApiNotFoundResponse({ type: Problem, description: 'No such location' })
  @ApiConflictResponse({ type: Problem, description: 'The name is taken (location_name_taken)' })
  update(
    @Param('locationId') locationId: string,
    @Body() body: UpdateLocationRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<LocationView> {
    return this.catalog.updateLocation(locationId, body, caller);
  }
}
