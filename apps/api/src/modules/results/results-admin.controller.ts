import { INVALID_BODY, INVALID_QUERY, Operation } from '../../common/operation.decorator.js';
import { Body, Controller, Get, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentCaller } from '../../common/patient-scope.js';
import type { Caller } from '../../common/principal.js';
import { RouteBodyLimit } from '../../common/route-body-limit.js';
import {
  ImportResultsRequest,
  ImportSummary,
  ReleasePolicy,
  ReviewQueuePage,
  ReviewQueueQuery,
  UpdateReleasePolicyRequest,
} from './results.dto.js';
import { ResultsImportService } from './results-import.service.js';
import { ResultsService } from './results.service.js';

/**
 * The import file travels as a JSON string: 4 MB of text, with room for the escaping JSON
 * adds to quotes and line breaks. The content's own size is checked in the service.
 */
const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;

/** Results work across patients: the review queue, the release policy, bulk imports. */
@ApiTags('results')
@Controller('v1/results')
export class ResultsAdminController {
  constructor(
    private readonly results: ResultsService,
    private readonly imports: ResultsImportService,
  ) {}

  @Get('review-queue')
  @Operation({
    id: 'listResultsForReview',
    summary: 'Reports held for a provider’s review, oldest first',
    description: 'With the number held in all and when the oldest was issued. Role: provider.',
    permit: 'results:review',
    returns: ReviewQueuePage,
    problems: { 400: INVALID_QUERY },
  })
  reviewQueue(
    @CurrentCaller() caller: Caller,
    @Query() query: ReviewQueueQuery,
  ): Promise<ReviewQueuePage> {
    return this.results.reviewQueue(query, caller);
  }

  @Get('release-policy')
  @Operation({
    id: 'getResultReleasePolicy',
    summary: 'How each category of result is released',
    description:
      'immediate: patients see new reports at once; review: reports wait for a provider. ' +
      'Roles: provider, nurse, admin.',
    permit: 'results-policy:read',
    returns: ReleasePolicy,
  })
  policy(@CurrentCaller() caller: Caller): Promise<ReleasePolicy> {
    return this.results.policy(caller);
  }

  @Put('release-policy')
  @Operation({
    id: 'updateResultReleasePolicy',
    summary: 'Change how categories of result are released',
    description:
      'Applies to reports recorded from now on; reports already held stay held until a ' +
      'provider releases them. Role: admin.',
    permit: 'results-policy:manage',
    returns: ReleasePolicy,
    problems: { 400: INVALID_BODY },
  })
  updatePolicy(
    @CurrentCaller() caller: Caller,
    @Body() body: UpdateReleasePolicyRequest,
  ): Promise<ReleasePolicy> {
    return this.results.updatePolicy(body.items, caller);
  }

  @Post('imports')
  @RouteBodyLimit(IMPORT_BODY_LIMIT)
  @Operation({
    id: 'importResults',
    summary: 'Import results from a CSV file or a FHIR Bundle',
    description:
      'The whole file is checked first: any problem rejects it (400 import_rejected, with ' +
      'each problem named by line or bundle entry) and nothing is stored. An accepted file ' +
      'is stored at once, released per the category policy, with one email per patient. ' +
      'content: at most 4 MB. Roles: provider, nurse.',
    status: 201,
    permit: 'results:write',
    returns: ImportSummary,
    problems: {
      400: 'validation_failed, or import_rejected with errors by line or entry',
      413: 'import_too_large: over 4 MB',
    },
  })
  import(
    @CurrentCaller() caller: Caller,
    @Body() body: ImportResultsRequest,
  ): Promise<ImportSummary> {
    return this.imports.import(body, caller);
  }
}
