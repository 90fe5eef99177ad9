import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** One axe finding, as much as a failing test needs to say what and where. */
export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
  /** What axe says is wrong with the first element (for contrast: the colours and the ratio). */
  summary: string;
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core on the page as it is now (WCAG 2.x A and AA rules plus best practices) and returns the
 * serious and critical violations. axe is evaluated through the DevTools protocol, which the app's CSP
 * (no inline scripts) does not apply to; the app itself is not changed for the check.
 */
export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  const loaded = await page.evaluate<boolean>('typeof window.axe !== "undefined"');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate<{
    violations: {
      id: string;
      impact: string;
      help: string;
      nodes: { target: string[]; failureSummary?: string }[];
    }[];
  }>(
    `window.axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })`,
  );
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
      summary: (violation.nodes[0]?.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
    }));
}

/** The findings as lines a person can act on (rule, impact, what to fix, where). */
export function describeFindings(findings: readonly AxeFinding[]): string {
  return findings
    .map((f) => `${f.id} (${f.impact}): ${f.help} — ${f.targets.join(', ')} — ${f.summary}`)
    .join('\n');
}
