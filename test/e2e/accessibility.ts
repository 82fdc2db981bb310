import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The impacts issue 17 §7 allows none of; minor and moderate findings are listed but do not fail. */
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

/**
 * Runs axe-core on what the page shows now (WCAG 2.x A and AA rules, the best-practice ones too) and
 * fails with a readable list — rule, impact, the first elements — when anything serious or critical is found.
 * AxeBuilder injects axe through Playwright's isolated world, so the app's CSP (no inline scripts) stays on.
 */
export async function expectNoSeriousA11yViolations(page: Page, screenName: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  console.log(screenName, results.violations.map((v) => `${v.id}/${v.impact}/${v.nodes.length}: ${v.nodes.slice(0,2).map((n) => n.target.join(' ')).join(' | ')}`));
  const blocking = results.violations.filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? ''));
  const described = blocking.map(
    (violation) =>
      `${violation.id} (${violation.impact}, ${violation.nodes.length}×): ${violation.help}\n` +
      violation.nodes
        .slice(0, 3)
        .map((node) => `    ${node.target.join(' ')} — ${node.failureSummary?.split('\n').slice(1).join(' ') ?? ''}`)
        .join('\n'),
  );
  expect(described, `serious or critical accessibility violations on ${screenName}`).toEqual([]);
}
