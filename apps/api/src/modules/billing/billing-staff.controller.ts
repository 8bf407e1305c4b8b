import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { INVALID_BODY, INVALID_QUERY, Operation } from '../../common/operation.decorator.js';
import { CurrentCaller, CurrentPatient, type PatientScope } from '../../common/patient-scope.js';
import type { Caller } from '../../common/principal.js';
import { Problem } from '../../common/problem.js';
import {
  AgingQuery,
  AgingReport,
  DepositQuery,
  DepositReport,
  LedgerEntryView,
  LedgerPage,
  LedgerQuery,
  PostAdjustmentRequest,
  PostChargeRequest,
  PostInsurancePaymentRequest,
  PostReversalRequest,
  PostWriteOffRequest,
  RemittanceResult,
  RemittanceUploadRequest,
  StatementPeriod,
  StatementRunPreview,
  StatementRunView,
} from './billing.dto.js';
import { agingCsv, depositsCsv } from './billing-reports.js';
import { BillingService } from './billing.service.js';
import { RemittanceService } from './remittance.service.js';
import { StatementsService } from './statements.service.js';

const CSV = { media: { 'text/csv': { type: 'string' as const, maxLength: 50_000_000 } } };

function sendCsv(reply: FastifyReply, fileName: string, body: string): string {
  void reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${fileName}"`);
  return body;
}

/** The billing office's side of the ledger: postings, corrections, remittances, reports. */
@ApiTags('billing')
@ApiUnauthorizedResponse({ type: Problem, description: 'Not signed in' })
@Controller('v1/billing')
export class BillingStaffController {
  constructor(
    private readonly billing: BillingService,
    private readonly remittances: RemittanceService,
    private readonly statements: StatementsService,
  ) {}

  @Get('patients/:patientId/ledger')
  @Operation({
    id: 'getBillingLedger',
    summary: 'A patient’s account ledger, newest posting first, with the balance after each',
    description:
      'Every journal entry, reversed ones and reversals included. Billing staff and admin.',
    permit: 'billing:read',
    patientScoped: true,
    returns: LedgerPage,
    problems: { 400: INVALID_QUERY },
  })
  ledger(@CurrentPatient() scope: PatientScope, @Query() query: LedgerQuery): Promise<LedgerPage> {
    return this.billing.ledger(scope.patientId, query, scope.caller);
  }

  @Post('patients/:patientId/charges')
  @Operation({
    id: 'postCharge',
    summary: 'Post a charge for a service',
    description:
      'The clinic’s own procedure code and plain-words description, units and amount in cents.',
    permit: 'billing:post',
    patientScoped: true,
    status: 201,
    returns: LedgerEntryView,
    problems: { 400: `${INVALID_BODY}; or the appointment is not the patient’s` },
  })
  charge(
    @CurrentPatient() scope: PatientScope,
    @Body() body: PostChargeRequest,
  ): Promise<LedgerEntryView> {
    return this.billing.postCharge(scope.patientId, body, scope.caller);
  }

  @Post('patients/:patientId/insurance-payments')
  @Operation({
    id: 'postInsurancePayment',
    summary: 'Post a payment received from an insurer',
    permit: 'billing:post',
    patientScoped: true,
    status: 201,
    returns: LedgerEntryView,
    problems: { 400: `${INVALID_BODY}; or the charge is not on the account` },
  })
  insurancePayment(
    @CurrentPatient() scope: PatientScope,
    @Body() body: PostInsurancePaymentRequest,
  ): Promise<LedgerEntryView> {
    return this.billing.postInsurancePayment(scope.patientId, body, scope.caller);
  }

  @Post('patients/:patientId/adjustments')
  @Operation({
    id: 'postInsuranceAdjustment',
    summary: 'Post what an insurer’s contract takes off a charge',
    permit: 'billing:post',
    patientScoped: true,
    status: 201,
    returns: LedgerEntryView,
    problems: { 400: `${INVALID_BODY}; or the charge is not on the account` },
  })
  adjustment(
    @CurrentPatient() scope: PatientScope,
    @Body() body: PostAdjustmentRequest,
  ): Promise<LedgerEntryView> {
    return this.billing.postAdjustment(scope.patientId, body, scope.caller);
  }

  @Post('patients/:patientId/write-offs')
  @Operation({
    id: 'postWriteOff',
    summary: 'Forgive part of what is owed, with the reason',
    permit: 'billing:post',
    patientScoped: true,
    status: 201,
    returns: LedgerEntryView,
    problems: {
      400: `${INVALID_BODY}; or the charge is not on the account`,
      422: 'More than the account owes (write_off_exceeds_balance)',
    },
  })
  writeOff(
    @CurrentPatient() scope: PatientScope,
    @Body() body: PostWriteOffRequest,
  ): Promise<LedgerEntryView> {
    return this.billing.postWriteOff(scope.patientId, body, scope.caller);
  }

  @Post('patients/:patientId/entries/:entryId/reversal')
  @Operation({
    id: 'postReversal',
    summary: 'Correct an entry by posting its reversal',
    description:
      'The entry stays in the ledger as it was; a new entry mirrors its lines. Once per entry.',
    permit: 'billing:post',
    patientScoped: true,
    uuidParams: ['entryId'],
    status: 201,
    returns: LedgerEntryView,
    problems: {
      400: INVALID_BODY,
      404: 'No such entry on the account',
      409: 'Reversed already (entry_already_reversed)',
      422: 'The entry is itself a reversal (reversal_not_reversible)',
    },
  })
  reversal(
    @CurrentPatient() scope: PatientScope,
    @Param('entryId') entryId: string,
    @Body() body: PostReversalRequest,
  ): Promise<LedgerEntryView> {
    return this.billing.postReversal(scope.patientId, entryId, body, scope.caller);
  }

  @Post('remittances')
  @Operation({
    id: 'uploadRemittance',
    summary: 'Post a payer’s remittance file (CSV), all rows or none',
    description:
      'Columns charge_id, payer, paid_amount, adjustment_amount, reference, paid_on. Every row is ' +
      'checked first; one wrong row answers 422 listing each wrong field as rows.<line>.<column> ' +
      '(the header is line 1) and posts nothing. Otherwise every row is posted in one transaction.',
    permit: 'billing:post',
    status: 201,
    returns: RemittanceResult,
    problems: {
      400: INVALID_BODY,
      422: 'Rows are wrong; nothing was posted (remittance_rejected)',
    },
  })
  remittance(
    @Body() body: RemittanceUploadRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<RemittanceResult> {
    return this.remittances.upload(body, caller);
  }

  @Get('reports/aging')
  @Operation({
    id: 'getAgingReport',
    summary: 'What each account owes, by age: current, 30, 60, 90 and 120+ days',
    description: 'Payments and adjustments are applied to the oldest charges first.',
    permit: 'billing:read',
    returns: AgingReport,
    problems: { 400: INVALID_QUERY },
  })
  aging(@Query() query: AgingQuery, @CurrentCaller() caller: Caller): Promise<AgingReport> {
    return this.billing.aging(query.asOf, caller);
  }

  @Get('reports/aging.csv')
  @Operation({
    id: 'downloadAgingReport',
    summary: 'The aging report as CSV',
    permit: 'billing:read',
    returns: CSV,
    returnsDescription: 'CSV, amounts as decimals, a totals row last',
    problems: { 400: INVALID_QUERY },
  })
  async agingCsv(
    @Query() query: AgingQuery,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const report = await this.billing.aging(query.asOf, caller);
    return sendCsv(reply, `aging-${report.asOf}.csv`, agingCsv(report));
  }

  @Get('reports/deposits')
  @Operation({
    id: 'getDepositReport',
    summary: 'The day’s deposit: insurance and patient payments received, refunds paid out',
    permit: 'billing:read',
    returns: DepositReport,
    problems: { 400: INVALID_QUERY },
  })
  deposits(@Query() query: DepositQuery, @CurrentCaller() caller: Caller): Promise<DepositReport> {
    return this.billing.deposits(query.date, caller);
  }

  @Get('reports/deposits.csv')
  @Operation({
    id: 'downloadDepositReport',
    summary: 'The day’s deposit as CSV',
    permit: 'billing:read',
    returns: CSV,
    returnsDescription: 'CSV, one row per payment, the totals last',
    problems: { 400: INVALID_QUERY },
  })
  async depositsCsv(
    @Query() query: DepositQuery,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const report = await this.billing.deposits(query.date, caller);
    return sendCsv(reply, `deposits-${report.date}.csv`, depositsCsv(report));
  }

  @Get('statement-runs/preview')
  @Operation({
    id: 'previewStatementRun',
    summary: 'How many statements a run of the period would issue, and for how much',
    description: 'Accounts that owe something at the period’s end; and how many have one already.',
    permit: 'billing:statements',
    returns: StatementRunPreview,
    problems: {
      400: `${INVALID_QUERY}; or the period ends before it starts`,
      422: 'The period has not ended (statement_period_not_over)',
    },
  })
  preview(
    @Query() query: StatementPeriod,
    @CurrentCaller() caller: Caller,
  ): Promise<StatementRunPreview> {
    return this.statements.preview(query, caller);
  }

  @Post('statement-runs')
  @Operation({
    id: 'issueStatementRun',
    summary: 'Issue the period’s statements (once per period)',
    description:
      'Queues the statements in batches; each patient gets an email without amounts or services. ' +
      'Asked again for the same period it answers the same run (created: false) and issues nothing twice.',
    permit: 'billing:statements',
    status: 202,
    returns: StatementRunView,
    problems: {
      400: `${INVALID_BODY}; or the period ends before it starts`,
      422: 'The period has not ended (statement_period_not_over)',
    },
  })
  issue(@Body() body: StatementPeriod, @CurrentCaller() caller: Caller): Promise<StatementRunView> {
    return this.statements.issue(body, caller);
  }
}
