import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** No serious or critical axe findings; lesser ones are noted on the test. */
export async function expectNoSeriousAxeFindings(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const others = results.violations.filter((v) => !serious.includes(v));
  if (others.length > 0) {
    test.info().annotations.push({
      type: 'axe (minor/moderate)',
      description: `${label}: ${others.map((v) => `${v.id} (${v.impact})`).join(', ')}`,
    });
  }
  const summary = serious.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.slice(0, 5).map((node) => node.target.join(' ')),
  }));
  expect(summary, `serious or critical axe findings on ${label}`).toEqual([]);
}

/** Screenshots wait for the web font, so text renders as users see it. */
export async function settle(page: Page) {
  await page.evaluate(() => document.fonts.ready);
}
