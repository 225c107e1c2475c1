// A phone's first use, for scripts/bench.py: per page, from navigation to usable (every
// island hydrated, `body[data-hydrated]`; a page without islands at its load event), the
// bytes it transferred (all requests, as encoded on the wire, until the network is idle) and
// the wasm files it fetched; each page in a new browser context (cold caches), median of
// several runs, interleaved. With `slow`, Chromium is throttled like a mid-range phone on a
// slow mobile network: 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip, CPU 4× slower.
// Also lists the requests /basic made, for the room benchmark (bench-room.mjs).
//   node end2end/bench-first-use.mjs BASE_URL RUNS /,/basic,/control [slow]
//     → JSON {"usable": {path: ms}, "bytes": {path: n}, "wasm": {path: [file]}, "requests": [...]}
import { chromium } from 'playwright-core';

const [base, runsText, pathsText, mode] = process.argv.slice(2);
const runs = Number(runsText ?? 5);
const paths = (pathsText ?? '/,/basic,/control').split(',');
const slow = mode === 'slow';
const ROOM_PAGE = '/basic';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});

/// Records performance.now() when the app marks the body as hydrated.
function recordHydration() {
  new MutationObserver((_, observer) => {
    if (document.body?.dataset.hydrated === 'true') {
      window.__usableAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-hydrated'] });
  // A page of server HTML only (no island, no runtime, no wasm) is usable once loaded.
  addEventListener('load', () => {
    if (!document.querySelector('leptos-island, [data-runtime]') && window.__usableAt === undefined) {
      window.__usableAt = performance.now();
    }
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
/// `wechat-playground.wXoZ-Aho2AuhyxDS7nvcJg.wasm` → `wechat-playground.wasm`.
const unhashed = (name) => name.replace(/\.[A-Za-z0-9_-]{22}(?=\.[a-z]+$)/, '');

const usable = Object.fromEntries(paths.map((p) => [p, []]));
const bytes = Object.fromEntries(paths.map((p) => [p, []]));
const wasm = Object.fromEntries(paths.map((p) => [p, new Set()]));
let requests = [];
for (let run = 0; run < runs; run += 1) {
  for (const path of paths) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    if (slow) {
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8,
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    }
    let transferred = 0;
    cdp.on('Network.loadingFinished', (event) => { transferred += event.encodedDataLength; });
    const made = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.endsWith('.wasm')) wasm[path].add(unhashed(url.pathname.split('/').pop()));
      if (url.origin === new URL(base).origin) {
        made.push({ method: request.method(), path: url.pathname + url.search, headers: request.headers(), body: request.postData() ?? null });
      }
    });
    await page.addInitScript(recordHydration);
    await page.goto(base + path);
    await page.waitForFunction(() => window.__usableAt !== undefined, null, { timeout: 120_000 });
    usable[path].push(await page.evaluate(() => window.__usableAt));
    await page.waitForLoadState('networkidle');
    bytes[path].push(transferred);
    if (path === ROOM_PAGE && run === 0) requests = made;
    await context.close();
  }
}
await browser.close();
console.log(JSON.stringify({
  usable: Object.fromEntries(paths.map((p) => [p, median(usable[p])])),
  bytes: Object.fromEntries(paths.map((p) => [p, median(bytes[p])])),
  wasm: Object.fromEntries(paths.map((p) => [p, [...wasm[p]].sort()])),
  requests,
}));
