/**
 * The care-team inbox in a real browser against the real API:
 *
 * 1. a nurse starts a conversation from a patient's chart ("Send a message"), which opens in
 *    the inbox assigned to them;
 * 2. adds an internal note, shown marked as never seen by patients, and a reply from a
 *    template, filled in for the patient;
 * 3. finds it under "Assigned to me" (desktop, and at 360 px without sideways scrolling) and
 *    closes it from the list after one confirmation;
 * 4. the patient's own API reads the reply and never the note.
 *
 * The subject carries this run's tag, so each run finds its own conversation. Every screen is
 * checked with axe and for page errors.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { checkScreen, DEMO_PASSWORD, PageApi, signInPatient } from '../support/appointments.js';
import { closeBrowser, horizontalOverflow, openPage, VIEWPORTS } from '../support/browser.js';
import { ScreenChecker, signInStaff, waitForHeading, waitForVisible } from '../support/journey.js';

const NURSE = {
  username: 'nurse.demo',
  password: DEMO_PASSWORD,
  email: 'nurse.demo@portal.localhost',
};
const PATIENT = { username: 'alex.demo', greeting: 'Alex' };
const RUN = Date.now().toString(36);
const SUBJECT = `Blood pressure follow-up ${RUN}`;
const NOTE = `Checked the readings from the last visit (${RUN}).`;
const JOURNEY_TIMEOUT_MS = 180_000;

interface PatientMessage {
  kind: string;
  body: string;
}

afterAll(async () => {
  await closeBrowser();
});

describe('care-team inbox', () => {
  it(
    'starts a conversation from the chart, notes, replies, and closes it; the patient never reads the note',
    async () => {
      const screens = new ScreenChecker();
      const page = await openPage('desktop');
      expect((await page.goto('/admin/sign-in'))?.status()).toBe(200);
      await signInStaff(page, screens, NURSE);

      // 1. From the chart.
      await page.getByRole('link', { name: 'Patients', exact: true }).click();
      await page.getByLabel('Search patients', { exact: true }).fill('Rivera');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.getByRole('link', { name: 'Rivera, Alexandra', exact: true }).click();
      await page
        .getByRole('navigation', { name: 'Patient record sections' })
        .getByRole('link', { name: 'Send a message', exact: true })
        .click();
      const form = page.getByRole('form', { name: 'Send a message' });
      await waitForVisible(page, form, 'the form to send a message');
      await checkScreen(page, screens, 'desktop', 'patient chart: send a message');
      await form.getByLabel('Subject', { exact: true }).fill(SUBJECT);
      await form
        .getByLabel('Category', { exact: true })
        .selectOption({ label: 'Medical question' });
      await form
        .getByLabel('Message to Alexandra Rivera', { exact: true })
        .fill('Please send us your home readings from this week.');
      await form.getByRole('button', { name: 'Send message', exact: true }).click();
      await waitForHeading(page, SUBJECT, 'the new conversation');
      await waitForVisible(
        page,
        page.getByText('Message sent to Alexandra Rivera.', { exact: true }),
        'the confirmation',
      );
      const conversationId = new URL(page.url()).pathname.split('/').at(-1)!;
      await expect(
        page.getByRole('list', { name: 'About this conversation' }).textContent(),
      ).resolves.toContain('Assigned to: Nico Navarro, RN');

      // 2. A note, then a reply from a template.
      await page.getByRole('radio', { name: 'Internal note', exact: true }).check();
      await page.getByLabel('Internal note (staff only)', { exact: true }).fill(NOTE);
      await page.getByRole('button', { name: 'Add internal note', exact: true }).click();
      const note = page.getByRole('article').filter({ hasText: NOTE });
      await waitForVisible(page, note, 'the internal note');
      await expect(note.textContent()).resolves.toContain(
        'Internal note — patients never see this',
      );
      await page.getByRole('radio', { name: 'Reply to patient', exact: true }).check();
      await page.getByRole('button', { name: 'Insert template', exact: true }).click();
      const reply = page.getByRole('textbox', { name: 'Reply to Alex Rivera', exact: true });
      const filled = await reply.inputValue();
      expect(filled).not.toContain('{{');
      await page.getByRole('button', { name: 'Send reply', exact: true }).click();
      await waitForVisible(
        page,
        page.getByText('Reply sent to Alex Rivera.', { exact: true }),
        'the reply confirmation',
      );
      await checkScreen(page, screens, 'desktop', 'conversation');

      // 3. Assigned to me; then closed from the list.
      await page.goto('/admin/inbox?view=mine');
      const row = page.getByRole('row').filter({ hasText: SUBJECT });
      await waitForVisible(page, row, 'the conversation under Assigned to me');
      await checkScreen(page, screens, 'desktop', 'inbox: assigned to me');
      await page.setViewportSize(VIEWPORTS.phone.viewport);
      const { scrollWidth, innerWidth } = await horizontalOverflow(page);
      expect(scrollWidth).toBe(innerWidth);
      await page.setViewportSize(VIEWPORTS.desktop.viewport);
      await row.getByRole('checkbox').check();
      await page.getByRole('button', { name: 'Close', exact: true }).click();
      const dialog = page.getByRole('alertdialog', { name: 'Close this conversation?' });
      await waitForVisible(page, dialog, 'the confirmation to close');
      await dialog.getByRole('button', { name: 'Close conversation', exact: true }).click();
      await waitForVisible(
        page,
        page.getByText(/^1 conversation closed\./),
        'the closed confirmation',
      );
      await checkScreen(page, screens, 'desktop', 'inbox: after closing');

      // 4. The patient reads the reply, never the note.
      const patientPage = await openPage('desktop');
      await signInPatient(patientPage, PATIENT, (p, screen) =>
        checkScreen(p, screens, 'desktop', screen),
      );
      const api = new PageApi(patientPage);
      const patientId = await api.ownPatientId();
      const seen = await api.get<{ status: string; messages: { items: PatientMessage[] } }>(
        `/api/v1/patients/${patientId}/conversations/${conversationId}`,
      );
      expect(seen.status).toBe('closed');
      expect(seen.messages.items.map((message) => message.kind)).toEqual(['staff', 'staff']);
      expect(seen.messages.items.map((message) => message.body)).toContain(filled);
      expect(JSON.stringify(seen)).not.toContain(NOTE);
    },
    JOURNEY_TIMEOUT_MS,
  );
});
