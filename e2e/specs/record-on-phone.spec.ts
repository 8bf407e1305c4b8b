/**
 * Reading the health record on a phone (360 px), in a real browser, as the demo patient Alex:
 *
 * - the summary's parts start folded to a heading with a count and one line, so the page is a
 *   few screens long, not the 8,500 px it was with every card open;
 * - the list at the top jumps to a part, opening it and moving focus to its heading;
 * - a part opens and folds again by keyboard;
 * - blood pressure reads as one value, top number first ("128/82 mmHg"), the numbers the
 *   API holds for the latest reading;
 * - its trend chart labels the y-axis with a few round values beside the usual range's limit,
 *   drawn at the phone's width, with the table of values still there.
 *
 * Every screen is checked with axe and for page errors, and for sideways scrolling. Nothing
 * is changed, so reruns on the same database pass.
 */
import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { checkScreen, PageApi, plainSpaces } from '../support/appointments.js';
import { ScreenChecker, waitForHeading, waitForVisible } from '../support/journey.js';
import {
  DEMO_PATIENTS,
  FOLDING_RECORD_PARTS,
  openSignedInPatient,
  recordSection,
  recordSectionToggle,
} from '../support/records.js';

const JOURNEY_TIMEOUT_MS = 120_000;
const SYSTOLIC = '8480-6';
const DIASTOLIC = '8462-4';

const FOLDING = FOLDING_RECORD_PARTS;

interface Vital {
  code: string;
  valueQuantity: number | null;
  effectiveAt: string;
}

interface HealthSummary {
  activeConditions: unknown[];
  allergies: unknown[];
  recentImmunizations: unknown[];
  latestVitals: Vital[];
  activeCarePlans: unknown[];
  lastVisitSummary: unknown;
}

async function pageHeight(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollHeight);
}

async function hasFocus(page: Page, name: string): Promise<boolean> {
  return recordSectionToggle(page, name).evaluate((element) => element === document.activeElement);
}

describe('the health record on a phone', () => {
  it(
    'folds the record to a few screens, jumps to a part, opens one by keyboard, reads blood pressure as one value and labels the trend with round values',
    async () => {
      const viewport = 'phone';
      const who = DEMO_PATIENTS[viewport];
      const screens = new ScreenChecker();
      const check = (page: Page, screen: string) => checkScreen(page, screens, viewport, screen);

      const page = await openSignedInPatient(viewport, who, check);
      const api = new PageApi(page);
      const patientId = await api.ownPatientId();
      const summary = await api.get<HealthSummary>(`/api/v1/patients/${patientId}/health-summary`);
      const systolic = summary.latestVitals.find((vital) => vital.code === SYSTOLIC);
      const diastolic = summary.latestVitals.find((vital) => vital.code === DIASTOLIC);
      if (!systolic?.valueQuantity || !diastolic?.valueQuantity) {
        throw new Error('The demo patient has no latest blood pressure reading.');
      }
      expect(systolic.effectiveAt).toBe(diastolic.effectiveAt);

      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Health record', exact: true })
        .click();
      await waitForHeading(page, 'Health record', 'health record');
      await waitForVisible(
        page,
        recordSectionToggle(page, 'Health conditions'),
        'the health conditions, folded',
      );

      // Folded: each part a heading with its count and a line; no card shown.
      const counts: Record<(typeof FOLDING)[number], number> = {
        'Health conditions': summary.activeConditions.length,
        Allergies: summary.allergies.length,
        'Vaccines (immunizations)': summary.recentImmunizations.length,
        // Blood pressure's two numbers are one reading.
        'Vital signs': summary.latestVitals.length - 1,
        'Care plans': summary.activeCarePlans.length,
        'Your last visit': summary.lastVisitSummary ? 1 : 0,
      };
      for (const name of FOLDING) {
        expect(counts[name]).toBeGreaterThan(0);
        const toggle = recordSectionToggle(page, name);
        expect(plainSpaces(await toggle.innerText())).toBe(`${name} · ${counts[name]}`);
        await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
        await expect(recordSection(page, name).getByRole('listitem').count()).resolves.toBe(0);
      }
      const vitalsLine = plainSpaces(
        await recordSection(page, 'Vital signs').locator('.records-summary').innerText(),
      );
      expect(vitalsLine).toContain(
        `Blood pressure ${systolic.valueQuantity}/${diastolic.valueQuantity} mmHg`,
      );
      const folded = await pageHeight(page);
      const screenHeight = page.viewportSize()?.height ?? 740;
      // A few screens, where every card open made it about 8,500 px.
      expect(folded).toBeLessThanOrEqual(4 * screenHeight);
      await check(page, 'health record: folded');

      // The jump list: "Vital signs" opens that part and moves focus to its heading.
      const jump = page.getByRole('navigation', { name: 'Parts of your health record' });
      await jump
        .getByRole('link', { name: `Vital signs ${counts['Vital signs']}`, exact: true })
        .click();
      const vitalsToggle = recordSectionToggle(page, 'Vital signs');
      await expect(vitalsToggle.getAttribute('aria-expanded')).resolves.toBe('true');
      await expect(hasFocus(page, 'Vital signs')).resolves.toBe(true);
      const vitals = recordSection(page, 'Vital signs');
      await waitForVisible(page, vitals.getByRole('listitem'), 'the vital signs, opened');

      // Blood pressure: one card, top number first, none for either number alone.
      const cards = vitals.getByRole('listitem');
      const names = (await cards.getByRole('heading', { level: 3 }).allInnerTexts()).map(
        plainSpaces,
      );
      expect(names).toContain('Blood pressure');
      expect(names).not.toEqual(
        expect.arrayContaining([expect.stringMatching(/(Systolic|Diastolic) blood pressure/)]),
      );
      const pressure = cards.filter({
        has: page.getByRole('heading', { level: 3, name: 'Blood pressure', exact: true }),
      });
      const value = plainSpaces(await pressure.locator('.records-vital__value').innerText());
      expect(value).toMatch(
        new RegExp(`^${systolic.valueQuantity}/${diastolic.valueQuantity} mmHg`),
      );
      expect(systolic.valueQuantity).toBeGreaterThan(diastolic.valueQuantity);
      await check(page, 'health record: jumped to the vital signs');

      // By keyboard: Enter opens a folded part, Space folds it again.
      const allergies = recordSectionToggle(page, 'Allergies');
      await allergies.focus();
      await page.keyboard.press('Enter');
      await expect(allergies.getAttribute('aria-expanded')).resolves.toBe('true');
      await waitForVisible(
        page,
        recordSection(page, 'Allergies').getByRole('listitem'),
        'the allergies, opened by keyboard',
      );
      await check(page, 'health record: allergies opened by keyboard');
      await page.keyboard.press('Space');
      await expect(allergies.getAttribute('aria-expanded')).resolves.toBe('false');
      await expect(recordSection(page, 'Allergies').getByRole('listitem').count()).resolves.toBe(0);

      // Opened, every part together is many screens: the folding is what keeps it short.
      for (const name of FOLDING) {
        const toggle = recordSectionToggle(page, name);
        if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
      }
      expect(await pageHeight(page)).toBeGreaterThan(2 * folded);

      // The trend of blood pressure: round values on the y-axis, readable at the phone's width.
      await pressure.getByRole('link', { name: /^See changes over time/ }).click();
      await waitForHeading(page, /over time$/, 'blood pressure trend');
      const chart = page.getByRole('img', { name: /^Chart of your .+ results over time$/ });
      await waitForVisible(page, chart, 'the trend chart');
      const round = (await chart.locator('[data-tick="round"]').allTextContents()).map(Number);
      expect(round.length).toBeGreaterThanOrEqual(3);
      expect(round.length).toBeLessThanOrEqual(6);
      // One step between them (a round value on the range's limit gives way to the limit).
      const gaps = round.slice(1).map((tick, i) => Math.abs(tick - (round[i] as number)));
      const step = Math.min(...gaps);
      for (const gap of gaps) expect(gap % step).toBe(0);
      const magnitude = 10 ** Math.floor(Math.log10(step));
      expect([1, 2, 5]).toContain(Math.round(step / magnitude));
      for (const tick of round) expect(tick % step).toBe(0);
      // The usual range's limits are labelled as well, as the API gives them.
      const trend = await api.get<{ referenceLow: number | null; referenceHigh: number | null }>(
        `/api/v1/patients/${patientId}/observations/trend`,
        { code: SYSTOLIC, limit: 100 },
      );
      const limits = [trend.referenceHigh, trend.referenceLow].filter((limit) => limit !== null);
      expect(limits.length).toBeGreaterThan(0);
      await expect(chart.locator('[data-tick="range"]').allTextContents()).resolves.toEqual(
        limits.map(String),
      );
      // Drawn at the width shown: its labels stay at their full size on the phone.
      const label = await chart
        .locator('[data-tick="round"]')
        .first()
        .evaluate((element) => element.getBoundingClientRect().height);
      expect(label).toBeGreaterThanOrEqual(12);
      const table = page.getByRole('table', { name: /^Your .+ results, newest first$/ });
      await expect(table.locator('tbody tr').count()).resolves.toBeGreaterThan(1);
      await check(page, 'blood pressure trend');

      expect(screens.checked).toEqual([
        'patient sign-in',
        'health record: folded',
        'health record: jumped to the vital signs',
        'health record: allergies opened by keyboard',
        'blood pressure trend',
      ]);
    },
    JOURNEY_TIMEOUT_MS,
  );
});
