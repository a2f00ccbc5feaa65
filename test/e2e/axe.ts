import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * Serious and critical accessibility problems axe finds on the page as it is now, in words; with `part`
 * (a CSS selector), in that part alone.
 */
export async function seriousViolations(app: Page, part?: string): Promise<string[]> {
  const axe = new AxeBuilder({ page: app });
  const { violations } = await (part === undefined ? axe : axe.include(part)).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join('; ')})`,
    );
}
