/**
 * Building blocks for the health record journeys: a staff member's API session without a
 * browser (to set the clinic's result release policy up and back, whatever happened in
 * between), files a page hands to the device as downloads, checks of PDF and FHIR files, the
 * demo patients' sign-in, and the parts of the health record summary.
 */
import { expect } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { request, type APIRequestContext, type Locator, type Page } from 'playwright-core';
import { openPage, UI_TIMEOUT_MS, type Viewport } from './browser.js';
import { baseUrl, csrfCookieValue } from './env.js';
import {
  outboxSnapshot,
  signInCodeFrom,
  waitForHeading,
  waitForNewEmail,
  waitForVisible,
} from './journey.js';

export interface StaffAccount {
  username: string;
  password: string;
  email: string;
}

export type ResultCategory = 'laboratory' | 'imaging' | 'other';
export type ReleaseMode = 'immediate' | 'review';

interface ReleasePolicy {
  items: { category: ResultCategory; mode: ReleaseMode; updatedAt: string }[];
}

/**
 * A staff member signed in to the API alone, with no browser page: it outlives the pages that
 * are closed after each test, so an afterAll can still tidy up with it. Signing in enters the
 * emailed code when the portal asks for one (the production shape's staff policy).
 */
export class StaffApiSession {
  private constructor(private readonly context: APIRequestContext) {}

  static async signIn(account: StaffAccount): Promise<StaffApiSession> {
    const context = await request.newContext({ baseURL: baseUrl(), timeout: 30_000 });
    const session = new StaffApiSession(context);
    try {
      const before = await outboxSnapshot();
      const answer = await session.send<{ status: 'signed-in' | 'second-factor-required' }>(
        'POST',
        '/api/v1/auth/login',
        { username: account.username, password: account.password },
      );
      if (answer.status === 'second-factor-required') {
        const email = await waitForNewEmail(account.email, before);
        await session.send('POST', '/api/v1/auth/login/verify', {
          code: signInCodeFrom(email),
          method: 'email',
        });
      }
    } catch (error) {
      await context.dispose();
      throw error;
    }
    return session;
  }

  private async csrfToken(): Promise<string> {
    const find = async () => csrfCookieValue((await this.context.storageState()).cookies);
    let token = await find();
    if (!token) {
      // Any API answer hands the cookie out, even a 401.
      await this.context.get('/api/v1/auth/session');
      token = await find();
    }
    if (!token) throw new Error('The portal handed out no CSRF cookie.');
    return decodeURIComponent(token);
  }

  async send<T>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    path: string,
    body?: unknown,
  ): Promise<T> {
    const response = await this.context.fetch(path, {
      method,
      ...(body === undefined ? {} : { data: body as object }),
      headers: method === 'GET' ? {} : { 'X-CSRF-Token': await this.csrfToken() },
    });
    if (!response.ok()) {
      throw new Error(
        `${method} ${path} answered ${response.status()}: ${(await response.text()).slice(0, 800)}`,
      );
    }
    return (response.status() === 204 ? undefined : await response.json()) as T;
  }

  /** Sets how one category of results reaches patients (admin only) and reads it back. */
  async setReleaseMode(category: ResultCategory, mode: ReleaseMode): Promise<void> {
    const policy = await this.send<ReleasePolicy>('PUT', '/api/v1/results/release-policy', {
      items: [{ category, mode }],
    });
    const saved = policy.items.find((item) => item.category === category)?.mode;
    if (saved !== mode) {
      throw new Error(`The ${category} release policy is "${saved}" after setting "${mode}".`);
    }
  }

  async dispose(): Promise<void> {
    await this.context.dispose();
  }
}

/** A file the page handed to the device, as its name and bytes. */
export interface DownloadedFile {
  fileName: string;
  content: Buffer;
}

/**
 * Clicks a button that downloads a file and returns the file. The apps fetch the file and
 * save it through a link with `download`, so the browser reports it as a download.
 */
export async function downloadThrough(page: Page, button: Locator): Promise<DownloadedFile> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: UI_TIMEOUT_MS }),
    button.click(),
  ]);
  const failure = await download.failure();
  if (failure)
    throw new Error(`The download of ${download.suggestedFilename()} failed: ${failure}`);
  const file = await download.path();
  return { fileName: download.suggestedFilename(), content: await readFile(file) };
}

/** A real PDF document, not an error page saved under a .pdf name. */
export function expectPdf(file: DownloadedFile, fileName: string): void {
  expect(file.fileName).toBe(fileName);
  expect(file.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(file.content.length).toBeGreaterThan(1024);
  // A complete file ends with its end-of-file marker (a line end may follow it).
  expect(file.content.subarray(-32).toString('latin1')).toContain('%%EOF');
}

/** The parts of a FHIR R4 resource the journeys read. */
export interface FhirResource {
  resourceType: string;
  id?: string;
  code?: { coding?: { system?: string; code?: string; display?: string }[] };
  valueQuantity?: { value?: number; unit?: string; system?: string; code?: string };
  [field: string]: unknown;
}

export interface FhirBundle {
  resourceType: string;
  type: string;
  entry?: { fullUrl?: string; resource: FhirResource }[];
}

/** The resources of a bundle of a kind ("Condition"). */
export function resourcesOf(bundle: FhirBundle, resourceType: string): FhirResource[] {
  return (bundle.entry ?? [])
    .map((entry) => entry.resource)
    .filter((resource) => resource.resourceType === resourceType);
}

/** True when a resource is coded with `code` in the code system `system`. */
export function isCoded(resource: FhirResource, system: string, code: string): boolean {
  return (resource.code?.coding ?? []).some(
    (coding) => coding.system === system && coding.code === code,
  );
}

// --- the demo patients and the health record page -------------------------------------------

/** The demo accounts' password (README). */
export const DEMO_PASSWORD = 'portal-demo-2026';

export interface DemoPatient {
  username: string;
  greeting: string;
  email: string;
  givenName: string;
  familyName: string;
}

/** The demo patients without a second factor (README), one per viewport. */
export const DEMO_PATIENTS = {
  phone: {
    username: 'alex.demo',
    greeting: 'Alex',
    email: 'alex.demo@portal.localhost',
    givenName: 'Alexandra',
    familyName: 'Rivera',
  },
  desktop: {
    username: 'jordan.demo',
    greeting: 'Jordan',
    email: 'jordan.demo@portal.localhost',
    givenName: 'Jordan',
    familyName: 'Lee',
  },
} as const satisfies Record<Viewport, DemoPatient>;

/**
 * Opens the patient app on a new page of the viewport and signs a demo patient in, ending on
 * Home; `check` looks at the sign-in screen on the way (axe, page errors).
 */
export async function openSignedInPatient(
  viewport: Viewport,
  who: DemoPatient,
  check: (page: Page, screen: string) => Promise<void>,
): Promise<Page> {
  const page = await openPage(viewport);
  expect((await page.goto('/'))?.status()).toBe(200);
  await waitForHeading(page, 'Sign in', 'patient sign-in');
  await check(page, 'patient sign-in');
  await page.getByLabel('Username', { exact: true }).fill(who.username);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await waitForHeading(page, `Hello, ${who.greeting}`, 'patient home');
  return page;
}

/** The parts of the summary that fold to a count on a phone (the others have nothing to fold). */
export const FOLDING_RECORD_PARTS = [
  'Health conditions',
  'Allergies',
  'Vaccines (immunizations)',
  'Vital signs',
  'Care plans',
  'Your last visit',
] as const;

/** A part of the health record summary: a region named by its title. */
export function recordSection(page: Page, name: string): Locator {
  return page.getByRole('region', { name, exact: true });
}

/** The heading button that folds and unfolds a part ("Health conditions · 3"). */
export function recordSectionToggle(page: Page, name: string): Locator {
  return recordSection(page, name).getByRole('button', {
    name: new RegExp(`^${escapeRegExp(name)}`),
  });
}

/** Opens a part of the summary (they start folded) and waits for its content. */
export async function openRecordSection(page: Page, name: string): Promise<void> {
  const toggle = recordSectionToggle(page, name);
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
  await waitForVisible(page, recordSection(page, name).getByRole('listitem'), `the ${name} opened`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
