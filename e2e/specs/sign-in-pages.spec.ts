/**
 * Foundation: both SPAs load from the built portal in a real browser, on a phone and on a
 * desktop, and show a sign-in page a person can use: a heading, and Username and Password
 * fields found by their labels. No sideways scrolling on a 360 px phone, and no serious
 * accessibility violations.
 */
import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { expectNoSeriousAxeViolations } from '../support/axe.js';
import { horizontalOverflow, openPage, pageProblems, type Viewport } from '../support/browser.js';

const APPS = [
  { name: 'patient app', path: '/' },
  { name: 'staff app', path: '/admin/' },
] as const;

const VIEWPORTS: Viewport[] = ['phone', 'desktop'];

/** Opens the app signed out and waits until its sign-in form is on screen. */
async function openSignIn(viewport: Viewport, appPath: string): Promise<Page> {
  const page = await openPage(viewport);
  const response = await page.goto(appPath);
  expect(response?.status()).toBe(200);
  try {
    await page.getByRole('heading', { level: 1, name: /sign in/i }).waitFor({ state: 'visible' });
  } catch (error) {
    // Say what is on screen instead, so a failure reads like a bug report.
    const headings = await page.getByRole('heading', { level: 1 }).allInnerTexts();
    throw new Error(
      `No "Sign in" heading at ${page.url()}; level-1 headings: ${JSON.stringify(headings)}; ` +
        `page problems: ${JSON.stringify(pageProblems(page))}\n${(error as Error).message}`,
      { cause: error },
    );
  }
  return page;
}

describe.each(APPS)('the $name ($path)', ({ path: appPath }) => {
  describe.each(VIEWPORTS)('on a %s', (viewport) => {
    it('shows a sign-in heading with labelled Username and Password fields', async () => {
      const page = await openSignIn(viewport, appPath);

      const username = page.getByLabel('Username', { exact: true });
      const password = page.getByLabel('Password', { exact: true });
      await username.waitFor({ state: 'visible' });
      await password.waitFor({ state: 'visible' });
      expect(await password.getAttribute('type')).toBe('password');
      expect(await page.getByRole('button', { name: /sign in/i }).isVisible()).toBe(true);

      // A person can type into both fields.
      await username.fill('someone');
      await password.fill('not a real password');
      expect(await username.inputValue()).toBe('someone');

      expect(await page.title()).not.toBe('');
      expect(pageProblems(page)).toEqual([]);
    });

    it('has no serious or critical accessibility violations (axe, WCAG 2.1 A/AA)', async () => {
      const page = await openSignIn(viewport, appPath);
      await expectNoSeriousAxeViolations(page);
    });
  });

  it('does not scroll sideways on a 360 px wide phone', async () => {
    const page = await openSignIn('phone', appPath);
    const { scrollWidth, innerWidth } = await horizontalOverflow(page);
    expect(innerWidth).toBe(360);
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  });
});
