import { notFoundError } from '../../common/problem.js';

export class ExportResultNotFoundError extends notFoundError(
  'result_not_found',
  'No test result was found with this id.',
) {}

export class ExportVisitSummaryNotFoundError extends notFoundError(
  'visit_summary_not_found',
  'No visit summary was found with this id.',
) {}
