/**
 * Lighthouse on the patient app: Lighthouse 12's default (mobile) settings, simulated
 * throttling, Debian's Chromium, each page run `runs` times in a fresh tab; the run with the
 * median performance score is the page's result (as Lighthouse's own computeMedianRun).
 * Signed-in pages get the session cookie in the browser's cookie jar (Lighthouse resets
 * storage between runs but keeps cookies) and as a Cookie header on every request; the
 * signed-out pages run with no session cookie at all.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';

const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/** Goals from the architecture's budgets: performance ≥ 95, accessibility 100, LCP ≤ 2.5 s, CLS ≤ 0.1. */
export const LIGHTHOUSE_GOALS = { performance: 95, accessibility: 100, lcpMs: 2500, cls: 0.1 };

export function meetsGoals(result) {
  return (
    result.performance >= LIGHTHOUSE_GOALS.performance &&
    result.accessibility >= LIGHTHOUSE_GOALS.accessibility &&
    result.lcpMs <= LIGHTHOUSE_GOALS.lcpMs &&
    result.cls <= LIGHTHOUSE_GOALS.cls
  );
}

function summarize(lhr) {
  const audit = (id) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const errors = lhr.audits['errors-in-console']?.details?.items ?? [];
  return {
    performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
    fcpMs: audit('first-contentful-paint'),
    lcpMs: audit('largest-contentful-paint'),
    tbtMs: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    consoleErrors: errors.length,
    finalUrl: lhr.finalDisplayedUrl ?? lhr.finalUrl,
  };
}

/**
 * pages: [{ name, path, cookie? }]. Returns one summary per page (its median run), with
 * every run's performance score for the record.
 */
export async function runLighthouse({ baseUrl, pages, runs = 3, chromePath, say, reportDir }) {
  if (reportDir) mkdirSync(reportDir, { recursive: true });
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROME_FLAGS });
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
  try {
    const tab = await browser.newPage();
    const jar = async (cookie) => {
      const cookies = await tab.cookies(baseUrl);
      if (cookies.length)
        await tab.deleteCookie(...cookies.map(({ name }) => ({ name, url: baseUrl })));
      if (!cookie) return;
      const [name, ...value] = cookie.split('=');
      await tab.setCookie({
        name,
        value: value.join('='),
        url: baseUrl,
        httpOnly: true,
        sameSite: 'Lax',
      });
    };
    const results = [];
    for (const page of pages) {
      await jar(page.cookie);
      const attempts = [];
      for (let i = 0; i < runs; i++) {
        const runner = await lighthouse(
          `${baseUrl}${page.path}`,
          {
            port: chrome.port,
            output: 'json',
            logLevel: 'error',
            onlyCategories: ['performance', 'accessibility'],
            onlyAudits: ['errors-in-console'],
            extraHeaders: page.cookie ? { Cookie: page.cookie } : undefined,
          },
          // No config: Lighthouse's default is the mobile preset with simulated throttling.
        );
        if (!runner?.lhr) throw new Error(`Lighthouse returned nothing for ${page.path}`);
        if (runner.lhr.runtimeError) {
          throw new Error(`${page.path}: ${runner.lhr.runtimeError.message}`);
        }
        const summary = summarize(runner.lhr);
        if (new URL(summary.finalUrl).pathname !== new URL(`${baseUrl}${page.path}`).pathname) {
          // A signed-in page that fell back to sign-in measures the wrong page.
          throw new Error(`${page.path} ended at ${summary.finalUrl}`);
        }
        attempts.push(summary);
        if (reportDir) {
          const file = `${page.name.replace(/\W+/g, '-')}-${i + 1}.json`;
          writeFileSync(path.join(reportDir, file), JSON.stringify(runner.lhr));
        }
        say?.(
          `  ${page.name} run ${i + 1}: performance ${summary.performance}, ` +
            `accessibility ${summary.accessibility}, FCP ${(summary.fcpMs / 1000).toFixed(2)} s, ` +
            `LCP ${(summary.lcpMs / 1000).toFixed(2)} s, TBT ${summary.tbtMs.toFixed(0)} ms, ` +
            `CLS ${summary.cls.toFixed(3)}, console errors ${summary.consoleErrors}`,
        );
      }
      const sorted = [...attempts].sort((a, b) => a.performance - b.performance);
      const median = sorted[Math.floor(sorted.length / 2)];
      results.push({ ...page, ...median, scores: attempts.map((a) => a.performance) });
    }
    return results;
  } finally {
    await browser.disconnect();
    await chrome.kill();
  }
}
