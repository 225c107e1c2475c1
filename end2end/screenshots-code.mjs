// Screenshots of the code to take home at phone (390 px) and desktop (1280 px) width: one call
// (chooseImage, edited to count 2 from the camera) in three client stacks, and /code/server.
//   BASE_URL=http://127.0.0.1:3000 STACKS=script-tag,typescript,react node end2end/screenshots-code.mjs docs/screenshots
import { launch, newContext, widths } from './shots.mjs';
import { mkdirSync } from 'node:fs';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const out = process.argv[2] ?? 'docs/screenshots';
const stacks = (process.env.STACKS ?? 'script-tag,typescript,react').split(',');
mkdirSync(out, { recursive: true });

const browser = await launch();
for (const name of Object.keys(widths)) {
  const context = await newContext(browser, name);
  const page = await context.newPage();
  await page.goto(`${base}/images?api=chooseImage&count=2&sourceType=camera`);
  await page.waitForFunction(() => document.body?.dataset.hydrated === 'true');
  await page.waitForSelector('#snippet');
  for (const stack of stacks) {
    await page.click(`.code_stack[data-stack="${stack}"]`);
    await page.waitForSelector(`#snippet[data-stack="${stack}"]`);
    const file = `${out}/code-${stack}-${name}.png`;
    await page.locator('#code').screenshot({ path: file });
    console.log(file);
  }
  await page.goto(`${base}/code/server`);
  const file = `${out}/code-server-${name}.png`;
  await page.screenshot({ path: file, fullPage: false });
  console.log(file);
  await context.close();
}
await browser.close();
