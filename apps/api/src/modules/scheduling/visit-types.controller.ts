import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Operation } from '../../common/operation.decorator.js';
import { CurrentCaller } from '../../common/patient-scope.js';
import type { Caller } from '../../common/principal.js';
import {
  CreateVisitTypeRequest,
  ListCatalogQuery,
  UpdateVisitTypeRequest,
  VisitTypePage,
  VisitTypeSummary,
} from './catalog.dto.js';
import { CatalogService } from './catalog.service.js';

const MANAGE_PROBLEMS = {
  400: 'A field is not valid',
  403: 'Only administrators manage visit types',
  409: 'The name is taken (visit_type_name_taken)',
} as const;

@ApiTags('scheduling')
@Controller('v1/visit-types')
export class VisitTypesController {
  constructor(private readonly catalog: CatalogService) {}

  @Get()
  @Operation({
    id: 'listVisitTypes',
    summary: 'Kinds of visit and their length',
    description:
      'By name. Patients see active visit types they may book online only. Any signed-in caller.',
    permit: 'catalog:read',
    returns: VisitTypePage,
    problems: { 400: 'A parameter is not valid' },
  })
  list(@Query() query: ListCatalogQuery, @CurrentCaller() caller: Caller): Promise<VisitTypePage> {
    return this.catalog.listVisitTypes(query, caller.principal);
  }

  @Post()
  @Operation({
    id: 'createVisitType',
    summary: 'Add a visit type (admin)',
    permit: 'catalog:manage',
    status: 201,
    returns: VisitTypeSummary,
    problems: MANAGE_PROBLEMS,
  })
  create(
    @Body() body: CreateVisitTypeRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<VisitTypeSummary> {
    return this.catalog.createVisitType(body, caller);
  }

  @Patch(':visitTypeId')
  @Operation({
    id: 'updateVisitType',
    summary: 'Change a visit type (admin)',
    description:
      'Only the fields sent change. Booked appointments keep their times when the length changes.',
    permit: 'catalog:manage',
    uuidParams: ['visitTypeId'],
    returns: VisitTypeSummary,
    problems: { ...MANAGE_PROBLEMS, 404: 'No such visit type' },
  })
  update(
    @Param('visitTypeId') visitTypeId: string,
    @Body() body: UpdateVisitTypeRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<VisitTypeSummary> {
    return this.catalog.updateVisitType(visitTypeId, body, caller);
  }
}
