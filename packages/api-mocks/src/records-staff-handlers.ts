import type { JsonRequestBody, JsonResponse, paths, Problem } from '@portal/api-client';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { nextId, problemFactory, problems } from './factories';
import { problemResponse } from './handlers';
import { staffCallGate, type StaffCall } from './staff-calls';
import { plainNameOf } from './records-handlers';
import type { MockPatient } from './staff-app-handlers';

/*
 * Health records for the staff app: conditions, allergies, immunizations, visit summaries and
 * care plans with corrections and history; results, vital signs, release and the review queue;
 * bulk import; the release policy; code lookup. createRecordsStaffBackend keeps them in memory
 * and follows the API's rules and words closely enough for every answer the screens handle.
 */

export type MockStaffCondition = JsonResponse<'getCondition', 200>;
export type MockStaffAllergy = JsonResponse<'getAllergy', 200>;
export type MockStaffImmunization = JsonResponse<'getImmunization', 200>;
export type MockStaffVisitSummary = JsonResponse<'getVisitSummary', 200>;
export type MockStaffCarePlan = JsonResponse<'getCarePlan', 200>;
export type MockStaffMedication = JsonResponse<'getMedication', 200>;
export type MockStaffReport = JsonResponse<'getResult', 200>;
export type MockStaffObservation = MockStaffReport['observations'][number];
export type MockReviewItem = JsonResponse<'listResultsForReview', 200>['items'][number];
export type MockCode = JsonResponse<'searchCodes', 200>['items'][number];
export type MockReleasePolicy = JsonResponse<'getResultReleasePolicy', 200>['items'][number];
export type MockRevision = JsonResponse<'getConditionHistory', 200>['items'][number];

type CreateResultBody = JsonRequestBody<'createResult'>;
type CreateVitalsBody = JsonRequestBody<'createVitalSigns'>;
type UpdateObservationBody = JsonRequestBody<'updateObservation'>;
type ReleaseBody = JsonRequestBody<'releaseResult'>;
type ImportBody = JsonRequestBody<'importResults'>;
type PolicyBody = JsonRequestBody<'updateResultReleasePolicy'>;

export type RecordKind =
  'conditions' | 'allergies' | 'immunizations' | 'visit-summaries' | 'care-plans' | 'medications';

type AnyRecord =
  | MockStaffCondition
  | MockStaffAllergy
  | MockStaffImmunization
  | MockStaffVisitSummary
  | MockStaffCarePlan
  | MockStaffMedication;

/** MSW spells path parameters `:name` where OpenAPI spells them `{name}`. */
function mswPath<P extends keyof paths>(path: P): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

export const recordsStaffPaths = {
  codes: mswPath('/api/v1/code-systems/{system}/codes'),
  records: '/api/v1/patients/:patientId/:kind',
  record: '/api/v1/patients/:patientId/:kind/:recordId',
  recordHistory: '/api/v1/patients/:patientId/:kind/:recordId/history',
  results: mswPath('/api/v1/patients/{patientId}/results'),
  result: mswPath('/api/v1/patients/{patientId}/results/{reportId}'),
  release: mswPath('/api/v1/patients/{patientId}/results/{reportId}/release'),
  observation: mswPath(
    '/api/v1/patients/{patientId}/results/{reportId}/observations/{observationId}',
  ),
  observationHistory: mswPath(
    '/api/v1/patients/{patientId}/results/{reportId}/observations/{observationId}/history',
  ),
  vitals: mswPath('/api/v1/patients/{patientId}/vitals'),
  reviewQueue: mswPath('/api/v1/results/review-queue'),
  releasePolicy: mswPath('/api/v1/results/release-policy'),
  imports: mswPath('/api/v1/results/imports'),
} as const;

// --- code lists (a few entries of each list the API ships) -------------------------------

const ICD10: MockCode[] = [
  { code: 'I10', display: 'Essential (primary) hypertension' },
  { code: 'E11.9', display: 'Type 2 diabetes mellitus without complications' },
  { code: 'E78.5', display: 'Hyperlipidemia, unspecified' },
  { code: 'J45.909', display: 'Unspecified asthma, uncomplicated' },
  { code: 'E66.9', display: 'Obesity, unspecified' },
];

const CVX: MockCode[] = [
  { code: '08', display: 'Hepatitis B vaccine, pediatric or adolescent' },
  { code: '20', display: 'DTaP vaccine' },
  { code: '140', display: 'Influenza, seasonal, injectable, preservative free' },
  { code: '208', display: 'COVID-19, mRNA, LNP-S, PF, 30 mcg/0.3 mL dose' },
];

const LOINC: MockCode[] = [
  {
    code: '4548-4',
    display: 'Hemoglobin A1c',
    unit: '%',
    units: ['%', 'mmol/mol'],
    referenceLow: 4,
    referenceHigh: 5.6,
  },
  {
    code: '2093-3',
    display: 'Cholesterol, total',
    unit: 'mg/dL',
    units: ['mg/dL', 'mmol/L'],
    referenceHigh: 200,
  },
  {
    code: '2345-7',
    display: 'Glucose',
    unit: 'mg/dL',
    units: ['mg/dL', 'mmol/L'],
    referenceLow: 70,
    referenceHigh: 99,
  },
  { code: '8480-6', display: 'Systolic blood pressure', unit: 'mm[Hg]', units: ['mm[Hg]'] },
  { code: '8462-4', display: 'Diastolic blood pressure', unit: 'mm[Hg]', units: ['mm[Hg]'] },
  { code: '8867-4', display: 'Heart rate', unit: '/min', units: ['/min'] },
  { code: '29463-7', display: 'Body weight', unit: 'kg', units: ['kg', '[lb_av]'] },
  { code: '8302-2', display: 'Body height', unit: 'cm', units: ['cm', '[in_i]'] },
  { code: '8310-5', display: 'Body temperature', unit: 'Cel', units: ['Cel', '[degF]'] },
];

const RXNORM: MockCode[] = [
  { code: '314076', display: 'lisinopril 10 MG Oral Tablet' },
  { code: '861007', display: 'metformin hydrochloride 500 MG Oral Tablet' },
  { code: '310798', display: 'hydrochlorothiazide 25 MG Oral Tablet' },
];

const CODE_SYSTEMS: Record<string, { version: string; codes: MockCode[] }> = {
  icd10cm: { version: '2026', codes: ICD10 },
  cvx: { version: '2026-01', codes: CVX },
  loinc: { version: '2.80', codes: LOINC },
  rxnorm: { version: '2025-06', codes: RXNORM },
};

function loinc(code: string): MockCode | undefined {
  return LOINC.find((entry) => entry.code === code);
}

// --- factories -------------------------------------------------------------------------

const NOW = '2026-03-02T15:00:00.000Z';
const RECORDER = { id: nextId(), displayName: 'Dr. Priya Patel' };

function common(patientId: string) {
  return {
    id: nextId(),
    patientId,
    version: 1,
    corrected: false,
    recordedAt: NOW,
    updatedAt: NOW,
    recordedBy: RECORDER,
  };
}

export function staffConditionFactory(
  overrides: Partial<MockStaffCondition> = {},
): MockStaffCondition {
  return {
    ...common(overrides.patientId ?? nextId()),
    code: 'I10',
    display: 'Essential (primary) hypertension',
    plainName: plainNameOf('icd10cm', overrides.code ?? 'I10'),
    codeSystem: 'ICD-10-CM',
    clinicalStatus: 'active',
    onsetDate: '2024-05-01',
    abatementDate: null,
    note: null,
    ...overrides,
  } as MockStaffCondition;
}

export function staffAllergyFactory(overrides: Partial<MockStaffAllergy> = {}): MockStaffAllergy {
  return {
    ...common(overrides.patientId ?? nextId()),
    substance: 'Penicillin',
    category: 'medication',
    reaction: 'Hives',
    severity: 'moderate',
    clinicalStatus: 'active',
    onsetDate: null,
    note: null,
    ...overrides,
  } as MockStaffAllergy;
}

export function staffImmunizationFactory(
  overrides: Partial<MockStaffImmunization> = {},
): MockStaffImmunization {
  return {
    ...common(overrides.patientId ?? nextId()),
    cvxCode: '140',
    display: 'Influenza, seasonal, injectable, preservative free',
    plainName: plainNameOf('cvx', overrides.cvxCode ?? '140'),
    occurredOn: '2025-10-15',
    doseNumber: null,
    doseQuantity: null,
    site: null,
    lotNumber: null,
    status: 'completed',
    note: null,
    ...overrides,
  } as MockStaffImmunization;
}

export function staffObservationFactory(
  overrides: Partial<MockStaffObservation> = {},
): MockStaffObservation {
  return {
    id: nextId(),
    reportId: null,
    category: 'laboratory',
    code: '4548-4',
    display: 'Hemoglobin A1c',
    plainName: plainNameOf('loinc', overrides.code ?? '4548-4'),
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
    effectiveAt: '2026-03-01T14:00:00.000Z',
    version: 1,
    ...overrides,
  } as MockStaffObservation;
}

/** A released final lab report with one normal HbA1c, unless the test says otherwise. */
export function staffReportFactory(overrides: Partial<MockStaffReport> = {}): MockStaffReport {
  const id = overrides.id ?? nextId();
  const effectiveAt = overrides.effectiveAt ?? '2026-03-01T14:00:00.000Z';
  const observations = (overrides.observations ?? [staffObservationFactory({ effectiveAt })]).map(
    (o) => ({ ...o, reportId: id }),
  );
  const releaseState = overrides.releaseState ?? 'released';
  return {
    id,
    patientId: nextId(),
    category: 'laboratory',
    code: '4548-4',
    title: 'Hemoglobin A1c',
    status: 'final',
    effectiveAt,
    issuedAt: '2026-03-01T16:00:00.000Z',
    abnormal: observations.some((o) => o.abnormal),
    isNew: false,
    releasedAt: releaseState === 'released' ? '2026-03-01T16:00:00.000Z' : null,
    orderingProvider: RECORDER,
    observationCount: observations.length,
    hasAttachment: false,
    corrected: false,
    narrative: null,
    attachmentName: null,
    version: 1,
    ...overrides,
    releaseState,
    observations,
  } as MockStaffReport;
}

// --- problems --------------------------------------------------------------------------

export const recordsStaffProblems = {
  forbidden: (): Problem =>
    problemFactory({
      status: 403,
      code: 'forbidden',
      title: 'Not allowed',
      detail: 'Your role does not allow this.',
    }),
  notFound: (detail = 'No record was found with this id.'): Problem =>
    problemFactory({ status: 404, code: 'not_found', title: 'Not found', detail }),
  recordChanged: (): Problem =>
    problemFactory({
      status: 409,
      code: 'record_changed',
      title: 'Changed by someone else',
      detail: 'Someone else changed this record. Reload it and make your change again.',
    }),
  alreadyReleased: (): Problem =>
    problemFactory({
      status: 409,
      code: 'already_released',
      title: 'Already released',
      detail: 'This result was already released to the patient.',
    }),
  importRejected: (errors: { field: string; message: string }[]): Problem =>
    problemFactory({
      status: 400,
      code: 'import_rejected',
      title: 'The file was not imported',
      detail: 'Nothing was imported. Fix the rows listed and upload the file again.',
      errors,
    }),
};

// --- backend ---------------------------------------------------------------------------

export type RecordsStaffOperation =
  | 'searchCodes'
  | 'listRecords'
  | 'getRecord'
  | 'createRecord'
  | 'updateRecord'
  | 'getRecordHistory'
  | 'listResults'
  | 'getResult'
  | 'createResult'
  | 'createVitalSigns'
  | 'listVitals'
  | 'updateObservation'
  | 'getObservationHistory'
  | 'releaseResult'
  | 'listResultsForReview'
  | 'getResultReleasePolicy'
  | 'updateResultReleasePolicy'
  | 'importResults';

const READ = ['provider', 'nurse', 'admin'];
const WRITE = ['provider', 'nurse'];

const ALLOWED_ROLES: Record<RecordsStaffOperation, readonly string[]> = {
  searchCodes: READ,
  listRecords: READ,
  getRecord: READ,
  createRecord: WRITE,
  updateRecord: WRITE,
  getRecordHistory: READ,
  listResults: READ,
  getResult: READ,
  createResult: WRITE,
  createVitalSigns: WRITE,
  listVitals: READ,
  updateObservation: WRITE,
  getObservationHistory: READ,
  releaseResult: ['provider'],
  listResultsForReview: ['provider'],
  getResultReleasePolicy: READ,
  updateResultReleasePolicy: ['admin'],
  importResults: WRITE,
};

export type RecordsStaffCall = StaffCall<RecordsStaffOperation>;

export interface RecordsStaffBackendOptions {
  conditions?: MockStaffCondition[];
  allergies?: MockStaffAllergy[];
  immunizations?: MockStaffImmunization[];
  visitSummaries?: MockStaffVisitSummary[];
  carePlans?: MockStaffCarePlan[];
  medications?: MockStaffMedication[];
  reports?: MockStaffReport[];
  vitals?: MockStaffObservation[];
  /** Patients the reports belong to (names and MRNs in the review queue, MRNs in imports). */
  patients?: MockPatient[];
  /** Release mode by category; laboratory, imaging and other are immediate by default. */
  policy?: Partial<Record<'laboratory' | 'imaging' | 'other', 'immediate' | 'review'>>;
  /** When given, calls these roles do not allow answer 403 as the API does. */
  roles?: readonly string[];
  /** Who the signed-in staff member is, for "recorded by" and history. */
  staff?: { id: string; displayName: string };
  /** The backend's clock (ms); defaults to the real one. */
  now?: number;
}

export interface RecordsStaffBackendState {
  records: Record<RecordKind, AnyRecord[]>;
  revisions: Map<string, MockRevision[]>;
  reports: MockStaffReport[];
  vitals: MockStaffObservation[];
  policy: MockReleasePolicy[];
  patients: MockPatient[];
  calls: RecordsStaffCall[];
}

export interface RecordsStaffBackend {
  handlers: HttpHandler[];
  state: RecordsStaffBackendState;
  callsTo: (operation: RecordsStaffOperation) => RecordsStaffCall[];
}

const KINDS: readonly RecordKind[] = [
  'conditions',
  'allergies',
  'immunizations',
  'visit-summaries',
  'care-plans',
  'medications',
];

function json(body: object, status = 200): Response {
  return HttpResponse.json(body as Record<string, unknown>, { status });
}

function paginate<T>(items: T[], url: URL, idOf: (item: T) => string) {
  const raw = Number(url.searchParams.get('limit') ?? 20);
  const limit = Number.isInteger(raw) && raw >= 1 && raw <= 100 ? raw : 20;
  const cursor = url.searchParams.get('cursor');
  const start = cursor ? items.findIndex((item) => idOf(item) === cursor) + 1 : 0;
  const page = items.slice(start, start + limit);
  const last = page[page.length - 1];
  return { items: page, nextCursor: start + limit < items.length && last ? idOf(last) : null };
}

/** The flag a value earns against its range, as the API computes it when none is given. */
function interpret(
  value: number | null | undefined,
  low: number | null | undefined,
  high: number | null | undefined,
): MockStaffObservation['interpretation'] {
  if (value == null || (low == null && high == null)) return null;
  if (low != null && value < low) return 'L';
  if (high != null && value > high) return 'H';
  return 'N';
}

/** What the API fills in when a create leaves optional fields out. */
const CREATE_DEFAULTS: Record<RecordKind, Record<string, unknown>> = {
  conditions: { clinicalStatus: 'active', onsetDate: null, abatementDate: null, note: null },
  allergies: {
    clinicalStatus: 'active',
    reaction: null,
    severity: null,
    onsetDate: null,
    note: null,
  },
  immunizations: {
    status: 'completed',
    doseNumber: null,
    doseQuantity: null,
    site: null,
    lotNumber: null,
    note: null,
  },
  'visit-summaries': {
    status: 'final',
    provider: null,
    location: null,
    appointmentId: null,
    diagnoses: [],
    followUp: null,
  },
  'care-plans': {
    status: 'active',
    description: null,
    periodEnd: null,
    conditions: [],
    goals: [],
    activities: [],
  },
  medications: {
    status: 'active',
    dose: null,
    route: null,
    frequency: null,
    instructions: null,
    prescriber: null,
    endDate: null,
    refillsRemaining: null,
    lastFilledOn: null,
    pharmacy: null,
  },
};

const CSV_HEADER =
  'mrn,report_code,report_title,effective_at,loinc_code,value,unit,reference_low,reference_high,interpretation,status';

export function createRecordsStaffBackend(
  options: RecordsStaffBackendOptions = {},
): RecordsStaffBackend {
  const now = () => options.now ?? Date.now();
  const staff = options.staff ?? { id: nextId(), displayName: 'Sam Okafor' };
  const policyOf = options.policy ?? {};
  const state: RecordsStaffBackendState = {
    records: {
      conditions: [...(options.conditions ?? [])],
      allergies: [...(options.allergies ?? [])],
      immunizations: [...(options.immunizations ?? [])],
      'visit-summaries': [...(options.visitSummaries ?? [])],
      'care-plans': [...(options.carePlans ?? [])],
      medications: [...(options.medications ?? [])],
    },
    revisions: new Map(),
    reports: [...(options.reports ?? [])],
    vitals: [...(options.vitals ?? [])],
    policy: (['laboratory', 'imaging', 'other'] as const).map((category) => ({
      category,
      mode: policyOf[category] ?? 'immediate',
      updatedAt: NOW,
    })) as MockReleasePolicy[],
    patients: [...(options.patients ?? [])],
    calls: [],
  };

  const enter = staffCallGate({
    calls: state.calls,
    allowedRoles: ALLOWED_ROLES,
    roles: options.roles,
    forbidden: recordsStaffProblems.forbidden,
  });

  const iso = () => new Date(now()).toISOString();
  const kindOf = (value: unknown): RecordKind | undefined => KINDS.find((kind) => kind === value);
  const report = (patientId: string, id: string) =>
    state.reports.find((r) => r.id === id && r.patientId === patientId);
  const summary = (r: MockStaffReport) => {
    const { narrative: _n, attachmentName: _a, observations: _o, ...rest } = r;
    return rest;
  };
  const remember = (id: string, snapshot: object, version: number, reason: unknown) => {
    const list = state.revisions.get(id) ?? [];
    list.unshift({
      version,
      changedAt: iso(),
      changedBy: staff,
      reason: typeof reason === 'string' ? reason : null,
      snapshot: snapshot as MockRevision['snapshot'],
    } as MockRevision);
    state.revisions.set(id, list);
  };

  /** Fills the fields the API derives from codes; answers field errors for unknown ones. */
  const resolveCodes = (kind: RecordKind, input: Record<string, unknown>) => {
    if (kind === 'conditions' && 'code' in input) {
      const found = ICD10.find((c) => c.code === input['code']);
      if (!found) {
        return problems.validation([
          { field: 'code', message: 'Choose a diagnosis code from the list, like I10.' },
        ]);
      }
      input['display'] = found.display;
      input['plainName'] = plainNameOf('icd10cm', found.code);
    }
    if (kind === 'immunizations' && 'cvxCode' in input) {
      const found = CVX.find((c) => c.code === input['cvxCode']);
      if (!found) {
        return problems.validation([
          { field: 'cvxCode', message: 'Choose a vaccine from the list, like 140.' },
        ]);
      }
      input['display'] = found.display;
      input['plainName'] = plainNameOf('cvx', found.code);
    }
    if (kind === 'medications' && 'rxnormCode' in input) {
      const found = RXNORM.find((c) => c.code === input['rxnormCode']);
      if (!found) {
        return problems.validation([
          { field: 'rxnormCode', message: 'Choose a medication from the list, like 314076.' },
        ]);
      }
      input['display'] = found.display;
      input['plainName'] = null;
    }
    if (kind === 'visit-summaries' && Array.isArray(input['diagnoses'])) {
      input['diagnoses'] = (input['diagnoses'] as { code: string }[]).map((d) => ({
        code: d.code,
        display: ICD10.find((c) => c.code === d.code)?.display ?? d.code,
      }));
    }
    if (kind === 'care-plans') {
      for (const key of ['goals', 'activities'] as const) {
        if (Array.isArray(input[key])) {
          input[key] = (input[key] as object[]).map((item) => ({ id: nextId(), ...item }));
        }
      }
    }
    return undefined;
  };

  const recordHandlers: HttpHandler[] = [
    http.get(recordsStaffPaths.recordHistory, async ({ request, params }) => {
      const kind = kindOf(params['kind']);
      if (!kind) return undefined;
      const { refused } = await enter('getRecordHistory', request, params);
      if (refused) return refused;
      const id = params['recordId'] as string;
      if (!state.records[kind].some((r) => r.id === id))
        return problemResponse(recordsStaffProblems.notFound());
      return json({ items: state.revisions.get(id) ?? [] });
    }),
    http.get(recordsStaffPaths.records, async ({ request, params }) => {
      const kind = kindOf(params['kind']);
      if (!kind) return undefined;
      const { refused } = await enter('listRecords', request, params);
      if (refused) return refused;
      const url = new URL(request.url);
      const status = url.searchParams.get('status');
      const items = state.records[kind]
        .filter((r) => r.patientId === params['patientId'])
        .filter(
          (r) =>
            !status ||
            ('clinicalStatus' in r ? r.clinicalStatus : (r as { status: string }).status) ===
              status,
        )
        .sort((a, b) => b.recordedAt.localeCompare(a.recordedAt));
      return json(paginate(items, url, (r) => r.id));
    }),
    http.get(recordsStaffPaths.record, async ({ request, params }) => {
      const kind = kindOf(params['kind']);
      if (!kind) return undefined;
      const { refused } = await enter('getRecord', request, params);
      if (refused) return refused;
      const found = state.records[kind].find(
        (r) => r.id === params['recordId'] && r.patientId === params['patientId'],
      );
      return found ? json(found) : problemResponse(recordsStaffProblems.notFound());
    }),
    http.post(recordsStaffPaths.records, async ({ request, params }) => {
      const kind = kindOf(params['kind']);
      if (!kind) return undefined;
      const { refused, body } = await enter('createRecord', request, params);
      if (refused) return refused;
      const input = { ...(body as Record<string, unknown>) };
      const refusal = resolveCodes(kind, input);
      if (refusal) return problemResponse(refusal);
      const record = {
        ...CREATE_DEFAULTS[kind],
        ...input,
        ...common(params['patientId'] as string),
        recordedAt: iso(),
        updatedAt: iso(),
        recordedBy: staff,
        ...(kind === 'conditions' ? { codeSystem: 'ICD-10-CM' } : {}),
      } as unknown as AnyRecord;
      state.records[kind].push(record);
      return json(record, 201);
    }),
    http.patch(recordsStaffPaths.record, async ({ request, params }) => {
      const kind = kindOf(params['kind']);
      if (!kind) return undefined;
      const { refused, body } = await enter('updateRecord', request, params);
      if (refused) return refused;
      const list = state.records[kind];
      const index = list.findIndex(
        (r) => r.id === params['recordId'] && r.patientId === params['patientId'],
      );
      const found = list[index];
      if (!found) return problemResponse(recordsStaffProblems.notFound());
      const { version, reason, ...changes } = body as Record<string, unknown>;
      if (version !== found.version) return problemResponse(recordsStaffProblems.recordChanged());
      const refusal = resolveCodes(kind, changes);
      if (refusal) return problemResponse(refusal);
      remember(found.id, found, found.version, reason);
      const next = {
        ...found,
        ...changes,
        version: found.version + 1,
        corrected: true,
        updatedAt: iso(),
      } as AnyRecord;
      list[index] = next;
      return json(next);
    }),
  ];

  const createObservations = (
    input: CreateResultBody['observations'],
    category: MockStaffObservation['category'],
    effectiveAt: string,
    reportId: string | null,
    prefix: string,
  ): { observations?: MockStaffObservation[]; refusal?: Problem } => {
    const errors: { field: string; message: string }[] = [];
    const observations = input.map((o, index) => {
      const entry = loinc(o.code);
      if (!entry) {
        errors.push({
          field: `${prefix}[${index}].code`,
          message: `Unknown LOINC code ${o.code}.`,
        });
      } else if (o.unit && !entry.units?.includes(o.unit)) {
        errors.push({
          field: `${prefix}[${index}].unit`,
          message: `Use one of these units for ${entry.display}: ${(entry.units ?? []).join(', ')}.`,
        });
      }
      const low = o.referenceLow ?? entry?.referenceLow ?? null;
      const high = o.referenceHigh ?? entry?.referenceHigh ?? null;
      const interpretation = o.interpretation ?? interpret(o.valueQuantity, low, high);
      return staffObservationFactory({
        reportId,
        category,
        code: o.code,
        display: entry?.display ?? o.code,
        valueQuantity: o.valueQuantity ?? null,
        valueText: o.valueText ?? null,
        unit: o.unit ?? entry?.unit ?? null,
        referenceLow: low,
        referenceHigh: high,
        referenceText: o.referenceText ?? null,
        interpretation,
        abnormal: interpretation != null && interpretation !== 'N',
        status: o.status ?? 'final',
        effectiveAt,
      });
    });
    return errors.length ? { refusal: problems.validation(errors) } : { observations };
  };

  const resultHandlers: HttpHandler[] = [
    http.get(recordsStaffPaths.codes, async ({ request, params }) => {
      const { refused } = await enter('searchCodes', request, params);
      if (refused) return refused;
      const system = CODE_SYSTEMS[params['system'] as string];
      if (!system)
        return problemResponse(recordsStaffProblems.notFound('No code system has this name.'));
      const url = new URL(request.url);
      const q = (url.searchParams.get('q') ?? '').trim().toLowerCase();
      const limit = Number(url.searchParams.get('limit') ?? 10);
      const items = system.codes
        .filter((c) => c.code.toLowerCase().startsWith(q) || c.display.toLowerCase().includes(q))
        .slice(0, limit);
      return json({ system: params['system'], version: system.version, items });
    }),
    http.get(recordsStaffPaths.reviewQueue, async ({ request, params }) => {
      const { refused } = await enter('listResultsForReview', request, params);
      if (refused) return refused;
      const held = state.reports
        .filter((r) => r.releaseState === 'held')
        .sort((a, b) => a.issuedAt.localeCompare(b.issuedAt))
        .map((r) => {
          const who = state.patients.find((p) => p.id === r.patientId);
          return {
            ...summary(r),
            patient: {
              id: r.patientId,
              displayName: who ? `${who.givenName} ${who.familyName}` : 'Unknown patient',
              mrn: who?.mrn ?? '',
            },
          };
        });
      const page = paginate(held, new URL(request.url), (r) => r.id);
      return json({ ...page, total: held.length, oldestIssuedAt: held[0]?.issuedAt ?? null });
    }),
    http.get(recordsStaffPaths.releasePolicy, async ({ request, params }) => {
      const { refused } = await enter('getResultReleasePolicy', request, params);
      if (refused) return refused;
      return json({ items: state.policy });
    }),
    http.put(recordsStaffPaths.releasePolicy, async ({ request, params }) => {
      const { refused, body } = await enter('updateResultReleasePolicy', request, params);
      if (refused) return refused;
      for (const item of (body as PolicyBody).items) {
        const found = state.policy.find((p) => p.category === item.category);
        if (found && found.mode !== item.mode) {
          found.mode = item.mode;
          found.updatedAt = iso();
        }
      }
      return json({ items: state.policy });
    }),
    http.post(recordsStaffPaths.imports, async ({ request, params }) => {
      const { refused, body } = await enter('importResults', request, params);
      if (refused) return refused;
      const input = body as ImportBody;
      const errors: { field: string; message: string }[] = [];
      const patients = new Set<string>();
      const reports = new Set<string>();
      let observations = 0;
      if (input.format === 'csv') {
        const lines = input.content.split(/\r?\n/);
        if (lines[0]?.trim() !== CSV_HEADER) {
          errors.push({ field: 'line 1', message: `The first line must be: ${CSV_HEADER}` });
        }
        lines.slice(1).forEach((line, index) => {
          if (!line.trim()) return;
          const [mrn = '', reportCode = '', , effectiveAt = '', code = ''] = line.split(',');
          const field = `line ${index + 2}`;
          const who = state.patients.find((p) => p.mrn === mrn);
          if (!who) errors.push({ field, message: `No patient has the MRN ${mrn}.` });
          else if (!loinc(code)) errors.push({ field, message: `Unknown LOINC code ${code}.` });
          else {
            patients.add(who.id);
            reports.add(`${mrn}|${reportCode}|${effectiveAt}`);
            observations += 1;
          }
        });
      } else {
        try {
          const bundle = JSON.parse(input.content) as { entry?: { resource?: object }[] };
          for (const entry of bundle.entry ?? []) {
            const type = (entry.resource as { resourceType?: string } | undefined)?.resourceType;
            if (type === 'Observation') observations += 1;
            if (type === 'DiagnosticReport') reports.add(String(reports.size));
          }
        } catch {
          errors.push({ field: 'content', message: 'The file is not valid JSON.' });
        }
      }
      if (errors.length) return problemResponse(recordsStaffProblems.importRejected(errors));
      return json(
        { importId: nextId(), reports: reports.size, observations, patients: patients.size },
        201,
      );
    }),
    http.get(recordsStaffPaths.vitals, async ({ request, params }) => {
      const { refused } = await enter('listVitals', request, params);
      if (refused) return refused;
      const url = new URL(request.url);
      const items = state.vitals
        .filter((o) => (o as { patientId?: string }).patientId === params['patientId'])
        .sort((a, b) => b.effectiveAt.localeCompare(a.effectiveAt));
      return json(paginate(items, url, (o) => o.id));
    }),
    http.post(recordsStaffPaths.vitals, async ({ request, params }) => {
      const { refused, body } = await enter('createVitalSigns', request, params);
      if (refused) return refused;
      const input = body as CreateVitalsBody;
      const made = createObservations(
        input.observations.map((o) => ({ ...o, status: 'final' as const })),
        'vital-signs',
        input.effectiveAt,
        null,
        'observations',
      );
      if (made.refusal) return problemResponse(made.refusal);
      const items = (made.observations ?? []).map((o) => ({
        ...o,
        patientId: params['patientId'] as string,
      }));
      state.vitals.push(...items);
      return json({ items }, 201);
    }),
    http.get(recordsStaffPaths.results, async ({ request, params }) => {
      const { refused } = await enter('listResults', request, params);
      if (refused) return refused;
      const url = new URL(request.url);
      const category = url.searchParams.get('category');
      const abnormal = url.searchParams.get('abnormal') === 'true';
      const items = state.reports
        .filter((r) => r.patientId === params['patientId'])
        .filter((r) => !category || r.category === category)
        .filter((r) => !abnormal || r.abnormal)
        .sort((a, b) => b.effectiveAt.localeCompare(a.effectiveAt))
        .map(summary);
      return json(paginate(items, url, (r) => r.id));
    }),
    http.post(recordsStaffPaths.results, async ({ request, params }) => {
      const { refused, body } = await enter('createResult', request, params);
      if (refused) return refused;
      const input = body as CreateResultBody;
      const errors: { field: string; message: string }[] = [];
      if (!input.title?.trim()) errors.push({ field: 'title', message: 'Enter a title.' });
      if (!input.observations?.length) {
        errors.push({ field: 'observations', message: 'Add at least one test.' });
      }
      if (errors.length) return problemResponse(problems.validation(errors));
      const id = nextId();
      const made = createObservations(
        input.observations,
        'laboratory',
        input.effectiveAt,
        id,
        'observations',
      );
      if (made.refusal) return problemResponse(made.refusal);
      const held = policyOf[input.category] === 'review';
      const created = staffReportFactory({
        id,
        patientId: params['patientId'] as string,
        category: input.category,
        code: input.code ?? null,
        title: input.title,
        status: input.status,
        effectiveAt: input.effectiveAt,
        issuedAt: iso(),
        releaseState: held ? 'held' : 'released',
        releasedAt: held ? null : iso(),
        narrative: input.narrative ?? null,
        observations: made.observations ?? [],
      });
      state.reports.push(created);
      return json(created, 201);
    }),
    http.get(recordsStaffPaths.result, async ({ request, params }) => {
      const { refused } = await enter('getResult', request, params);
      if (refused) return refused;
      const found = report(params['patientId'] as string, params['reportId'] as string);
      return found ? json(found) : problemResponse(recordsStaffProblems.notFound());
    }),
    http.post(recordsStaffPaths.release, async ({ request, params }) => {
      const { refused, body } = await enter('releaseResult', request, params);
      if (refused) return refused;
      const found = report(params['patientId'] as string, params['reportId'] as string);
      if (!found) return problemResponse(recordsStaffProblems.notFound());
      if (found.releaseState === 'released')
        return problemResponse(recordsStaffProblems.alreadyReleased());
      if ((body as ReleaseBody).version !== found.version) {
        return problemResponse(recordsStaffProblems.recordChanged());
      }
      Object.assign(found, {
        releaseState: 'released',
        releasedAt: iso(),
        version: found.version + 1,
      });
      return json(found);
    }),
    http.get(recordsStaffPaths.observationHistory, async ({ request, params }) => {
      const { refused } = await enter('getObservationHistory', request, params);
      if (refused) return refused;
      return json({ items: state.revisions.get(params['observationId'] as string) ?? [] });
    }),
    http.patch(recordsStaffPaths.observation, async ({ request, params }) => {
      const { refused, body } = await enter('updateObservation', request, params);
      if (refused) return refused;
      const found = report(params['patientId'] as string, params['reportId'] as string);
      const index = found?.observations.findIndex((o) => o.id === params['observationId']) ?? -1;
      const current = found?.observations[index];
      if (!found || !current) return problemResponse(recordsStaffProblems.notFound());
      const { version, reason, ...changes } = body as UpdateObservationBody;
      if (!reason?.trim()) {
        return problemResponse(
          problems.validation([{ field: 'reason', message: 'Say why the value is corrected.' }]),
        );
      }
      if (version !== current.version) return problemResponse(recordsStaffProblems.recordChanged());
      const entry = loinc(current.code);
      if (changes.unit && entry && !entry.units?.includes(changes.unit)) {
        return problemResponse(
          problems.validation([
            {
              field: 'unit',
              message: `Use one of these units for ${entry.display}: ${(entry.units ?? []).join(', ')}.`,
            },
          ]),
        );
      }
      remember(current.id, current, current.version, reason);
      const merged = { ...current, ...changes };
      const interpretation =
        changes.interpretation ??
        interpret(merged.valueQuantity, merged.referenceLow, merged.referenceHigh);
      const next = {
        ...merged,
        interpretation,
        abnormal: interpretation != null && interpretation !== 'N',
        status: changes.status ?? 'corrected',
        corrected: true,
        version: current.version + 1,
      } as MockStaffObservation;
      found.observations[index] = next;
      Object.assign(found, {
        corrected: true,
        status: 'corrected',
        abnormal: found.observations.some((o) => o.abnormal),
      });
      return json(next);
    }),
  ];

  return {
    handlers: [...resultHandlers, ...recordHandlers],
    state,
    callsTo: (operation) => state.calls.filter((call) => call.operation === operation),
  };
}
