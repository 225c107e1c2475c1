import { test as base, expect } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';

/// Set by scripts/canary.sh: every response body and every page's final DOM is saved under
/// it, so the script can prove no secret reached the browser.
const canaryDir = process.env.CANARY_DIR;

/// Fails any test whose page logged a console error or threw (catches hydration panics).
export const test = base.extend<{ pageErrors: string[]; canaryRecorder: void; routesSettled: void }>({
  // A page that configures again (after a ticket renewal) may still be inside a test's
  // `page.route` handler when the test ends: let those handlers finish, their errors ignored
  // ("Response has been disposed"), before the page closes.
  routesSettled: [
    async ({ page }, use) => {
      await use();
      await page.unrouteAll({ behavior: 'ignoreErrors' });
    },
    { auto: true },
  ],
  canaryRecorder: [
    async ({ page }, use, testInfo) => {
      if (!canaryDir) {
        await use();
        return;
      }
      const dir = path.join(canaryDir, `${testInfo.project.name}-${testInfo.testId}`);
      fs.mkdirSync(dir, { recursive: true });
      const saved: Promise<void>[] = [];
      let count = 0;
      page.on('response', (response) => {
        const file = path.join(dir, `${String(count++).padStart(4, '0')}.response`);
        const head = `${response.status()} ${response.url()}\n${JSON.stringify(response.headers())}\n\n`;
        // An event stream (/setup's live list) has no end to wait for: its headers are kept,
        // and what it carried is in the page's final DOM below.
        if ((response.headers()['content-type'] ?? '').startsWith('text/event-stream')) {
          saved.push(fs.promises.writeFile(file, head));
          return;
        }
        saved.push(
          response.body().then(
            (body) => fs.promises.writeFile(file, Buffer.concat([Buffer.from(head), body])),
            // Redirects and aborted requests have no body; their headers still count.
            () => fs.promises.writeFile(file, head),
          ),
        );
      });
      await use();
      try {
        fs.writeFileSync(path.join(dir, 'final.html'), await page.content());
      } catch {
        // The page may already be gone (a test that closed it).
      }
      await Promise.all(saved);
    },
    { auto: true },
  ],
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      collectErrors(page, errors);
      await use(errors);
      expect(errors, 'page logged errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/// Puts every console error `page` logs and every exception it throws into `errors`.
export function collectErrors(page: import('@playwright/test').Page, errors: string[]) {
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
}

/// Resolves once the page is live: every island hydrated, or a category page's runtime
/// started (either way the body carries data-hydrated), or, on a page of server HTML with
/// neither (it loads no wasm), once it has loaded.
export async function waitForHydration(page: import('@playwright/test').Page) {
  await page.waitForFunction(() =>
    document.body?.dataset.hydrated === 'true' ||
    (document.readyState === 'complete' &&
      !document.querySelector('leptos-island') &&
      !document.querySelector('[data-runtime]')));
}

/// The JSON bodies of the page's responses from URLs ending in `suffix`, in arrival order
/// (filled as they come: poll its length).
export function jsonResponses(page: import('@playwright/test').Page, suffix: string): any[] {
  const bodies: any[] = [];
  page.on('response', async (response) => {
    if (response.url().endsWith(suffix)) bodies.push(await response.json());
  });
  return bodies;
}
