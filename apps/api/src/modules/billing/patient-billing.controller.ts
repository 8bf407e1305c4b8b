import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { BINARY, INVALID_QUERY, Operation } from '../../common/operation.decorator.js';
import { CurrentPatient, type PatientScope } from '../../common/patient-scope.js';
import { Problem } from '../../common/problem.js';
import {
  BillingSummary,
  ChargePage,
  PageQuery,
  PaymentPage,
  StatementPage,
  StatementPageQuery,
} from './billing.dto.js';
import { BillingService } from './billing.service.js';
import { StatementsService } from './statements.service.js';

/** A patient's bills as they read them: what is due, what each visit cost, what they paid. */
@ApiTags('billing')
@ApiUnauthorizedResponse({ type: Problem, description: 'Not signed in' })
@Controller('v1/patients/:patientId/billing')
export class PatientBillingController {
  constructor(
    private readonly billing: BillingService,
    private readonly statements: StatementsService,
  ) {}

  @Get('summary')
  @Operation({
    id: 'getBillingSummary',
    summary: 'What the patient owes now, and by when',
    description:
      'The due day is the latest statement’s. Patients read their own; billing staff and admin.',
    permit: 'bills:read',
    patientScoped: true,
    returns: BillingSummary,
  })
  summary(@CurrentPatient() scope: PatientScope): Promise<BillingSummary> {
    return this.billing.summary(scope.patientId, scope.caller);
  }

  @Get('charges')
  @Operation({
    id: 'listBillingCharges',
    summary: 'Itemized charges, newest visit first',
    description:
      'Each charge in plain words, the visit it was for, what insurance paid and took off, what the ' +
      'patient paid toward it and what is left. Corrected (reversed) charges are left out.',
    permit: 'bills:read',
    patientScoped: true,
    returns: ChargePage,
    problems: { 400: INVALID_QUERY },
  })
  charges(@CurrentPatient() scope: PatientScope, @Query() query: PageQuery): Promise<ChargePage> {
    return this.billing.charges(scope.patientId, query, scope.caller);
  }

  @Get('payments')
  @Operation({
    id: 'listBillingPayments',
    summary: 'The patient’s payments and refunds, newest first',
    permit: 'bills:read',
    patientScoped: true,
    returns: PaymentPage,
    problems: { 400: INVALID_QUERY },
  })
  payments(@CurrentPatient() scope: PatientScope, @Query() query: PageQuery): Promise<PaymentPage> {
    return this.billing.payments(scope.patientId, query, scope.caller);
  }

  @Get('statements')
  @Operation({
    id: 'listStatements',
    summary: 'The patient’s statements, newest first',
    description: 'Each with its code and the totals frozen when it was issued.',
    permit: 'bills:read',
    patientScoped: true,
    returns: StatementPage,
    problems: { 400: INVALID_QUERY },
  })
  statementList(
    @CurrentPatient() scope: PatientScope,
    @Query() query: StatementPageQuery,
  ): Promise<StatementPage> {
    return this.statements.list(scope.patientId, query, scope.caller);
  }

  @Get('statements/:statementId/pdf')
  @Operation({
    id: 'downloadStatementPdf',
    summary: 'One statement as a PDF',
    permit: 'bills:read',
    patientScoped: true,
    uuidParams: ['statementId'],
    returns: { media: { 'application/pdf': BINARY } },
    returnsDescription: 'The statement as a PDF, offered as a download',
    problems: { 404: 'No such statement of this patient' },
  })
  async statementPdf(
    @CurrentPatient() scope: PatientScope,
    @Param('statementId') statementId: string,
  ): Promise<StreamableFile> {
    const file = await this.statements.pdf(scope.patientId, statementId, scope.caller);
    return new StreamableFile(file.bytes, {
      type: 'application/pdf',
      disposition: `attachment; filename="${file.fileName}"`,
      length: file.bytes.length,
    });
  }
}
