import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Controller, Get, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  PATIENT_PERMISSIONS,
  PERMISSIONS,
  PERMISSION_NAMES,
  ROLE_PERMISSIONS,
  STAFF_ROLES,
  type Permission,
  type StaffRole,
} from '../src/common/permissions.js';
import { Permit } from '../src/common/permit.decorator.js';
import { Public } from '../src/common/public.decorator.js';
import { buildOpenApiDocument } from '../src/create-app.js';
import { StatementsService } from '../src/modules/billing/statements.service.js';
import type { AccessAudit } from '../src/modules/audit/access-audit.service.js';
import type { SessionCookies } from '../src/modules/auth/session-cookies.js';
import { SessionGuard } from '../src/modules/auth/session.guard.js';
import type { ResolvedSession, SessionsService } from '../src/modules/auth/sessions.service.js';
import { signedInPatient } from './support/appointment-flow.js';
import type { BrowserClient } from './support/browser-client.js';
import { createPatient, signedInStaff } from './support/invitation-flow.js';
import { lipidPanel } from './support/results-fixtures.js';
import { RECORD_KINDS } from './support/records-flow.js';
import {
  createLocation,
  createProvider,
  createVisitType,
  insertAppointment,
} from './support/scheduling-fixtures.js';
import { assignLocation } from './support/care.js';
import { PDF_BYTES, setUpMessaging, startConversation, uploadFile } from './support/messaging.js';
import { addMedication, createPharmacy, requestRefill } from './support/refills.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** A response body, read loosely in tests. */
type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface PermitExtension {
  permission: Permission;
  patientScoped: boolean;
}

interface Operation {
  method: string;
  path: string;
  operationId: string;
  permit: PermitExtension | undefined;
  hasBody: boolean;
  security: Record<string, unknown>[] | undefined;
}

/** A caller of the matrix: a staff member with one role, or a patient. */
interface MatrixCaller {
  name: StaffRole | 'patient';
  holds: ReadonlySet<Permission>;
  browser: BrowserClient;
}

/**
 * Ending a session or every session of the account would sign the shared caller out: each
 * of these is called from a fresh sign-in of the same role.
 */
const SIGNS_OUT = new Set(['logout', 'logoutEverywhere']);

/** Not one of our ids: calls that would end a real session answer 404 instead. */
const NO_SUCH_SESSION = '01900000-0000-7000-8000-0000000000ff';

function operationsOf(document: Body): Operation[] {
  return Object.entries(document.paths as Record<string, Record<string, Body>>).flatMap(
    ([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        operationId: operation.operationId as string,
        permit: operation['x-portal-permission'] as PermitExtension | undefined,
        hasBody: operation.requestBody !== undefined,
        security: operation.security as Record<string, unknown>[] | undefined,
      })),
  );
}

/** A request as the SPA sends it; the body is read only when it is JSON (PDFs, calendars). */
async function call(
  testApp: TestApp,
  browser: BrowserClient,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Body | null }> {
  if (method !== 'GET' && !browser.csrf) await browser.get('/api/v1/auth/session');
  const response = await testApp.fetch(path, {
    method,
    headers: {
      cookie: [...browser.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; '),
      ...(method !== 'GET' ? { 'x-csrf-token': browser.csrf ?? '' } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const type = response.headers.get('content-type') ?? '';
  // A live event stream never ends: its status and headers are the answer.
  if (type.startsWith('text/event-stream')) {
    await response.body?.cancel();
    return { status: response.status, body: null };
  }
  const text = await response.text();
  return {
    status: response.status,
    body: type.includes('json') && text ? (JSON.parse(text) as Body) : null,
  };
}

describe('the permission table on every route', () => {
  let testApp: TestApp;
  let db: DataSource;
  let document: Body;
  let operations: Operation[];
  let callers: MatrixCaller[];
  /** The value for each path parameter: ids of fixtures made once for the whole file. */
  let ids: Record<string, string>;

  beforeAll(async () => {
    testApp = await startTestApp({ STAFF_SECOND_FACTOR_REQUIRED: 'false' });
    db = testApp.app.get<DataSource>(getDataSourceToken());
    document = buildOpenApiDocument(testApp.app) as unknown as Body;
    operations = operationsOf(document);

    const patient = await signedInPatient(testApp);
    const staff = {} as Record<StaffRole, Awaited<ReturnType<typeof signedInStaff>>>;
    for (const role of STAFF_ROLES) staff[role] = await signedInStaff(testApp, [role]);
    callers = [
      ...STAFF_ROLES.map((role) => ({
        name: role,
        holds: new Set(ROLE_PERMISSIONS[role]),
        browser: staff[role],
      })),
      { name: 'patient' as const, holds: new Set(PATIENT_PERMISSIONS), browser: patient },
    ];

    // Real rows for every id a path names, so an allowed call reaches its handler with data.
    const admin = staff.admin;
    const location = await createLocation(admin);
    // Every caller works at the patient's location, so the care rule lets the clinical reads
    // through and only the permission table decides (the care rule has its own spec).
    for (const role of STAFF_ROLES) {
      await assignLocation(db, staff[role].account.id, location.id as string);
    }
    const visitType = await createVisitType(admin);
    const provider = await createProvider(admin, [visitType.id as string]);
    const startsAt = new Date(Date.now() + 7 * 86_400_000);
    const appointmentId = await insertAppointment(db, {
      patientId: patient.patient.id,
      providerId: provider.id as string,
      locationId: location.id as string,
      visitTypeId: visitType.id as string,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 30 * 60_000),
    });
    // A whole hour, a month from now (exceptions fall on the clinic's 5-minute grid).
    const offDay = Math.floor(Date.now() / 86_400_000 + 30) * 86_400_000;
    const exception = await admin.post(`/api/v1/providers/${provider.id}/exceptions`, {
      kind: 'time-off',
      startsAt: new Date(offDay).toISOString(),
      endsAt: new Date(offDay + 3_600_000).toISOString(),
    });
    expect([exception.status, exception.body]).toEqual([201, expect.anything()]);
    // Invitations go to a patient without an account (the signed-in one has one).
    const invitee = await createPatient(staff['front-desk']);
    const invitation = await staff['front-desk'].post(`/api/v1/patients/${invitee.id}/invitations`);
    expect(invitation.status).toBe(201);
    const result = await staff.provider.post(
      `/api/v1/patients/${patient.patient.id}/results`,
      lipidPanel(),
    );
    expect(result.status).toBe(201);
    // Staff whose account the staff routes change: never one of the callers.
    const target = await signedInStaff(testApp, ['billing']);
    // An emergency access for the review routes, by a nurse who is not one of the callers.
    const grant = await (
      await signedInStaff(testApp, ['nurse'])
    ).post(`/api/v1/patients/${invitee.id}/emergency-access`, {
      reason: 'Patient arrived unconscious; checking allergies before treatment.',
    });
    expect(grant.status).toBe(201);

    ids = {
      patientId: patient.patient.id,
      appointmentId,
      locationId: location.id as string,
      providerId: provider.id as string,
      visitTypeId: visitType.id as string,
      exceptionId: exception.body!.exception.id as string,
      invitationId: invitation.body!.id as string,
      reportId: result.body!.id as string,
      observationId: result.body!.observations[0].id as string,
      accountId: target.account.id,
      grantId: grant.body!.id as string,
      sessionId: NO_SUCH_SESSION,
      system: 'icd10cm',
    };
    const medication = await staff.provider.post(
      `/api/v1/patients/${patient.patient.id}/medications`,
      { rxnormCode: '314076', startDate: '2024-03-01', dose: '10 mg' },
    );
    expect(medication.status).toBe(201);
    ids.medicationId = medication.body!.id as string;
    // Messaging: pools and routing of this run, a conversation with a file and a template.
    const { pools } = await setUpMessaging(testApp);
    const upload = await uploadFile(patient, patient.patient.id, PDF_BYTES, 'letter.pdf');
    expect(upload.status).toBe(201);
    const conversation = await startConversation(patient, { attachmentIds: [upload.body!.id] });
    const template = await admin.post('/api/v1/reply-templates', {
      name: `Template ${conversation.id}`,
      body: 'Hello {{patientFirstName}}',
    });
    expect(template.status).toBe(201);
    Object.assign(ids, {
      conversationId: conversation.id as string,
      attachmentId: upload.body!.id as string,
      poolId: pools.nurses.id as string,
      templateId: template.body!.id as string,
      category: 'other',
    });
    // Refills: a request of the patient's, at a pharmacy of this run.
    const pharmacy = await createPharmacy(db);
    const refillMedication = await addMedication(db, patient.patient.id);
    const [refill] = await requestRefill(
      patient,
      patient.patient.id,
      [refillMedication],
      pharmacy.id,
    );
    ids.refillRequestId = refill!.id as string;
    // Billing: a charge on the patient's account, for the reversal route.
    const charge = await staff.billing.post(
      `/api/v1/billing/patients/${patient.patient.id}/charges`,
      {
        serviceDate: '2026-03-02',
        procedureCode: 'OV-EST-2',
        description: 'Office visit',
        units: 1,
        amountMinor: 15000,
        currency: 'USD',
      },
    );
    expect(charge.status).toBe(201);
    ids.entryId = charge.body!.id as string;
    // A statement of a month long past (its own each run: runs are once per period).
    const year = 1100 + Math.floor(Math.random() * 900);
    const period = { periodStart: `${year}-05-01`, periodEnd: `${year}-05-31` };
    const old = await staff.billing.post(`/api/v1/billing/patients/${patient.patient.id}/charges`, {
      serviceDate: `${year}-05-02`,
      procedureCode: 'OV-EST-2',
      description: 'Office visit',
      units: 1,
      amountMinor: 100,
      currency: 'USD',
    });
    expect(old.status).toBe(201);
    const statements = testApp.app.get(StatementsService);
    const run = await statements.issue(period, null);
    const [account] = (await db.query(`SELECT id FROM billing_account WHERE patient_id = $1`, [
      patient.patient.id,
    ])) as { id: string }[];
    await statements.issueBatch(run.id, [account!.id]);
    const [statement] = (await db.query(
      `SELECT id FROM statement WHERE account_id = $1 AND period_start = $2`,
      [account!.id, period.periodStart],
    )) as { id: string }[];
    ids.statementId = statement!.id;
    for (const kind of RECORD_KINDS) {
      const made = await staff.provider.post(
        `/api/v1/patients/${patient.patient.id}/${kind.path}`,
        kind.create,
      );
      expect(made.status).toBe(201);
      const param = document.paths[
        `/api/v1/patients/{patientId}/${kind.path}/{${idName(kind.path)}}`
      ]
        ? idName(kind.path)
        : undefined;
      if (param) ids[param] = made.body!.id as string;
    }
  });
  afterAll(async () => {
    await testApp?.close();
  });

  function idName(path: string): string {
    const singular: Record<string, string> = {
      conditions: 'conditionId',
      allergies: 'allergyId',
      immunizations: 'immunizationId',
      'visit-summaries': 'visitSummaryId',
      'care-plans': 'carePlanId',
      medications: 'medicationId',
    };
    return singular[path] ?? `${path}Id`;
  }

  function fill(path: string): string {
    return path.replace(/\{([^}]+)\}/g, (_, name: string) => {
      const id = ids[name];
      if (!id) throw new Error(`no fixture for the path parameter ${name} in ${path}`);
      return id;
    });
  }

  it('names exactly one permission from the table on every operation, or none on a public one', () => {
    // The document carries the same table the server checks (the staff app reads it there).
    expect(document['x-portal-permissions']).toEqual({
      permissions: PERMISSIONS,
      roles: ROLE_PERMISSIONS,
      patient: PATIENT_PERMISSIONS,
    });
    expect(operations.length).toBeGreaterThan(50);
    const wrong: string[] = [];
    for (const operation of operations) {
      const signedIn = operation.security?.some((scheme) => 'session' in scheme) ?? false;
      if (!operation.permit) {
        if (signedIn)
          wrong.push(`${operation.operationId}: needs a session but names no permission`);
        continue;
      }
      if (!signedIn) wrong.push(`${operation.operationId}: names a permission but is public`);
      if (!PERMISSION_NAMES.includes(operation.permit.permission)) {
        wrong.push(`${operation.operationId}: unknown permission ${operation.permit.permission}`);
      }
      if (operation.permit.patientScoped !== operation.path.includes('{patientId}')) {
        wrong.push(`${operation.operationId}: patient scope does not match its path`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('refuses with 403 forbidden exactly the callers the table refuses, on every operation', async () => {
    const mismatches: string[] = [];
    let allowed = 0;
    let refused = 0;
    for (const operation of operations.filter((o) => o.permit)) {
      const permission = operation.permit!.permission;
      for (const caller of callers) {
        const browser = SIGNS_OUT.has(operation.operationId)
          ? caller.name === 'patient'
            ? await signedInPatient(testApp)
            : await signedInStaff(testApp, [caller.name])
          : caller.browser;
        // A body with a field no request takes: an allowed call stops at validation (400)
        // and changes nothing; the permission is decided before the body is read.
        const body = operation.hasBody ? { notAField: true } : undefined;
        const response = await call(testApp, browser, operation.method, fill(operation.path), body);
        const forbidden = response.status === 403 && response.body?.code === 'forbidden';
        const holds = caller.holds.has(permission);
        if (holds) allowed += 1;
        else refused += 1;
        if (holds === forbidden) {
          mismatches.push(
            `${operation.operationId} (${permission}) as ${caller.name}: ${response.status} ` +
              `${response.body?.code ?? ''}, the table ${holds ? 'allows' : 'refuses'} it`,
          );
        }
        // A signed-out or failed call would prove nothing about the permission.
        if (response.status === 401 || response.status >= 500) {
          mismatches.push(`${operation.operationId} as ${caller.name}: ${response.status}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    // Both sides of the table were exercised.
    expect(allowed).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
    // Every operation times every role, over HTTP: a few seconds here, longer on a busy
    // machine; the limit only stops a hung run.
  }, 180_000);
});

describe('a route without @Permit or @Public', () => {
  @Controller('test-only')
  class UnmarkedController {
    @Get('unmarked')
    unmarked() {
      return 'reached';
    }

    @Get('permitted')
    @Permit('account:self')
    permitted() {
      return 'reached';
    }

    @Get('public')
    @Public()
    open() {
      return 'reached';
    }
  }

  function guardFor(kind: 'patient' | 'staff', roles: string[]) {
    const session: ResolvedSession = {
      principal: {
        accountId: '01900000-0000-7000-8000-000000000001',
        kind,
        roles,
        patientId: kind === 'patient' ? '01900000-0000-7000-8000-000000000002' : null,
        sessionIdHash: Buffer.alloc(32),
      },
      stage: 'active',
      username: 'someone',
      displayName: 'Someone',
      lastSeenAt: new Date(),
      absoluteExpiresAt: new Date(Date.now() + 3_600_000),
    };
    const refusals: string[] = [];
    const guard = new SessionGuard(
      new Reflector(),
      { touch: async () => session } as unknown as SessionsService,
      { read: () => 'a-session-token' } as unknown as SessionCookies,
      {
        refused: async (_context: ExecutionContext, outcome: string, reason: string) => {
          refusals.push(`${outcome}:${reason}`);
        },
      } as unknown as AccessAudit,
    );
    return { guard, refusals };
  }

  function contextFor(handler: keyof UnmarkedController): ExecutionContext {
    const request = { params: {}, headers: {}, ip: '127.0.0.1', id: 'req-1' };
    return {
      getHandler: () => UnmarkedController.prototype[handler],
      getClass: () => UnmarkedController,
      switchToHttp: () => ({ getRequest: () => request }),
    } as unknown as ExecutionContext;
  }

  const everyone: [string, 'patient' | 'staff', string[]][] = [
    ['a patient', 'patient', []],
    ...STAFF_ROLES.map((role): [string, 'staff', string[]] => [role, 'staff', [role]]),
    ['a staff member with every role', 'staff', [...STAFF_ROLES]],
  ];

  it.each(everyone)('is refused to %s, and the refusal is audited', async (_name, kind, roles) => {
    const { guard, refusals } = guardFor(kind, roles);
    await expect(guard.canActivate(contextFor('unmarked'))).rejects.toMatchObject({
      status: 403,
      code: 'forbidden',
    });
    expect(refusals).toEqual(['denied:role']);
  });

  it('while the same guard lets a permitted and a public route through', async () => {
    const { guard, refusals } = guardFor('staff', ['billing']);
    await expect(guard.canActivate(contextFor('permitted'))).resolves.toBe(true);
    await expect(guard.canActivate(contextFor('open'))).resolves.toBe(true);
    expect(refusals).toEqual([]);
  });
});
