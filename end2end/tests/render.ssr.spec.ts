import { test, expect } from './fixtures';

// With JavaScript off, pages are still complete: the server renders everything.
test('home renders without JavaScript', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('#categories a')).toHaveCount(14);
  await expect(page.locator('#mode-banner')).toBeVisible();
});

test('a category page renders its buttons without JavaScript', async ({ page }) => {
  await page.goto('/images');
  await expect(page.locator('#chooseImage')).toBeVisible();
  await expect(page.locator('#uploadImage')).toBeVisible();
});

test('the language switch works without JavaScript, and keeps the page and its query', async ({ page }) => {
  await page.goto('/images?api=chooseImage&count=2');
  await page.click('#lang-switch');
  await expect(page).toHaveURL(/\/images\?api=chooseImage&count=2&lang=en$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('h1')).toHaveText('Images');
  await page.click('#lang-switch');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});
