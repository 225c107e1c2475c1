// Screenshots of /setup at phone (390 px) and desktop (1280 px) width, with a phone's result
// in its live list: a second context opens the QR code's link on the simulator (PHONE=ok), or
// the same with its signature spoilt (PHONE=fail), or no phone at all (PHONE=none).
//   BASE_URL=http://127.0.0.1:3221 STEM=setup-ok PHONE=ok node end2end/screenshots-setup.mjs docs/screenshots
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const out = process.argv[2] ?? 'docs/screenshots';
const stem = process.env.STEM ?? 'setup';
const phoneMode = process.env.PHONE ?? 'ok';
const widths = { phone: 390, desktop: 1280 };
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run',
    // PHONE_HOST=demo.example.com: the phone reaches PUBLIC_URL's host on this server (plain http).
    ...(process.env.PHONE_HOST ? [`--host-resolver-rules=MAP ${process.env.PHONE_HOST}:80 ${new URL(base).host}`] : [])],
});
for (const [name, width] of Object.entries(widths)) {
  const context = await browser.newContext({ viewport: { width, height: name === 'phone' ? 844 : 800 },
    deviceScaleFactor: name === 'phone' ? 2 : 1 });
  const page = await context.newPage();
  await page.goto(`${base}/setup`);
  await page.waitForSelector('#setup-phones[data-listening="open"]');
  if (phoneMode !== 'none') {
    const url = await page.locator('#setup-step-4 [data-qr-url]').getAttribute('data-qr-url');
    const phone = await browser.newContext({ viewport: { width: 390, height: 800 },
      userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36' });
    const phonePage = await phone.newPage();
    if (phoneMode === 'fail') {
      await phonePage.route('**/api/js_config', async (route) => {
        const response = await route.fetch();
        const body = await response.json();
        body.config.signature = '0'.repeat(40);
        await route.fulfill({ response, json: body });
      });
    }
    // The phone opens the QR code's URL; with PHONE_HOST, over plain http to this server.
    await phonePage.goto(process.env.PHONE_HOST ? url.replace(/^https:/, 'http:') : url);
    await page.waitForSelector('#setup-phones .setup_phone_result');
    await phone.close();
  }
  const file = `${out}/${stem}-${name}.png`;
  if (name === 'phone') {
    await page.locator(process.env.FOCUS ?? '#setup-step-1').scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -60));
  }
  await page.screenshot({ path: file, fullPage: name !== 'phone' });
  console.log(file);
  await context.close();
}
await browser.close();
