// Screenshots of the pages at phone (390 px) and desktop/projector (1280 px) width,
// for docs/ and for looking at what we build. Needs a running server:
//   BASE_URL=http://127.0.0.1:3000 node end2end/screenshots.mjs [out-dir]
//   PAGES='/,/images|#setup-steps > summary|setup' to choose the pages (see below)
// Unless QA=0 it also makes two QA runs on the simulator (the second with openAddress
// made to fail), saves them to that server, and shoots /qa, the report and the comparison.
import { launch, newContext, widths } from './shots.mjs';
import { mkdirSync } from 'node:fs';

/// Waits until the page is live: its islands hydrated, or loaded if it has none (no wasm).
const live = (page) => page.waitForFunction(() =>
  document.body?.dataset.hydrated === 'true' ||
  (document.readyState === 'complete' && !document.querySelector('leptos-island, [data-runtime]')));

const base = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const out = process.argv[2] ?? 'docs/screenshots';
const pages = (process.env.PAGES ?? '/,/images,/share,/classic').split(',');
mkdirSync(out, { recursive: true });

const browser = await launch();
for (const name of Object.keys(widths)) {
  const context = await newContext(browser, name);
  const page = await context.newPage();
  // An entry may name what to open before the picture: `/basic|#setup-steps > summary|setup`
  // (path, selector to click, file name).
  for (const entry of pages) {
    const [path, click, label] = entry.split('|');
    await page.goto(base + path);
    await live(page);
    await page.waitForTimeout(300); // let the config status settle for the picture
    if (click) {
      await page.click(click);
      await page.locator(click).scrollIntoViewIfNeeded();
    }
    const stem = label ?? (path === '/' ? 'home' : path.slice(1).replace(/\W+/g, '-'));
    const file = `${out}/${stem}-${name}.png`;
    await page.screenshot({ path: file, fullPage: name === 'phone' ? false : true });
    console.log(file);
  }
  if (process.env.QA !== '0') await qaShots(page, name);
  await context.close();
}
await browser.close();

/// Runs QA twice (the second time with openAddress failing), saves both, shoots qa-*.png.
async function qaShots(page, name) {
  const run = async (outcome) => {
    await page.goto(`${base}/qa`);
    await live(page);
    await page.waitForSelector('#qa-run-safe:enabled');
    await page.evaluate((o) => window.__wxSimulator.setOutcome(o), outcome);
    await page.click('#qa-run-safe');
    await page.waitForSelector('#qa-run-safe:enabled');
    await page.click('#qa-run-openAddress');
    await page.waitForSelector('.qa_row[data-api="openAddress"]:not([data-status="running"]):not([data-status="not_run"])');
    await page.evaluate(() => document.querySelectorAll('.wxsim-overlay [data-close]').forEach((b) => b.click()));
    await page.click('#qa-save');
    return page.locator('#qa-saved').getAttribute('data-id');
  };
  const shoot = async (file) => {
    await page.screenshot({ path: `${out}/${file}-${name}.png`, fullPage: name !== 'phone' });
    console.log(`${out}/${file}-${name}.png`);
  };
  const a = await run('ok');
  await page.evaluate(() => window.scrollTo(0, 0));
  await shoot('qa');
  const b = await run('fail');
  await page.goto(`${base}/qa/reports/${a}`);
  await live(page);
  await shoot('qa-report');
  await page.goto(`${base}/qa/compare?a=${a}&b=${b}`);
  await live(page);
  await shoot('qa-compare');
}
