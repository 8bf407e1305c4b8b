import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MessagingEvents } from '../src/modules/messaging/message-events.js';
import { signedInPatient } from './support/appointment-flow.js';
import { openEventStream } from './support/event-stream.js';
import { newBrowser, signedInStaff } from './support/invitation-flow.js';
import { setUpMessaging, staffMessage, startConversation } from './support/messaging.js';
import { createPatientAccount, TEST_PASSWORD } from './support/accounts.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// Redis pub/sub in the production shape, LISTEN/NOTIFY in the embedded default's.
const backends: [backend: string, redisUrl: string][] = [
  ['postgres', ''],
  ...(process.env.REDIS_URL ? [['redis', process.env.REDIS_URL] as [string, string]] : []),
];

describe.each(backends)(
  'live message events across two API processes (%s)',
  (backend, redisUrl) => {
    const env = {
      REDIS_URL: redisUrl,
      STAFF_SECOND_FACTOR_REQUIRED: 'false',
      MESSAGE_STREAM_SESSION_CHECK_SECONDS: '1',
    };
    let first: TestApp;
    let second: TestApp;

    beforeAll(async () => {
      first = await startTestApp(env);
      second = await startTestApp(env);
      expect(first.app.get(MessagingEvents).backend).toBe(backend);
      await setUpMessaging(first);
    });
    afterAll(async () => {
      await first?.close();
      await second?.close();
    });

    /** The same browser, talking to the other process (sessions live in PostgreSQL). */
    function onSecond<T extends { cookies: Map<string, string> }>(client: T) {
      const other = newBrowser(second);
      for (const [name, value] of client.cookies) other.cookies.set(name, value);
      return other;
    }

    function onFirst<T extends { cookies: Map<string, string> }>(client: T) {
      const other = newBrowser(first);
      for (const [name, value] of client.cookies) other.cookies.set(name, value);
      return other;
    }

    it('delivers a reply sent through one process to a stream held by the other, ids only', async () => {
      const patient = await signedInPatient(first);
      const nurse = await signedInStaff(first, ['nurse']);
      const conversation = await startConversation(patient);

      const patientStream = await openEventStream(
        onSecond(patient),
        `/api/v1/patients/${patient.patient.id}/message-events`,
      );
      expect(patientStream.response.status).toBe(200);
      expect(patientStream.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(patientStream.response.headers.get('cache-control')).toBe('no-store');
      await patientStream.next((e) => e.event === 'ready');
      const staffStream = await openEventStream(onSecond(nurse), '/api/v1/inbox/events');
      await staffStream.next((e) => e.event === 'ready');

      const note = await nurse.post(
        `/api/v1/conversations/${conversation.id}/messages`,
        staffMessage('note', 'Private note for the team'),
      );
      const reply = await nurse.post(
        `/api/v1/conversations/${conversation.id}/messages`,
        staffMessage('reply', 'Secret body text'),
      );
      const delivered = await patientStream.next((e) => e.event === 'message');
      expect(delivered.data).toEqual({
        conversationId: conversation.id,
        messageId: reply.body!.id,
      });
      // The note went to staff streams only.
      expect(patientStream.seen.filter((e) => e.data.messageId === note.body!.id)).toEqual([]);
      const toStaff = await staffStream.next((e) => e.data.messageId === note.body!.id);
      expect(toStaff).toEqual({
        event: 'message',
        data: { conversationId: conversation.id, messageId: note.body!.id },
      });

      // A patient's new message reaches the staff stream; changes of state too.
      const another = await startConversation(patient);
      await staffStream.next((e) => e.data.conversationId === another.id && e.event === 'message');
      await nurse.post('/api/v1/conversations/close', { conversationIds: [another.id] });
      await patientStream.next(
        (e) => e.event === 'conversation' && e.data.conversationId === another.id,
      );
      patientStream.close();
      staffStream.close();
    });

    it('tells nothing of other patients, and ends when the session does', async () => {
      const { patient: created, username } = await createPatientAccount(first);
      const watcher = newBrowser(second);
      expect((await watcher.login(username, TEST_PASSWORD)).status).toBe(200);
      const stream = await openEventStream(
        watcher,
        `/api/v1/patients/${created.id}/message-events`,
      );
      await stream.next((e) => e.event === 'ready');
      const someoneElse = await signedInPatient(first);
      await startConversation(someoneElse);
      // Another patient's stream on the same process is refused outright.
      const probe = await openEventStream(
        watcher,
        `/api/v1/patients/${someoneElse.patient.id}/message-events`,
      );
      expect(probe.response.status).toBe(404);

      const signOut = await onFirst(watcher).post('/api/v1/auth/logout');
      expect(signOut.status).toBeLessThan(300);
      await stream.next((e) => e.event === 'session-ended');
      await stream.ended();
      expect(stream.seen.filter((e) => e.event === 'message')).toEqual([]);
    });
  },
);
