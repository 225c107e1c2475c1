import { test, expect, waitForHydration } from './fixtures';
import type { Browser, Page } from '@playwright/test';

// /setup open in one context, the QR code's link opened in another (a phone, on the
// simulator): the phone's wx.ready or wx.error appears on /setup without a reload.

const PHONE_UA =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36';

async function openSetup(page: Page) {
  await page.goto('/setup');
  // The event stream is open: whatever the phone reports from now on reaches the page.
  await expect(page.locator('#setup-phones')).toHaveAttribute('data-listening', 'open');
  await expect(page.locator('#setup-phones-waiting')).toBeVisible();
  const url = await page.locator('#setup-step-4 [data-qr-url]').getAttribute('data-qr-url');
  expect(url).toMatch(/\/basic\?setup=[A-Za-z0-9]{8,32}$/);
  return url!;
}

/// Opens `url` on the phone until /setup shows its wx.ready. Other tests make the server renew
/// its ticket at any time (a reported invalid signature does); a phone that configured across
/// such a renewal retries, and a ready after a retry proves nothing, so it is not reported:
/// the phone then opens the page again, as its holder would.
async function phoneReady(setup: Page, phonePage: Page, url: string) {
  const ready = setup.locator('#setup-phones .setup_phone_result[data-outcome="ready"]');
  await expect(async () => {
    await phonePage.goto(url);
    await waitForHydration(phonePage);
    await expect(ready).toHaveCount(1, { timeout: 5_000 });
  }).toPass({ timeout: 45_000 });
  return ready;
}

async function phone(browser: Browser) {
  const context = await browser.newContext({ userAgent: PHONE_UA, viewport: { width: 390, height: 800 } });
  return { context, page: await context.newPage() };
}

test('every step is shown with its state, and the sample signature verifies', async ({ page }) => {
  await page.goto('/setup');
  for (const step of [1, 2, 3, 4, 5]) await expect(page.locator(`#setup-step-${step}`)).toBeVisible();
  await expect(page.locator('#setup-step-3 [data-code="sample_signature"]')).toHaveAttribute('data-state', 'ok');
  await expect(page.locator('#setup-step-3 [data-code="sample_signature"]')).toContainText('config:ok');
  // PUBLIC_URL is not set for the suite: step 2 says so, and what to do.
  await expect(page.locator('#setup-step-2 [data-code="public_url_unset"]')).toHaveAttribute('data-state', 'wrong');
  await expect(page.locator('#setup-step-2 .setup_todo')).toContainText('PUBLIC_URL');
  const live = !!process.env.CANARY_DIR;
  await expect(page.locator('#setup-step-1 .setup_check').first()).toHaveAttribute(
    'data-code',
    live ? 'token_held' : 'sandbox',
  );
});

test("a phone's config:ok appears on /setup as it happens", async ({ page, browser }) => {
  const url = await openSetup(page);
  const { context, page: phonePage } = await phone(browser);
  const result = await phoneReady(page, phonePage, url);
  await expect(phonePage.locator('#config-status')).toHaveAttribute('data-status', 'ready');
  await expect(result.locator('.setup_err_msg')).toHaveText('config:ok');
  await expect(result).toContainText('验证通过');
  await expect(result.locator('.setup_device')).toContainText('Android 14');
  await expect(result.locator('.setup_device')).toContainText('/basic');
  await expect(page.locator('#setup-phones-waiting')).toHaveCount(0);
  await context.close();
});

test('a phone that fails (invalid signature) shows the error and its cause on /setup', async ({ page, browser }) => {
  const url = await openSetup(page);
  const { context, page: phonePage } = await phone(browser);
  await phonePage.route('**/api/js_config', async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    body.config.signature = '0'.repeat(40);
    await route.fulfill({ response, json: body });
  });
  await phonePage.goto(url);
  await waitForHydration(phonePage);
  await expect(phonePage.locator('#config-status')).toHaveAttribute('data-status', 'failed');
  const result = page.locator('#setup-phones .setup_phone_result').first();
  await expect(result).toHaveAttribute('data-outcome', 'error');
  await expect(result.locator('.setup_err_msg')).toHaveText('config:invalid signature');
  // The URL signed was the page's own: the ticket is the suspect (and was renewed).
  await expect(result.locator('.setup_cause')).toHaveAttribute('data-cause', 'ticket');
  await expect(result.locator('.setup_cause')).toContainText('jsapi_ticket');
  await expect(page.locator('#setup-phones .setup_phone_result[data-outcome="ready"]')).toHaveCount(0);
  // The phone configures again after the renewal: a call still in the route when the context
  // closes must not fail the test.
  await phonePage.unrouteAll({ behavior: 'ignoreErrors' });
  await context.close();
});

test("another session's phone does not reach this /setup; the home page links to /setup", async ({ page, browser }) => {
  const url = await openSetup(page);
  const { context, page: phonePage } = await phone(browser);
  // A phone of another /setup page: its report is answered, and goes to that page only.
  await expect(async () => {
    const otherReport = phonePage.waitForResponse('**/api/config_ready', { timeout: 5_000 });
    await phonePage.goto('/basic?setup=someOtherSession1');
    expect((await otherReport).status()).toBe(200);
  }).toPass({ timeout: 45_000 });
  // Then this page's phone: only its result shows.
  await phoneReady(page, phonePage, url);
  // A page opened without a session reports nothing at all.
  let reported = false;
  phonePage.on('request', (r) => { if (r.url().includes('/api/config_ready')) reported = true; });
  await phonePage.goto('/images');
  await expect(phonePage.locator('#config-status')).toHaveAttribute('data-status', 'ready');
  await phonePage.goto('/');
  expect(reported).toBe(false);
  await expect(phonePage.locator('#setup-link')).toHaveAttribute('href', '/setup');
  await expect(phonePage.locator('#home-qr-steps')).toContainText('测试号');
  await context.close();
  await expect(page.locator('#setup-phones .setup_phone_result')).toHaveCount(1);
});
