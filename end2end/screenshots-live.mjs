// Screenshots of a live session: the presenter's screen (1280 px) with the answers of three
// phones, and a phone (390 px) following the presenter. Needs a running server:
//   BASE_URL=http://127.0.0.1:3000 node end2end/screenshots-live.mjs [out-dir]
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const out = process.argv[2] ?? 'docs/screenshots';
mkdirSync(out, { recursive: true });
const IOS = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN';
const ANDROID = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0 Mobile Safari/537.36 MicroMessenger/8.0.50.2701(0x28003253) NetType/WIFI';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const lang = process.env.LIVE_LANG ?? 'en';
const presenterContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const presenter = await presenterContext.newPage();
await presenter.goto(`${base}/live?lang=${lang}`);
await presenter.click('#start-session');
await presenter.waitForSelector('#live-present[data-listening="open"]');
const join = await presenter.locator('#join-link').evaluate((a) => a.href);

const phones = [];
for (const [name, userAgent] of [['Ana iPhone', IOS], ['Bo Android', ANDROID], ['Cy laptop', undefined]]) {
  const context = await browser.newContext({ userAgent, viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await page.goto(`${join}?lang=${lang}${userAgent ? '&sim=1' : ''}`);
  await page.waitForSelector('#live-config[data-status="ready"]');
  await page.fill('#live-name', name);
  await page.click('#live-join');
  await page.waitForSelector('#live-status[data-state="joined"]');
  phones.push({ context, page });
}
await presenter.selectOption('#live-api-select', 'chooseImage');
const editor = presenter.locator('form[data-editor="chooseImage"]');
await editor.locator('input[name="count"]').fill('2');
await editor.locator('input[name="sourceType"][value="album"]').uncheck();
await presenter.click('#run-on-phones');
await presenter.waitForFunction(() => document.querySelectorAll('#live-results tr[data-status="ok"]').length === 3);
await presenter.screenshot({ path: `${out}/live-presenter-desktop.png`, fullPage: true });
console.log(`${out}/live-presenter-desktop.png`);
// The presenter moves on: the phones follow.
await presenter.selectOption('#live-api-select', 'getNetworkType');
const phone = phones[0].page;
await phone.waitForFunction(() => document.getElementById('live-api').textContent === 'wx.getNetworkType');
await phone.screenshot({ path: `${out}/live-phone-phone.png`, fullPage: true });
console.log(`${out}/live-phone-phone.png`);
for (const { context } of phones) await context.close();
await browser.close();
