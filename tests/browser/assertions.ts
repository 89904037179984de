import AxeBuilder from '@axe-core/playwright';
import type { Frame, Locator, Page } from 'playwright-core';

/**
 * How long a browser test waits for a condition. Waits end as soon as the condition holds, so these only
 * bound how long a broken test takes to fail; they are generous because the suite must pass with both
 * cores busy (docs/testing.md): a step that takes 1 s on a quiet machine can take 20 s beside a CPU hog.
 */
export const STEP_MS = 60_000;
/** For the heavy steps: a first navigation (the bundle parsed on a busy CPU), an axe sweep of a whole page. */
export const HEAVY_MS = 180_000;
/** A whole browser test: several steps, each of which may take its full wait. */
export const BROWSER_TEST_MS = 600_000;

/** Retries an assertion until it holds: the screen shows a change before the service has stored it. */
export async function eventually(assertion: () => Promise<void>, timeoutMs = STEP_MS): Promise<void> {
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
  // hand focus on at once. axe cannot know that; everything else is checked, in the page and in its frames
  // (the tab inside the fake Teams host).
  const builder = new AxeBuilder({ page: page as Page }).exclude('[data-tabster-dummy]');
  if (include) builder.include(include);
  else builder.exclude(['iframe', '[data-tabster-dummy]']);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * How many elements holding a heading (`h2`) are aria-hidden: a modal dialog hides the rest of the page from
 * assistive technology while open; 0 once it has given the page back.
 */
export function hiddenHeadings(page: Page | Frame): Promise<number> {
  return page.evaluate(
    '[...document.querySelectorAll("[aria-hidden=true]")].filter((e) => e.querySelector("h2")).length',
  ) as Promise<number>;
}

/**
 * After a modal dialog closes: it is gone, the page is given back to assistive technology (`heading` found
 * again: Playwright's role queries skip what is aria-hidden; no heading left hidden) and focus is back on the
 * button that opened it, so a keyboard or screen reader user goes on from where they were.
 */
export async function expectGivenBackTo(page: Page, opener: Locator, heading: Locator): Promise<void> {
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await heading.waitFor();
  await eventually(async () => expect(await hiddenHeadings(page)).toBe(0));
  const focused = () => page.evaluate('document.activeElement?.outerHTML.slice(0, 200)');
  await eventually(
    async () => expect(await focused()).toBe(await opener.evaluate((e) => e.outerHTML.slice(0, 200))),
    15_000,
  );
}
