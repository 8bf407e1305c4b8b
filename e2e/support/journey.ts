/**
 * Building blocks for multi-page journeys: wait for a screen by its heading (and say what is
 * on screen instead when it does not come), check every screen with axe and for page errors,
 * follow emails that a step sends, and sign staff in whether or not the second step is asked.
 */
import type { Locator, Page } from 'playwright-core';
import { expectNoSeriousAxeViolations } from './axe.js';
import { pageProblems } from './browser.js';
import { listEmails, type OutboxEmail } from './outbox.js';

/** How long a screen may take to appear after a click (page loads, argon2id sign-ins). */
export const SCREEN_TIMEOUT_MS = 20_000;
/** How long a queued email may take to reach the outbox. */
export const EMAIL_TIMEOUT_MS = 30_000;

/** Uncaught errors and CSP violations fail the journey at the screen where they appeared. */
export function expectNoPageProblems(page: Page, screen: string): void {
  const problems = pageProblems(page);
  if (problems.length > 0) {
    throw new Error(
      `Page problems by the "${screen}" screen (${page.url()}):\n  ${problems.join('\n  ')}`,
    );
  }
}

async function describeScreen(page: Page): Promise<string> {
  const headings = await page
    .getByRole('heading', { level: 1 })
    .allInnerTexts()
    .catch(() => ['(could not read)']);
  const alerts = await page
    .getByRole('alert')
    .allInnerTexts()
    .catch(() => []);
  return (
    `at ${page.url()}; level-1 headings: ${JSON.stringify(headings)}` +
    (alerts.length ? `; alerts: ${JSON.stringify(alerts)}` : '') +
    `; page problems: ${JSON.stringify(pageProblems(page))}`
  );
}

/**
 * Waits for something a person would see, failing with what the page shows instead.
 * `what` names it in the failure ("the patient record").
 */
export async function waitForVisible(
  page: Page,
  locator: Locator,
  what: string,
  timeout = SCREEN_TIMEOUT_MS,
): Promise<void> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch (error) {
    throw new Error(
      `Expected ${what} within ${timeout / 1000} s, ${await describeScreen(page)}\n` +
        (error as Error).message,
      { cause: error },
    );
  }
}

/** Waits for the level-1 heading of a screen. */
export async function waitForHeading(
  page: Page,
  name: string | RegExp,
  screen: string,
  timeout = SCREEN_TIMEOUT_MS,
): Promise<Locator> {
  const heading = page.getByRole('heading', { level: 1, name });
  await waitForVisible(page, heading, `the "${screen}" screen (heading ${String(name)})`, timeout);
  return heading;
}

/**
 * Every screen a journey shows: no page errors or CSP violations so far, and no serious or
 * critical axe violations. The names checked are kept in `checked`, in order.
 */
export class ScreenChecker {
  readonly checked: string[] = [];

  async check(page: Page, screen: string): Promise<void> {
    expectNoPageProblems(page, screen);
    try {
      await expectNoSeriousAxeViolations(page);
    } catch (error) {
      throw new Error(`On the "${screen}" screen: ${(error as Error).message}`, { cause: error });
    }
    expectNoPageProblems(page, screen);
    this.checked.push(screen);
  }
}

/** The outbox as it is now, to tell the email a later step sends from the earlier ones. */
export async function outboxSnapshot(): Promise<Set<string>> {
  return new Set((await listEmails()).map((email) => email.file));
}

/**
 * Waits for an email to `to` that was not in the outbox at `before` (an outboxSnapshot taken
 * just before the action that sends it) and returns the newest such email.
 */
export async function waitForNewEmail(
  to: string,
  before: Set<string>,
  timeoutMs = EMAIL_TIMEOUT_MS,
): Promise<OutboxEmail> {
  const deadline = Date.now() + timeoutMs;
  const address = to.toLowerCase();
  for (;;) {
    const fresh = (await listEmails()).filter(
      (email) => !before.has(email.file) && email.to.toLowerCase().includes(address),
    );
    const newest = fresh.at(-1);
    if (newest) return newest;
    if (Date.now() >= deadline) {
      throw new Error(`No new email to ${to} reached the outbox within ${timeoutMs / 1000} s.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The 6-digit code in a sign-in code email ("Your sign-in code is 123456."). */
export function signInCodeFrom(email: OutboxEmail): string {
  const code = /sign-in code is (\d{6})\b/i.exec(email.text)?.[1];
  if (!code) {
    throw new Error(
      `No 6-digit sign-in code in the email "${email.subject}" to ${email.to}:\n${email.text}`,
    );
  }
  return code;
}

export interface StaffSignInResult {
  /** True when the portal asked for an emailed code (the production shape's staff policy). */
  askedForCode: boolean;
}

/**
 * Signs a staff member in from the staff app's sign-in screen (already on screen), entering
 * the emailed code from the outbox when the second step is asked for. Ends on the staff home.
 */
export async function signInStaff(
  page: Page,
  screens: ScreenChecker,
  account: { username: string; password: string; email: string },
): Promise<StaffSignInResult> {
  await page.getByLabel('Username', { exact: true }).fill(account.username);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  const before = await outboxSnapshot();
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();

  const codeStep = page.getByRole('heading', { level: 1, name: "Verify it's you" });
  const home = page.getByRole('heading', { level: 1, name: /^Welcome, / });
  await waitForVisible(page, codeStep.or(home), 'the staff home or the verification code step');

  const askedForCode = await codeStep.isVisible();
  if (askedForCode) {
    await screens.check(page, 'staff sign-in: verification code');
    const email = await waitForNewEmail(account.email, before);
    await page.getByLabel('Verification code', { exact: true }).fill(signInCodeFrom(email));
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await waitForVisible(page, home, 'the staff home after the verification code');
  }
  return { askedForCode };
}
