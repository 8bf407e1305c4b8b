/**
 * Both apps' frames at a desktop width (1280 px) and a phone width (360 px), signed in as the
 * demo accounts:
 *
 * - desktop, patient: the main menu on one row or in one column at the side of the page, the
 *   page wider than the old 600 px column, running text in lines of at most 75 characters,
 *   and the account page's own links beside its sections (TwoColumn);
 * - desktop, staff: "My account" once, and the long menu fitting without a link wrapping;
 * - phone, both: the header, the menu and the page one above the other, nothing wider than the
 *   screen, and the menu reached and used by keyboard alone (skip link first).
 *
 * Every screen visited is checked by axe (nothing serious or critical) and for page errors.
 */
import { describe, expect, it } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { horizontalOverflow, openPage, type Viewport } from '../support/browser.js';
import { ScreenChecker, signInStaff, waitForHeading, waitForVisible } from '../support/journey.js';

const DEMO_PASSWORD = 'portal-demo-2026';
/** The demo patients without a second factor (README), one per viewport. */
const PATIENTS = {
  desktop: { username: 'alex.demo', greeting: 'Alex' },
  phone: { username: 'jordan.demo', greeting: 'Jordan' },
} as const satisfies Record<Viewport, object>;
/** The administrator sees every staff section: the longest menu. */
const ADMIN = {
  username: 'admin.demo',
  password: DEMO_PASSWORD,
  email: 'admin.demo@portal.localhost',
};

/** Sign-ins hash with argon2id; staff may be asked for an emailed code. */
const TEST_TIMEOUT_MS = 120_000;
/** A comfortable line: about 70 characters, never much more. */
const LONGEST_LINE = 75;
/** The old patient column was 40rem with 1rem padding a side: 608 px of content. */
const OLD_COLUMN_PX = 608;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function boxOf(locator: Locator, what: string): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${what} is not on screen`);
  return box;
}

interface TextLines {
  text: string;
  /** Characters on each rendered line, in order. */
  lines: number[];
}

/**
 * The rendered lines of each element matching `selector` inside `root`: a new line starts
 * where a character sits left of the one before it. Whitespace the browser collapsed has no box
 * and is not counted.
 */
async function renderedLines(page: Page, root: string, selector: string): Promise<TextLines[]> {
  return page.evaluate(
    ([rootSelector, blockSelector]) => {
      const container = document.querySelector(rootSelector);
      if (!container) throw new Error(`no ${rootSelector}`);
      const range = document.createRange();
      return [...container.querySelectorAll(blockSelector)].map((block) => {
        const lines: number[] = [];
        let previousLeft = Number.POSITIVE_INFINITY;
        const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = (node as Text).data;
          for (let i = 0; i < text.length; i += 1) {
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const rect = range.getClientRects()[0];
            if (!rect || rect.width === 0) continue;
            if (lines.length === 0 || rect.left < previousLeft - 1) lines.push(1);
            else lines[lines.length - 1] = (lines.at(-1) ?? 0) + 1;
            previousLeft = rect.left;
          }
        }
        return { text: (block.textContent ?? '').trim().slice(0, 80), lines };
      });
    },
    [root, selector] as const,
  );
}

/** Running text in the page: no line longer than a comfortable reading length. */
async function expectReadableLines(page: Page, screen: string): Promise<void> {
  const blocks = await renderedLines(page, 'main', 'p, li, dt, dd');
  expect(blocks.length).toBeGreaterThan(0);
  const tooLong = blocks
    .map((block) => ({ screen, text: block.text, longest: Math.max(0, ...block.lines) }))
    .filter((block) => block.longest > LONGEST_LINE);
  expect(tooLong).toEqual([]);
}

/** The page's content box: its width less its padding. */
async function contentWidth(page: Page): Promise<number> {
  return page.evaluate(() => {
    const main = document.querySelector('main');
    if (!main) throw new Error('no main');
    const style = getComputedStyle(main);
    return main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  });
}

/**
 * The main menu fits: its links on one row, or one above the other in a column beside the
 * page; no link's text wraps, and the menu does not run past the window.
 */
async function expectMenuFits(page: Page, app: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  const links = await nav.getByRole('link').all();
  expect(links.length).toBeGreaterThan(1);
  const boxes = await Promise.all(links.map((link, i) => boxOf(link, `${app} menu link ${i}`)));
  const rows = new Set(boxes.map((box) => Math.round(box.y)));
  const columns = new Set(boxes.map((box) => Math.round(box.x)));
  const oneRow = rows.size === 1;
  const sideColumn = columns.size === 1;
  expect({ app, oneRow, sideColumn, rows: rows.size }).toEqual(
    expect.objectContaining({ app, ...(oneRow ? { oneRow: true } : { sideColumn: true }) }),
  );
  if (sideColumn && !oneRow) {
    // At the side: the page starts right of the menu, not below it.
    const navBox = await boxOf(nav, `${app} menu`);
    const mainBox = await boxOf(page.getByRole('main'), `${app} page`);
    expect(mainBox.x).toBeGreaterThanOrEqual(navBox.x + navBox.width);
    expect(mainBox.y).toBeLessThan(navBox.y + navBox.height);
  }
  const wrapped = (await renderedLines(page, 'nav[aria-label="Main"]', 'a'))
    .filter((link) => link.lines.length !== 1)
    .map((link) => link.text);
  expect({ app, wrapped }).toEqual({ app, wrapped: [] });
  const { scrollWidth, innerWidth } = await horizontalOverflow(page);
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

/** On a phone: the clinic's name, then the menu, then the page, one above the other, nothing wider than 360 px. */
async function expectPhoneFrame(page: Page, app: string): Promise<void> {
  const brand = await boxOf(page.getByRole('banner').getByRole('link').first(), `${app} brand`);
  const nav = await boxOf(page.getByRole('navigation', { name: 'Main' }), `${app} menu`);
  const main = await boxOf(page.getByRole('main'), `${app} page`);
  expect(brand.x + brand.width).toBeLessThanOrEqual(360);
  // The clinic's name may wrap; the app's label ("Staff") beside it stays one word.
  const labels = await renderedLines(page, 'header', '.app-brand__label');
  expect(labels.filter((label) => label.lines.length > 1)).toEqual([]);
  expect(nav.y).toBeGreaterThanOrEqual(brand.y + brand.height);
  expect(main.y).toBeGreaterThanOrEqual(nav.y + nav.height - 1);
  const { scrollWidth, innerWidth } = await horizontalOverflow(page);
  expect({ app, scrollWidth }).toEqual({ app, scrollWidth: innerWidth });
}

/**
 * Keyboard only: the skip link is the first stop, then Tab reaches the menu; Tab on through it
 * to `target` and Enter opens that section (its `heading`), marked as the current page.
 */
async function useMenuByKeyboard(page: Page, target: string, heading: string): Promise<void> {
  // Start from the top of the document, as after loading the page.
  await page.evaluate(() => {
    document.body.tabIndex = -1;
    document.body.focus();
    document.body.removeAttribute('tabindex');
  });
  await page.keyboard.press('Tab');
  await expect(
    page.evaluate(() => document.activeElement?.textContent?.trim() ?? ''),
  ).resolves.toBe('Skip to main content');
  const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', {
    name: target,
    exact: true,
  });
  const stops: string[] = [];
  for (let press = 0; press < 30; press += 1) {
    if (await link.evaluate((element) => element === document.activeElement)) break;
    await page.keyboard.press('Tab');
    stops.push(await page.evaluate(() => document.activeElement?.textContent?.trim() ?? ''));
  }
  expect(await link.evaluate((element) => element === document.activeElement)).toBe(true);
  // The header comes before the menu: sign-out is passed on the way.
  expect(stops).toContain('Sign out');
  await page.keyboard.press('Enter');
  await waitForHeading(page, heading, `${target} (by keyboard)`);
  await expect(link.getAttribute('aria-current')).resolves.toBe('page');
}

async function signInPatient(page: Page, viewport: Viewport): Promise<void> {
  const who = PATIENTS[viewport];
  expect((await page.goto('/'))?.status()).toBe(200);
  await waitForHeading(page, 'Sign in', 'patient sign-in');
  await page.getByLabel('Username', { exact: true }).fill(who.username);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await waitForHeading(page, `Hello, ${who.greeting}`, 'patient home');
}

async function signInAdmin(page: Page, screens: ScreenChecker): Promise<void> {
  expect((await page.goto('/admin/'))?.status()).toBe(200);
  await waitForHeading(page, 'Sign in', 'staff sign-in');
  await signInStaff(page, screens, ADMIN);
}

describe('layout at desktop and phone widths', () => {
  it(
    'patient app at 1280 px: the menu fits, the page uses the width, lines stay readable',
    async () => {
      const screens = new ScreenChecker();
      const page = await openPage('desktop');
      await signInPatient(page, 'desktop');
      // Home's cards hold their places while they load; wait for one to fill.
      await waitForVisible(
        page,
        page.getByRole('main').getByRole('link').first(),
        'a link on the patient home',
      );
      await screens.check(page, 'patient home (desktop)');

      await expectMenuFits(page, 'patient');
      expect(await contentWidth(page)).toBeGreaterThan(OLD_COLUMN_PX + 100);
      await expectReadableLines(page, 'patient home');

      // The account page: its own links beside its sections (TwoColumn).
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Account', exact: true })
        .click();
      await waitForHeading(page, 'Password and security', 'patient account');
      const password = page.getByRole('heading', { level: 2, name: 'Password' });
      await waitForVisible(page, password, 'the password section');
      await screens.check(page, 'patient account (desktop)');
      const accountNav = await boxOf(
        page.getByRole('navigation', { name: 'Account', exact: true }),
        'the account links',
      );
      const passwordBox = await boxOf(password, 'the password heading');
      expect(passwordBox.x).toBeGreaterThanOrEqual(accountNav.x + accountNav.width);
      expect(passwordBox.y).toBeLessThan(accountNav.y + accountNav.height);
      await expectReadableLines(page, 'patient account');
      expect(screens.checked).toHaveLength(2);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'staff app at 1280 px: "My account" once, and the long menu fits',
    async () => {
      const screens = new ScreenChecker();
      const page = await openPage('desktop');
      await signInAdmin(page, screens);
      await screens.check(page, 'staff home (desktop)');

      await expect(
        page.getByRole('link', { name: 'My account', exact: true }).count(),
      ).resolves.toBe(1);
      await expectMenuFits(page, 'staff');
      expect(await contentWidth(page)).toBeGreaterThan(900);
      await expectReadableLines(page, 'staff home');
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'patient app at 360 px: stacked, no sideways scrolling, the menu works by keyboard',
    async () => {
      const screens = new ScreenChecker();
      const page = await openPage('phone');
      await signInPatient(page, 'phone');
      await screens.check(page, 'patient home (phone)');
      await expectPhoneFrame(page, 'patient');

      await useMenuByKeyboard(page, 'Account', 'Password and security');
      await waitForVisible(
        page,
        page.getByRole('heading', { level: 2, name: 'Password' }),
        'the password section',
      );
      await screens.check(page, 'patient account (phone)');
      await expectPhoneFrame(page, 'patient');
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'staff app at 360 px: stacked, no sideways scrolling, the menu works by keyboard',
    async () => {
      const screens = new ScreenChecker();
      const page = await openPage('phone');
      await signInAdmin(page, screens);
      await screens.check(page, 'staff home (phone)');
      await expectPhoneFrame(page, 'staff');

      await useMenuByKeyboard(page, 'My account', 'Sign-in and security');
      await screens.check(page, 'staff account (phone)');
      await expectPhoneFrame(page, 'staff');
    },
    TEST_TIMEOUT_MS,
  );
});
