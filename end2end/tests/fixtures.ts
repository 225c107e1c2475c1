import { test as base, expect } from '@playwright/test';

/// Fails any test whose page logged a console error or threw (catches hydration panics).
export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
      });
      page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
      await use(errors);
      expect(errors, 'page logged errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/// Resolves once the wasm has hydrated the page (the body carries data-hydrated).
export async function waitForHydration(page: import('@playwright/test').Page) {
  await page.waitForSelector('body[data-hydrated="true"]', { state: 'attached' });
}
