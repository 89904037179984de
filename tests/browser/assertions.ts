import AxeBuilder from '@axe-core/playwright';
import type { Frame, Page } from 'playwright-core';

/** Retries an assertion for up to 5 s: the screen shows a change before the service has stored it. */
export async function eventually(assertion: () => Promise<void>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** axe's serious and critical violations on the page (or the part `include` selects), one line each. */
export async function seriousViolations(page: Page | Frame, include?: string): Promise<string[]> {
  // Tabster's focus-trap guards (Fluent's keyboard navigation) are aria-hidden and focusable by design: they
  // hand focus on at once. axe cannot know that; everything else is checked.
  const builder = new AxeBuilder({ page: page as Page }).exclude('[data-tabster-dummy]');
  if (include) builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
