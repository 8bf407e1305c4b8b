import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../src/common/clock.js';
import { NotifyUnreadMessageJob } from '../src/modules/messaging/notify-unread.job.js';
import { signedInPatient } from './support/appointment-flow.js';
import { readMail, signedInStaff } from './support/invitation-flow.js';
import {
  conversationsOf,
  setUpMessaging,
  staffMessage,
  startConversation,
} from './support/messaging.js';
import { startTestAppWithMail } from './support/smtp-sink.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const PUBLIC_URL = 'https://portal.test';
const REPLY = 'Your potassium is a little low; eat a banana.';

async function unreadEmails(db: DataSource, address: string) {
  return (await db.query(
    `SELECT id FROM mail_delivery WHERE recipient = $1 AND template = 'message-unread'`,
    [address],
  )) as { id: string }[];
}

describe('the “you have a new message” email', () => {
  describe('sent through the queue when the reply is not read', () => {
    let testApp: Awaited<ReturnType<typeof startTestAppWithMail>>;

    beforeAll(async () => {
      // No delay here: the job runs as soon as the reply is in (the rule is tested below).
      testApp = await startTestAppWithMail({
        PUBLIC_URL,
        STAFF_SECOND_FACTOR_REQUIRED: 'false',
        MESSAGE_EMAIL_DELAY_MINUTES: '0',
      });
      await setUpMessaging(testApp);
    });
    afterAll(async () => {
      await testApp?.close();
    });

    it('says only that a message is waiting, with a link', async () => {
      const patient = await signedInPatient(testApp);
      const conversation = await startConversation(patient, { subject: 'My thyroid results' });
      const nurse = await signedInStaff(testApp, ['nurse']);
      const note = await nurse.post(
        `/api/v1/conversations/${conversation.id}/messages`,
        staffMessage('note', 'Internal only'),
      );
      expect(note.status).toBe(201);
      await nurse.post(
        `/api/v1/conversations/${conversation.id}/messages`,
        staffMessage('reply', REPLY),
      );
      const mail = readMail(await testApp.smtp.mailTo(patient.patient.email!));
      expect(mail.subject).toBe(`You have a new message from ${testApp.config.clinicName}`);
      expect(mail.text).toContain(`${PUBLIC_URL}/messages/${conversation.id}`);
      for (const secret of ['potassium', 'thyroid', 'Internal', nurse.account.displayName]) {
        expect(`${mail.subject}\n${mail.text}\n${mail.html}`).not.toContain(secret);
      }
      // One email: the note asked for none.
      const db = testApp.app.get<DataSource>(getDataSourceToken());
      expect(await unreadEmails(db, patient.patient.email!)).toHaveLength(1);
    });
  });

  describe('the job’s rule, on the controlled clock', () => {
    let testApp: TestApp;
    let db: DataSource;
    let clock: Clock;
    let job: NotifyUnreadMessageJob;

    beforeAll(async () => {
      // The queued jobs wait their five minutes; this suite runs the handler itself.
      testApp = await startTestApp({ STAFF_SECOND_FACTOR_REQUIRED: 'false', PUBLIC_URL });
      db = testApp.app.get(getDataSourceToken());
      clock = testApp.app.get(Clock);
      job = testApp.app.get(NotifyUnreadMessageJob);
      await setUpMessaging(testApp);
    });
    afterAll(async () => {
      await testApp?.close();
    });

    const reply = async () => {
      const patient = await signedInPatient(testApp);
      const conversation = await startConversation(patient);
      const nurse = await signedInStaff(testApp, ['nurse']);
      const sent = await nurse.post(
        `/api/v1/conversations/${conversation.id}/messages`,
        staffMessage('reply', REPLY),
      );
      expect(sent.status).toBe(201);
      return { patient, conversation, messageId: sent.body!.id as string };
    };

    it('sends nothing when the patient read the reply in time', async () => {
      const { patient, conversation, messageId } = await reply();
      clock.advance(60_000);
      const opened = await patient.get(`${conversationsOf(patient.patient.id)}/${conversation.id}`);
      expect(opened.status).toBe(200);
      await job.handle({ messageId });
      expect(await unreadEmails(db, patient.patient.email!)).toEqual([]);
    });

    it('emails once when it was not read, however often the job runs', async () => {
      const { patient, messageId } = await reply();
      // Read before the reply came: still unread.
      await patient.get(conversationsOf(patient.patient.id));
      clock.advance(5 * 60_000);
      await job.handle({ messageId });
      await job.handle({ messageId });
      expect(await unreadEmails(db, patient.patient.email!)).toHaveLength(1);
    });
  });
});
