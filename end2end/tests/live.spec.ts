import { test, expect } from './fixtures';
import type { Browser, Page } from '@playwright/test';

// A live session: a presenter and three phones (iOS and Android WeChat user agents on the
// simulator, and a plain browser). They join; the presenter runs two APIs with edited
// parameters; every phone's bridge receives exactly those and every answer appears on the
// presenter with the phone's facts; a phone cut off gets the current API when it comes back
// and never runs a call twice; a phone cannot drive; what a phone sends is shown as text.

const IOS_WECHAT =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN';
const ANDROID_WECHAT =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP1A.240305.019) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MicroMessenger/8.0.50.2701(0x28003253) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64';

async function startSession(page: Page) {
  await page.goto('/live');
  await page.click('#start-session');
  // The key left the address bar (a projector shows it) but stays with the page.
  await expect(page).toHaveURL(/\/live\/[A-Za-z0-9]{16}\/present$/);
  await expect(page.locator('#live-present')).toHaveAttribute('data-listening', 'open');
  const join = await page.locator('#join-link').evaluate((a: HTMLAnchorElement) => a.href);
  const session = await page.locator('#live-session').textContent();
  expect(join).toMatch(new RegExp(`/live/${session}$`));
  return { join, session: session! };
}

async function joinPhone(browser: Browser, join: string, session: string, name: string, userAgent?: string) {
  const context = await browser.newContext({ userAgent, viewport: { width: 390, height: 800 } });
  const page = await context.newPage();
  // In a WeChat user agent the real SDK host is unreachable here: sim=1 stands the simulator in.
  await page.goto(userAgent ? `${join}?sim=1` : join);
  await expect(page.locator('#live-config')).toHaveAttribute('data-status', 'ready');
  await page.fill('#live-name', name);
  await page.click('#live-join');
  await expect(page.locator('#live-status')).toHaveAttribute('data-state', 'joined');
  await expect(page.locator('#live-status')).toContainText(session);
  await expect(page.locator('#live-status')).toContainText(name);
  return { context, page };
}

/** The native invokes the simulated bridge received for `fn`, oldest first. */
const invokes = (page: Page, fn: string) =>
  page.evaluate(
    (fn) => (window as any).__wxSimulator.calls.filter((c: any) => c.jsName === fn && c.kind === 'invoke').map((c: any) => c.args),
    fn,
  );

test('a presenter runs two edited calls on three phones; each answers once, shown with its facts', async ({ page, browser, request }) => {
  test.setTimeout(90_000);
  const { join, session } = await startSession(page);
  const ios = await joinPhone(browser, join, session, 'Ana iPhone', IOS_WECHAT);
  const android = await joinPhone(browser, join, session, 'Bo Android', ANDROID_WECHAT);
  const plain = await joinPhone(browser, join, session, 'Cy laptop');
  const phones = [ios, android, plain];
  await expect(page.locator('#live-phone-count')).toHaveText('3');

  // API 1: chooseImage, count 2 from the camera only; Enter in a field runs it.
  await page.selectOption('#live-api-select', 'chooseImage');
  const editor = page.locator('.live_api[data-api="chooseImage"] form[data-editor="chooseImage"]');
  await expect(editor).toBeVisible();
  await editor.locator('input[name="sourceType"][value="album"]').uncheck();
  await editor.locator('input[name="sourceType"][value="camera"]').check();
  await editor.locator('input[name="count"]').fill('2');
  await editor.locator('input[name="count"]').press('Enter');
  await expect(page.locator('#live-run-label')).toContainText('chooseImage');
  for (const { page: phone } of phones) {
    await expect.poll(() => invokes(phone, 'chooseImage').then((c) => c.length)).toBe(1);
    const [args] = await invokes(phone, 'chooseImage');
    expect(args.count).toBe(2);
    expect(args.sourceType).toEqual(['camera']);
  }
  const rows = page.locator('#live-results tr');
  await expect(rows).toHaveCount(3);
  await expect(page.locator('#live-results tr[data-status="ok"]')).toHaveCount(3);
  const row = (name: string) => page.locator('#live-results tr', { has: page.locator('.live_name', { hasText: name }) });
  await expect(row('Ana iPhone').locator('.live_os')).toHaveText('iOS 17.4');
  await expect(row('Ana iPhone').locator('.live_wechat')).toHaveText('WeChat 8.0.47');
  await expect(row('Bo Android').locator('.live_os')).toHaveText('Android 14');
  await expect(row('Bo Android').locator('.live_wechat')).toHaveText('WeChat 8.0.50.2701');
  await expect(row('Cy laptop').locator('.live_wechat')).toHaveText(/模拟器|simulator/);
  for (const name of ['Ana iPhone', 'Bo Android', 'Cy laptop']) {
    await expect(row(name).locator('.live_err_msg')).toHaveText('chooseImage:ok');
    await expect(row(name).locator('.live_data')).toContainText('localIds');
    await expect(row(name).locator('.live_duration')).toHaveText(/^\d+ ms$/);
  }
  await expect(page.locator('#live-tally [data-tally="status"] [data-status="ok"]')).toContainText('3');
  await expect(page.locator('#live-tally [data-tally="client"]')).toContainText('iOS 17.4 · WeChat 8.0.47');

  // The plain browser is cut off; meanwhile the presenter moves on and runs API 2.
  await plain.context.setOffline(true);
  await page.selectOption('#live-api-select', 'updateAppMessageShareData');
  const share = page.locator('form[data-editor="updateAppMessageShareData"]');
  await share.locator('input[name="title"]').fill('Live room title');
  await share.locator('input[name="desc"]').fill('Edited on the projector');
  await page.click('#run-on-phones');
  for (const { page: phone } of [ios, android]) {
    await expect.poll(() => invokes(phone, 'updateAppMessageShareData').then((c) => c.length)).toBe(1);
    const [args] = await invokes(phone, 'updateAppMessageShareData');
    expect(args.title).toBe('Live room title');
    expect(args.desc).toBe('Edited on the projector');
    await expect(phone.locator('#live-api')).toHaveText('wx.updateAppMessageShareData');
  }
  // Back online: the phone's stream reconnects by itself, it gets the current API and runs
  // the run it missed, once; the call it already made is not made again.
  await plain.context.setOffline(false);
  await expect(plain.page.locator('#live-api')).toHaveText('wx.updateAppMessageShareData');
  await expect.poll(() => invokes(plain.page, 'updateAppMessageShareData').then((c) => c.length), { timeout: 20_000 }).toBe(1);
  expect((await invokes(plain.page, 'updateAppMessageShareData'))[0].title).toBe('Live room title');
  expect(await invokes(plain.page, 'chooseImage')).toHaveLength(1);
  await expect(page.locator('#live-results tr[data-status="ok"]')).toHaveCount(3);
  await expect(row('Cy laptop').locator('.live_err_msg')).toHaveText('updateAppMessageShareData:ok');
  // A phone that reloads mid-session keeps its place and runs nothing again.
  await ios.page.reload();
  await expect(ios.page.locator('#live-status')).toHaveAttribute('data-state', 'joined');
  await expect(ios.page.locator('#live-api')).toHaveText('wx.updateAppMessageShareData');
  await expect(ios.page.locator('#live-config')).toHaveAttribute('data-status', 'ready');
  await expect(ios.page.locator('#live-room tr')).toHaveCount(3);
  expect(await invokes(ios.page, 'updateAppMessageShareData')).toHaveLength(0);

  // A phone cannot drive; what a phone sends is shown as text.
  const hostile = '<img src=x onerror=__pwned=1>';
  const joined = await request.post(`/api/live/${session}/join`, { data: { name: hostile } });
  expect(joined.status()).toBe(201);
  const { phone, key } = await joined.json();
  const drive = await request.post(`/api/live/${session}/run`, { data: { key, api: 'getNetworkType' } });
  expect(drive.status()).toBe(403);
  expect((await drive.json()).message).toContain("presenter's key");
  const answered = await request.post(`/api/live/${session}/answer`, {
    data: { phone: phone.id, key, run: 2, status: 'fail', err_msg: hostile, data: { html: hostile }, duration_ms: 1 },
  });
  expect(answered.status()).toBe(204);
  const evil = row(hostile);
  await expect(evil.locator('.live_err_msg')).toHaveText(hostile);
  await expect(evil.locator('.live_data')).toContainText(hostile);
  await expect(page.locator('#live-results img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
  await expect(ios.page.locator('#live-room img')).toHaveCount(0);

  // Saved: one QA report per device, listed and comparable.
  await page.click('#live-save');
  await expect(page.locator('#live-saved a.live_report')).toHaveCount(4);
  await page.click('#live-compare');
  await expect(page).toHaveURL(/\/qa\/compare\?a=\d+&b=\d+/);
  await expect(page.locator('body')).toContainText('chooseImage');
  await page.goto('/qa/reports');
  await expect(page.locator('body')).toContainText('Android 14');

  for (const { context } of phones) await context.close();
});

test('the presenter view: keyboard, code, zh and en', async ({ page }) => {
  await page.goto('/live?lang=en');
  await expect(page.locator('#start-session')).toHaveText('Start a live session');
  await page.click('#start-session');
  await expect(page.locator('#live-present')).toHaveAttribute('data-listening', 'open');
  await expect(page.locator('#run-on-phones')).toContainText('Run on phones');
  const first = await page.locator('#live-api-select').inputValue();
  await page.locator('body').press('ArrowRight');
  const second = await page.locator('#live-api-select').inputValue();
  expect(second).not.toBe(first);
  await expect(page.locator(`.live_api[data-api="${second}"]`)).toBeVisible();
  await expect(page.locator(`.live_api[data-api="${first}"]`)).toBeHidden();
  await page.locator('body').press('ArrowLeft');
  await expect(page.locator('#live-api-select')).toHaveValue(first);
  await expect(page.locator('#live-code')).toContainText(`wx.`);
  await page.locator('body').press('c');
  await expect(page.locator('#live-code')).toBeHidden();
  await page.locator('body').press('C');
  await expect(page.locator('#live-code')).toBeVisible();
  // An API a room cannot run says why, and its button is off.
  await page.selectOption('#live-api-select', 'closeWindow');
  await expect(page.locator('.live_api[data-api="closeWindow"] [data-not-runnable]')).toBeVisible();
  await expect(page.locator('#run-on-phones')).toBeDisabled();
  await page.goto(page.url().replace(/\?.*$/, '') + '?lang=zh');
  await expect(page.locator('#run-on-phones')).toContainText('在手机上运行');
});
