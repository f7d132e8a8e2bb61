/** axe (WCAG 2.2 AA and best practices) for every spec that checks a page: readers' pages and the newsroom's. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** WCAG 2.0/2.1/2.2 A and AA, plus axe's best practices (landmarks, one h1, heading order, skip link…). */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Rules switched off, each with its reason. Keep this list empty unless a rule is wrong for Kiosque. */
const DISABLED_RULES: Record<string, string> = {};

/** The rules whose outcome depends on colours: all that changes between the light and the dark scheme. */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/*
 * Legacy mode runs axe in the page itself. The default mode merges results across frames in an extra blank page,
 * which costs about a second per run; Kiosque pages have no frames until a reader clicks a video facade (the
 * specs check before the click), so nothing is lost.
 */
export async function expectNoAxeViolations(page: Page, only?: string[]) {
  const builder = new AxeBuilder({ page }).setLegacyMode(true);
  if (only) builder.withRules(only);
  else builder.withTags(WCAG_TAGS).disableRules(Object.keys(DISABLED_RULES));
  const results = await builder.analyze();
  const summary = results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ')}`),
  }));
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

