import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../src/common/clock.js';
import { QUERY_COUNT_HEADER } from '../src/infra/database/query-count.js';
import { addBusinessDays } from '../src/modules/messaging/messaging.rules.js';
import { signedInPatient } from './support/appointment-flow.js';
import { assignLocation } from './support/care.js';
import { signedInStaff } from './support/invitation-flow.js';
import {
  conversationsOf,
  newMessage,
  setUpMessaging,
  staffMessage,
  startConversation,
} from './support/messaging.js';
import { createLocation } from './support/scheduling-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Staff = Awaited<ReturnType<typeof signedInStaff>>;

describe('secure messaging', () => {
  let testApp: TestApp;
  let db: DataSource;
  let clock: Clock;
  let admin: Staff;
  let pools: Record<'nurses' | 'billing' | 'desk', Body>;
  let nurse: Staff;
  let billing: Staff;
  let desk: Staff;

  beforeAll(async () => {
    testApp = await startTestApp({ STAFF_SECOND_FACTOR_REQUIRED: 'false' });
    db = testApp.app.get(getDataSourceToken());
    clock = testApp.app.get(Clock);
    ({ admin, pools } = await setUpMessaging(testApp));
    nurse = await signedInStaff(testApp, ['nurse']);
    billing = await signedInStaff(testApp, ['billing']);
    desk = await signedInStaff(testApp, ['front-desk']);
  });
  afterAll(async () => {
    await testApp?.close();
  });

  const inbox = (staff: Staff, query: Record<string, string>) =>
    staff.get(`/api/v1/inbox/conversations?${new URLSearchParams(query)}`);
  const messageCount = async (conversationId: string) =>
    Number(
      (
        (await db.query(`SELECT count(*) AS n FROM message WHERE conversation_id = $1`, [
          conversationId,
        ])) as { n: string }[]
      )[0]!.n,
    );

  it('tells the patient who reads each category and how soon, before sending', async () => {
    const patient = await signedInPatient(testApp);
    const answer = await patient.get(`/api/v1/patients/${patient.patient.id}/message-categories`);
    expect(answer.status).toBe(200);
    expect(answer.body!.items).toContainEqual({
      category: 'medical-question',
      label: 'Medical question',
      available: true,
      careTeam: pools.nurses.name,
      answerWithinBusinessDays: 2,
      answerTimeText: 'Usually answers within 2 business days',
    });
    expect(answer.body!.items.map((item: Body) => item.category)).toEqual([
      'medical-question',
      'appointment',
      'prescription',
      'billing',
      'test-result',
      'other',
    ]);
  });

  it('sends a new message once, whatever the retries, and routes it to its pool', async () => {
    const patient = await signedInPatient(testApp);
    const message = newMessage();
    const first = await patient.post(conversationsOf(patient.patient.id), message);
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const retry = await patient.post(conversationsOf(patient.patient.id), message);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body!.id).toBe(first.body!.id);
    expect(await messageCount(first.body!.id)).toBe(1);
    // Several retries at once: still one conversation and one message.
    const again = newMessage();
    const racing = await Promise.all(
      [1, 2, 3].map(() => patient.post(conversationsOf(patient.patient.id), again)),
    );
    expect(new Set(racing.map((r) => r.status))).toEqual(new Set([201]));
    expect(new Set(racing.map((r) => r.body!.id)).size).toBe(1);
    expect(await messageCount(racing[0]!.body!.id)).toBe(1);

    expect(first.body).toMatchObject({
      category: 'medical-question',
      subject: message.subject,
      status: 'open',
      careTeam: pools.nurses.name,
      unread: false,
      about: null,
    });
    expect(first.body!.messages.items).toEqual([
      expect.objectContaining({ kind: 'patient', body: message.body, attachments: [] }),
    ]);
  });

  it('checks what a message concerns belongs to the patient', async () => {
    const owner = await signedInPatient(testApp);
    const other = await signedInPatient(testApp);
    const provider = await signedInStaff(testApp, ['provider']);
    const medication = await provider.post(`/api/v1/patients/${owner.patient.id}/medications`, {
      rxnormCode: '314076',
      startDate: '2024-03-01',
    });
    expect(medication.status).toBe(201);
    const about = { type: 'medication', id: medication.body!.id };
    const refused = await other.post(
      conversationsOf(other.patient.id),
      newMessage({ category: 'prescription', about }),
    );
    expect(refused.status).toBe(400);
    expect(refused.body!.errors).toEqual([{ field: 'about.id', message: expect.any(String) }]);
    const mine = await startConversation(owner, { category: 'prescription', about });
    expect(mine.about).toEqual(about);
  });

  it('refuses bad input with problems naming the field', async () => {
    const patient = await signedInPatient(testApp);
    const answer = await patient.post(conversationsOf(patient.patient.id), {
      clientMessageId: 'not-a-uuid',
      category: 'gossip',
      subject: '',
      body: 'x'.repeat(10_001),
    });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(answer.body!.errors.map((e: Body) => e.field).sort()).toEqual([
      'body',
      'category',
      'clientMessageId',
      'subject',
    ]);
    const longest = await patient.post(
      conversationsOf(patient.patient.id),
      newMessage({ body: 'é'.repeat(10_000) }),
    );
    expect(longest.status).toBe(201);
  });

  it('shows the inbox the answer-time clock, to the pools’ roles only', async () => {
    const patient = await signedInPatient(testApp);
    const before = clock.now();
    const conversation = await startConversation(patient);
    const after = clock.now();
    const found = await inbox(nurse, { view: 'unassigned', poolId: pools.nurses.id });
    expect(found.status).toBe(200);
    const item = found.body!.items.find((row: Body) => row.id === conversation.id);
    expect(item).toMatchObject({
      patient: { id: patient.patient.id, mrn: patient.patient.mrn },
      pool: { id: pools.nurses.id, name: pools.nurses.name },
      assignee: null,
      unread: true,
      overdue: false,
      status: 'open',
    });
    const since = new Date(item.awaitingSince).getTime();
    expect(since).toBeGreaterThanOrEqual(before.getTime() - 1);
    expect(since).toBeLessThanOrEqual(after.getTime() + 1);
    expect(item.replyDueAt).toBe(addBusinessDays(new Date(item.awaitingSince), 2).toISOString());

    // Billing and the front desk read other pools: not listed, and 404 when asked directly.
    for (const other of [billing, desk]) {
      const list = await inbox(other, { view: 'open', poolId: pools.nurses.id });
      expect(list.body!.items).toEqual([]);
      expect((await other.get(`/api/v1/conversations/${conversation.id}`)).status).toBe(404);
    }
    // An administrator reads every pool.
    expect((await admin.get(`/api/v1/conversations/${conversation.id}`)).status).toBe(200);

    // Filters: category and age.
    const byCategory = await inbox(nurse, { poolId: pools.nurses.id, category: 'billing' });
    expect(byCategory.body!.items).toEqual([]);
    const waitedLong = await inbox(nurse, { poolId: pools.nurses.id, waitingAtLeastHours: '1' });
    expect(waitedLong.body!.items.map((r: Body) => r.id)).not.toContain(conversation.id);
    // Three days and an hour later (moved back in the database: the sessions would time out).
    await db.query(
      `UPDATE conversation SET awaiting_since = awaiting_since - interval '73 hours',
              reply_due_at = reply_due_at - interval '73 hours' WHERE id = $1`,
      [conversation.id],
    );
    const overdue = await inbox(nurse, { poolId: pools.nurses.id, overdue: 'true' });
    expect(overdue.body!.items.map((r: Body) => r.id)).toContain(conversation.id);
    const aged = await inbox(nurse, { poolId: pools.nurses.id, waitingAtLeastHours: '1' });
    expect(aged.body!.items.map((r: Body) => r.id)).toContain(conversation.id);
  });

  it('keeps internal notes from the patient, and flags unread replies per reader', async () => {
    const patient = await signedInPatient(testApp);
    const conversation = await startConversation(patient);
    const path = `/api/v1/conversations/${conversation.id}/messages`;
    const note = await nurse.post(path, staffMessage('note', 'Check the last lab panel first.'));
    expect(note.status).toBe(201);
    expect(note.body!.kind).toBe('note');
    const reply = await nurse.post(path, staffMessage('reply', 'Please keep a log for a week.'));
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ kind: 'staff', authorName: expect.any(String) });

    const list = await patient.get(conversationsOf(patient.patient.id));
    expect(list.body!.items[0]).toMatchObject({ id: conversation.id, unread: true });
    const countsPath = `/api/v1/patients/${patient.patient.id}/message-counts`;
    // A note alone is never counted: one conversation with an unopened reply.
    expect((await patient.get(countsPath)).body).toEqual({ unreadConversations: 1 });
    const opened = await patient.get(`${conversationsOf(patient.patient.id)}/${conversation.id}`);
    expect(opened.status).toBe(200);
    expect(opened.body!.messages.items.map((m: Body) => m.kind)).toEqual(['staff', 'patient']);
    expect(JSON.stringify(opened.body)).not.toContain('lab panel');
    const earlier = await patient.get(
      `${conversationsOf(patient.patient.id)}/${conversation.id}/messages?limit=1`,
    );
    expect(earlier.body!.items.map((m: Body) => m.kind)).toEqual(['staff']);
    const next = await patient.get(
      `${conversationsOf(patient.patient.id)}/${conversation.id}/messages?limit=1&cursor=${earlier.body!.nextCursor}`,
    );
    expect(next.body!.items.map((m: Body) => m.kind)).toEqual(['patient']);
    expect(next.body!.nextCursor).toBeNull();
    const reread = await patient.get(conversationsOf(patient.patient.id));
    expect(reread.body!.items[0]).toMatchObject({ id: conversation.id, unread: false });
    expect((await patient.get(countsPath)).body).toEqual({ unreadConversations: 0 });
    // Another patient's counts are not this patient's to read.
    const other = await signedInPatient(testApp);
    expect((await other.get(countsPath)).status).toBe(404);

    // Staff see the note; the answer stopped the clock.
    const staffView = await nurse.get(`/api/v1/conversations/${conversation.id}`);
    expect(staffView.body!.messages.items.map((m: Body) => m.kind)).toEqual([
      'staff',
      'note',
      'patient',
    ]);
    expect(staffView.body).toMatchObject({ awaitingSince: null, replyDueAt: null });
    const waiting = await inbox(nurse, { view: 'waiting', poolId: pools.nurses.id });
    expect(waiting.body!.items.map((r: Body) => r.id)).toContain(conversation.id);
  });

  it('answers 404 for another patient’s conversation, and audits who read it', async () => {
    const owner = await signedInPatient(testApp);
    const other = await signedInPatient(testApp);
    const conversation = await startConversation(owner);
    for (const path of [
      `${conversationsOf(owner.patient.id)}/${conversation.id}`,
      `${conversationsOf(other.patient.id)}/${conversation.id}`,
      `${conversationsOf(other.patient.id)}/not-a-uuid`,
    ]) {
      expect((await other.get(path)).status).toBe(404);
    }
    const reply = await other.post(
      `${conversationsOf(other.patient.id)}/${conversation.id}/messages`,
      { clientMessageId: crypto.randomUUID(), body: 'Hello' },
    );
    expect(reply.status).toBe(404);
    expect(await messageCount(conversation.id)).toBe(1);

    await nurse.get(`/api/v1/conversations/${conversation.id}`);
    const log = await owner.get(`/api/v1/patients/${owner.patient.id}/access-log`);
    expect(log.status).toBe(200);
    expect(JSON.stringify(log.body)).toContain('Read a conversation with you');
    const rows = (await db.query(
      `SELECT action, actor_account_id FROM audit_event WHERE patient_id = $1 ORDER BY seq`,
      [owner.patient.id],
    )) as { action: string; actor_account_id: string }[];
    expect(rows.map((row) => row.action)).toEqual(
      expect.arrayContaining(['message.send', 'conversation.read']),
    );
    expect(rows).toContainEqual({
      action: 'conversation.read',
      actor_account_id: nurse.account.id,
    });
  });

  it('closes, reopens on a reply, assigns and counts, one or many at once', async () => {
    const patient = await signedInPatient(testApp);
    const one = await startConversation(patient);
    const two = await startConversation(patient);
    const closed = await patient.post(`${conversationsOf(patient.patient.id)}/${one.id}/close`);
    expect(closed.status).toBe(204);
    const closedView = await inbox(nurse, { view: 'closed', poolId: pools.nurses.id });
    expect(closedView.body!.items.map((r: Body) => r.id)).toContain(one.id);
    const reopened = await patient.post(
      `${conversationsOf(patient.patient.id)}/${one.id}/messages`,
      { clientMessageId: crypto.randomUUID(), body: 'One more thing.' },
    );
    expect(reopened.status).toBe(201);
    const openAgain = await nurse.get(`/api/v1/conversations/${one.id}`);
    expect(openAgain.body).toMatchObject({ status: 'open', awaitingSince: expect.any(String) });

    const assigned = await nurse.post('/api/v1/conversations/assign', {
      conversationIds: [one.id, two.id, '01900000-0000-7000-8000-000000000001'],
      assigneeAccountId: nurse.account.id,
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body!.changed.sort()).toEqual([one.id, two.id].sort());
    expect(assigned.body!.notFound).toEqual(['01900000-0000-7000-8000-000000000001']);
    const mine = await inbox(nurse, { view: 'mine', poolId: pools.nurses.id });
    expect(mine.body!.items.map((r: Body) => r.id).sort()).toEqual([one.id, two.id].sort());
    const counts = await nurse.get(`/api/v1/inbox/counts?poolId=${pools.nurses.id}`);
    // The nurse opened the first after its reply; the second is still unread.
    expect(counts.body!.views).toContainEqual({ view: 'mine', total: 2, unread: 1 });
    await nurse.get(`/api/v1/conversations/${two.id}`);
    const after = await nurse.get(`/api/v1/inbox/counts?poolId=${pools.nurses.id}`);
    expect(after.body!.views).toContainEqual({ view: 'mine', total: 2, unread: 0 });

    const bulkClose = await nurse.post('/api/v1/conversations/close', {
      conversationIds: [one.id, two.id],
    });
    expect(bulkClose.body!.changed).toHaveLength(2);
    const closedCounts = await nurse.get(`/api/v1/inbox/counts?poolId=${pools.nurses.id}`);
    expect(closedCounts.body!.views).toContainEqual({ view: 'mine', total: 0, unread: 0 });
    const bulkReopen = await nurse.post('/api/v1/conversations/reopen', {
      conversationIds: [one.id],
    });
    expect(bulkReopen.body!.changed).toEqual([one.id]);
    // Billing cannot touch a clinical conversation.
    const refused = await billing.post('/api/v1/conversations/close', {
      conversationIds: [one.id],
    });
    expect(refused.body).toEqual({ changed: [], notFound: [one.id] });
  });

  it('moves a conversation to another pool, and staff start one with a patient', async () => {
    const patient = await signedInPatient(testApp);
    const conversation = await startConversation(patient);
    const moved = await nurse.post(`/api/v1/conversations/${conversation.id}/move`, {
      poolId: pools.billing.id,
    });
    expect(moved.status).toBe(200);
    expect((await billing.get(`/api/v1/conversations/${conversation.id}`)).status).toBe(200);
    expect((await nurse.get(`/api/v1/conversations/${conversation.id}`)).status).toBe(404);

    const started = await billing.post(
      `/api/v1/patients/${patient.patient.id}/care-team-conversations`,
      {
        clientMessageId: crypto.randomUUID(),
        category: 'billing',
        subject: 'Your statement',
        body: 'Your statement is ready to view.',
      },
    );
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({
      pool: { id: pools.billing.id },
      assignee: { id: billing.account.id },
    });
    const list = await patient.get(conversationsOf(patient.patient.id));
    expect(list.body!.items[0]).toMatchObject({ id: started.body!.id, unread: true });
  });

  it('reads location pools only where staff work, and providers their own patients', async () => {
    const location = await createLocation(admin);
    const local = await admin.post('/api/v1/care-pools', {
      name: `Local nurses ${crypto.randomUUID()}`.slice(0, 60),
      department: 'clinical',
      locationId: location.id,
    });
    expect(local.status).toBe(201);
    const patient = await signedInPatient(testApp);
    const conversation = await startConversation(patient);
    await admin.post(`/api/v1/conversations/${conversation.id}/move`, { poolId: local.body!.id });
    expect((await nurse.get(`/api/v1/conversations/${conversation.id}`)).status).toBe(404);
    const localNurse = await signedInStaff(testApp, ['nurse']);
    await assignLocation(db, localNurse.account.id, location.id as string);
    expect((await localNurse.get(`/api/v1/conversations/${conversation.id}`)).status).toBe(200);
  });

  it('fills reply templates for the conversation', async () => {
    const name = `Lab follow-up ${crypto.randomUUID()}`.slice(0, 60);
    // A placeholder the portal does not fill would reach the patient as written.
    const misspelt = await admin.post('/api/v1/reply-templates', {
      name,
      body: 'Hello {{patientFirstName}}, this is {{staffNmae}}.',
    });
    expect(misspelt.status).toBe(400);
    expect(misspelt.body!.errors).toEqual([
      { field: 'body', message: expect.stringContaining('{{staffNmae}}') },
    ]);
    const made = await admin.post('/api/v1/reply-templates', {
      name,
      body: 'Hello {{patientFirstName}}, this is {{staffName}} at {{clinicName}}.',
    });
    expect(made.status).toBe(201);
    const misspeltEdit = await admin.request('PATCH', `/api/v1/reply-templates/${made.body!.id}`, {
      body: '{{ poolname }}',
    });
    expect(misspeltEdit.status).toBe(400);
    const patient = await signedInPatient(testApp);
    const conversation = await startConversation(patient);
    const filled = await nurse.get(`/api/v1/conversations/${conversation.id}/reply-templates`);
    expect(filled.status).toBe(200);
    expect(filled.body!.items).toContainEqual({
      id: made.body!.id,
      name: made.body!.name,
      text: `Hello Test, this is ${nurse.account.displayName} at ${testApp.config.clinicName}.`,
    });
    // Only administrators manage templates and pools.
    expect((await nurse.post('/api/v1/reply-templates', { name: 'x', body: 'y' })).status).toBe(
      403,
    );
    const retired = await admin.request('PATCH', `/api/v1/reply-templates/${made.body!.id}`, {
      active: false,
    });
    expect(retired.body!.active).toBe(false);
  });

  it('costs the same number of SQL statements whatever the sizes', async () => {
    const count = (response: { headers: Headers }) =>
      Number(response.headers.get(QUERY_COUNT_HEADER));
    const small = await signedInPatient(testApp);
    const large = await signedInPatient(testApp);
    const smallOne = await startConversation(small);
    let largeOne: Body = {};
    for (let i = 0; i < 8; i++) largeOne = await startConversation(large);
    for (let i = 0; i < 6; i++) {
      await nurse.post(
        `/api/v1/conversations/${largeOne.id}/messages`,
        staffMessage('reply', `R${i}`),
      );
    }
    const requests = [
      (p: typeof small) => p.get(conversationsOf(p.patient.id)),
      (p: typeof small, id: string) => p.get(`${conversationsOf(p.patient.id)}/${id}`),
      (p: typeof small, id: string) =>
        p.post(`${conversationsOf(p.patient.id)}/${id}/messages`, {
          clientMessageId: crypto.randomUUID(),
          body: 'More',
        }),
    ];
    for (const request of requests) {
      const a = await request(small, smallOne.id);
      const b = await request(large, largeOne.id);
      expect([a.status, count(a)]).toEqual([b.status, count(b)]);
    }
    const inboxSmall = await inbox(nurse, { poolId: pools.nurses.id, limit: '1' });
    const inboxLarge = await inbox(nurse, { poolId: pools.nurses.id, limit: '20' });
    expect(count(inboxSmall)).toBe(count(inboxLarge));
    const staffSmall = await nurse.get(`/api/v1/conversations/${smallOne.id}`);
    const staffLarge = await nurse.get(`/api/v1/conversations/${largeOne.id}`);
    expect(count(staffSmall)).toBe(count(staffLarge));
  });
});
