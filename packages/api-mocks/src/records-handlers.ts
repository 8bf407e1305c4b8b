import type { JsonResponse, paths, Problem } from '@portal/api-client';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { nextId, problemFactory, problems } from './factories';
import { problemResponse } from './handlers';

/*
 * The medical record as the patient app sees it: the health summary, conditions, allergies,
 * immunizations, visit summaries, care plans, test results (opening one clears its "new"
 * mark), trends of one test over time, vital signs and the downloads. createRecordsBackend
 * keeps them in memory and answers with the API's patient rules (apps/api/src/modules/records,
 * results and record-export): held reports and anything entered in error stay hidden, lists
 * are newest first with cursor pages and from/to date filters.
 */

export type MockHealthSummary = JsonResponse<'getHealthSummary', 200>;
export type MockResultSummary = JsonResponse<'listResults', 200>['items'][number];
export type MockResultReport = JsonResponse<'getResult', 200>;
export type MockObservation = MockResultReport['observations'][number];
export type MockObservationTrend = JsonResponse<'getObservationTrend', 200>;
export type MockCondition = JsonResponse<'listConditions', 200>['items'][number];
export type MockAllergy = JsonResponse<'listAllergies', 200>['items'][number];
export type MockImmunization = JsonResponse<'listImmunizations', 200>['items'][number];
export type MockVisitSummary = JsonResponse<'listVisitSummaries', 200>['items'][number];
export type MockCarePlan = JsonResponse<'listCarePlans', 200>['items'][number];

const DAY = 86_400_000;

function mswPath<P extends keyof paths>(path: P): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

export const recordsPaths = {
  healthSummary: mswPath('/api/v1/patients/{patientId}/health-summary'),
  results: mswPath('/api/v1/patients/{patientId}/results'),
  result: mswPath('/api/v1/patients/{patientId}/results/{reportId}'),
  resultPdf: mswPath('/api/v1/patients/{patientId}/results/{reportId}/report.pdf'),
  resultAttachment: mswPath('/api/v1/patients/{patientId}/results/{reportId}/attachment'),
  trend: mswPath('/api/v1/patients/{patientId}/observations/trend'),
  vitals: mswPath('/api/v1/patients/{patientId}/vitals'),
  conditions: mswPath('/api/v1/patients/{patientId}/conditions'),
  condition: mswPath('/api/v1/patients/{patientId}/conditions/{conditionId}'),
  allergies: mswPath('/api/v1/patients/{patientId}/allergies'),
  allergy: mswPath('/api/v1/patients/{patientId}/allergies/{allergyId}'),
  immunizations: mswPath('/api/v1/patients/{patientId}/immunizations'),
  immunization: mswPath('/api/v1/patients/{patientId}/immunizations/{immunizationId}'),
  visitSummaries: mswPath('/api/v1/patients/{patientId}/visit-summaries'),
  visitSummary: mswPath('/api/v1/patients/{patientId}/visit-summaries/{visitSummaryId}'),
  visitSummaryPdf: mswPath(
    '/api/v1/patients/{patientId}/visit-summaries/{visitSummaryId}/summary.pdf',
  ),
  carePlans: mswPath('/api/v1/patients/{patientId}/care-plans'),
  carePlan: mswPath('/api/v1/patients/{patientId}/care-plans/{carePlanId}'),
  healthRecordPdf: mswPath('/api/v1/patients/{patientId}/health-record.pdf'),
  healthRecordFhir: mswPath('/api/v1/patients/{patientId}/health-record.fhir.json'),
} as const;

// --- factories -------------------------------------------------------------------------

function daysAgo(days: number): string {
  return new Date(Date.now() - days * DAY).toISOString();
}

function dateOnly(iso: string): string {
  return iso.slice(0, 10);
}

/** Fields every record kind carries, as a patient sees them (recordedBy is staff-only). */
function recordBase(patientId: string) {
  const recordedAt = daysAgo(30);
  return {
    id: nextId(),
    patientId,
    version: 1,
    corrected: false,
    recordedAt,
    updatedAt: recordedAt,
    recordedBy: null,
  };
}

/** Everyday names the API's code lists give the codes used in mock data (null elsewhere). */
const PLAIN_NAMES = {
  icd10cm: {
    I10: 'High blood pressure',
    'E11.9': 'Type 2 diabetes',
    'E78.5': 'High cholesterol',
    'J45.909': 'Asthma',
    'E66.9': 'Obesity',
  },
  cvx: {
    '08': 'Hepatitis B vaccine (for children)',
    '20': 'Diphtheria, tetanus and whooping cough vaccine (DTaP)',
    '140': 'Flu shot',
    '150': 'Flu shot',
    '208': 'COVID-19 vaccine',
  },
  loinc: {
    '4548-4': 'A1c (average blood sugar over 3 months)',
    '2093-3': 'Total cholesterol',
    '2085-9': 'HDL ("good") cholesterol',
    '2345-7': 'Blood sugar',
    '2160-0': 'Creatinine (kidney function)',
    '8480-6': 'Blood pressure (top number)',
    '8462-4': 'Blood pressure (bottom number)',
    '8867-4': 'Pulse (heart rate)',
    '29463-7': 'Weight',
    '8302-2': 'Height',
    '8310-5': 'Temperature',
  },
} satisfies Record<'icd10cm' | 'cvx' | 'loinc', Record<string, string>>;

export function plainNameOf(system: keyof typeof PLAIN_NAMES, code: string): string | null {
  return (PLAIN_NAMES[system] as Record<string, string>)[code] ?? null;
}

/**
 * A factory's plain name: the code's, unless the display was made up for the test (then none,
 * so a made-up display is what shows), or one was given.
 */
function plainNameFor(
  system: keyof typeof PLAIN_NAMES,
  code: string,
  overrides: { display?: string },
): string | null {
  return overrides.display === undefined ? plainNameOf(system, code) : null;
}

/** One laboratory value: HbA1c 5.4 % (usual 4.0–5.6), final, unless given. */
export function observationFactory(overrides: Partial<MockObservation> = {}): MockObservation {
  const code = overrides.code ?? '4548-4';
  return {
    id: nextId(),
    reportId: null,
    category: 'laboratory',
    code,
    display: 'Hemoglobin A1c',
    plainName: plainNameFor('loinc', code, overrides),
    valueQuantity: 5.4,
    valueText: null,
    unit: '%',
    referenceLow: 4,
    referenceHigh: 5.6,
    referenceText: null,
    interpretation: 'N',
    abnormal: false,
    status: 'final',
    corrected: false,
    effectiveAt: daysAgo(7),
    version: 1,
    ...overrides,
  };
}

/** A vital sign as the API stores it: no report, category vital-signs. */
export function vitalSignFactory(overrides: Partial<MockObservation> = {}): MockObservation {
  return observationFactory({
    category: 'vital-signs',
    code: '8867-4',
    display: 'Heart rate',
    plainName:
      overrides.display === undefined ? plainNameOf('loinc', overrides.code ?? '8867-4') : null,
    valueQuantity: 72,
    unit: '/min',
    referenceLow: null,
    referenceHigh: null,
    interpretation: null,
    ...overrides,
  });
}

export interface ResultReportFactoryOptions {
  /** Whether the patient has opened it (false keeps it "new" while released). */
  viewed?: boolean;
}

/**
 * A released laboratory report with its observations; abnormal, observationCount and the
 * observations' reportId and effectiveAt (the report's) are worked out from what is given.
 */
export function resultReportFactory(overrides: Partial<MockResultReport> = {}): MockResultReport {
  const id = overrides.id ?? nextId();
  const effectiveAt = overrides.effectiveAt ?? daysAgo(7);
  const observations = (overrides.observations ?? [observationFactory()]).map((observation) => ({
    ...observation,
    reportId: id,
    // A report's values were all taken with its sample.
    effectiveAt,
  }));
  const issuedAt = overrides.issuedAt ?? new Date(Date.parse(effectiveAt) + DAY).toISOString();
  return {
    id,
    patientId: nextId(),
    category: 'laboratory',
    code: '4548-4',
    title: 'Hemoglobin A1c',
    status: 'final',
    issuedAt,
    releaseState: 'released',
    releasedAt: issuedAt,
    orderingProvider: { id: nextId(), displayName: 'Dr. Priya Shah' },
    hasAttachment: false,
    corrected: false,
    isNew: false,
    version: 1,
    narrative: null,
    attachmentName: null,
    ...overrides,
    effectiveAt,
    observations,
    observationCount: observations.length,
    abnormal: overrides.abnormal ?? observations.some((observation) => observation.abnormal),
  };
}

export function conditionFactory(overrides: Partial<MockCondition> = {}): MockCondition {
  return {
    ...recordBase(overrides.patientId ?? nextId()),
    code: 'I10',
    display: 'Essential (primary) hypertension',
    plainName: plainNameFor('icd10cm', overrides.code ?? 'I10', overrides),
    codeSystem: 'ICD-10-CM',
    clinicalStatus: 'active',
    onsetDate: dateOnly(daysAgo(400)),
    abatementDate: null,
    note: null,
    ...overrides,
  };
}

export function allergyFactory(overrides: Partial<MockAllergy> = {}): MockAllergy {
  return {
    ...recordBase(overrides.patientId ?? nextId()),
    substance: 'Penicillin',
    category: 'medication',
    reaction: 'Hives',
    severity: 'moderate',
    clinicalStatus: 'active',
    onsetDate: null,
    note: null,
    ...overrides,
  };
}

export function immunizationFactory(overrides: Partial<MockImmunization> = {}): MockImmunization {
  return {
    ...recordBase(overrides.patientId ?? nextId()),
    cvxCode: '150',
    display: 'Influenza, injectable, quadrivalent, preservative free',
    plainName: plainNameFor('cvx', overrides.cvxCode ?? '150', overrides),
    occurredOn: dateOnly(daysAgo(60)),
    doseNumber: null,
    doseQuantity: '0.5 mL',
    site: 'Left arm',
    lotNumber: 'FL2026A',
    status: 'completed',
    note: null,
    ...overrides,
  };
}

export function visitSummaryFactory(overrides: Partial<MockVisitSummary> = {}): MockVisitSummary {
  return {
    ...recordBase(overrides.patientId ?? nextId()),
    visitDate: dateOnly(daysAgo(14)),
    provider: { id: nextId(), displayName: 'Dr. Priya Shah' },
    location: { id: nextId(), name: 'Harbor Clinic' },
    appointmentId: null,
    diagnoses: [{ code: 'I10', display: 'Essential (primary) hypertension' }],
    instructions: 'Take your blood pressure every morning and write it down.',
    followUp: 'Come back in 3 months.',
    status: 'final',
    ...overrides,
  };
}

export function carePlanFactory(overrides: Partial<MockCarePlan> = {}): MockCarePlan {
  return {
    ...recordBase(overrides.patientId ?? nextId()),
    title: 'Blood pressure plan',
    description: 'Bring your blood pressure into the healthy range.',
    status: 'active',
    periodStart: dateOnly(daysAgo(90)),
    periodEnd: null,
    conditions: [],
    goals: [
      {
        id: nextId(),
        description: 'Blood pressure below 130/80',
        status: 'in-progress',
        target: '130/80 mmHg',
      },
    ],
    activities: [
      { id: nextId(), description: 'Walk 30 minutes a day', status: 'in-progress' },
      { id: nextId(), description: 'Blood test in 3 months', status: 'scheduled' },
    ],
    ...overrides,
  };
}

// --- problems --------------------------------------------------------------------------

export const recordsProblems = {
  resultNotFound: (): Problem =>
    problemFactory({
      status: 404,
      code: 'result_not_found',
      title: 'Not found',
      detail: 'No test result was found with this id.',
    }),
  recordNotFound: (): Problem =>
    problemFactory({
      status: 404,
      code: 'record_not_found',
      title: 'Not found',
      detail: 'No record was found with this id.',
    }),
  attachmentNotFound: (): Problem =>
    problemFactory({
      status: 404,
      code: 'attachment_not_found',
      title: 'Not found',
      detail: 'This result has no attached file.',
    }),
  patientNotFound: (): Problem =>
    problemFactory({
      status: 404,
      code: 'not_found',
      title: 'Not found',
      detail: 'No such patient.',
    }),
};

// --- the backend -----------------------------------------------------------------------

export interface RecordsBackendOptions {
  /** Whose record this is; any other patient id answers 404, as the API does. */
  patientId: string;
  patient?: { displayName?: string; dateOfBirth?: string };
  /** Reports with their observations; held ones and ones entered in error stay hidden. */
  results?: MockResultReport[];
  vitals?: MockObservation[];
  conditions?: MockCondition[];
  allergies?: MockAllergy[];
  immunizations?: MockImmunization[];
  visitSummaries?: MockVisitSummary[];
  carePlans?: MockCarePlan[];
}

export type RecordListKind =
  | 'results'
  | 'vitals'
  | 'conditions'
  | 'allergies'
  | 'immunizations'
  | 'visit-summaries'
  | 'care-plans';

export interface RecordListRequest {
  kind: RecordListKind;
  /** The query string as sent, e.g. { limit: '20', cursor: 'c20', category: 'imaging' }. */
  query: Record<string, string>;
}

export interface RecordsBackendState {
  results: MockResultReport[];
  /** Reports the patient has opened (their "new" mark is gone). */
  viewed: Set<string>;
  listRequests: RecordListRequest[];
  /** Report ids in the order the patient opened them (GET …/results/{reportId}). */
  resultViews: string[];
  trendRequests: { code: string | null; limit: string | null }[];
  /** Paths of the files downloaded, in order. */
  downloads: string[];
  /** The timeZone each PDF download asked for (null when it sent none). */
  pdfTimeZones: (string | null)[];
  summaryRequests: number;
}

export interface RecordsBackend {
  handlers: HttpHandler[];
  state: RecordsBackendState;
}

const HIDDEN_STATUS = 'entered-in-error';

function page<T>(
  items: readonly T[],
  url: URL,
): { items: T[]; nextCursor: string | null } | Problem {
  const limitParam = url.searchParams.get('limit');
  const limit = limitParam === null ? 20 : Number(limitParam);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    return problems.validation([
      { field: 'limit', message: 'The limit must be a whole number from 1 to 100.' },
    ]);
  }
  const cursor = url.searchParams.get('cursor');
  const start = cursor === null ? 0 : Number(cursor.replace(/^c/, ''));
  if (!Number.isInteger(start) || start < 0) {
    return problems.validation([{ field: 'cursor', message: 'The cursor is not valid.' }]);
  }
  const next = start + limit;
  return { items: items.slice(start, next), nextCursor: next < items.length ? `c${next}` : null };
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'code' in value && 'status' in value;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Keeps items whose date (YYYY-MM-DD or an instant; the instant's UTC day) falls within
 * ?from=&to=, both inclusive, then sorts them newest first.
 */
function byDate<T>(
  items: readonly T[],
  url: URL,
  dateOf: (item: T) => string | null,
): T[] | Problem {
  const from = url.searchParams.get('from');
  const to = url.searchParams.get('to');
  for (const [field, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (value !== null && !DATE.test(value)) {
      return problems.validation([{ field, message: 'Use a date like 2026-12-01.' }]);
    }
  }
  return items
    .filter((item) => {
      const day = dateOf(item)?.slice(0, 10) ?? null;
      if (day === null) return from === null && to === null;
      return (from === null || day >= from) && (to === null || day <= to);
    })
    .sort((a, b) => (dateOf(b) ?? '').localeCompare(dateOf(a) ?? ''));
}

function queryOf(url: URL): Record<string, string> {
  return Object.fromEntries(url.searchParams.entries());
}

/** A tiny but real PDF document, as the downloads return. */
export function fakePdf(title: string): string {
  return `%PDF-1.4\n% ${title}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`;
}

function pdfResponse(title: string, fileName: string): HttpResponse<string> {
  return new HttpResponse(fakePdf(title), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${fileName}"`,
    },
  });
}

/**
 * The patient-facing record endpoints over in-memory data, with the API's patient rules. Fresh
 * state per call.
 */
export function createRecordsBackend(options: RecordsBackendOptions): RecordsBackend {
  const patientId = options.patientId;
  const state: RecordsBackendState = {
    results: [...(options.results ?? [])],
    viewed: new Set(
      (options.results ?? []).filter((report) => !report.isNew).map((report) => report.id),
    ),
    listRequests: [],
    resultViews: [],
    trendRequests: [],
    downloads: [],
    pdfTimeZones: [],
    summaryRequests: 0,
  };
  const vitals = (options.vitals ?? []).filter((vital) => vital.status !== HIDDEN_STATUS);
  const conditions = (options.conditions ?? []).filter(
    (item) => item.clinicalStatus !== HIDDEN_STATUS,
  );
  const allergies = (options.allergies ?? []).filter(
    (item) => item.clinicalStatus !== HIDDEN_STATUS,
  );
  const immunizations = (options.immunizations ?? []).filter(
    (item) => item.status !== HIDDEN_STATUS,
  );
  const visitSummaries = (options.visitSummaries ?? []).filter(
    (item) => item.status !== HIDDEN_STATUS,
  );
  const carePlans = (options.carePlans ?? []).filter((item) => item.status !== HIDDEN_STATUS);

  /** What the patient may see of a report: released, not in error, its values likewise. */
  const visibleReports = (): MockResultReport[] =>
    state.results
      .filter((report) => report.releaseState === 'released' && report.status !== HIDDEN_STATUS)
      .map((report) => ({
        ...report,
        isNew: !state.viewed.has(report.id),
        observations: report.observations.filter(
          (observation) => observation.status !== HIDDEN_STATUS,
        ),
      }));

  const summaryOf = (report: MockResultReport): MockResultSummary => {
    const { narrative: _narrative, attachmentName: _name, observations: _obs, ...summary } = report;
    return summary;
  };

  const ownPatient = (params: { patientId?: string }) => params.patientId === patientId;

  const list = <T>(
    kind: RecordListKind,
    path: string,
    items: () => readonly T[],
    dateOf: (item: T) => string | null,
    filter: (item: T, url: URL) => boolean = () => true,
  ): HttpHandler =>
    http.get<{ patientId: string }>(path, ({ request, params }) => {
      const url = new URL(request.url);
      state.listRequests.push({ kind, query: queryOf(url) });
      if (!ownPatient(params)) return problemResponse(recordsProblems.patientNotFound());
      const dated = byDate(
        items().filter((item) => filter(item, url)),
        url,
        dateOf,
      );
      if (isProblem(dated)) return problemResponse(dated);
      const result = page(dated, url);
      return isProblem(result) ? problemResponse(result) : HttpResponse.json(result);
    });

  const one = <T extends { id: string }>(
    path: string,
    idParam: string,
    items: readonly T[],
  ): HttpHandler =>
    http.get<Record<string, string>>(path, ({ params }) => {
      const item = ownPatient(params)
        ? items.find((candidate) => candidate.id === params[idParam])
        : undefined;
      return item ? HttpResponse.json(item) : problemResponse(recordsProblems.recordNotFound());
    });

  const statusFilter =
    <T>(statusOf: (item: T) => string) =>
    (item: T, url: URL) => {
      const status = url.searchParams.get('status');
      return status === null || statusOf(item) === status;
    };

  const findReport = (params: { patientId?: string; reportId?: string }) =>
    ownPatient(params)
      ? visibleReports().find((report) => report.id === params.reportId)
      : undefined;

  const handlers: HttpHandler[] = [
    http.get<{ patientId: string }>(recordsPaths.healthSummary, ({ params }) => {
      state.summaryRequests += 1;
      if (!ownPatient(params)) return problemResponse(recordsProblems.patientNotFound());
      const reports = visibleReports().sort((a, b) => b.effectiveAt.localeCompare(a.effectiveAt));
      const newestVitals = new Map<string, MockObservation>();
      for (const vital of [...vitals].sort((a, b) => b.effectiveAt.localeCompare(a.effectiveAt))) {
        if (!newestVitals.has(vital.code)) newestVitals.set(vital.code, vital);
      }
      const summary: MockHealthSummary = {
        patient: {
          id: patientId,
          displayName: options.patient?.displayName ?? 'Ana Silva',
          dateOfBirth: options.patient?.dateOfBirth ?? '1961-04-12',
        },
        activeConditions: conditions
          .filter((item) => ['active', 'recurrence'].includes(item.clinicalStatus))
          .slice(0, 20),
        allergies: allergies.filter((item) => item.clinicalStatus === 'active').slice(0, 20),
        recentImmunizations: [...immunizations]
          .sort((a, b) => b.occurredOn.localeCompare(a.occurredOn))
          .slice(0, 5),
        latestVitals: [...newestVitals.values()].slice(0, 10),
        recentResults: reports.slice(0, 5).map(summaryOf),
        newResultsCount: reports.filter((report) => report.isNew).length,
        activeCarePlans: carePlans.filter((item) => item.status === 'active').slice(0, 5),
        lastVisitSummary:
          [...visitSummaries].sort((a, b) => b.visitDate.localeCompare(a.visitDate))[0] ?? null,
      };
      return HttpResponse.json(summary);
    }),
    list(
      'results',
      recordsPaths.results,
      () => visibleReports().map(summaryOf),
      (report) => report.effectiveAt,
      (report, url) => {
        const category = url.searchParams.get('category');
        const abnormal = url.searchParams.get('abnormal');
        return (
          (category === null || report.category === category) &&
          (abnormal !== 'true' || report.abnormal)
        );
      },
    ),
    http.get<{ patientId: string; reportId: string }>(recordsPaths.result, ({ params }) => {
      const report = findReport(params);
      if (!report) return problemResponse(recordsProblems.resultNotFound());
      state.resultViews.push(report.id);
      // The first opening clears the "new" mark; this answer already shows it cleared.
      state.viewed.add(report.id);
      return HttpResponse.json({ ...report, isNew: false });
    }),
    http.get<{ patientId: string; reportId: string }>(
      recordsPaths.resultPdf,
      ({ params, request }) => {
        const report = findReport(params);
        if (!report) return problemResponse(recordsProblems.resultNotFound());
        state.pdfTimeZones.push(new URL(request.url).searchParams.get('timeZone'));
        state.downloads.push(`/api/v1/patients/${patientId}/results/${report.id}/report.pdf`);
        return pdfResponse('Test result', 'report.pdf');
      },
    ),

    http.get<{ patientId: string; reportId: string }>(
      recordsPaths.resultAttachment,
      ({ params }) => {
        const report = findReport(params);
        if (!report) return problemResponse(recordsProblems.resultNotFound());
        if (!report.hasAttachment) return problemResponse(recordsProblems.attachmentNotFound());
        state.downloads.push(`/api/v1/patients/${patientId}/results/${report.id}/attachment`);
        return pdfResponse('Attachment', report.attachmentName ?? 'attachment.pdf');
      },
    ),
    http.get<{ patientId: string }>(recordsPaths.trend, ({ request, params }) => {
      const url = new URL(request.url);
      const code = url.searchParams.get('code');
      const limitParam = url.searchParams.get('limit');
      state.trendRequests.push({ code, limit: limitParam });
      if (!ownPatient(params)) return problemResponse(recordsProblems.patientNotFound());
      if (!code) {
        return problemResponse(
          problems.validation([{ field: 'code', message: 'Choose a test code, like 4548-4.' }]),
        );
      }
      const limit = limitParam === null ? 100 : Number(limitParam);
      const matching = [...visibleReports().flatMap((report) => report.observations), ...vitals]
        .filter((observation) => observation.code === code && observation.valueQuantity !== null)
        .sort((a, b) => a.effectiveAt.localeCompare(b.effectiveAt))
        .slice(-limit);
      const latest = matching[matching.length - 1];
      const trend: MockObservationTrend = {
        code,
        display: latest?.display ?? code,
        plainName: latest?.plainName ?? null,
        unit: latest?.unit ?? null,
        referenceLow: latest?.referenceLow ?? null,
        referenceHigh: latest?.referenceHigh ?? null,
        points: matching.map((observation) => ({
          observationId: observation.id,
          reportId: observation.reportId,
          effectiveAt: observation.effectiveAt,
          valueQuantity: observation.valueQuantity,
          unit: observation.unit,
          interpretation: observation.interpretation,
          abnormal: observation.abnormal,
          status: observation.status,
        })),
      };
      return HttpResponse.json(trend);
    }),
    list(
      'vitals',
      recordsPaths.vitals,
      () => vitals,
      (vital) => vital.effectiveAt,
      (vital, url) => {
        const code = url.searchParams.get('code');
        return code === null || vital.code === code;
      },
    ),
    list(
      'conditions',
      recordsPaths.conditions,
      () => conditions,
      (item) => item.onsetDate,
      statusFilter((item) => item.clinicalStatus),
    ),
    one(recordsPaths.condition, 'conditionId', conditions),
    list(
      'allergies',
      recordsPaths.allergies,
      () => allergies,
      (item) => item.recordedAt,
      statusFilter((item) => item.clinicalStatus),
    ),
    one(recordsPaths.allergy, 'allergyId', allergies),
    list(
      'immunizations',
      recordsPaths.immunizations,
      () => immunizations,
      (item) => item.occurredOn,
      statusFilter((item) => item.status),
    ),
    one(recordsPaths.immunization, 'immunizationId', immunizations),
    list(
      'visit-summaries',
      recordsPaths.visitSummaries,
      () => visitSummaries,
      (item) => item.visitDate,
      statusFilter((item) => item.status),
    ),
    one(recordsPaths.visitSummary, 'visitSummaryId', visitSummaries),
    http.get<{ patientId: string; visitSummaryId: string }>(
      recordsPaths.visitSummaryPdf,
      ({ params, request }) => {
        const summary = ownPatient(params)
          ? visitSummaries.find((item) => item.id === params.visitSummaryId)
          : undefined;
        if (!summary) return problemResponse(recordsProblems.recordNotFound());
        state.pdfTimeZones.push(new URL(request.url).searchParams.get('timeZone'));
        state.downloads.push(
          `/api/v1/patients/${patientId}/visit-summaries/${summary.id}/summary.pdf`,
        );
        return pdfResponse('Visit summary', 'visit-summary.pdf');
      },
    ),
    list(
      'care-plans',
      recordsPaths.carePlans,
      () => carePlans,
      (item) => item.periodStart,
      statusFilter((item) => item.status),
    ),
    one(recordsPaths.carePlan, 'carePlanId', carePlans),
    http.get<{ patientId: string }>(recordsPaths.healthRecordPdf, ({ params, request }) => {
      if (!ownPatient(params)) return problemResponse(recordsProblems.patientNotFound());
      state.pdfTimeZones.push(new URL(request.url).searchParams.get('timeZone'));
      state.downloads.push(`/api/v1/patients/${patientId}/health-record.pdf`);
      return pdfResponse('Health record', 'health-record.pdf');
    }),
    http.get<{ patientId: string }>(recordsPaths.healthRecordFhir, ({ params }) => {
      if (!ownPatient(params)) return problemResponse(recordsProblems.patientNotFound());
      state.downloads.push(`/api/v1/patients/${patientId}/health-record.fhir.json`);
      const bundle = {
        resourceType: 'Bundle',
        type: 'collection',
        entry: [{ resource: { resourceType: 'Patient', id: patientId } }],
      };
      return new HttpResponse(JSON.stringify(bundle), {
        headers: {
          'Content-Type': 'application/fhir+json',
          'Content-Disposition': 'attachment; filename="health-record.fhir.json"',
        },
      });
    }),
  ];

  return { handlers, state };
}

/** An empty health summary for any patient: nothing recorded, no new results. */
export function emptyHealthSummary(patientId: string): MockHealthSummary {
  return {
    patient: { id: patientId, displayName: 'Ana Silva', dateOfBirth: '1961-04-12' },
    activeConditions: [],
    allergies: [],
    recentImmunizations: [],
    latestVitals: [],
    recentResults: [],
    newResultsCount: 0,
    activeCarePlans: [],
    lastVisitSummary: null,
  };
}

/**
 * A default for every test of the patient app: the record is empty (the home page asks for the
 * health summary to count new results). Tests about the record add createRecordsBackend on top.
 */
export const emptyRecordHandlers: HttpHandler[] = [
  http.get<{ patientId: string }>(recordsPaths.healthSummary, ({ params }) =>
    HttpResponse.json(emptyHealthSummary(params.patientId)),
  ),
];
