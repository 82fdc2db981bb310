import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The impacts issue 17 §7 allows none of; minor and moderate findings do not fail the check. */
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

/** The ids used more than once on the page (axe 4.14 no longer has a rule for them; a label or aria-describedby would point at the wrong one). */
async function repeatedIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seen = new Map<string, number>();
    for (const element of document.querySelectorAll('[id]')) seen.set(element.id, (seen.get(element.id) ?? 0) + 1);
    return [...seen].filter(([, count]) => count > 1).map(([id, count]) => `#${id} (${count}×)`);
  });
}

/**
 * Runs axe-core on what the page shows now (WCAG 2.x A/AA and best-practice rules) and fails with a
 * readable list — rule, impact, the first elements and what to fix — when anything serious or critical
 * is found, or an id is used twice. AxeBuilder injects axe through Playwright's isolated world, so the
 * app's CSP (no inline scripts) stays on.
 */
export async function expectNoSeriousA11yViolations(page: Page, screenName: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
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
  expect(await repeatedIds(page), `ids used more than once on ${screenName}`).toEqual([]);
}
