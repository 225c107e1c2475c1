import { test, expect, waitForHydration } from './fixtures';

test('home lists every category from the catalog, in Chinese by default', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('h1')).toHaveText('微信 JS-SDK 演示');
  const links = page.locator('#categories a');
  await expect(links).toHaveCount(14);
  await expect(links.first()).toHaveAttribute('href', '/basic');
  // The secrets canary (scripts/canary.sh) runs the suite in live mode against a fake WeChat.
  const mode = process.env.CANARY_DIR ? 'live' : 'sandbox';
  await expect(page.locator('#mode-banner')).toHaveAttribute('data-mode', mode);
});

test('the language switch is a link, and the choice persists', async ({ page }) => {
  await page.goto('/');
  await waitForHydration(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.click('#lang-switch');
  // A plain link to the same page with ?lang=en: the server renders it in English and
  // remembers the choice in a cookie.
  await expect(page).toHaveURL(/\/\?lang=en$/);
  await expect(page.locator('h1')).toHaveText('WeChat JS-SDK Playground');
  await expect(page.locator('#categories a').first()).toContainText('Basics');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.goto('/');
  await expect(page.locator('h1')).toHaveText('WeChat JS-SDK Playground');
  await waitForHydration(page);
  await page.click('#lang-switch');
  await expect(page.locator('h1')).toHaveText('微信 JS-SDK 演示');
});

test('a category link opens the category page, hydrated', async ({ page }) => {
  await page.goto('/');
  await waitForHydration(page);
  await page.click('#categories a[href="/images"]');
  await expect(page).toHaveURL(/\/images$/);
  await waitForHydration(page);
  await expect(page.locator('#chooseImage')).toBeVisible();
  await expect(page.locator('#config-status')).toHaveAttribute('data-status', 'ready');
});

test('an unknown page answers 404', async ({ page, pageErrors }) => {
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.locator('.not_found')).toBeVisible();
  // The browser reports the document's own 404 as a console error: that one is expected.
  pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((e) => !e.includes('404')));
});
