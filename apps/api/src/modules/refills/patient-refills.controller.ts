import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { INVALID_BODY, INVALID_QUERY, Operation } from '../../common/operation.decorator.js';
import { CurrentPatient, type PatientScope } from '../../common/patient-scope.js';
import { Problem } from '../../common/problem.js';
import {
  ChangeRefillRequest,
  CreateRefillRequests,
  PageQuery,
  PharmacyPage,
  PharmacyQuery,
  PreferredPharmacyView,
  RefillRequestList,
  RefillRequestPage,
  RefillRequestView,
  SetPreferredPharmacyRequest,
} from './refills.dto.js';
import { RefillsService } from './refills.service.js';

/** A patient's own refill requests and pharmacy choice. Patients only (refills:request). */
@ApiTags('refills')
@ApiUnauthorizedResponse({ type: Problem, description: 'Not signed in' })
@Controller('v1/patients/:patientId')
export class PatientRefillsController {
  constructor(private readonly refills: RefillsService) {}

  @Get('pharmacies')
  @Operation({
    id: 'listPharmacies',
    summary: 'Search the pharmacy directory',
    description:
      'By the start of the name, the city or the ZIP code; alphabetical by name. Patients only.',
    permit: 'refills:request',
    patientScoped: true,
    returns: PharmacyPage,
    problems: { 400: INVALID_QUERY },
  })
  pharmacies(
    @CurrentPatient() scope: PatientScope,
    @Query() query: PharmacyQuery,
  ): Promise<PharmacyPage> {
    return this.refills.pharmacies(query, scope.caller);
  }

  @Get('preferred-pharmacy')
  @Operation({
    id: 'getPreferredPharmacy',
    summary: 'The patient’s preferred pharmacy (null when none is chosen)',
    permit: 'refills:request',
    patientScoped: true,
    returns: PreferredPharmacyView,
  })
  preferred(@CurrentPatient() scope: PatientScope): Promise<PreferredPharmacyView> {
    return this.refills.preferredPharmacy(scope.patientId, scope.caller);
  }

  @Put('preferred-pharmacy')
  @Operation({
    id: 'setPreferredPharmacy',
    summary: 'Choose the patient’s preferred pharmacy',
    description: 'New refill requests go there unless they name another. Patients only.',
    permit: 'refills:request',
    patientScoped: true,
    returns: PreferredPharmacyView,
    problems: { 400: INVALID_BODY, 404: 'No such pharmacy in the directory' },
  })
  setPreferred(
    @CurrentPatient() scope: PatientScope,
    @Body() body: SetPreferredPharmacyRequest,
  ): Promise<PreferredPharmacyView> {
    return this.refills.setPreferredPharmacy(scope.patientId, body, scope.caller);
  }

  @Post('refill-requests')
  @Operation({
    id: 'createRefillRequests',
    summary: 'Ask for refills of one or more medications',
    description:
      'One request per medication, all or none. A medication with no refills remaining is ' +
      'asked as a renewal, routed to its prescriber. The pharmacy defaults to the preferred ' +
      'one. Each change of the request is emailed to the patient (without naming the ' +
      'medication). Patients only.',
    permit: 'refills:request',
    patientScoped: true,
    status: 201,
    returns: RefillRequestList,
    problems: {
      400: 'A field is not valid, or a medication is not on the patient’s list',
      409: 'A medication already has an open request (refill_already_requested, naming it)',
      422: 'A medication is stopped (medication_not_active) or a controlled substance (controlled_substance: the answer gives the clinic’s phone); no pharmacy given or preferred (pharmacy_required)',
    },
  })
  create(
    @CurrentPatient() scope: PatientScope,
    @Body() body: CreateRefillRequests,
  ): Promise<RefillRequestList> {
    return this.refills.create(scope.patientId, body, scope.caller);
  }

  @Get('refill-requests')
  @Operation({
    id: 'listPatientRefillRequests',
    summary: 'The patient’s refill requests, newest first, each with its timeline',
    permit: 'refills:request',
    patientScoped: true,
    returns: RefillRequestPage,
    problems: { 400: INVALID_QUERY },
  })
  list(
    @CurrentPatient() scope: PatientScope,
    @Query() query: PageQuery,
  ): Promise<RefillRequestPage> {
    return this.refills.listOwn(scope.patientId, query, scope.caller);
  }

  @Get('refill-requests/:refillRequestId')
  @Operation({
    id: 'getPatientRefillRequest',
    summary: 'One of the patient’s refill requests with its timeline',
    permit: 'refills:request',
    patientScoped: true,
    uuidParams: ['refillRequestId'],
    returns: RefillRequestView,
    problems: { 404: 'No such refill request of this patient' },
  })
  get(
    @CurrentPatient() scope: PatientScope,
    @Param('refillRequestId') id: string,
  ): Promise<RefillRequestView> {
    return this.refills.getOwn(scope.patientId, id, scope.caller);
  }

  @Post('refill-requests/:refillRequestId/cancel')
  @Operation({
    id: 'cancelRefillRequest',
    status: 200,
    summary: 'Cancel one of the patient’s refill requests',
    description: 'Only while it is requested or in review. Patients only.',
    permit: 'refills:request',
    patientScoped: true,
    uuidParams: ['refillRequestId'],
    returns: RefillRequestView,
    problems: {
      400: INVALID_BODY,
      404: 'No such refill request of this patient',
      409: 'It is decided or cancelled already, or changed since version (refill_state_conflict, with its state)',
    },
  })
  cancel(
    @CurrentPatient() scope: PatientScope,
    @Param('refillRequestId') id: string,
    @Body() body: ChangeRefillRequest,
  ): Promise<RefillRequestView> {
    return this.refills.cancelOwn(scope.patientId, id, body, scope.caller);
  }
}
