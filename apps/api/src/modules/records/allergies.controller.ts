import { Permit } from '../../common/permit.decorator.js';
import { Body, Controller, Get, Param, Patch, Post, Query, Req } from '@nestjs/common';
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
import type { FastifyRequest } from 'fastify';
import { CurrentPatient, type PatientScope } from '../../common/patient-scope.js';
import { Problem } from '../../common/problem.js';
import { ALLERGY } from './record-kinds.js';
import { accessor } from './records-access.js';
import {
  CreateAllergyRequest,
  ListAllergiesQuery,
  AllergyPage,
  RecordHistory,
  UpdateAllergyRequest,
  AllergyView,
} from './records.dto.js';
import { RecordsService } from './records.service.js';

const ID = ApiParam({ name: 'allergyId', type: String, format: 'uuid' });

/** A patient’s allergies and intolerances. */
@ApiTags('records')
@ApiUnauthorizedResponse({ type: Problem, description: 'Not signed in' })
@ApiForbiddenResponse({ type: Problem, description: 'The caller’s role may not do this' })
@Controller('v1/patients/:patientId/allergies')
export class AllergiesController {
  constructor(private readonly records: RecordsService) {}

  @Get()
  @Permit('records:read', { patientScoped: true })
  @ApiOperation({
    operationId: 'listAllergies',
    summary: 'A patient’s allergies and intolerances',
    description:
      'Newest first by date recorded; from and to filter on that date. Patients read their own and ' +
      'never see allergies entered in error, nor who recorded them. Staff: provider, nurse, admin.',
  })
  @ApiOkResponse({ type: AllergyPage })
  @ApiBadRequestResponse({ type: Problem, description: 'A parameter is not valid' })
  list(
    @CurrentPatient() scope: PatientScope,
    @Query() query: ListAllergiesQuery,
    @Req() request: FastifyRequest,
  ): Promise<AllergyPage> {
    return this.records.list(ALLERGY, scope.patientId, query, accessor(scope, request));
  }

  @Post()
  @Permit('records:write', { patientScoped: true })
  @ApiOperation({
    operationId: 'createAllergy',
    summary: 'Record a allergy',
    description: 'The onset date is not in the future. Roles: provider, nurse.',
  })
  @ApiCreatedResponse({ type: AllergyView })
  @ApiBadRequestResponse({ type: Problem, description: 'A field is missing or not valid' })
  create(
    @CurrentPatient() scope: PatientScope,
    @Body() body: CreateAllergyRequest,
    @Req() request: FastifyRequest,
  ): Promise<AllergyView> {
    return this.records.createAllergy(scope.patientId, body, accessor(scope, request));
  }

  @Get(':allergyId')
  @Permit('records:read', { patientScoped: true })
  @ID
  @ApiOperation({
    operationId: 'getAllergy',
    summary: 'One allergy',
    description:
      'Patients read their own (never one entered in error). Staff: provider, nurse, admin.',
  })
  @ApiOkResponse({ type: AllergyView })
  @ApiNotFoundResponse({ type: Problem, description: 'No such allergy for this patient' })
  get(
    @CurrentPatient() scope: PatientScope,
    @Param('allergyId') id: string,
    @Req() request: FastifyRequest,
  ): Promise<AllergyView> {
    return this.records.get(ALLERGY, scope.patientId, id, accessor(scope, request));
  }

  @Patch(':allergyId')
  @Permit('records:write', { patientScoped: true })
  @ID
  @ApiOperation({
    operationId: 'updateAllergy',
    summary: 'Correct a allergy',
    description:
      'Only the fields sent change; null clears an optional one. Send the version you loaded. ' +
      'The previous state is kept in the history, and patients see the allergy marked ' +
      'corrected. Set the status to entered-in-error to withdraw a mistaken entry. ' +
      'Roles: provider, nurse.',
  })
  @ApiOkResponse({ type: AllergyView })
  @ApiBadRequestResponse({ type: Problem, description: 'A field is not valid' })
  @ApiNotFoundResponse({ type: Problem, description: 'No such allergy for this patient' })
  @ApiConflictResponse({ type: Problem, description: 'record_changed: stale version' })
  update(
    @CurrentPatient() scope: PatientScope,
    @Param('allergyId') id: string,
    @Body() body: UpdateAllergyRequest,
    @Req() request: FastifyRequest,
  ): Promise<AllergyView> {
    return this.records.updateAllergy(scope.patientId, id, body, accessor(scope, request));
  }

  @Get(':allergyId/history')
  @Permit('records:history', { patientScoped: true })
  @ID
  @ApiOperation({
    operationId: 'getAllergyHistory',
    summary: 'Earlier versions of a allergy',
    description:
      'Each correction’s before-image, who made it and why; newest first. Staff: provider, nurse, admin.',
  })
  @ApiOkResponse({ type: RecordHistory })
  @ApiNotFoundResponse({ type: Problem, description: 'No such allergy for this patient' })
  history(
    @CurrentPatient() scope: PatientScope,
    @Param('allergyId') id: string,
    @Req() request: FastifyRequest,
  ): Promise<RecordHistory> {
    return this.records.history(ALLERGY, scope.patientId, id, accessor(scope, request));
  }
}
