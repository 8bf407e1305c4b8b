import { endOfLocalDay, isCalendarDate, startOfLocalDay } from '../../../lib/format-compact';
import { AUDIT_OUTCOMES, type AuditOutcome, type AuditQuery } from '../api/audit-log';

/** The filters as the address holds them (?action=auth.&from=2026-03-01…): dates, not instants. */
export interface AuditFilterValues {
  action: string;
  outcome: AuditOutcome | '';
  patientId: string;
  actorAccountId: string;
  from: string;
  to: string;
}

export type AuditFilterField = keyof AuditFilterValues;

export const FILTER_FIELDS: readonly AuditFilterField[] = [
  'action',
  'outcome',
  'patientId',
  'actorAccountId',
  'from',
  'to',
];

export const EMPTY_FILTERS: AuditFilterValues = {
  action: '',
  outcome: '',
  patientId: '',
  actorAccountId: '',
  from: '',
  to: '',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ACTION = /^[a-z0-9][a-z0-9._-]{0,99}$/i;

function isOutcome(value: string): value is AuditOutcome {
  return (AUDIT_OUTCOMES as readonly string[]).includes(value);
}

export function readFilters(params: URLSearchParams): AuditFilterValues {
  const outcome = params.get('outcome') ?? '';
  return {
    action: params.get('action') ?? '',
    outcome: isOutcome(outcome) ? outcome : '',
    patientId: params.get('patientId') ?? '',
    actorAccountId: params.get('actorAccountId') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
}

/** The address for these filters, on their first page (any cursor dropped). */
export function filterSearchParams(values: AuditFilterValues): URLSearchParams {
  const params = new URLSearchParams();
  for (const field of FILTER_FIELDS) {
    const value = values[field].trim();
    if (value) params.set(field, value);
  }
  return params;
}

/**
 * What the API gets: days become instants at local midnight, and "to" includes its whole day
 * (the API's `to` is exclusive). A value that is not a date goes as typed, so the API's own
 * message explains it.
 */
export function toAuditQuery(values: AuditFilterValues, cursor: string | undefined): AuditQuery {
  const query: AuditQuery = {};
  if (values.action.trim()) query.action = values.action.trim();
  if (values.outcome) query.outcome = values.outcome;
  if (values.patientId.trim()) query.patientId = values.patientId.trim();
  if (values.actorAccountId.trim()) query.actorAccountId = values.actorAccountId.trim();
  if (values.from)
    query.from = isCalendarDate(values.from) ? startOfLocalDay(values.from) : values.from;
  if (values.to) query.to = isCalendarDate(values.to) ? endOfLocalDay(values.to) : values.to;
  if (cursor) query.cursor = cursor;
  return query;
}

export type FilterProblem = 'action' | 'uuid' | 'date' | 'range';

/** What the form can tell before asking the API. */
export function filterProblems(
  values: AuditFilterValues,
): Partial<Record<AuditFilterField, FilterProblem>> {
  const problems: Partial<Record<AuditFilterField, FilterProblem>> = {};
  if (values.action.trim() && !ACTION.test(values.action.trim())) problems.action = 'action';
  for (const field of ['patientId', 'actorAccountId'] as const) {
    if (values[field].trim() && !UUID.test(values[field].trim())) problems[field] = 'uuid';
  }
  for (const field of ['from', 'to'] as const) {
    if (values[field] && !isCalendarDate(values[field])) problems[field] = 'date';
  }
  if (!problems.from && !problems.to && values.from && values.to && values.from > values.to) {
    problems.to = 'range';
  }
  return problems;
}

/** The form field a server error is about (the API names its query parameters). */
export function filterFieldFor(serverField: string): AuditFilterField | undefined {
  return (FILTER_FIELDS as readonly string[]).includes(serverField)
    ? (serverField as AuditFilterField)
    : undefined;
}
