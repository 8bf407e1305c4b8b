import type { AuditAction } from '../src/modules/audit/audit.service.js';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../src/common/clock.js';
import { newId } from '../src/infra/database/ids.js';
import type { Account, StaffRole } from '../src/modules/accounts/account.entity.js';
import type { AuditOutcome } from '../src/modules/audit/audit-event.entity.js';
import { AuditService } from '../src/modules/audit/audit.service.js';
import { createPatientAccount, createStaffAccount, TEST_PASSWORD } from './support/accounts.js';
import { BrowserClient } from './support/browser-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

interface Item {
  id: string;
  occurredAt: string;
  action: AuditAction;
  outcome: string;
  actor: { accountId: string; displayName: string | null; kind: string; roles: string[] } | null;
  [key: string]: unknown;
}

describe('audit trail reads', () => {
  let testApp: TestApp;
  let audit: AuditService;
  let clock: Clock;
  let db: DataSource;
  let ip = 0;
  const client = () => new BrowserClient(testApp, `10.202.${process.pid % 250}.${++ip % 250}`);

  beforeAll(async () => {
    testApp = await startTestApp({ STAFF_SECOND_FACTOR_REQUIRED: 'false' });
    audit = testApp.app.get(AuditService);
    clock = testApp.app.get(Clock);
    db = testApp.app.get(getDataSourceToken());
  });
  afterAll(async () => {
    await testApp?.close();
  });

  async function signedInStaff(roles: StaffRole[]) {
    const staff = await createStaffAccount(testApp, roles);
    const browser = client();
    expect((await browser.login(staff.username, TEST_PASSWORD)).status).toBe(200);
    return { ...staff, browser };
  }

  async function signedInPatient() {
    const patient = await createPatientAccount(testApp);
    const browser = client();
    expect((await browser.login(patient.username, TEST_PASSWORD)).status).toBe(200);
    return { ...patient, browser };
  }

  /** An event as a module would record it; each one a second after the previous. */
  async function record(
    actor: Account,
    action: AuditAction,
    patientId: string,
    outcome: AuditOutcome = 'success',
  ) {
    clock.advance(1_000);
    await audit.record({
      action,
      outcome,
      actor: { accountId: actor.id, kind: actor.kind, roles: actor.roles },
      patientId,
      resourceType: 'patient',
      resourceId: patientId,
    });
  }

  /** Follows nextCursor to the end; returns every item and the number of pages. */
  async function readAll(browser: BrowserClient, path: string) {
    const items: Item[] = [];
    let url = path;
    let pages = 0;
    for (;;) {
      const response = await browser.get(url);
      expect(response.status).toBe(200);
      pages += 1;
      items.push(...(response.body!.items as Item[]));
      const next = response.body!.nextCursor as string | null;
      if (!next) return { items, pages };
      url = `${path}&cursor=${encodeURIComponent(next)}`;
    }
  }

  describe('GET /api/v1/audit-events', () => {
    it('is for administrators only', async () => {
      for (const roles of [['nurse'], ['front-desk', 'billing'], ['provider']] as StaffRole[][]) {
        const staff = await signedInStaff(roles);
        const response = await staff.browser.get('/api/v1/audit-events');
        expect(response.status).toBe(403);
        expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
      }
      const patient = await signedInPatient();
      expect((await patient.browser.get('/api/v1/audit-events')).status).toBe(403);
      expect(
        (await patient.browser.get(`/api/v1/audit-events?patientId=${patient.patient.id}`)).status,
      ).toBe(403);
      expect((await client().get('/api/v1/audit-events')).status).toBe(401);
    });

    it('filters, and pages newest first by (occurredAt, id) without gaps or repeats', async () => {
      const admin = await signedInStaff(['admin']);
      const { account: nurse } = await createStaffAccount(testApp, ['nurse']);
      const { account: desk } = await createStaffAccount(testApp, ['front-desk']);
      const patientId = newId();
      await record(nurse, 'patient.read', patientId);
      await record(nurse, 'patient.update', patientId);
      await record(desk, 'invitation.create', patientId);
      await record(desk, 'patient.read', patientId, 'denied');
      await record(nurse, 'patient.read', patientId);

      const expected: { id: string }[] = await db.query(
        `SELECT id FROM audit_event WHERE patient_id = $1 ORDER BY occurred_at DESC, id DESC`,
        [patientId],
      );
      const base = `/api/v1/audit-events?patientId=${patientId}`;
      // Each read adds a newer audit.read row for this patient; later pages never see it.
      const all = await readAll(admin.browser, `${base}&limit=2`);
      expect(all.pages).toBe(3);
      expect(all.items.map((item) => item.id)).toEqual(expected.map((row) => row.id));
      expect(all.items.map((item) => item.action)).toEqual([
        'patient.read',
        'patient.read',
        'invitation.create',
        'patient.update',
        'patient.read',
      ]);
      expect(all.items[0]).toEqual({
        id: expect.any(String),
        occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        actor: {
          accountId: nurse.id,
          displayName: nurse.displayName,
          kind: 'staff',
          roles: ['nurse'],
        },
        patientId,
        action: 'patient.read',
        resourceType: 'patient',
        resourceId: patientId,
        outcome: 'success',
        reason: null,
        route: null,
        ip: null,
        userAgent: null,
      });

      const actions = async (query: string) =>
        (await readAll(admin.browser, `${base}&${query}`)).items.map(
          (item) => `${item.action}:${item.outcome}`,
        );
      expect(await actions('action=patient.')).toEqual([
        'patient.read:success',
        'patient.read:denied',
        'patient.update:success',
        'patient.read:success',
      ]);
      expect(await actions('action=patient.read&outcome=denied')).toEqual(['patient.read:denied']);
      expect(await actions('action=patient')).toEqual([]);
      expect(await actions(`actorAccountId=${desk.id}`)).toEqual([
        'patient.read:denied',
        'invitation.create:success',
      ]);
      const [, , third, fourth] = [...all.items].reverse();
      const window = `from=${third!.occurredAt}&to=${fourth!.occurredAt}`;
      expect(await actions(window)).toEqual(['invitation.create:success']);
    });

    it('names the actor of sign-in events, and leaves it empty when nobody was known', async () => {
      const admin = await signedInStaff(['admin']);
      const nurse = await createStaffAccount(testApp, ['nurse']);
      await client().login(nurse.username, 'not the password at all');
      const response = await admin.browser.get(
        `/api/v1/audit-events?actorAccountId=${nurse.account.id}&action=auth.`,
      );
      expect(response.body!.items).toEqual([
        expect.objectContaining({
          action: 'auth.login',
          outcome: 'failure',
          actor: expect.objectContaining({ displayName: nurse.account.displayName }),
          ip: expect.stringMatching(/^10\.202\./),
        }),
      ]);
      const unknown = `nobody-${newId()}`;
      const anonymous = client();
      await anonymous.login(unknown, 'not the password at all');
      const failures = await admin.browser.get(
        '/api/v1/audit-events?action=auth.login&outcome=failure&limit=100',
      );
      expect(
        (failures.body!.items as Item[]).some(
          (item) => item.actor === null && item.action === 'auth.login',
        ),
      ).toBe(true);
    });

    it('records every read of the trail', async () => {
      const admin = await signedInStaff(['admin']);
      const patientId = newId();
      await admin.browser.get(`/api/v1/audit-events?patientId=${patientId}`);
      const rows: { action: AuditAction; actor_account_id: string }[] = await db.query(
        `SELECT action, actor_account_id FROM audit_event WHERE patient_id = $1`,
        [patientId],
      );
      expect(rows).toEqual([{ action: 'audit.read', actor_account_id: admin.account.id }]);
    });

    it('answers bad filters with 400 naming them, never 5xx', async () => {
      const admin = await signedInStaff(['admin']);
      const forged = (text: string) => Buffer.from(text).toString('base64url');
      const cases: [query: string, field: string][] = [
        ['limit=0', 'limit'],
        ['limit=101', 'limit'],
        ['limit=abc', 'limit'],
        ['limit=', 'limit'],
        ['limit=1&limit=2', 'limit'],
        ['patientId=nope', 'patientId'],
        ['patientId=1%27%20OR%201=1--', 'patientId'],
        [`patientId=${newId()}&patientId=${newId()}`, 'patientId'],
        ['actorAccountId=42', 'actorAccountId'],
        ['action=%25', 'action'],
        ['action=auth.login%27;--', 'action'],
        [`action=${'a'.repeat(101)}`, 'action'],
        ['outcome=maybe', 'outcome'],
        ['from=yesterday', 'from'],
        ['from=2026-02-30T00:00:00Z', 'from'],
        ['from=0000-01-01T00:00:00Z', 'from'],
        ['to=2026-W10-1', 'to'],
        ['from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z', 'to'],
        ['cursor=not%20a%20cursor', 'cursor'],
        [`cursor=${forged(`2026-02-30T00:00:00.000000Z|${newId()}`)}`, 'cursor'],
        [`cursor=${forged('2026-03-01T00:00:00.000000Z|nope')}`, 'cursor'],
        [`cursor=${'A'.repeat(300)}`, 'cursor'],
        ['sort=asc', 'sort'],
      ];
      for (const [query, field] of cases) {
        const response = await admin.browser.get(`/api/v1/audit-events?${query}`);
        expect({ query, status: response.status }).toEqual({ query, status: 400 });
        expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
        expect((response.body!.errors as { field: string }[]).map((e) => e.field)).toContain(field);
      }
    });

    it('runs a fixed number of SQL queries per page, whatever its size', async () => {
      const admin = await signedInStaff(['admin']);
      const patientId = newId();
      // Six different staff members, so per-row name look-ups would show as extra queries.
      for (let i = 0; i < 6; i++) {
        const { account } = await createStaffAccount(testApp, ['nurse']);
        await record(account, 'patient.read', patientId);
        await record(account, 'patient.update', patientId);
      }
      // Every statement TypeORM sends passes through its logger's logQuery.
      const countQueries = async (path: string) => {
        const logger = db.logger;
        const original = logger.logQuery;
        const queries: string[] = [];
        logger.logQuery = (query, parameters, runner) => {
          queries.push(query);
          return original.call(logger, query, parameters, runner);
        };
        try {
          const response = await admin.browser.get(path);
          expect(response.status).toBe(200);
          return { items: response.body!.items.length as number, queries };
        } finally {
          logger.logQuery = original;
        }
      };
      const path = `/api/v1/audit-events?patientId=${patientId}&action=patient.`;
      const small = await countQueries(`${path}&limit=2`);
      const large = await countQueries(`${path}&limit=100`);
      expect([small.items, large.items]).toEqual([2, 12]);
      expect(large.queries.length).toBe(small.queries.length);
      // Session check, the page, the names on it, the audit.read row.
      expect(large.queries.length).toBeLessThanOrEqual(4);
      // One look-up of the names for the whole page, not one per row.
      expect(large.queries.filter((q) => /^SELECT .* FROM "account"/s.test(q))).toHaveLength(1);
    });
  });

  describe('GET /api/v1/patients/:patientId/access-log', () => {
    it("shows staff actions on the record in plain words, not the patient's own", async () => {
      const me = await signedInPatient();
      const patientId = me.patient.id;
      const { account: nurse } = await createStaffAccount(testApp, ['nurse']);
      const { account: desk } = await createStaffAccount(testApp, ['front-desk']);
      await record(nurse, 'patient.read', patientId);
      await record(desk, 'invitation.create', patientId);
      await record(nurse, 'patient.update', patientId, 'failure');
      // A row recorded under a name the registry no longer has (an older version's).
      await record(nurse, 'some.future-action' as AuditAction, patientId);
      await record(me.account, 'patient.read', patientId);

      const path = `/api/v1/patients/${patientId}/access-log?limit=10`;
      const response = await me.browser.get(path);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        items: [
          {
            occurredAt: expect.any(String),
            staffName: nurse.displayName,
            staffRoles: ['nurse'],
            action: 'some.future-action',
            description: 'Worked with your record',
          },
          {
            occurredAt: expect.any(String),
            staffName: desk.displayName,
            staffRoles: ['front-desk'],
            action: 'invitation.create',
            description: 'Sent you a portal invitation',
          },
          {
            occurredAt: expect.any(String),
            staffName: nurse.displayName,
            staffRoles: ['nurse'],
            action: 'patient.read',
            description: 'Viewed your demographics',
          },
        ],
        nextCursor: null,
      });

      // An admin may look too; that look is itself listed for the patient.
      const admin = await signedInStaff(['admin']);
      expect((await admin.browser.get(path)).status).toBe(200);
      const after = await me.browser.get(path);
      expect(after.body!.items[0]).toMatchObject({
        staffName: admin.account.displayName,
        staffRoles: ['admin'],
        action: 'audit.access-log.read',
        description: 'Looked at who has accessed your record',
      });
      expect(after.body!.items).toHaveLength(4);

      const reads: { actor_account_id: string }[] = await db.query(
        `SELECT actor_account_id FROM audit_event
          WHERE patient_id = $1 AND action = 'audit.access-log.read' ORDER BY occurred_at, id`,
        [patientId],
      );
      expect(reads.map((r) => r.actor_account_id)).toEqual([
        me.account.id,
        admin.account.id,
        me.account.id,
      ]);
    });

    it('pages newest first', async () => {
      const me = await signedInPatient();
      const { account: nurse } = await createStaffAccount(testApp, ['nurse']);
      for (const action of [
        'patient.read',
        'patient.update',
        'patient.read',
        'invitation.resend',
      ] as const) {
        await record(nurse, action, me.patient.id);
      }
      const all = await readAll(me.browser, `/api/v1/patients/${me.patient.id}/access-log?limit=3`);
      expect(all.pages).toBe(2);
      expect(all.items.map((item) => item.action)).toEqual([
        'invitation.resend',
        'patient.read',
        'patient.update',
        'patient.read',
      ]);
      const bad = await me.browser.get(
        `/api/v1/patients/${me.patient.id}/access-log?cursor=nope&limit=500`,
      );
      expect(bad.status).toBe(400);
      expect((bad.body!.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
        'cursor',
        'limit',
      ]);
    });

    it("answers 404 for another patient's record, and 403 to staff other than admins", async () => {
      const alice = await signedInPatient();
      const bob = await signedInPatient();
      const { account: nurseAccount } = await createStaffAccount(testApp, ['nurse']);
      await record(nurseAccount, 'patient.read', alice.patient.id);
      for (const id of [alice.patient.id, newId(), 'not-a-uuid']) {
        const response = await bob.browser.get(`/api/v1/patients/${id}/access-log`);
        expect(response.status).toBe(404);
        expect(response.body).toMatchObject({ code: 'patient_not_found' });
      }
      const nurse = await signedInStaff(['nurse']);
      expect(
        (await nurse.browser.get(`/api/v1/patients/${alice.patient.id}/access-log`)).status,
      ).toBe(403);
      expect((await client().get(`/api/v1/patients/${alice.patient.id}/access-log`)).status).toBe(
        401,
      );
    });
  });

  describe('writing', () => {
    it('commits rows recorded at the same moment, failing only the caller whose row is bad', async () => {
      const context = { requestId: `grouped-${newId()}`, ip: '10.0.0.1', userAgent: null };
      const entry = { action: 'test.grouped' as AuditAction, outcome: 'success' as const, context };
      // Recorded together they share INSERTs; the bad one (not a UUID) makes its group fail,
      // and the others must still be committed and reported as written.
      const good = Array.from({ length: 40 }, (_, index) =>
        audit.record({ ...entry, resourceId: String(index) }),
      );
      const bad = audit.record({ ...entry, patientId: 'not-a-uuid' });
      const more = audit.recordMany([
        { ...entry, resourceId: 'many-1' },
        { ...entry, resourceId: 'many-2' },
      ]);
      const results = await Promise.allSettled([...good, bad, more]);

      expect(results.map((result) => result.status)).toEqual([
        ...good.map(() => 'fulfilled'),
        'rejected',
        'fulfilled',
      ]);
      const rows: { resource_id: string }[] = await db.query(
        'SELECT resource_id FROM audit_event WHERE request_id = $1',
        [context.requestId],
      );
      expect(rows.map((row) => row.resource_id).sort()).toEqual(
        [...good.map((_, index) => String(index)), 'many-1', 'many-2'].sort(),
      );
    });
  });
});
