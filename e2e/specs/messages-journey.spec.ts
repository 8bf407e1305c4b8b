/**
 * Secure messages, end to end: a demo patient writes to the care team (the category says who
 * reads it and how soon, chest pain brings up the emergency numbers, a PDF is attached and a
 * text file is refused by its bytes), lands on the conversation, and sees the nurse's answer
 * arrive over the live event stream without reloading; then closes it. On a phone and on a
 * desktop, every screen checked with axe.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { checkScreen } from '../support/appointments.js';
import { openPage, type Viewport } from '../support/browser.js';
import { ScreenChecker, waitForHeading, waitForVisible } from '../support/journey.js';
import { routeToDemoNurses } from '../support/messaging.js';
import { StaffApiSession } from '../support/records.js';

const DEMO_PASSWORD = 'portal-demo-2026';
const NURSE = {
  username: 'nurse.demo',
  password: DEMO_PASSWORD,
  email: 'nurse.demo@portal.localhost',
};
const PATIENT = { username: 'jordan.demo', greeting: 'Jordan' };
const JOURNEY_TIMEOUT_MS = 180_000;
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

describe('messages', () => {
  let nurse: StaffApiSession;

  beforeAll(async () => {
    await routeToDemoNurses({ prescription: 1 });
    nurse = await StaffApiSession.signIn(NURSE);
  }, JOURNEY_TIMEOUT_MS);
  afterAll(async () => {
    await nurse?.dispose();
  });

  for (const viewport of ['phone', 'desktop'] as const satisfies readonly Viewport[]) {
    it(
      `writes to the care team and reads the answer live, on a ${viewport}`,
      async () => {
        const screens = new ScreenChecker();
        const page = await openPage(viewport);
        await page.goto('/');
        await waitForHeading(page, 'Sign in', 'patient sign-in');
        await page.getByLabel('Username', { exact: true }).fill(PATIENT.username);
        await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        await waitForHeading(page, `Hello, ${PATIENT.greeting}`, 'patient home');

        await page
          .getByRole('navigation', { name: 'Main' })
          .getByRole('link', { name: 'Messages' })
          .click();
        await waitForHeading(page, 'Messages', 'the messages list');
        const list = page.getByRole('list', { name: 'Your conversations, newest first' });
        await waitForVisible(page, list, 'the demo conversations');
        await checkScreen(page, screens, viewport, 'the messages list');

        await page.getByRole('link', { name: 'New message' }).first().click();
        await waitForHeading(page, 'New message', 'the new message form');
        await page.getByRole('radio', { name: 'Prescription' }).check();
        const before = page.getByRole('region', { name: 'Before you send' });
        await waitForVisible(
          page,
          before.getByText(
            'Main Street nurses will read it. Usually answers within 1 business day.',
          ),
          'who reads it and how soon',
        );
        const subject = `Refill and stairs (${viewport} ${randomUUID().slice(0, 8)})`;
        await page.getByRole('textbox', { name: 'Subject' }).fill(subject);
        await page
          .getByRole('textbox', { name: 'Your message' })
          .fill('My refill is nearly out. I also get chest pain when I climb stairs.');
        const notice = page.getByRole('alert').filter({ hasText: 'If this is an emergency' });
        await waitForVisible(page, notice, 'the emergency notice');
        expect(await notice.innerText()).toMatch(/911[\s\S]*988/);

        const files = page.getByLabel('Attach files (optional)');
        await files.setInputFiles([
          { name: 'pharmacy-note.pdf', mimeType: 'application/pdf', buffer: PDF },
          { name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('only words') },
        ]);
        const chosen = page.getByRole('list', { name: 'Files attached' });
        await waitForVisible(page, chosen.getByText('Attached'), 'the PDF uploaded');
        await waitForVisible(
          page,
          chosen.getByText(
            'notes.pdf cannot be attached. Only PDF, JPEG, PNG and HEIC files can be sent.',
          ),
          'the refused file said beside it',
        );
        await checkScreen(page, screens, viewport, 'the new message, with the emergency notice');
        await page.getByRole('button', { name: 'Remove notes.pdf' }).click();

        await page.getByRole('button', { name: 'Send message' }).click();
        await waitForHeading(page, subject, 'the new conversation');
        await waitForVisible(
          page,
          page.getByText('Your message was sent to Main Street nurses.'),
          'the confirmation',
        );
        await waitForVisible(
          page,
          page.getByRole('button', { name: 'Download pharmacy-note.pdf' }),
          'the attached file',
        );
        await checkScreen(page, screens, viewport, 'the conversation, just sent');
        const conversationId = new URL(page.url()).pathname.split('/').pop()!;

        await nurse.send('POST', `/api/v1/conversations/${conversationId}/messages`, {
          clientMessageId: randomUUID(),
          kind: 'reply',
          body: 'The refill is at the pharmacy. Chest pain on stairs needs a visit: see https://example.org/heart <b>soon</b>.',
        });
        const thread = page.getByRole('list', {
          name: 'Messages in this conversation, oldest first',
        });
        await waitForVisible(
          page,
          thread.getByText('The refill is at the pharmacy.', { exact: false }),
          'the nurse’s answer, live',
        );
        expect(await thread.getByRole('heading', { level: 3 }).allInnerTexts()).toEqual([
          'You',
          'Nico Navarro, RN, your care team',
        ]);
        const link = thread.getByRole('link', { name: /example\.org\/heart/ });
        expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
        expect(await thread.locator('b').count()).toBe(0);
        expect(await page.getByText('Open: your care team answered').count()).toBe(1);

        await page.getByRole('button', { name: 'Close conversation' }).click();
        const dialog = page.getByRole('alertdialog', { name: 'Close this conversation?' });
        await waitForVisible(page, dialog, 'the close confirmation');
        await checkScreen(page, screens, viewport, 'closing the conversation');
        await dialog.getByRole('button', { name: 'Yes, close it' }).click();
        await waitForVisible(
          page,
          page.getByText('You closed this conversation.', { exact: false }),
          'the closed confirmation',
        );
        await checkScreen(page, screens, viewport, 'the closed conversation');
      },
      JOURNEY_TIMEOUT_MS,
    );
  }
});
