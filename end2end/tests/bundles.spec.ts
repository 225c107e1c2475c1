import { test, expect, waitForHydration } from './fixtures';
import type { Page } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';

/// A file name without the content hash cargo-leptos puts in it
/// (`wechat-playground.wXoZ-Aho2AuhyxDS7nvcJg.wasm` → `wechat-playground.wasm`).
const unhashed = (name: string) => name.replace(/\.[A-Za-z0-9_-]{22}(?=\.[a-z]+$)/, '');
/// A URL's file name (no query), its content hash taken out.
const fileOf = (url: string) => unhashed(url.split('?')[0].split('/').pop()!);

/// The wasm files a page fetches, by file name without its hash, from now on.
function recordWasm(page: Page): string[] {
  const files: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.endsWith('.wasm')) files.push(fileOf(pathname));
  });
  return files;
}

/// Every URL the page requests, from now on.
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(new URL(request.url()).pathname));
  return urls;
}

// Built with `cargo leptos build --split` and scripts/build-runtime.sh (scripts/test.sh).
// Pages are server HTML: a category page runs on its runtime (a small wasm without Leptos),
// the QA run, the doctor and the classic page are lazy islands of the Leptos bundle, and a
// page with neither gets no wasm at all.

/// The most wasm a category page may fetch, compressed as served (issue 19: 120 KB gzip).
const CATEGORY_WASM_BUDGET = 120_000;

test('a category page runs on its runtime alone: no Leptos, at most 120 KB of wasm', async ({ page }) => {
  const wasm = recordWasm(page);
  const requests = recordRequests(page);
  const served: { url: string; encoding: string }[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.endsWith('.wasm')) {
      served.push({ url: response.url(), encoding: response.headers()['content-encoding'] ?? '' });
    }
  });
  await page.goto('/basic');
  await waitForHydration(page);
  await expect(page.locator('#config-status')).toHaveAttribute('data-status', 'ready');
  // One wasm, the runtime's; nothing of the Leptos bundle (its glue, its chunks, its islands).
  expect(wasm).toEqual(['category_bg.wasm']);
  expect(requests.filter((url) => url.startsWith('/pkg/') && !url.endsWith('.css'))).toEqual([]);
  await expect(page.locator('leptos-island')).toHaveCount(0);
  // Served compressed from the precompressed file beside it, within the budget.
  expect(served).toHaveLength(1);
  expect(['br', 'gzip']).toContain(served[0].encoding);
  const gzip = fs.statSync(path.join(__dirname, '../../target/site/assets/runtime/category_bg.wasm.gz')).size;
  expect(gzip).toBeLessThanOrEqual(CATEGORY_WASM_BUDGET);
  // Every API's button is server HTML the runtime runs, with its documentation beside it.
  const buttons = await page.locator('.api_item').count();
  expect(buttons).toBeGreaterThan(0);
  await expect(page.locator('.api_item > button.btn_primary')).toHaveCount(buttons);
  await expect(page.locator('.api_item > details.api_doc')).toHaveCount(buttons);
  await page.click('#checkJsApi');
  await expect(page.locator('#result-log .log_entry[data-api="checkJsApi"][data-callback="success"]')).toBeVisible();
});

test('QA mode hydrates with its lazy chunk, and not the doctor\'s', async ({ page }) => {
  const wasm = recordWasm(page);
  await page.goto('/qa');
  await waitForHydration(page);
  expect(wasm).toContain('wechat-playground.wasm');
  expect(wasm.some((f) => f.startsWith('split_qa_run_panel_loader'))).toBe(true);
  expect(wasm.some((f) => f.startsWith('split_doctor_form_loader'))).toBe(false);
  await expect(page.locator('#qa-rows > li')).not.toHaveCount(0);
});

test('pages with nothing interactive load no wasm and no wasm glue, and switch language by a link', async ({ page }) => {
  const saved = await page.request.post('/api/qa/reports', {
    data: {
      device: { user_agent: 'Mozilla/5.0 (Linux; Android 14) MicroMessenger/8.0.50', wechat_version: '8.0.50', os: 'Android',
        os_version: '14', screen: '390×844 @3x', network_type: 'wifi', simulated: true },
      results: [{ api: 'checkJsApi', status: 'ok', err_msg: 'checkJsApi:ok', duration_ms: 12 }],
      note: '',
    },
  });
  expect(saved.status()).toBe(201);
  const report = (await saved.json()).url as string;
  for (const path of ['/', '/qa/reports', report, '/control']) {
    const requests = recordRequests(page);
    await page.goto(path);
    await page.waitForLoadState('load');
    await expect(page.locator('leptos-island')).toHaveCount(0);
    const glue = requests.filter((url) => url.startsWith('/pkg/') && !url.endsWith('.css'));
    expect(glue, path).toEqual([]);
    // The switch is a link to the same page in the other language.
    const href = await page.locator('#lang-switch').getAttribute('href');
    expect(href, path).toBe(`${path}?lang=en`);
  }
  await page.click('#lang-switch');
  await expect(page).toHaveURL(/\/control\?lang=en$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // Remembered: the next page opens in English without asking.
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('#lang-switch')).toHaveAttribute('href', '/?lang=zh');
});

test('a second visit of a category page takes every static file from the cache', async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const isStatic = (pathname: string) =>
    pathname.startsWith('/pkg/') || pathname.startsWith('/assets/') || pathname === '/api/sim/catalog.js';
  let responses: { id: string; url: string; fromDisk: boolean; status: number }[] = [];
  const fromCache = new Set<string>();
  cdp.on('Network.requestServedFromCache', (event) => fromCache.add(event.requestId));
  cdp.on('Network.responseReceived', (event) => {
    const { pathname, search } = new URL(event.response.url);
    if (isStatic(pathname)) {
      responses.push({ id: event.requestId, url: pathname + search, fromDisk: !!event.response.fromDiskCache, status: event.response.status });
    }
  });
  // Static requests still loading, and the files whose body has arrived: a file is in the cache
  // only once its body is.
  const loading = new Set<string>();
  const loaded: string[] = [];
  cdp.on('Network.requestWillBeSent', (event) => {
    if (isStatic(new URL(event.request.url).pathname)) loading.add(event.requestId);
  });
  const settle = (requestId: string) => {
    if (!loading.delete(requestId)) return;
    const response = responses.find((r) => r.id === requestId);
    if (response) loaded.push(fileOf(response.url));
  };
  cdp.on('Network.loadingFinished', (event) => settle(event.requestId));
  cdp.on('Network.loadingFailed', (event) => settle(event.requestId));
  const fromServer = () => responses.filter((r) => !r.fromDisk && !fromCache.has(r.id)).map((r) => `${r.status} ${r.url}`);
  const visit = async () => {
    loaded.length = 0;
    await page.goto('/basic');
    await waitForHydration(page);
    await expect(page.locator('#config-status')).toHaveAttribute('data-status', 'ready');
    // Everything the page fetched, arrived.
    await expect.poll(() => loaded.includes('category_bg.wasm')).toBe(true);
    await expect.poll(() => loading.size).toBe(0);
  };

  await visit();
  // The first visit fetches the runtime's wasm and glue, the stylesheet, the catalog, the
  // simulator and the SDK from the server.
  const names = responses.map((r) => fileOf(r.url));
  expect(names).toEqual(expect.arrayContaining(
    ['category_bg.wasm', 'category.js', 'wechat-playground.css', 'catalog.js', 'simulator.js', 'jweixin-1.6.0.js']));
  expect(fromServer().length).toBe(responses.length);

  responses = [];
  await visit();
  // The second takes every one from the cache: none goes to the server, not even to
  // revalidate (a 304).
  expect(responses.length).toBeGreaterThan(5);
  expect(fromServer()).toEqual([]);
});

test('the doctor link loads the doctor chunk, and the page works', async ({ page }) => {
  await page.goto('/');
  await waitForHydration(page);
  const wasm = recordWasm(page);
  await page.click('.topbar_nav a[href="/doctor"]');
  await expect(page).toHaveURL(/\/doctor$/);
  await waitForHydration(page);
  await expect(page.locator('#doctor-form')).toBeVisible();
  expect(wasm.some((f) => f.startsWith('split_doctor_form_loader'))).toBe(true);
});
