/**
 * A patient's question answered from the care team's pool, end to end in a real browser, once
 * on a phone (360 px) and once on a desktop (messages-journey.spec.ts covers the patient's
 * pages in more detail, inbox-journey.spec.ts a conversation staff start from the chart):
 *
 * 1. a demo patient writes a new medical question with a photo attached; the conversation
 *    opens with the message and its file;
 * 2. the demo nurse (Main Street nurses) finds it among the unassigned conversations of the
 *    staff inbox, opens it, assigns it to herself, adds an internal note and replies with a
 *    template that greets the patient by name;
 * 3. the patient's conversation page, left open the whole time and never reloaded, shows the
 *    reply as it arrives, and never the note (neither on the page nor through the API).
 *
 * Each run writes a subject of its own, so reruns on the same database never meet. Every
 * screen is checked with axe and for page errors; on the phone, no screen scrolls sideways.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { checkScreen, PageApi, plainSpaces, uniqueTag } from '../support/appointments.js';
import { openPage, type Viewport } from '../support/browser.js';
import {
  ScreenChecker,
  SCREEN_TIMEOUT_MS,
  signInStaff,
  waitForHeading,
  waitForVisible,
} from '../support/journey.js';
import { DEMO_NURSE_POOL, routeToDemoNurses } from '../support/messaging.js';
import { DEMO_PASSWORD, DEMO_PATIENTS, openSignedInPatient } from '../support/records.js';

const NURSE = {
  username: 'nurse.demo',
  password: DEMO_PASSWORD,
  email: 'nurse.demo@portal.localhost',
  displayName: 'Nico Navarro, RN',
};
/** Medical questions go to the demo nurse's pool, answered within 2 business days. */
const POOL = DEMO_NURSE_POOL;
const TEMPLATE = 'Thanks, we are looking into it';
const TEMPLATE_LINE = 'Thank you for your message. I am looking into it and will write again soon.';

/** Sign-ins hash with argon2id; uploads are sniffed and stored on the server. */
const JOURNEY_TIMEOUT_MS = 240_000;

/** A 1×1 PNG: real PNG bytes, as the server judges a file by its bytes, never its name. */
const PHOTO = {
  name: 'rash-on-arm.png',
  mimeType: 'image/png',
  buffer: Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  ),
};

interface ConversationView {
  id: string;
  subject: string;
}

interface MessageView {
  kind: 'patient' | 'staff' | 'note';
  body: string;
}

function mainNav(page: Page) {
  return page.getByRole('navigation', { name: 'Main' });
}

/** The patient writes; ends on the new conversation, whose id is returned. */
async function patientWrites(
  page: Page,
  check: (page: Page, screen: string) => Promise<void>,
  subject: string,
  body: string,
): Promise<string> {
  await mainNav(page).getByRole('link', { name: 'Messages', exact: true }).click();
  await waitForHeading(page, 'Messages', 'messages');
  await waitForVisible(
    page,
    page.getByRole('list', { name: 'Your conversations, newest first' }),
    'the demo conversations',
  );
  await check(page, 'messages');

  await page.getByRole('link', { name: 'New message', exact: true }).first().click();
  await waitForHeading(page, 'New message', 'new message');
  await page.getByRole('radio', { name: 'Medical question', exact: true }).check();
  // Who reads it and when to expect an answer, before anything is sent.
  await waitForVisible(page, page.getByText(`${POOL} will read it.`), 'who reads the message');
  await check(page, 'new message: category chosen');

  await page.getByLabel('Subject', { exact: true }).fill(subject);
  await page.getByLabel('Your message', { exact: true }).fill(body);
  await page.getByLabel('Attach files (optional)', { exact: true }).setInputFiles(PHOTO);
  const attached = page.getByRole('list', { name: 'Files attached' });
  await waitForVisible(page, attached.getByText('Attached'), `${PHOTO.name} uploaded`);
  await check(page, 'new message: filled in');

  await page.getByRole('button', { name: 'Send message', exact: true }).click();
  await waitForHeading(page, subject, 'the new conversation');
  await waitForVisible(
    page,
    page.getByText(`Your message was sent to ${POOL}.`),
    'the sent confirmation',
  );
  const thread = page.getByRole('list', { name: 'Messages in this conversation, oldest first' });
  await waitForVisible(page, thread.getByText(body), 'the message in the conversation');
  await waitForVisible(
    page,
    thread.getByRole('button', { name: `Download ${PHOTO.name}` }),
    'the attached photo in the conversation',
  );
  await check(page, 'conversation: sent');

  const conversationId = /\/messages\/([^/?#]+)$/.exec(new URL(page.url()).pathname)?.[1];
  if (!conversationId) throw new Error(`The conversation opened at ${page.url()}.`);
  return decodeURIComponent(conversationId);
}

/** The nurse finds the conversation, takes it, notes and replies. */
async function nurseAnswers(
  viewport: Viewport,
  subject: string,
  patientName: string,
  note: string,
): Promise<void> {
  const screens = new ScreenChecker();
  const check = (page: Page, screen: string) => checkScreen(page, screens, viewport, screen);
  const page = await openPage(viewport);
  expect((await page.goto('/admin/'))?.status()).toBe(200);
  await waitForHeading(page, 'Sign in', 'staff sign-in');
  await signInStaff(page, screens, NURSE);

  await mainNav(page).getByRole('link', { name: 'Inbox', exact: true }).click();
  await waitForHeading(page, 'Inbox', 'inbox');
  await page
    .getByRole('navigation', { name: 'Inbox views' })
    .getByRole('link', { name: /^Unassigned/ })
    .click();
  const row = page.getByRole('row').filter({ hasText: subject });
  await waitForVisible(page, row, 'the new conversation among the unassigned');
  const rowText = plainSpaces(await row.innerText());
  expect(rowText).toContain(POOL);
  expect(rowText).toContain('Unread');
  await check(page, 'inbox: unassigned');

  await row.getByRole('link', { name: subject, exact: true }).click();
  await waitForHeading(page, subject, 'the conversation in the inbox');
  await waitForVisible(
    page,
    page.getByRole('link', { name: `Download ${PHOTO.name}` }),
    'the patient’s photo',
  );
  await check(page, 'inbox conversation');

  await page.getByRole('button', { name: 'Assign to me', exact: true }).click();
  await waitForVisible(
    page,
    page.getByText('The conversation is assigned to you.'),
    'the assignment confirmation',
  );

  await page.getByRole('radio', { name: 'Internal note', exact: true }).click();
  await page.getByLabel('Internal note (staff only)', { exact: true }).fill(note);
  await page.getByRole('button', { name: 'Add internal note', exact: true }).click();
  await waitForVisible(
    page,
    page.getByText('Internal note added. Patients never see it.'),
    'the note confirmation',
  );
  await check(page, 'inbox conversation: note added');

  await page.getByRole('radio', { name: 'Reply to patient', exact: true }).click();
  await page.getByLabel('Reply template', { exact: true }).selectOption({ label: TEMPLATE });
  await page.getByRole('button', { name: 'Insert template', exact: true }).click();
  const reply = page.getByLabel(`Reply to ${patientName}`, { exact: true });
  await expect(reply.inputValue()).resolves.toContain(TEMPLATE_LINE);
  await page.getByRole('button', { name: 'Send reply', exact: true }).click();
  await waitForVisible(
    page,
    page.getByText(`Reply sent to ${patientName}.`),
    'the reply confirmation',
  );
  await check(page, 'inbox conversation: replied');

  expect(screens.checked).toEqual(
    expect.arrayContaining(['inbox: unassigned', 'inbox conversation']),
  );
  await page.close();
}

beforeAll(async () => {
  await routeToDemoNurses({ 'medical-question': 2 });
}, JOURNEY_TIMEOUT_MS);

describe.each<Viewport>(['phone', 'desktop'])('secure messaging on a %s', (viewport) => {
  it(
    'a patient writes with a photo, a nurse takes it, notes and replies, the reply arrives live',
    async () => {
      const who = DEMO_PATIENTS[viewport];
      const screens = new ScreenChecker();
      const check = (page: Page, screen: string) => checkScreen(page, screens, viewport, screen);
      const tag = uniqueTag();
      const subject = `Rash on my arm ${tag}`;
      const body = `A rash on my arm since Monday (${tag}). It itches at night.`;
      const note = `Internal: checked the allergy list, nothing new (${tag}).`;

      const page = await openSignedInPatient(viewport, who, check);
      const conversationId = await patientWrites(page, check, subject, body);
      // Marks this document: a reload or a navigation would lose it.
      await page.evaluate(() => {
        (window as unknown as { stillOpen?: boolean }).stillOpen = true;
      });

      // Staff see the name the patient goes by.
      await nurseAnswers(viewport, subject, `${who.greeting} ${who.familyName}`, note);

      // The reply arrives on the open page, greeting the patient by the name they go by.
      const thread = page.getByRole('list', {
        name: 'Messages in this conversation, oldest first',
      });
      await waitForVisible(
        page,
        thread.getByText(TEMPLATE_LINE),
        'the nurse’s reply, live',
        SCREEN_TIMEOUT_MS,
      );
      await expect(
        page.evaluate(() => (window as unknown as { stillOpen?: boolean }).stillOpen),
      ).resolves.toBe(true);
      const threadText = plainSpaces(await thread.innerText());
      expect(threadText).toContain(`Hello ${who.greeting},`);
      expect(threadText).toContain(`${NURSE.displayName}, your care team`);
      expect(threadText).not.toContain(note);
      expect(plainSpaces(await page.locator('body').innerText())).not.toContain(note);
      await check(page, 'conversation: reply arrived');

      // Nor does the API hand the note to the patient.
      const api = new PageApi(page);
      const patientId = await api.ownPatientId();
      const messages = await api.all<MessageView>(
        `/api/v1/patients/${patientId}/conversations/${conversationId}/messages`,
      );
      // Newest first: the reply, then the question; the note is not among them.
      expect(messages.map((message) => message.kind)).toEqual(['staff', 'patient']);
      expect(messages.some((message) => message.body.includes(note))).toBe(false);
      const conversation = await api.get<ConversationView>(
        `/api/v1/patients/${patientId}/conversations/${conversationId}`,
      );
      expect(conversation.subject).toBe(subject);

      expect(screens.checked).toEqual(
        expect.arrayContaining([
          'messages',
          'new message: filled in',
          'conversation: sent',
          'conversation: reply arrived',
        ]),
      );
      await page.close();
    },
    JOURNEY_TIMEOUT_MS,
  );
});
