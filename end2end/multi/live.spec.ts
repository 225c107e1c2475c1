import { test, expect, collectErrors } from '../tests/fixtures';
import {
  ANDROID_WECHAT, IOS_WECHAT, expectChooseImageOnce, expectRoomRows, expectShareOnce, invokes, joinPhone,
  resultRow, runEditedChooseImage, runEditedShare, startSession,
} from '../tests/live-helpers';
import { Instance, Redis } from './instances';
import type { Page } from '@playwright/test';

// The live session of tests/live.spec.ts across two server instances sharing one real
// redis-server: the presenter on A, the three phones on B. B is killed and restarted while
// the phones are listening to it, then A while the presenter is: each time the session goes
// on, every phone runs each call exactly once, and the presenter sees every answer.

/** Keeps every state the page's stream goes through (its root's data-listening). */
const recordListening = (page: Page, root: string) =>
  page.evaluate((root) => {
    const el = document.querySelector(root)!;
    const seen: string[] = ((window as any).__listening = []);
    new MutationObserver(() => seen.push(el.getAttribute('data-listening') ?? '')).observe(el, {
      attributes: true,
      attributeFilter: ['data-listening'],
    });
  }, root);

/** The page's stream dropped and came back open by itself. */
async function expectReconnected(page: Page) {
  await expect
    .poll(() => page.evaluate(() => (window as any).__listening.join(' ')), { timeout: 20_000 })
    .toMatch(/reconnecting.* open$/);
}

/** What Chromium logs when the server under an event stream dies or is not up yet. */
const CUT_STREAM = /^console: Failed to load resource: net::ERR_(INCOMPLETE_CHUNKED_ENCODING|CONNECTION_REFUSED|EMPTY_RESPONSE)$/;

let redis: Redis;
let a: Instance;
let b: Instance;

test.beforeAll(async () => {
  redis = await Redis.start();
  [a, b] = await Promise.all([Instance.start('a', redis), Instance.start('b', redis)]);
});

test.afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await redis?.stop();
});

test('presenter on one instance, phones on another, each restarted mid-session: the session goes on', async ({ page, browser, pageErrors }) => {
  test.setTimeout(120_000);
  const { join, session } = await startSession(page, a.origin);
  const phoneJoin = b.here(join);
  const ios = await joinPhone(browser, phoneJoin, session, 'Ana iPhone', IOS_WECHAT);
  const android = await joinPhone(browser, phoneJoin, session, 'Bo Android', ANDROID_WECHAT);
  const plain = await joinPhone(browser, phoneJoin, session, 'Cy laptop');
  const phones = [ios, android, plain];
  const phoneErrors: string[] = [];
  for (const { page: phone } of phones) collectErrors(phone, phoneErrors);
  for (const { page: phone } of phones) expect(new URL(phone.url()).origin).toBe(b.origin);
  await expect(page.locator('#live-phone-count')).toHaveText('3');

  // API 1, run on A, reaches the phones on B; their answers on B reach the presenter on A.
  await runEditedChooseImage(page);
  await expectChooseImageOnce(phones);
  await expectRoomRows(page, 'chooseImage:ok', 'localIds');

  // B dies under the phones and comes back: their streams reconnect by themselves.
  for (const { page: phone } of phones) await recordListening(phone, '#live-phone');
  await b.restart();
  for (const { page: phone } of phones) await expectReconnected(phone);
  // API 2 reaches every phone once; API 1 is not run again.
  await runEditedShare(page);
  await expectShareOnce(phones, 20_000);
  await expectRoomRows(page, 'updateAppMessageShareData:ok');
  for (const { page: phone } of phones) expect(await invokes(phone, 'chooseImage')).toHaveLength(1);

  // A dies under the presenter and comes back: the presenter's page finds the room as it was.
  await recordListening(page, '#live-present');
  await a.restart();
  await expectReconnected(page);
  await expect(page.locator('#live-phone-count')).toHaveText('3');
  await expectRoomRows(page, 'updateAppMessageShareData:ok');
  // It still drives: a third run, of API 1 again, is a new run and each phone makes it once more.
  await page.selectOption('#live-api-select', 'chooseImage');
  await page.click('#run-on-phones');
  for (const { page: phone } of phones) {
    await expect.poll(() => invokes(phone, 'chooseImage').then((c) => c.length)).toBe(2);
    expect(await invokes(phone, 'updateAppMessageShareData')).toHaveLength(1);
  }
  await expect(resultRow(page, 'Cy laptop').locator('.live_err_msg')).toHaveText('chooseImage:ok');

  // The room saved on A: one QA report per device.
  await page.click('#live-save');
  await expect(page.locator('#live-saved a.live_report')).toHaveCount(3);

  // The only errors: the browser saying a stream was cut when its instance was killed.
  expect(phoneErrors.filter((e) => !CUT_STREAM.test(e))).toEqual([]);
  pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((e) => !CUT_STREAM.test(e)));
  for (const { context } of phones) await context.close();
});
