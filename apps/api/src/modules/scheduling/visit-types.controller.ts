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
  CreateVisitTypeRequest,
  ListCatalogQuery,
  UpdateVisitTypeRequest,
  VisitTypePage,
  VisitTypeSummary,
} from './catalog.dto.js';
import { CatalogService } from './catalog.service.js';

@ApiTags('scheduling')
@ApiUnauthorizedResponse({ type: Problem, description: 'Not signed in' })
@Controller('v1/visit-types')
export class VisitTypesController {
  constructor(private readonly catalog: CatalogService) {}

  @Get()
  @Permit('catalog:read')
  @ApiOperation({
    operationId: 'listVisitTypes',
    summary: 'Kinds of visit and their length',
    description:
      'By name. Patients see active visit types they may book online only. Any signed-in caller.',
  })
  @ApiOkResponse({ type: VisitTypePage })
  @ApiBadRequestResponse({ type: Problem, description: 'A parameter is not valid' })
  list(@Query() query: ListCatalogQuery, @CurrentCaller() caller: Caller): Promise<VisitTypePage> {
    return this.catalog.listVisitTypes(query, caller.principal);
  }

  @Post()
  @HttpCode(201)
  @Permit('catalog:manage')
  @ApiOperation({ operationId: 'createVisitType', summary: 'Add a visit type (admin)' })
  @ApiCreatedResponse({ type: VisitTypeSummary })
  @ApiBadRequestResponse({ type: Problem, description: 'A field is not valid' })
  @ApiForbiddenResponse({ type: Problem, description: 'Only administrators manage visit types' })
  @ApiConflictResponse({ type: Problem, description: 'The name is taken (visit_type_name_taken)' })
  create(
    @Body() body: CreateVisitTypeRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<VisitTypeSummary> {
    return this.catalog.createVisitType(body, caller);
  }

  @Patch(':visitTypeId')
  @Permit('catalog:manage')
  @ApiParam({ name: 'visitTypeId', type: String, format: 'uuid' })
  @ApiOperation({
    operationId: 'updateVisitType',
    summary: 'Change a visit type (admin)',
    description:
      'Only the fields sent change. Booked appointments keep their times when the length changes.',
  })
  @ApiOkResponse({ type: VisitTypeSummary })
  @ApiBadRequestResponse({ type: Problem, description: 'A field is not valid' })
  @ApiForbiddenResponse({ type: Problem, description: 'Only administrators manage visit types' })
  @ApiNotFoundResponse({ type: Problem, description: 'No such visit type' })
  @ApiConflictResponse({ type: Problem, description: 'The name is taken (visit_type_name_taken)' })
  update(
    @Param('visitTypeId') visitTypeId: string,
    @Body() body: UpdateVisitTypeRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<VisitTypeSummary> {
    return this.catalog.updateVisitType(visitTypeId, body, caller);
  }
}
