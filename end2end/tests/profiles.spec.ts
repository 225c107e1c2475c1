import { test, expect, waitForHydration, jsonResponses } from './fixtures';
import type { Page } from '@playwright/test';

// The simulator's profiles (device, WeChat version, account), chosen by query or in its
// panel and kept for the session. Their rules are catalog data (app/src/catalog/profiles.rs);
// each test here shows one of them as the page sees it.

async function open(page: Page, path: string) {
  await page.goto(path);
  await waitForHydration(page);
}

async function ready(page: Page, path: string) {
  await open(page, path);
  await expect(page.locator('#config-status')).toHaveAttribute('data-status', 'ready');
}

/// Changes the address in place as a single-page app's router would, then re-signs
/// (toggling debug mode signs again).
async function pushStateAndResign(page: Page, query: string) {
  await page.evaluate((q) => history.pushState(null, '', `${location.pathname}${location.search}&${q}`), query);
  await page.click('#debug-mode');
}

/// Calls `wx.<name>` as a page would, after ready, and resolves with what its callback got.
function callWx(page: Page, name: string, args: Record<string, unknown> = {}) {
  return page.evaluate(
    ([name, args]) =>
      new Promise<Record<string, unknown>>((resolve) =>
        (window as any).wx[name as string]({ ...(args as object), complete: resolve }),
      ),
    [name, args] as const,
  );
}

test('iOS verifies the landing URL: after a pushState the current URL signed fails, realAuthUrl is the landing URL', async ({ page, baseURL }) => {
  const answers = jsonResponses(page, '/api/sim/verify_config');
  await ready(page, '/basic?device=ios');
  expect(await page.evaluate(() => navigator.userAgent)).toMatch(/iPhone.*MicroMessenger\/8\.0\.50/);
  await expect(page.locator('#wx-sim-profile')).toHaveAttribute('data-device', 'ios');
  await pushStateAndResign(page, 'step=2');
  await expect(page.locator('#config-status')).toHaveAttribute('data-status', 'failed');
  await expect(page.locator('#config-status')).toContainText('config:invalid signature');
  await expect.poll(() => answers.length).toBe(2);
  expect(answers[1].realAuthUrl).toBe(`${baseURL}/basic?device=ios`);
});

test('Android before 6.2 fails to sign a pushState page; 6.2 signs it', async ({ page }) => {
  await ready(page, '/basic?device=android&wechat=6.1');
  expect(await page.evaluate(() => navigator.userAgent)).toMatch(/Android.*MicroMessenger\/6\.1 /);
  await pushStateAndResign(page, 'step=2');
  await expect(page.locator('#config-status')).toHaveAttribute('data-status', 'failed');
  await expect(page.locator('#config-status')).toContainText('config:invalid signature');
  await expect(page.locator('[data-sim-verify]')).toContainText('does not support pushState');

  await ready(page, '/basic?device=android&wechat=6.2');
  await pushStateAndResign(page, 'step=2');
  await expect(page.locator('#config-status')).toHaveAttribute('data-status', 'ready');
});

test('WeChat 6.0.1 says config:ok to a wrong signature (nothing verified); 6.0.2 refuses it', async ({ page }) => {
  await page.route('**/api/js_config', async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    body.config.signature = '0'.repeat(40);
    await route.fulfill({ response, json: body });
  });
  let verified = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/api/sim/verify_config')) verified += 1;
  });
  await ready(page, '/device?wechat=6.0.1');
  await expect(page.locator('#wx-sim-status [data-sim-status-text]')).toHaveText('config:ok');
  expect(verified).toBe(0);
  // No permission check either: checkJsApi itself is 6.0.2's.
  expect((await callWx(page, 'checkJsApi', { jsApiList: ['getNetworkType'] })).errMsg).toBe('checkJsApi:function not exist');

  await open(page, '/device?wechat=6.0.2');
  await expect(page.locator('#config-status')).toContainText('config:invalid signature');
});

test('WeChat 6.7.1 answers function not exist to updateAppMessageShareData and checkJsApi says false; 6.7.2 has it', async ({ page }) => {
  await ready(page, '/share?wechat=6.7.1');
  const answer = await callWx(page, 'updateAppMessageShareData', { title: 't', desc: '', link: page.url(), imgUrl: '' });
  expect(answer.errMsg).toBe('updateAppMessageShareData:function not exist');
  const check = await callWx(page, 'checkJsApi', { jsApiList: ['updateAppMessageShareData', 'onMenuShareTimeline'] });
  expect(check.checkResult).toEqual({ updateAppMessageShareData: false, onMenuShareTimeline: true });

  await ready(page, '/share?wechat=6.7.2');
  const newer = await callWx(page, 'checkJsApi', { jsApiList: ['updateAppMessageShareData'] });
  expect(newer.checkResult).toEqual({ updateAppMessageShareData: true });
});

test('a test account the user does not follow: config:require subscribe with appendix 5 #21', async ({ page }) => {
  await open(page, '/basic?account=test_unfollowed');
  await expect(page.locator('#config-status')).toHaveAttribute('data-status', 'failed');
  await expect(page.locator('#config-status')).toContainText('config:require subscribe');
  await expect(page.locator('#wx-error-help [data-pattern="require subscribe"]')).toBeVisible();
});

test('an unverified account is refused sharing and interfaces that need verification; a verified one is not', async ({ page }) => {
  await ready(page, '/share?account=unverified');
  const share = await callWx(page, 'updateAppMessageShareData', { title: 't', desc: '', link: page.url(), imgUrl: '' });
  expect(share.errMsg).toBe('updateAppMessageShareData:permission denied');
  // An interface any account may use still answers.
  expect((await callWx(page, 'checkJsApi', { jsApiList: ['onMenuShareTimeline'] })).errMsg).toBe('checkJsApi:ok');

  await ready(page, '/share?account=verified');
  const verified = await callWx(page, 'updateAppMessageShareData', { title: 't', desc: '', link: page.url(), imgUrl: '' });
  expect(verified.errMsg).toBe('updateAppMessageShareData:ok');
});

test('the profile is shown, kept for the session, changed in the panel; a bad value is ignored and said', async ({ page }) => {
  await ready(page, '/basic?device=ios&wechat=6.7.2&account=unverified');
  const profile = page.locator('#wx-sim-profile');
  await expect(profile).toContainText('iPhone');
  await expect(profile).toContainText('6.7.2');
  await expect(profile).toContainText('未认证订阅号');
  // Another page of the tab, no query: the same profile.
  await ready(page, '/device');
  await expect(profile).toHaveAttribute('data-device', 'ios');
  await expect(profile).toHaveAttribute('data-account', 'unverified');
  // The panel's choice loads the page again with it.
  await page.click('#wx-sim-status');
  await Promise.all([page.waitForURL(/\/device/), page.selectOption('#wx-sim-account', 'verified')]);
  await waitForHydration(page);
  await expect(profile).toHaveAttribute('data-account', 'verified');
  await expect(profile).toHaveAttribute('data-device', 'ios');

  await ready(page, '/basic?wechat=not-a-version');
  await expect(page.locator('[data-sim-ignored]')).toContainText('wechat=not-a-version');
  await expect(profile).toHaveAttribute('data-wechat', '6.7.2');
});

test('getLocation before 6.2 answers GPS coordinates although gcj02 was asked', async ({ page }) => {
  await ready(page, '/location?wechat=6.1');
  const old = await callWx(page, 'getLocation', { type: 'gcj02' });
  await ready(page, '/location?wechat=6.2');
  const newer = await callWx(page, 'getLocation', { type: 'gcj02' });
  expect(old.errMsg).toBe('getLocation:ok');
  expect(newer.errMsg).toBe('getLocation:ok');
  // The sample position, unchanged before 6.2, shifted into gcj02 from 6.2 on.
  expect(old.latitude).not.toBe(newer.latitude);
});

test('a QA run in the simulator is recorded as simulated, with its profile, on the report and in both exports', async ({ page }) => {
  await page.goto('/qa?device=ios&wechat=6.7.1&account=unverified');
  await waitForHydration(page);
  await expect(page.locator('#qa-run-safe')).toBeEnabled();
  await expect(page.locator('#qa-wechat-version')).toHaveText('6.7.1');
  await page.click('#qa-run-getNetworkType');
  await expect(page.locator('.qa_row[data-api="getNetworkType"]')).toHaveAttribute('data-status', 'ok');
  await expect(page.locator('#qa-save')).toBeEnabled();
  await page.click('#qa-save');
  const saved = page.locator('#qa-saved');
  await expect(saved).toBeVisible();
  const id = await saved.getAttribute('data-id');

  await page.goto(`/qa/reports/${id}`);
  await expect(page.locator('#qa-report-env')).toHaveAttribute('data-simulated', 'true');
  await expect(page.locator('#qa-report-profile')).toHaveText('iPhone（iOS） · WeChat 6.7.1 · 未认证订阅号');
  const exported = await (await page.request.get(`/api/qa/reports/${id}.json`)).json();
  expect(exported.report.device.simulated).toBe(true);
  expect(exported.simulator_profile).toEqual({ device: 'ios', wechat: '6.7.1', account: 'unverified' });
  const markdown = await (await page.request.get(`/api/qa/reports/${id}.md`)).text();
  expect(markdown).toContain('- WeChat: 6.7.1 (simulated: the simulator\'s answers, not a phone\'s)');
  expect(markdown).toContain('- Simulator profile: iPhone (iOS) · WeChat 6.7.1 · unverified subscription account');
});
