import { test, expect, waitForHydration } from './fixtures';
import type { Page } from '@playwright/test';

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

// Built with `cargo leptos build --split` (scripts/test.sh). Pages are server HTML with
// islands: the demo pages' islands are in the main bundle, the QA run's and the doctor's
// are lazy chunks, and a page with no island gets no wasm at all.

test('a category page hydrates from the main wasm alone, then preloads only the press code', async ({ page }) => {
  const wasm = recordWasm(page);
  await page.goto('/basic');
  await waitForHydration(page);
  expect(wasm[0]).toBe('wechat-playground.wasm');
  // Once wx.config is ready the page fetches what a press needs (a lazy chunk and the
  // pieces it shares), and nothing of the doctor, QA or classic pages.
  await expect(page.locator('#config-status')).toHaveAttribute('data-status', 'ready');
  await expect.poll(() => wasm.some((f) => f.startsWith('split_press_ready'))).toBe(true);
  expect(wasm.slice(1).every((f) => f.startsWith('split_press_ready') || /^chunk_\d+\.wasm$/.test(f))).toBe(true);
  // The page's demo, and inside it the wx.error help and one button island per API; the
  // documentation and call editor beside each button are server HTML, the language switch
  // a plain link.
  const buttons = await page.locator('.api_item').count();
  expect(buttons).toBeGreaterThan(0);
  await expect(page.locator('leptos-island')).toHaveCount(2 + buttons);
  await expect(page.locator('.api_item leptos-island button')).toHaveCount(buttons);
  await expect(page.locator('.api_item > details.api_doc')).toHaveCount(buttons);
  await expect(page.locator('leptos-island #lang-switch')).toHaveCount(0);
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
  // only once its body is, and the `press_ready` chunk is fetched only after wx.config is ready.
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
    // Everything the page fetches for its first press, arrived.
    await expect.poll(() => loaded.some((name) => name.startsWith('split_press_ready'))).toBe(true);
    await expect.poll(() => loading.size).toBe(0);
  };

  await visit();
  // The first visit fetches the wasm, its glue, the stylesheet, the catalog, the simulator
  // and the SDK from the server.
  const names = responses.map((r) => fileOf(r.url));
  expect(names).toEqual(expect.arrayContaining(
    ['wechat-playground.wasm', 'wechat-playground.js', 'wechat-playground.css', 'catalog.js', 'simulator.js', 'jweixin-1.6.0.js']));
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
