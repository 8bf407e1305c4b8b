import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { baseUrl } from './env.js';

/** Debian's Chromium (apt-get install chromium); CHROMIUM_PATH overrides it. */
const EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export type Viewport = 'phone' | 'desktop';

export const VIEWPORTS = {
  phone: {
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  },
  desktop: {
    viewport: { width: 1280, height: 800 },
    isMobile: false,
    hasTouch: false,
    deviceScaleFactor: 1,
  },
} as const satisfies Record<Viewport, object>;

/** Waits for what a person would see, page loads and actions: bounded, never open-ended. */
export const UI_TIMEOUT_MS = 15_000;
const NAVIGATION_TIMEOUT_MS = 30_000;

let browser: Browser | null = null;
const contexts = new Set<BrowserContext>();
const problems = new WeakMap<Page, string[]>();

async function getBrowser(): Promise<Browser> {
  if (browser?.isConnected()) return browser;
  // launch() gives every browser a fresh temporary user-data-dir, removed on close.
  browser = await chromium.launch({
    executablePath: EXECUTABLE,
    headless: true,
    args: ARGS,
    timeout: 60_000,
  });
  return browser;
}

/**
 * A new page in a fresh browser context (no cookies or storage from other tests) whose
 * relative URLs resolve against the portal: `await page.goto('/admin/')`.
 * Contexts are closed after each test, the browser after each spec file (jest-setup.ts).
 */
export async function openPage(viewport: Viewport): Promise<Page> {
  const context = await (
    await getBrowser()
  ).newContext({
    ...VIEWPORTS[viewport],
    baseURL: baseUrl(),
    locale: 'en-US',
    timezoneId: 'UTC',
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(UI_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT_MS);
  contexts.add(context);
  const page = await context.newPage();
  const seen: string[] = [];
  problems.set(page, seen);
  page.on('pageerror', (error) => seen.push(`uncaught error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      seen.push(`CSP violation: ${message.text()}`);
    }
  });
  return page;
}

/** Uncaught script errors and Content-Security-Policy violations seen on the page so far. */
export function pageProblems(page: Page): string[] {
  return [...(problems.get(page) ?? [])];
}

/** How far the page scrolls sideways; a page that fits its viewport has none. */
export async function horizontalOverflow(
  page: Page,
): Promise<{ scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => ({
    scrollWidth: (document.scrollingElement ?? document.documentElement).scrollWidth,
    innerWidth: window.innerWidth,
  }));
}

export async function closeContexts(): Promise<void> {
  const open = [...contexts];
  contexts.clear();
  await Promise.all(open.map((context) => context.close().catch(() => undefined)));
}

export async function closeBrowser(): Promise<void> {
  await closeContexts();
  const open = browser;
  browser = null;
  await open?.close().catch(() => undefined);
}
