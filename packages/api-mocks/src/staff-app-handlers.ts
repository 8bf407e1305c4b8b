import type {
  JsonRequestBody,
  JsonResponse,
  paths,
  Problem,
  ProblemFieldError,
} from '@portal/api-client';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { nextId, problemFactory, problems } from './factories';
import { problemResponse } from './handlers';
import { staffCallGate, type StaffCall } from './staff-calls';

/*
 * Staff app: patients, invitations, staff accounts and the audit trail.
 * Factories give valid rows typed from the API schema; createStaffAppBackend is a small
 * stateful stand-in for those endpoints that mirrors the API's rules and words.
 */

export type MockPatient = JsonResponse<'getPatient', 200>;
export type MockPatientSummary = JsonResponse<'searchPatients', 200>['items'][number];
export type MockInvitation = JsonResponse<'createInvitation', 201>;
export type MockStaffMember = JsonResponse<'createStaff', 201>;
export type MockAuditEvent = JsonResponse<'listAuditEvents', 200>['items'][number];
export type MockAccessLogEntry = JsonResponse<'getPatientAccessLog', 200>['items'][number];
export type MockStaffRole = MockStaffMember['roles'][number];

type CreatePatientBody = JsonRequestBody<'createPatient'>;
type UpdatePatientBody = JsonRequestBody<'updatePatient'>;
type CreateStaffBody = JsonRequestBody<'createStaff'>;
type UpdateStaffBody = JsonRequestBody<'updateStaff'>;

const DAY = 86_400_000;

function apiPath<P extends keyof paths>(path: P): P {
  return path;
}

/** MSW spells path parameters `:name` where OpenAPI spells them `{name}`. */
function mswPath<P extends keyof paths>(path: P): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

export const staffAppPaths = {
  patients: apiPath('/api/v1/patients'),
  patient: mswPath('/api/v1/patients/{patientId}'),
  patientInvitations: mswPath('/api/v1/patients/{patientId}/invitations'),
  accessLog: mswPath('/api/v1/patients/{patientId}/access-log'),
  invitations: apiPath('/api/v1/invitations'),
  resendInvitation: mswPath('/api/v1/invitations/{invitationId}/resend'),
  revokeInvitation: mswPath('/api/v1/invitations/{invitationId}/revoke'),
  staff: apiPath('/api/v1/staff'),
  staffMember: mswPath('/api/v1/staff/{accountId}'),
  disableStaff: mswPath('/api/v1/staff/{accountId}/disable'),
  enableStaff: mswPath('/api/v1/staff/{accountId}/enable'),
  resetStaffSecondFactor: mswPath('/api/v1/staff/{accountId}/reset-second-factor'),
  auditEvents: apiPath('/api/v1/audit-events'),
} as const;

// --- factories -------------------------------------------------------------------------

let mrnSequence = 100_000;

/** A registered patient with every field filled; override what the test is about. */
export function patientFactory(overrides: Partial<MockPatient> = {}): MockPatient {
  mrnSequence += 1;
  return {
    id: nextId(),
    mrn: `M${mrnSequence.toString().padStart(8, '0')}`,
    givenName: 'Alexandra',
    familyName: 'Rivera',
    preferredName: 'Alex',
    dateOfBirth: '1968-04-12',
    sex: 'female',
    email: 'alex.rivera@example.com',
    mobilePhone: '+15550101001',
    address: {
      line1: '12 Elm Street',
      city: 'Springfield',
      region: 'IL',
      postalCode: '62701',
      country: 'US',
    },
    createdAt: '2026-03-01T15:04:00.000Z',
    updatedAt: '2026-03-01T15:04:00.000Z',
    ...overrides,
  };
}

/** An invitation sent a day ago that is still valid for six more days. */
export function invitationFactory(overrides: Partial<MockInvitation> = {}): MockInvitation {
  const now = Date.now();
  return {
    id: nextId(),
    patientId: nextId(),
    patientName: 'Alexandra Rivera',
    patientMrn: 'M00100001',
    email: 'alex.rivera@example.com',
    status: 'sent',
    locked: false,
    expiresAt: new Date(now + 6 * DAY).toISOString(),
    createdAt: new Date(now - DAY).toISOString(),
    sentAt: new Date(now - DAY).toISOString(),
    acceptedAt: null,
    revokedAt: null,
    sendCount: 1,
    deliveryStatus: 'sent',
    deliveryAttempts: 1,
    ...overrides,
  };
}

/** An invitation for one of the test's patients (name, MRN and email taken from it). */
export function invitationForPatient(
  patient: MockPatient,
  overrides: Partial<MockInvitation> = {},
): MockInvitation {
  return invitationFactory({
    patientId: patient.id,
    patientName: `${patient.givenName} ${patient.familyName}`,
    patientMrn: patient.mrn,
    email: patient.email ?? 'no-email@example.com',
    ...overrides,
  });
}

export function staffMemberFactory(overrides: Partial<MockStaffMember> = {}): MockStaffMember {
  return {
    id: nextId(),
    username: 'nico.navarro',
    displayName: 'Nico Navarro, RN',
    email: 'nico.navarro@clinic.example',
    roles: ['nurse'],
    status: 'active',
    secondFactor: 'none',
    createdAt: '2026-01-15T09:00:00.000Z',
    ...overrides,
  };
}

export function auditEventFactory(overrides: Partial<MockAuditEvent> = {}): MockAuditEvent {
  return {
    id: nextId(),
    occurredAt: '2026-03-02T15:04:05.000Z',
    actor: {
      accountId: nextId(),
      displayName: 'Nico Navarro, RN',
      kind: 'staff',
      roles: ['nurse'],
    },
    patientId: null,
    action: 'auth.login',
    resourceType: 'account',
    resourceId: null,
    outcome: 'success',
    reason: null,
    route: null,
    ip: '203.0.113.7',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0',
    ...overrides,
  };
}

/** Problems these endpoints answer with; codes and words mirror the API. */
export const staffAppProblems = {
  forbidden: (): Problem =>
    problemFactory({
      status: 403,
      code: 'forbidden',
      title: 'You do not have permission to do this',
      detail: 'Your role does not allow this action.',
    }),
  patientNotFound: (): Problem =>
    problemFactory({
      status: 404,
      code: 'patient_not_found',
      title: 'Not found',
      detail: 'No patient was found with this id.',
    }),
  invitationNotFound: (): Problem =>
    problemFactory({
      status: 404,
      code: 'invitation_not_found',
      title: 'Not found',
      detail: 'No invitation was found with this id.',
    }),
  patientEmailMissing: (): Problem =>
    problemFactory({
      status: 422,
      code: 'patient_email_missing',
      title: 'The patient has no email address',
      detail: 'Add the patient’s email address to their record, then send the invitation.',
    }),
  patientHasAccount: (): Problem =>
    problemFactory({
      status: 409,
      code: 'patient_has_account',
      title: 'The patient already has a portal account',
      detail:
        'This patient already has a portal account, so no invitation is needed. A forgotten ' +
        'password can be reset from the sign-in page.',
    }),
  invitationStillValid: (): Problem =>
    problemFactory({
      status: 409,
      code: 'invitation_still_valid',
      title: 'The patient already has a valid invitation',
      detail:
        'This patient has an invitation that has not expired yet. Resend it instead of creating a new one.',
    }),
  invitationAlreadyAccepted: (): Problem =>
    problemFactory({
      status: 409,
      code: 'invitation_already_accepted',
      title: 'The invitation was already used',
      detail: 'The patient has already registered with this invitation.',
    }),
  invitationAlreadyRevoked: (): Problem =>
    problemFactory({
      status: 409,
      code: 'invitation_already_revoked',
      title: 'The invitation was revoked',
      detail:
        'This invitation was revoked and cannot be sent again. Create a new invitation instead.',
    }),
  staffNotFound: (): Problem =>
    problemFactory({
      status: 404,
      code: 'staff_not_found',
      title: 'Not found',
      detail: 'No staff account has this id.',
    }),
  usernameTaken: (): Problem =>
    problemFactory({
      status: 409,
      code: 'username_taken',
      title: 'Username taken',
      detail: 'Another account already uses this username.',
      errors: [{ field: 'username', message: 'This username is taken. Choose another one.' }],
    }),
  cannotDisableSelf: (): Problem =>
    problemFactory({
      status: 422,
      code: 'cannot_disable_self',
      title: 'You cannot disable your own account',
      detail: 'Ask another administrator to disable your account.',
    }),
  cannotRemoveOwnAdminRole: (): Problem =>
    problemFactory({
      status: 422,
      code: 'cannot_remove_own_admin_role',
      title: 'You cannot remove your own admin role',
      detail:
        'Ask another administrator to change your roles, so the clinic always keeps an administrator.',
      errors: [{ field: 'roles', message: 'Keep the admin role on your own account.' }],
    }),
};

// --- backend ---------------------------------------------------------------------------

export type StaffAppOperation =
  | 'searchPatients'
  | 'createPatient'
  | 'getPatient'
  | 'updatePatient'
  | 'getPatientAccessLog'
  | 'createInvitation'
  | 'resendInvitation'
  | 'revokeInvitation'
  | 'listInvitations'
  | 'listStaff'
  | 'createStaff'
  | 'updateStaff'
  | 'disableStaff'
  | 'enableStaff'
  | 'resetStaffSecondFactor'
  | 'listAuditEvents';

/** Who may call what, as the API's role checks say. */
const ALLOWED_ROLES: Record<StaffAppOperation, readonly string[]> = {
  searchPatients: ['front-desk', 'nurse', 'provider', 'admin', 'billing'],
  getPatient: ['front-desk', 'nurse', 'provider', 'admin', 'billing'],
  createPatient: ['front-desk', 'admin'],
  updatePatient: ['front-desk', 'admin'],
  getPatientAccessLog: ['admin'],
  createInvitation: ['front-desk', 'admin'],
  resendInvitation: ['front-desk', 'admin'],
  revokeInvitation: ['front-desk', 'admin'],
  listInvitations: ['front-desk', 'admin'],
  listStaff: ['admin'],
  createStaff: ['admin'],
  updateStaff: ['admin'],
  disableStaff: ['admin'],
  enableStaff: ['admin'],
  resetStaffSecondFactor: ['admin'],
  listAuditEvents: ['admin'],
};

export type StaffAppCall = StaffCall<StaffAppOperation>;

export interface StaffAppBackendOptions {
  patients?: MockPatient[];
  invitations?: MockInvitation[];
  staff?: MockStaffMember[];
  auditEvents?: MockAuditEvent[];
  /** Access log entries by patient id. */
  accessLog?: Record<string, MockAccessLogEntry[]>;
  /**
   * The signed-in staff member's roles. When given, calls their roles do not allow answer 403
   * as the API does; when left out, every call is allowed.
   */
  roles?: readonly string[];
  /** The signed-in staff member's account id: the API refuses to disable it or drop its admin role. */
  selfAccountId?: string;
}

export interface StaffAppBackendState {
  patients: MockPatient[];
  invitations: MockInvitation[];
  staff: MockStaffMember[];
  auditEvents: MockAuditEvent[];
  accessLog: Record<string, MockAccessLogEntry[]>;
  /** Every request the handlers answered, in order. */
  calls: StaffAppCall[];
}

export interface StaffAppBackend {
  handlers: HttpHandler[];
  state: StaffAppBackendState;
  /** The calls made to one operation, in order. */
  callsTo: (operation: StaffAppOperation) => StaffAppCall[];
}

// Plain Response types: one handler answers with a body or a problem, which MSW's generics
// cannot express as a single body type.
function json(body: object, status = 200): Response {
  return HttpResponse.json(body as Record<string, unknown>, { status });
}

function pageLimit(url: URL, fallback: number): number {
  const limit = Number(url.searchParams.get('limit') ?? fallback);
  return Number.isInteger(limit) && limit >= 1 && limit <= 100 ? limit : fallback;
}

/** Cursor pages over an already sorted list; the cursor is the id of the last item shown. */
function paginate<T>(items: T[], url: URL, fallback: number, idOf: (item: T) => string) {
  const limit = pageLimit(url, fallback);
  const cursor = url.searchParams.get('cursor');
  const start = cursor ? items.findIndex((item) => idOf(item) === cursor) + 1 : 0;
  const page = items.slice(start, start + limit);
  const last = page[page.length - 1];
  const nextCursor = start + limit < items.length && last ? idOf(last) : null;
  return { items: page, nextCursor };
}

function summary(patient: MockPatient): MockPatientSummary {
  const { id, mrn, givenName, familyName, preferredName, dateOfBirth, sex } = patient;
  return { id, mrn, givenName, familyName, preferredName, dateOfBirth, sex };
}

/** `expired` is computed from the expiry, as the API does. */
function withComputedStatus(invitation: MockInvitation, now: number): MockInvitation {
  const open = invitation.status === 'pending' || invitation.status === 'sent';
  return open && Date.parse(invitation.expiresAt) <= now
    ? { ...invitation, status: 'expired' }
    : invitation;
}

const TEXT_FIELDS: [keyof CreatePatientBody, string][] = [
  ['givenName', 'the legal given name'],
  ['familyName', 'the legal family name'],
];

const ADDRESS_FIELDS: [string, string][] = [
  ['line1', 'Enter the first address line.'],
  ['city', 'Enter the city.'],
  ['region', 'Enter the state or region.'],
  ['postalCode', 'Enter the postal code.'],
  ['country', 'Enter the country as a two-letter code, like US.'],
];

/** The API's field rules for a patient, in its words (a subset: what forms usually get wrong). */
function patientFieldErrors(body: Partial<CreatePatientBody>, partial: boolean) {
  const errors: ProblemFieldError[] = [];
  for (const [field, label] of TEXT_FIELDS) {
    const value = body[field];
    if ((!partial || value !== undefined) && (typeof value !== 'string' || !value.trim())) {
      errors.push({ field, message: `Enter ${label}.` });
    }
  }
  if (
    (!partial || body.dateOfBirth !== undefined) &&
    !/^\d{4}-\d{2}-\d{2}$/.test(body.dateOfBirth ?? '')
  ) {
    errors.push({
      field: 'dateOfBirth',
      message: 'Enter the date of birth as YYYY-MM-DD, for example 1968-04-12.',
    });
  }
  if (
    (!partial || body.sex !== undefined) &&
    !['female', 'male', 'other', 'unknown'].includes(body.sex ?? '')
  ) {
    errors.push({ field: 'sex', message: 'Choose the sex from: female, male, other, unknown.' });
  }
  if (body.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(body.email)) {
    errors.push({ field: 'email', message: 'Enter a valid email address, like name@example.com.' });
  }
  if (body.mobilePhone && !/^\+[1-9]\d{7,14}$/.test(body.mobilePhone.replace(/[\s().-]/g, ''))) {
    errors.push({
      field: 'mobilePhone',
      message: 'Enter the mobile phone number with + and the country code, like +1 555 010 1001.',
    });
  }
  if (body.address) {
    const address = body.address as Record<string, unknown>;
    for (const [field, message] of ADDRESS_FIELDS) {
      const value = address[field];
      if (typeof value !== 'string' || !value.trim()) {
        errors.push({ field: `address.${field}`, message });
      }
    }
  }
  return errors;
}

function staffFieldErrors(body: Partial<CreateStaffBody>, partial: boolean) {
  const errors: ProblemFieldError[] = [];
  if (
    (!partial || body.username !== undefined) &&
    !/^[A-Za-z0-9._-]{3,64}$/.test(body.username ?? '')
  ) {
    errors.push({
      field: 'username',
      message: 'Use 3 to 64 letters, digits, dots, dashes or underscores.',
    });
  }
  if ((!partial || body.displayName !== undefined) && !body.displayName?.trim()) {
    errors.push({ field: 'displayName', message: 'Enter the name.' });
  }
  if (
    (!partial || body.email !== undefined) &&
    !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(body.email ?? '')
  ) {
    errors.push({ field: 'email', message: 'Enter a valid email address, like name@example.com.' });
  }
  if ((!partial || body.roles !== undefined) && !body.roles?.length) {
    errors.push({ field: 'roles', message: 'Choose at least one role.' });
  }
  return errors;
}

let mrnCreated = 900_000;

/**
 * A stand-in for the staff app's endpoints with state that changes as the API's would:
 * created patients can be found, invitations move through their statuses, staff accounts are
 * disabled and enabled. Fresh state per call, so tests never share it.
 */
export function createStaffAppBackend(options: StaffAppBackendOptions = {}): StaffAppBackend {
  const state: StaffAppBackendState = {
    patients: [...(options.patients ?? [])],
    invitations: [...(options.invitations ?? [])],
    staff: [...(options.staff ?? [])],
    auditEvents: [...(options.auditEvents ?? [])],
    accessLog: { ...(options.accessLog ?? {}) },
    calls: [],
  };

  const enter = staffCallGate({
    calls: state.calls,
    allowedRoles: ALLOWED_ROLES,
    roles: options.roles,
    forbidden: staffAppProblems.forbidden,
  });

  const findPatient = (id: string | undefined) => state.patients.find((p) => p.id === id);
  const findInvitation = (id: string | undefined) => state.invitations.find((i) => i.id === id);
  const findStaff = (id: string | undefined) => state.staff.find((s) => s.id === id);
  const replaceInvitation = (next: MockInvitation) => {
    state.invitations = state.invitations.map((i) => (i.id === next.id ? next : i));
    return withComputedStatus(next, Date.now());
  };
  const replaceStaff = (next: MockStaffMember) => {
    state.staff = state.staff.map((s) => (s.id === next.id ? next : s));
    return next;
  };

  const handlers: HttpHandler[] = [
    // Patients
    http.get(staffAppPaths.patients, async ({ request, params }) => {
      const { refused } = await enter('searchPatients', request, params);
      if (refused) return refused;
      const url = new URL(request.url);
      const query = url.searchParams.get('query')?.trim().toLowerCase() ?? '';
      const dateOfBirth = url.searchParams.get('dateOfBirth');
      const words = query.split(/[\s,]+/).filter(Boolean);
      const matches = state.patients
        .filter((patient) => {
          if (dateOfBirth && patient.dateOfBirth !== dateOfBirth) return false;
          if (!query) return true;
          const family = patient.familyName.toLowerCase();
          const given = patient.givenName.toLowerCase();
          return (
            patient.mrn.toLowerCase() === query ||
            family.startsWith(query) ||
            given.startsWith(query) ||
            (words.length > 1 &&
              words.every((word) => family.startsWith(word) || given.startsWith(word)))
          );
        })
        .sort(
          (a, b) =>
            a.familyName.localeCompare(b.familyName) || a.givenName.localeCompare(b.givenName),
        )
        .map(summary);
      return json(paginate(matches, url, 20, (patient) => patient.id));
    }),
    http.post(staffAppPaths.patients, async ({ request, params }) => {
      const { refused, body } = await enter('createPatient', request, params);
      if (refused) return refused;
      const input = body as CreatePatientBody;
      const errors = patientFieldErrors(input, false);
      if (errors.length) return problemResponse(problems.validation(errors));
      mrnCreated += 1;
      const now = new Date().toISOString();
      const patient: MockPatient = {
        id: nextId(),
        mrn: `M${mrnCreated.toString().padStart(8, '0')}`,
        givenName: input.givenName.trim(),
        familyName: input.familyName.trim(),
        preferredName: input.preferredName ?? null,
        dateOfBirth: input.dateOfBirth,
        sex: input.sex,
        email: input.email ?? null,
        mobilePhone: input.mobilePhone ?? null,
        address: input.address ?? null,
        createdAt: now,
        updatedAt: now,
      };
      state.patients.push(patient);
      return json(patient, 201);
    }),
    http.get(staffAppPaths.patient, async ({ request, params }) => {
      const { refused } = await enter('getPatient', request, params);
      if (refused) return refused;
      const patient = findPatient(params['patientId'] as string);
      return patient ? json(patient) : problemResponse(staffAppProblems.patientNotFound());
    }),
    http.patch(staffAppPaths.patient, async ({ request, params }) => {
      const { refused, body } = await enter('updatePatient', request, params);
      if (refused) return refused;
      const patient = findPatient(params['patientId'] as string);
      if (!patient) return problemResponse(staffAppProblems.patientNotFound());
      const changes = body as UpdatePatientBody;
      const errors = patientFieldErrors(changes as Partial<CreatePatientBody>, true);
      if (errors.length) return problemResponse(problems.validation(errors));
      const updated = {
        ...patient,
        ...changes,
        updatedAt: new Date().toISOString(),
      } as MockPatient;
      state.patients = state.patients.map((p) => (p.id === patient.id ? updated : p));
      return json(updated);
    }),
    http.get(staffAppPaths.accessLog, async ({ request, params }) => {
      const { refused } = await enter('getPatientAccessLog', request, params);
      if (refused) return refused;
      const patientId = params['patientId'] as string;
      if (!findPatient(patientId)) return problemResponse(staffAppProblems.patientNotFound());
      const entries = (state.accessLog[patientId] ?? []).map((entry, index) => ({
        entry,
        key: String(index),
      }));
      const page = paginate(entries, new URL(request.url), 50, (item) => item.key);
      return json({ items: page.items.map((item) => item.entry), nextCursor: page.nextCursor });
    }),

    // Invitations
    http.post(staffAppPaths.patientInvitations, async ({ request, params }) => {
      const { refused } = await enter('createInvitation', request, params);
      if (refused) return refused;
      const patient = findPatient(params['patientId'] as string);
      if (!patient) return problemResponse(staffAppProblems.patientNotFound());
      if (!patient.email) return problemResponse(staffAppProblems.patientEmailMissing());
      const now = Date.now();
      const theirs = state.invitations.map((i) => withComputedStatus(i, now));
      if (theirs.some((i) => i.patientId === patient.id && i.status === 'accepted')) {
        return problemResponse(staffAppProblems.patientHasAccount());
      }
      if (
        theirs.some(
          (i) => i.patientId === patient.id && (i.status === 'pending' || i.status === 'sent'),
        )
      ) {
        return problemResponse(staffAppProblems.invitationStillValid());
      }
      const invitation = invitationForPatient(patient, {
        status: 'sent',
        createdAt: new Date(now).toISOString(),
        sentAt: new Date(now).toISOString(),
        expiresAt: new Date(now + 7 * DAY).toISOString(),
        deliveryStatus: 'queued',
        deliveryAttempts: 0,
      });
      state.invitations.push(invitation);
      return json(invitation, 201);
    }),
    http.post(staffAppPaths.resendInvitation, async ({ request, params }) => {
      const { refused } = await enter('resendInvitation', request, params);
      if (refused) return refused;
      const invitation = findInvitation(params['invitationId'] as string);
      if (!invitation) return problemResponse(staffAppProblems.invitationNotFound());
      if (invitation.status === 'accepted') {
        return problemResponse(staffAppProblems.invitationAlreadyAccepted());
      }
      if (invitation.status === 'revoked')
        return problemResponse(staffAppProblems.invitationAlreadyRevoked());
      const patient = findPatient(invitation.patientId);
      if (patient && !patient.email) return problemResponse(staffAppProblems.patientEmailMissing());
      const now = Date.now();
      return json(
        replaceInvitation({
          ...invitation,
          status: 'sent',
          locked: false,
          email: patient?.email ?? invitation.email,
          sentAt: new Date(now).toISOString(),
          expiresAt: new Date(now + 7 * DAY).toISOString(),
          sendCount: invitation.sendCount + 1,
          deliveryStatus: 'queued',
          deliveryAttempts: 0,
        }),
      );
    }),
    http.post(staffAppPaths.revokeInvitation, async ({ request, params }) => {
      const { refused } = await enter('revokeInvitation', request, params);
      if (refused) return refused;
      const invitation = findInvitation(params['invitationId'] as string);
      if (!invitation) return problemResponse(staffAppProblems.invitationNotFound());
      if (invitation.status === 'accepted') {
        return problemResponse(staffAppProblems.invitationAlreadyAccepted());
      }
      if (invitation.status === 'revoked') return json(invitation);
      return json(
        replaceInvitation({
          ...invitation,
          status: 'revoked',
          revokedAt: new Date().toISOString(),
        }),
      );
    }),
    http.get(staffAppPaths.invitations, async ({ request, params }) => {
      const { refused } = await enter('listInvitations', request, params);
      if (refused) return refused;
      const url = new URL(request.url);
      const status = url.searchParams.get('status');
      const patientId = url.searchParams.get('patientId');
      const now = Date.now();
      const items = state.invitations
        .map((invitation) => withComputedStatus(invitation, now))
        .filter(
          (invitation) =>
            (!status || invitation.status === status) &&
            (!patientId || invitation.patientId === patientId),
        )
        .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
      return json(paginate(items, url, 20, (invitation) => invitation.id));
    }),

    // Staff accounts
    http.get(staffAppPaths.staff, async ({ request, params }) => {
      const { refused } = await enter('listStaff', request, params);
      if (refused) return refused;
      return json({
        items: [...state.staff].sort((a, b) => a.username.localeCompare(b.username)),
      });
    }),
    http.post(staffAppPaths.staff, async ({ request, params }) => {
      const { refused, body } = await enter('createStaff', request, params);
      if (refused) return refused;
      const input = body as CreateStaffBody;
      const errors = staffFieldErrors(input, false);
      if (errors.length) return problemResponse(problems.validation(errors));
      if (state.staff.some((s) => s.username.toLowerCase() === input.username.toLowerCase())) {
        return problemResponse(staffAppProblems.usernameTaken());
      }
      const member = staffMemberFactory({
        username: input.username,
        displayName: input.displayName,
        email: input.email,
        roles: input.roles,
        createdAt: new Date().toISOString(),
      });
      state.staff.push(member);
      return json(member, 201);
    }),
    http.patch(staffAppPaths.staffMember, async ({ request, params }) => {
      const { refused, body } = await enter('updateStaff', request, params);
      if (refused) return refused;
      const member = findStaff(params['accountId'] as string);
      if (!member) return problemResponse(staffAppProblems.staffNotFound());
      const changes = body as UpdateStaffBody;
      const errors = staffFieldErrors(changes, true);
      if (errors.length) return problemResponse(problems.validation(errors));
      if (
        member.id === options.selfAccountId &&
        changes.roles &&
        member.roles.includes('admin') &&
        !changes.roles.includes('admin')
      ) {
        return problemResponse(staffAppProblems.cannotRemoveOwnAdminRole());
      }
      return json(replaceStaff({ ...member, ...changes }));
    }),
    http.post(staffAppPaths.disableStaff, async ({ request, params }) => {
      const { refused } = await enter('disableStaff', request, params);
      if (refused) return refused;
      const member = findStaff(params['accountId'] as string);
      if (!member) return problemResponse(staffAppProblems.staffNotFound());
      if (member.id === options.selfAccountId)
        return problemResponse(staffAppProblems.cannotDisableSelf());
      return json(replaceStaff({ ...member, status: 'disabled' }));
    }),
    http.post(staffAppPaths.enableStaff, async ({ request, params }) => {
      const { refused } = await enter('enableStaff', request, params);
      if (refused) return refused;
      const member = findStaff(params['accountId'] as string);
      if (!member) return problemResponse(staffAppProblems.staffNotFound());
      return json(replaceStaff({ ...member, status: 'active' }));
    }),
    http.post(staffAppPaths.resetStaffSecondFactor, async ({ request, params }) => {
      const { refused } = await enter('resetStaffSecondFactor', request, params);
      if (refused) return refused;
      const member = findStaff(params['accountId'] as string);
      if (!member) return problemResponse(staffAppProblems.staffNotFound());
      return json(replaceStaff({ ...member, secondFactor: 'none' }));
    }),

    // Audit trail
    http.get(staffAppPaths.auditEvents, async ({ request, params }) => {
      const { refused } = await enter('listAuditEvents', request, params);
      if (refused) return refused;
      const url = new URL(request.url);
      const get = (name: string) => url.searchParams.get(name);
      const action = get('action');
      const from = get('from');
      const to = get('to');
      const items = state.auditEvents
        .filter(
          (event) =>
            (!get('patientId') || event.patientId === get('patientId')) &&
            (!get('actorAccountId') || event.actor?.accountId === get('actorAccountId')) &&
            (!get('outcome') || event.outcome === get('outcome')) &&
            (!action ||
              (action.endsWith('.') ? event.action.startsWith(action) : event.action === action)) &&
            (!from || Date.parse(event.occurredAt) >= Date.parse(from)) &&
            (!to || Date.parse(event.occurredAt) < Date.parse(to)),
        )
        .sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt));
      return json(paginate(items, url, 50, (event) => event.id));
    }),
  ];

  return {
    handlers,
    state,
    callsTo: (operation) => state.calls.filter((call) => call.operation === operation),
  };
}
