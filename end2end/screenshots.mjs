// Screenshots of the pages at phone (390 px) and desktop/projector (1280 px) width,
// for docs/ and for looking at what we build. Needs a running server:
//   BASE_URL=http://127.0.0.1:3000 node end2end/screenshots.mjs [out-dir]
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const out = process.argv[2] ?? 'docs/screenshots';
const pages = (process.env.PAGES ?? '/,/images,/share,/classic').split(',');
const widths = { phone: 390, desktop: 1280 };
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
for (const [name, width] of Object.entries(widths)) {
  const context = await browser.newContext({ viewport: { width, height: name === 'phone' ? 844 : 800 },
    deviceScaleFactor: name === 'phone' ? 2 : 1 });
  const page = await context.newPage();
  for (const path of pages) {
    await page.goto(base + path);
    await page.waitForSelector('body[data-hydrated="true"]', { state: 'attached' });
    await page.waitForTimeout(300); // let the config status settle for the picture
    const file = `${out}/${(path === '/' ? 'home' : path.slice(1).replace(/\W+/g, '-'))}-${name}.png`;
    await page.screenshot({ path: file, fullPage: name === 'phone' ? false : true });
    console.log(file);
  }
  await context.close();
}
await browser.close();
