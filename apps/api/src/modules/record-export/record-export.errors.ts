import { DomainError } from '../../common/problem.js';

export class ExportResultNotFoundError extends DomainError {
  constructor() {
    super(404, 'result_not_found', 'Not found', 'No test result was found with this id.');
  }
}

export class ExportVisitSummaryNotFoundError extends DomainError {
  constructor() {
    super(404, 'visit_summary_not_found', 'Not found', 'No visit summary was found with this id.');
  }
}
