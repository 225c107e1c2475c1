import { expect } from './fixtures';
import type { Browser, Page } from '@playwright/test';

// What the live-session specs share: the room's user agents, starting a session, joining a
// phone, and reading what a phone's simulated bridge received.

export const IOS_WECHAT =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN';
export const ANDROID_WECHAT =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP1A.240305.019) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MicroMessenger/8.0.50.2701(0x28003253) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64';

/** Starts a session on the presenter's page (at `origin`, else the page's base URL). */
export async function startSession(page: Page, origin = '') {
  await page.goto(`${origin}/live`);
  await page.click('#start-session');
  // The key left the address bar (a projector shows it) but stays with the page.
  await expect(page).toHaveURL(/\/live\/[A-Za-z0-9]{16}\/present$/);
  await expect(page.locator('#live-present')).toHaveAttribute('data-listening', 'open');
  const join = await page.locator('#join-link').evaluate((a: HTMLAnchorElement) => a.href);
  const session = await page.locator('#live-session').textContent();
  expect(join).toMatch(new RegExp(`/live/${session}$`));
  return { join, session: session! };
}

/** A phone in its own context that opens `join`, sets its name and joins. */
export async function joinPhone(browser: Browser, join: string, session: string, name: string, userAgent?: string) {
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
export const invokes = (page: Page, fn: string) =>
  page.evaluate(
    (fn) => (window as any).__wxSimulator.calls.filter((c: any) => c.jsName === fn && c.kind === 'invoke').map((c: any) => c.args),
    fn,
  );

/** The presenter's result row of the phone named `name`. */
export const resultRow = (page: Page, name: string) =>
  page.locator('#live-results tr', { has: page.locator('.live_name', { hasText: name }) });

/** Picks chooseImage on the presenter, edits it to 2 images from the camera, and runs it with Enter. */
export async function runEditedChooseImage(page: Page) {
  await page.selectOption('#live-api-select', 'chooseImage');
  const editor = page.locator('.live_api[data-api="chooseImage"] form[data-editor="chooseImage"]');
  await expect(editor).toBeVisible();
  await editor.locator('input[name="sourceType"][value="album"]').uncheck();
  await editor.locator('input[name="sourceType"][value="camera"]').check();
  await editor.locator('input[name="count"]').fill('2');
  await editor.locator('input[name="count"]').press('Enter');
  await expect(page.locator('#live-run-label')).toContainText('chooseImage');
}

/** Picks updateAppMessageShareData on the presenter, edits its title and desc, and presses Run on phones. */
export async function runEditedShare(page: Page) {
  await page.selectOption('#live-api-select', 'updateAppMessageShareData');
  const share = page.locator('form[data-editor="updateAppMessageShareData"]');
  await share.locator('input[name="title"]').fill('Live room title');
  await share.locator('input[name="desc"]').fill('Edited on the projector');
  await page.click('#run-on-phones');
}

/** Every phone's bridge got the edited chooseImage exactly once. */
export async function expectChooseImageOnce(phones: { page: Page }[]) {
  for (const { page: phone } of phones) {
    await expect.poll(() => invokes(phone, 'chooseImage').then((c) => c.length)).toBe(1);
    const [args] = await invokes(phone, 'chooseImage');
    expect(args.count).toBe(2);
    expect(args.sourceType).toEqual(['camera']);
  }
}

/** Every phone's bridge got the edited share exactly once, and it shows that API. */
export async function expectShareOnce(phones: { page: Page }[], timeout?: number) {
  for (const { page: phone } of phones) {
    await expect.poll(() => invokes(phone, 'updateAppMessageShareData').then((c) => c.length), { timeout }).toBe(1);
    const [args] = await invokes(phone, 'updateAppMessageShareData');
    expect(args.title).toBe('Live room title');
    expect(args.desc).toBe('Edited on the projector');
    await expect(phone.locator('#live-api')).toHaveText('wx.updateAppMessageShareData');
  }
}

/** The presenter's rows for the three phones of the room: names, OS, WeChat, errMsg, data, duration. */
export async function expectRoomRows(page: Page, errMsg: string, dataKey?: string) {
  await expect(page.locator('#live-results tr')).toHaveCount(3);
  await expect(page.locator('#live-results tr[data-status="ok"]')).toHaveCount(3);
  await expect(resultRow(page, 'Ana iPhone').locator('.live_os')).toHaveText('iOS 17.4');
  await expect(resultRow(page, 'Ana iPhone').locator('.live_wechat')).toHaveText('WeChat 8.0.47');
  await expect(resultRow(page, 'Bo Android').locator('.live_os')).toHaveText('Android 14');
  await expect(resultRow(page, 'Bo Android').locator('.live_wechat')).toHaveText('WeChat 8.0.50.2701');
  await expect(resultRow(page, 'Cy laptop').locator('.live_wechat')).toHaveText(/模拟器|simulator/);
  for (const name of ['Ana iPhone', 'Bo Android', 'Cy laptop']) {
    await expect(resultRow(page, name).locator('.live_err_msg')).toHaveText(errMsg);
    if (dataKey) await expect(resultRow(page, name).locator('.live_data')).toContainText(dataKey);
    await expect(resultRow(page, name).locator('.live_duration')).toHaveText(/^\d+ ms$/);
  }
}
