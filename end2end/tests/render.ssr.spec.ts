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
