import { test, expect, waitForHydration } from './fixtures';
import type { Page } from '@playwright/test';

/// The wasm files a page fetches, by file name, from now on.
function recordWasm(page: Page): string[] {
  const files: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.endsWith('.wasm')) files.push(pathname.split('/').pop()!);
  });
  return files;
}

// Built with `cargo leptos build --split` (scripts/test.sh). Pages are server HTML with
// islands: the demo pages' islands are in the main bundle, the QA run's and the doctor's
// are lazy chunks, and the QA report pages have no island of their own.

test('a category page hydrates from the main wasm alone, then preloads only the press code', async ({ page }) => {
  const wasm = recordWasm(page);
  await page.goto('/basic');
  await waitForHydration(page);
  expect(wasm[0]).toBe('wechat-playground.wasm');
  // Once wx.config is ready the page fetches what a press needs (a lazy chunk and the
  // pieces it shares), and nothing of the doctor, QA or classic pages.
  await expect(page.locator('#config-status')).toHaveAttribute('data-status', 'ready');
  await expect.poll(() => wasm.some((f) => f.startsWith('split_press_ready'))).toBe(true);
  expect(wasm.slice(1).every((f) => f.startsWith('split_press_ready') || /^chunk_\d+\.wasm$/.test(f))).toBe(true);
  // The language switch, the page's demo, and inside it the wx.error help and one button
  // island per API; the documentation and call editor beside each button are server HTML.
  const buttons = await page.locator('.api_item').count();
  expect(buttons).toBeGreaterThan(0);
  await expect(page.locator('leptos-island')).toHaveCount(3 + buttons);
  await expect(page.locator('.api_item leptos-island button')).toHaveCount(buttons);
  await expect(page.locator('.api_item > details.api_doc')).toHaveCount(buttons);
});

test('QA mode hydrates with its lazy chunk, and not the doctor\'s', async ({ page }) => {
  const wasm = recordWasm(page);
  await page.goto('/qa');
  await waitForHydration(page);
  expect(wasm).toContain('wechat-playground.wasm');
  expect(wasm.some((f) => f.startsWith('split_qa_run_panel_loader'))).toBe(true);
  expect(wasm.some((f) => f.startsWith('split_doctor_form_loader'))).toBe(false);
  await expect(page.locator('#qa-rows > li')).not.toHaveCount(0);
});

test('the QA report pages are server HTML: only the language switch hydrates', async ({ page }) => {
  const wasm = recordWasm(page);
  await page.goto('/qa/reports');
  await waitForHydration(page);
  expect(wasm).toEqual(['wechat-playground.wasm']);
  await expect(page.locator('leptos-island')).toHaveCount(1);
  await expect(page.locator('leptos-island #lang-switch')).toHaveCount(1);
});

test('the doctor link loads the doctor chunk, and the page works', async ({ page }) => {
  await page.goto('/');
  await waitForHydration(page);
  const wasm = recordWasm(page);
  await page.click('.topbar_nav a[href="/doctor"]');
  await expect(page).toHaveURL(/\/doctor$/);
  await waitForHydration(page);
  await expect(page.locator('#doctor-form')).toBeVisible();
  expect(wasm.some((f) => f.startsWith('split_doctor_form_loader'))).toBe(true);
});
