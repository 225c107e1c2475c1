import { test, expect } from './fixtures';
import {
  ANDROID_WECHAT, IOS_WECHAT, expectChooseImageOnce, expectRoomRows, expectShareOnce, invokes, joinPhone,
  resultRow, runEditedChooseImage, runEditedShare, startSession,
} from './live-helpers';

// A live session: a presenter and three phones (iOS and Android WeChat user agents on the
// simulator, and a plain browser). They join; the presenter runs two APIs with edited
// parameters; every phone's bridge receives exactly those and every answer appears on the
// presenter with the phone's facts; a phone cut off gets the current API when it comes back
// and never runs a call twice; a phone cannot drive; what a phone sends is shown as text.

test('a presenter runs two edited calls on three phones; each answers once, shown with its facts', async ({ page, browser, request }) => {
  test.setTimeout(90_000);
  const { join, session } = await startSession(page);
  const ios = await joinPhone(browser, join, session, 'Ana iPhone', IOS_WECHAT);
  const android = await joinPhone(browser, join, session, 'Bo Android', ANDROID_WECHAT);
  const plain = await joinPhone(browser, join, session, 'Cy laptop');
  const phones = [ios, android, plain];
  const row = (name: string) => resultRow(page, name);
  await expect(page.locator('#live-phone-count')).toHaveText('3');

  // API 1: chooseImage, count 2 from the camera only; Enter in a field runs it.
  await runEditedChooseImage(page);
  await expectChooseImageOnce(phones);
  await expectRoomRows(page, 'chooseImage:ok', 'localIds');
  await expect(page.locator('#live-tally [data-tally="status"] [data-status="ok"]')).toContainText('3');
  await expect(page.locator('#live-tally [data-tally="client"]')).toContainText('iOS 17.4 · WeChat 8.0.47');

  // The plain browser is cut off; meanwhile the presenter moves on and runs API 2.
  await plain.context.setOffline(true);
  await runEditedShare(page);
  await expectShareOnce([ios, android]);
  // Back online: the phone's stream reconnects by itself, it gets the current API and runs
  // the run it missed, once; the call it already made is not made again.
  await plain.context.setOffline(false);
  await expect(plain.page.locator('#live-api')).toHaveText('wx.updateAppMessageShareData');
  await expectShareOnce([plain], 20_000);
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
