import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const requireFromHere = createRequire(import.meta.url);
let axeSource: string | null = null;

/** axe-core's browser bundle, read once. */
function source(): string {
  axeSource ??= readFileSync(requireFromHere.resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
}

export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/** Runs axe-core on the page as it is now, with the WCAG 2.1 A and AA rules. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  // page.evaluate goes through the DevTools protocol, so the portal's CSP (script-src 'self')
  // does not block it, and the page under test keeps its real CSP.
  const loaded = await page.evaluate('typeof window.axe === "object"');
  if (!loaded) await page.evaluate(source());
  return page.evaluate(async (tags: string[]) => {
    const axe = (
      window as unknown as {
        axe: { run(context: Document, options: object): Promise<{ violations: unknown[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return result.violations as never;
  }, WCAG_TAGS);
}

function describe(violation: AxeViolation): string {
  const targets = violation.nodes
    .slice(0, 10)
    .map(
      (node) =>
        `    - ${node.target.map((part) => (Array.isArray(part) ? part.join(' >>> ') : String(part))).join(' ')}`,
    );
  const more = violation.nodes.length > 10 ? [`    … and ${violation.nodes.length - 10} more`] : [];
  return [
    `  ${violation.id} (${violation.impact}): ${violation.help}`,
    `    ${violation.helpUrl}`,
    ...targets,
    ...more,
  ].join('\n');
}

/**
 * Fails when axe finds serious or critical WCAG 2.1 A/AA violations, listing each rule id,
 * its help text and the selectors of the elements at fault. Minor and moderate findings
 * are returned for the spec to look at, not failed on.
 */
export async function expectNoSeriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  const violations = await runAxe(page);
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length) {
    throw new Error(
      `axe found ${serious.length} serious or critical accessibility violation(s) on ${page.url()}:\n` +
        serious.map(describe).join('\n'),
    );
  }
  return violations;
}
