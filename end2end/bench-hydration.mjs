// Hydration timing for scripts/bench.py: navigation start to `body[data-hydrated]`, in
// headless Chromium, median of several cold page loads (a new browser context each), and
// the wasm files each page fetched on its way there (main bundle plus lazy chunks).
//   node end2end/bench-hydration.mjs BASE_URL RUNS /,/basic,/control
//     → JSON {"hydrated": {path: ms}, "wasm": {path: [file, ...]}}
import { chromium } from 'playwright-core';

const [base, runsText, pathsText] = process.argv.slice(2);
const runs = Number(runsText ?? 7);
const paths = (pathsText ?? '/,/basic,/control').split(',');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});

/// Records performance.now() when the app marks the body as hydrated.
function recordHydration() {
  new MutationObserver((_, observer) => {
    if (document.body?.dataset.hydrated === 'true') {
      window.__hydratedAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-hydrated'] });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const wasm = Object.fromEntries(paths.map((p) => [p, new Set()]));
// Interleaved so that a noisy moment on the machine hits every page alike.
const samples = Object.fromEntries(paths.map((p) => [p, []]));
for (let run = 0; run < runs; run += 1) {
  for (const path of paths) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(recordHydration);
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.endsWith('.wasm')) wasm[path].add(pathname.split('/').pop());
    });
    await page.goto(base + path);
    await page.waitForFunction(() => window.__hydratedAt !== undefined, null, { timeout: 30_000 });
    samples[path].push(await page.evaluate(() => window.__hydratedAt));
    await context.close();
  }
}
await browser.close();
console.log(JSON.stringify({
  hydrated: Object.fromEntries(paths.map((p) => [p, median(samples[p])])),
  wasm: Object.fromEntries(paths.map((p) => [p, [...wasm[p]].sort()])),
}));
