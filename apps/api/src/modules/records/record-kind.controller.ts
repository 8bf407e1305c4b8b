import { Body, Controller, Get, Param, Patch, Post, Query, type Type } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Operation } from '../../common/operation.decorator.js';
import { CurrentPatient, type PatientScope } from '../../common/patient-scope.js';
import type { AnyPatientResource } from './patient-resource.js';
import { RecordHistory } from './records.dto.js';
import { RecordsService, type RecordListQuery } from './records.service.js';

/**
 * The controller of one kind of patient record, built from its descriptor: list, create, one,
 * correct and history at /v1/patients/:patientId/<path>, each with its own operationId
 * (listAllergies, createAllergy, getAllergy, updateAllergy, getAllergyHistory), permission and
 * documented request and response classes.
 */
export function RecordKindController(kind: AnyPatientResource): Type<unknown> {
  const { api } = kind;
  const onOne = { patientScoped: true, uuidParams: [api.param] };
  const notFound = `No such ${api.noun} for this patient`;

  @ApiTags('records')
  @Controller(`v1/patients/:patientId/${api.path}`)
  class RecordKindRoutes {
    constructor(readonly records: RecordsService) {}

    @Get()
    @Operation({
      id: `list${api.plural}`,
      summary: api.summary,
      description:
        `${api.order} Patients read their own and never see ${api.nouns} entered in error, ` +
        'nor who recorded them. Staff: provider, nurse, admin.',
      permit: 'records:read',
      patientScoped: true,
      returns: api.page,
      problems: { 400: 'A parameter is not valid' },
    })
    list(@CurrentPatient() scope: PatientScope, @Query() query: RecordListQuery) {
      return this.records.list(kind, scope.patientId, query, scope.caller);
    }

    @Post()
    @Operation({
      id: `create${api.singular}`,
      summary: `Record a ${api.noun}`,
      description: `${api.rules} Roles: provider, nurse.`,
      permit: 'records:write',
      patientScoped: true,
      status: 201,
      returns: api.view,
      problems: { 400: 'A field is missing or not valid' },
    })
    create(@CurrentPatient() scope: PatientScope, @Body() body: object) {
      return this.records.create(kind, scope.patientId, body, scope.caller);
    }

    @Get(`:${api.param}`)
    @Operation({
      id: `get${api.singular}`,
      summary: `One ${api.noun}`,
      description:
        'Patients read their own (never one entered in error). Staff: provider, nurse, admin.',
      permit: 'records:read',
      ...onOne,
      returns: api.view,
      problems: { 404: notFound },
    })
    get(@CurrentPatient() scope: PatientScope, @Param(api.param) id: string) {
      return this.records.get(kind, scope.patientId, id, scope.caller);
    }

    @Patch(`:${api.param}`)
    @Operation({
      id: `update${api.singular}`,
      summary: `Correct a ${api.noun}`,
      description:
        'Only the fields sent change; null clears an optional one. Send the version you loaded. ' +
        `The previous state is kept in the history, and patients see the ${api.noun} marked ` +
        'corrected. Set the status to entered-in-error to withdraw a mistaken entry. ' +
        'Roles: provider, nurse.',
      permit: 'records:write',
      ...onOne,
      returns: api.view,
      problems: {
        400: 'A field is not valid',
        404: notFound,
        409: 'record_changed: stale version',
      },
    })
    update(
      @CurrentPatient() scope: PatientScope,
      @Param(api.param) id: string,
      @Body() body: { version: number },
    ) {
      return this.records.update(kind, scope.patientId, id, body, scope.caller);
    }

    @Get(`:${api.param}/history`)
    @Operation({
      id: `get${api.singular}History`,
      summary: `Earlier versions of a ${api.noun}`,
      description:
        'Each correction’s before-image, who made it and why; newest first. Staff: provider, nurse, admin.',
      permit: 'records:history',
      ...onOne,
      returns: RecordHistory,
      problems: { 404: notFound },
    })
    history(@CurrentPatient() scope: PatientScope, @Param(api.param) id: string) {
      return this.records.history(kind, scope.patientId, id, scope.caller);
    }
  }

  // The request classes are the kind's: the validation pipe and the OpenAPI document read
  // them from the parameter types, which a class built here cannot spell in TypeScript.
  const paramTypes: Record<string, unknown[]> = {
    list: [Object, api.listQuery],
    create: [Object, api.create],
    get: [Object, String],
    update: [Object, String, api.update],
    history: [Object, String],
  };
  for (const [method, types] of Object.entries(paramTypes)) {
    Reflect.defineMetadata('design:paramtypes', types, RecordKindRoutes.prototype, method);
  }
  Object.defineProperty(RecordKindRoutes, 'name', { value: `${api.plural}Controller` });
  return RecordKindRoutes;
}
