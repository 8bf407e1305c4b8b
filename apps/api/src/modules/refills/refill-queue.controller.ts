import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { INVALID_BODY, INVALID_QUERY, Operation } from '../../common/operation.decorator.js';
import { CurrentCaller } from '../../common/patient-scope.js';
import type { Caller } from '../../common/principal.js';
import { Problem } from '../../common/problem.js';
import {
  ApproveRefillRequest,
  BulkApproveRequest,
  BulkApproveResult,
  ChangeRefillRequest,
  DenyRefillRequest,
  NeedsAppointmentRequest,
  RefillQueuePage,
  RefillQueueQuery,
  RefillRequestView,
  TurnaroundQuery,
  TurnaroundReport,
} from './refills.dto.js';
import { RefillsService } from './refills.service.js';

const CONFLICT =
  'The request is not in a state this move starts from, another reviewer decided it first, or it changed since version (refill_state_conflict, with its state)';

/** The staff side of refills: the queue, the decisions and the turnaround report. */
@ApiTags('refills')
@ApiUnauthorizedResponse({ type: Problem, description: 'Not signed in' })
@Controller('v1')
export class RefillQueueController {
  constructor(private readonly refills: RefillsService) {}

  @Get('refill-queue')
  @Operation({
    id: 'listRefillQueue',
    summary: 'The refill queue, oldest request first',
    description:
      'Open requests (requested, in review) unless status says otherwise. Beside each: the ' +
      'medication’s facts and earlier requests, the patient’s last visit, and stale: open ' +
      'and untouched for two business days.',
    permit: 'refills:read',
    returns: RefillQueuePage,
    problems: { 400: INVALID_QUERY },
  })
  queue(
    @Query() query: RefillQueueQuery,
    @CurrentCaller() caller: Caller,
  ): Promise<RefillQueuePage> {
    return this.refills.queue(query, caller);
  }

  @Get('refill-reports/turnaround')
  @Operation({
    id: 'getRefillTurnaround',
    summary: 'Refill turnaround: requests per week, and time to decision per prescriber',
    description:
      'Over requests made from `from` to `to` (UTC days, at most a year): per week the ' +
      'requests made and decided; per prescriber the median and 90th percentile hours from ' +
      'request to decision.',
    permit: 'refills:read',
    returns: TurnaroundReport,
    problems: { 400: INVALID_QUERY },
  })
  turnaround(
    @Query() query: TurnaroundQuery,
    @CurrentCaller() caller: Caller,
  ): Promise<TurnaroundReport> {
    return this.refills.turnaround(query, caller);
  }

  @Post('refill-requests/bulk-approve')
  @Operation({
    id: 'bulkApproveRefillRequests',
    status: 200,
    summary: 'Approve several routine refill requests with their defaults',
    description:
      'Each is approved on its own (quantity and refills from the medication); renewals and ' +
      'requests no longer open are left as they are and listed in notApproved.',
    permit: 'refills:decide',
    returns: BulkApproveResult,
    problems: { 400: INVALID_BODY },
  })
  bulkApprove(
    @Body() body: BulkApproveRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<BulkApproveResult> {
    return this.refills.bulkApprove(body, caller);
  }

  @Get('refill-requests/:refillRequestId')
  @Operation({
    id: 'getRefillRequest',
    summary: 'One refill request with its timeline',
    permit: 'refills:read',
    uuidParams: ['refillRequestId'],
    returns: RefillRequestView,
    problems: { 404: 'No such refill request' },
  })
  get(
    @Param('refillRequestId') id: string,
    @CurrentCaller() caller: Caller,
  ): Promise<RefillRequestView> {
    return this.refills.getForStaff(id, caller);
  }

  @Post('refill-requests/:refillRequestId/review')
  @Operation({
    id: 'startRefillReview',
    status: 200,
    summary: 'Start reviewing a requested refill (it shows “in review” to the patient)',
    permit: 'refills:decide',
    uuidParams: ['refillRequestId'],
    returns: RefillRequestView,
    problems: { 400: INVALID_BODY, 404: 'No such refill request', 409: CONFLICT },
  })
  review(
    @Param('refillRequestId') id: string,
    @Body() body: ChangeRefillRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<RefillRequestView> {
    return this.refills.review(id, body, caller);
  }

  @Post('refill-requests/:refillRequestId/approve')
  @Operation({
    id: 'approveRefillRequest',
    status: 200,
    summary: 'Approve a refill request and send the prescription to the pharmacy',
    description:
      'Quantity and refills default from the medication. The prescription is sent through ' +
      'e-prescribing in the background: sendStatus is waiting until it is sent.',
    permit: 'refills:decide',
    uuidParams: ['refillRequestId'],
    returns: RefillRequestView,
    problems: { 400: INVALID_BODY, 404: 'No such refill request', 409: CONFLICT },
  })
  approve(
    @Param('refillRequestId') id: string,
    @Body() body: ApproveRefillRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<RefillRequestView> {
    return this.refills.approve(id, body, caller);
  }

  @Post('refill-requests/:refillRequestId/deny')
  @Operation({
    id: 'denyRefillRequest',
    status: 200,
    summary: 'Deny a refill request, with a reason from the list or in words',
    permit: 'refills:decide',
    uuidParams: ['refillRequestId'],
    returns: RefillRequestView,
    problems: {
      400: `${INVALID_BODY}; reason is required with reasonCode other`,
      404: 'No such refill request',
      409: CONFLICT,
    },
  })
  deny(
    @Param('refillRequestId') id: string,
    @Body() body: DenyRefillRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<RefillRequestView> {
    return this.refills.deny(id, body, caller);
  }

  @Post('refill-requests/:refillRequestId/needs-appointment')
  @Operation({
    id: 'requireRefillAppointment',
    status: 200,
    summary: 'Ask the patient to book a visit before this refill',
    permit: 'refills:decide',
    uuidParams: ['refillRequestId'],
    returns: RefillRequestView,
    problems: { 400: INVALID_BODY, 404: 'No such refill request', 409: CONFLICT },
  })
  needsAppointment(
    @Param('refillRequestId') id: string,
    @Body() body: NeedsAppointmentRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<RefillRequestView> {
    return this.refills.needsAppointment(id, body, caller);
  }
}
