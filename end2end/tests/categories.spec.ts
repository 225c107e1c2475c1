import { test, expect, waitForHydration } from './fixtures';

type Catalog = { categories: { slug: string; apis: { id: string; function: string }[] }[] };

async function catalog(request: import('@playwright/test').APIRequestContext): Promise<Catalog> {
  const response = await request.get('/api/catalog');
  expect(response.ok()).toBeTruthy();
  return response.json();
}

/// Collects the `url` field of every js_config request the page makes.
function recordSignedUrls(page: import('@playwright/test').Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/js_config') && request.method() === 'POST') {
      const body = new URLSearchParams(request.postData() ?? '');
      urls.push(body.get('url') ?? '');
    }
  });
  return urls;
}

test('every category page hydrates, shows all its buttons, and signs its own URL', async ({ page, request, baseURL }) => {
  const { categories } = await catalog(request);
  expect(categories.length).toBe(14);
  for (const category of categories) {
    const signed = recordSignedUrls(page);
    await page.goto(`/${category.slug}?from=test#section`);
    await waitForHydration(page);
    for (const api of category.apis) {
      await expect(page.locator(`#${api.id}`), `${category.slug}: #${api.id}`).toBeVisible();
    }
    await expect(page.locator('#config-status')).toHaveAttribute('data-status', 'ready');
    await expect(page.locator('#signed-url')).toHaveText(`${baseURL}/${category.slug}?from=test`);
    expect(signed).toEqual([`${baseURL}/${category.slug}?from=test`]);
    page.removeAllListeners('request');
  }
});

test('every page load signs its own URL', async ({ page, baseURL }) => {
  const signed = recordSignedUrls(page);
  await page.goto('/');
  await waitForHydration(page);
  await page.click('#categories a[href="/basic"]');
  await expect(page).toHaveURL(/\/basic$/);
  await waitForHydration(page);
  await expect(page.locator('#config-status')).toHaveAttribute('data-status', 'ready');
  await page.click('a[href="/"]');
  await page.click('#categories a[href="/images"]');
  await expect(page.locator('#chooseImage')).toBeVisible();
  await expect(page.locator('#config-status')).toHaveAttribute('data-status', 'ready');
  expect(signed).toEqual([`${baseURL}/basic`, `${baseURL}/images`]);
});

/// Opens a page and waits until wx.config is ready.
async function openReady(page: import('@playwright/test').Page, path: string) {
  await page.goto(path);
  await waitForHydration(page);
  await expect(page.locator('#config-status')).toHaveAttribute('data-status', 'ready');
}

/// Changes the address in place, as a single-page app's router would, then re-signs
/// (toggling debug mode signs again).
async function changeUrlInPlaceAndResign(page: import('@playwright/test').Page, path: string) {
  await page.evaluate((p) => history.pushState(null, '', p), path);
  await page.click('#debug-mode');
  await expect(page.locator('#config-status')).toHaveAttribute('data-status', 'ready');
}

test('outside iOS, a re-sign after the address changed in place signs the new URL', async ({ page, baseURL }) => {
  const signed = recordSignedUrls(page);
  await openReady(page, '/basic');
  await changeUrlInPlaceAndResign(page, '/basic?step=2');
  await expect.poll(() => signed.length).toBe(2);
  expect(signed).toEqual([`${baseURL}/basic`, `${baseURL}/basic?step=2`]);
});

test.describe('on iOS WeChat', () => {
  test.use({
    userAgent:
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50(0x1800323c) NetType/WIFI Language/zh_CN',
  });

  test('the landing URL stays the signed one after the address changes in place', async ({ page, baseURL }) => {
    const signed = recordSignedUrls(page);
    // sim=1: the real SDK host is unreachable here, so the simulator stands in.
    await openReady(page, '/basic?sim=1');
    await changeUrlInPlaceAndResign(page, '/basic?step=2');
    await expect.poll(() => signed.length).toBe(2);
    expect(signed).toEqual([`${baseURL}/basic?sim=1`, `${baseURL}/basic?sim=1`]);
    await expect(page.locator('#signed-url')).toHaveText(`${baseURL}/basic?sim=1`);
  });
});

test('upload before choose shows the official ordering message', async ({ page }) => {
  await page.goto('/images');
  await waitForHydration(page);
  await expect(page.locator('#config-status')).toHaveAttribute('data-status', 'ready');
  await page.click('#uploadImage');
  await expect(page.locator('#result-log .log_entry').first()).toContainText('请先使用 chooseImage 接口选择图片');
});

test('a call is logged with its errMsg and the snippet shows the call', async ({ page }) => {
  await page.goto('/device');
  await waitForHydration(page);
  await expect(page.locator('#config-status')).toHaveAttribute('data-status', 'ready');
  await page.click('#getNetworkType');
  const entry = page.locator('#result-log .log_entry[data-callback="success"]').first();
  await expect(entry).toContainText('getNetworkType:ok');
  await expect(page.locator('#snippet')).toContainText('wx.getNetworkType({');
});

test('alert mode reproduces the official alert()', async ({ page }) => {
  await page.goto('/images');
  await waitForHydration(page);
  await expect(page.locator('#config-status')).toHaveAttribute('data-status', 'ready');
  await page.check('#alert-mode');
  const messages: string[] = [];
  page.on('dialog', async (dialog) => {
    messages.push(dialog.message());
    await dialog.dismiss();
  });
  await page.click('#uploadImage');
  await expect.poll(() => messages).toEqual(['请先使用 chooseImage 接口选择图片']);
});

test('the classic page carries the official 35 buttons in order', async ({ page }) => {
  await page.goto('/classic');
  await waitForHydration(page);
  const ids = await page.locator('#classic button.btn').evaluateAll((els) => els.map((e) => e.id));
  expect(ids).toEqual([
    'checkJsApi',
    'onMenuShareTimeline', 'onMenuShareAppMessage', 'onMenuShareQQ', 'onMenuShareWeibo', 'onMenuShareQZone',
    'chooseImage', 'previewImage', 'uploadImage', 'downloadImage',
    'startRecord', 'stopRecord', 'playVoice', 'pauseVoice', 'stopVoice', 'uploadVoice', 'downloadVoice',
    'translateVoice',
    'getNetworkType',
    'openLocation', 'getLocation',
    'hideOptionMenu', 'showOptionMenu', 'closeWindow', 'hideMenuItems', 'showMenuItems', 'hideAllNonBaseMenuItem', 'showAllNonBaseMenuItem',
    'scanQRCode0', 'scanQRCode1',
    'openProductSpecificView',
    'addCard', 'chooseCard', 'openCard',
    'chooseWXPay',
  ]);
  await expect(page.locator('#menu-basic')).toHaveText('基础接口');
  await expect(page.locator('.wxapi_index_item')).toHaveCount(12);
});

test('the home QR code encodes the public URL', async ({ page, baseURL }) => {
  await page.goto('/');
  await expect(page.locator('#home-qr [data-qr-url]')).toHaveAttribute('data-qr-url', `${baseURL}/`);
  await expect(page.locator('#home-qr svg')).toBeVisible();
});

test('the language switch keeps the result log across its reload, once', async ({ page }) => {
  await openReady(page, '/basic');
  await page.click('#checkJsApi');
  const entries = page.locator('.log_entry');
  await expect(page.locator('.log_entry[data-api="checkJsApi"] .log_errmsg').first()).toHaveText('checkJsApi:ok');
  const shown = await entries.allTextContents();
  await page.click('#lang-switch');
  await expect(page.locator('h1')).toHaveText('Basics');
  await waitForHydration(page);
  await expect(entries).toHaveText(shown);
  // Taken once: a later reload starts with an empty log.
  await page.reload();
  await waitForHydration(page);
  await expect(page.locator('#config-status')).toHaveAttribute('data-status', 'ready');
  await expect(entries).toHaveCount(0);
});

test('the menu page lists appendix 3: 23 items by class, with their ids', async ({ page, context, baseURL }) => {
  await page.goto('/menu');
  const items = page.locator('#menu-items tr[data-menu-item]');
  await expect(items).toHaveCount(23);
  await expect(page.locator('#menu-items tr[data-menu-item="menuItem:exposeArticle"]')).toContainText('举报');
  await expect(page.locator('#menu-items .menu_item_table').first().locator('caption')).toHaveText('基本类（不可隐藏）');
  await expect(page.locator('#menu-items .menu_item_table').first().locator('tr')).toHaveCount(7);
  await context.addCookies([{ name: 'lang', value: 'en', url: baseURL! }]);
  await page.goto('/menu');
  await expect(page.locator('#menu-items tr[data-menu-item="menuItem:share:weiboApp"]')).toContainText('Share to Weibo');
});

test('an invalid signature on a category page shows appendix 5 item 2 with its fix', async ({ page }) => {
  await openReady(page, '/images');
  await expect(page.locator('#wx-error-help')).toBeHidden();
  await page.route('**/api/js_config', async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    body.config.signature = '0'.repeat(40);
    await route.fulfill({ response, json: body });
  });
  await page.reload();
  await waitForHydration(page);
  await expect(page.locator('#config-status')).toHaveAttribute('data-status', 'failed');
  const help = page.locator('#wx-error-help');
  const item = help.locator('.error_item[data-pattern="invalid signature"]');
  await expect(item).toBeVisible();
  await expect(item.locator('.error_cause')).toContainText('签名错误');
  await expect(item.locator('.error_fix li')).toHaveCount(6);
  await expect(item.locator('.error_fix')).toContainText("确认url是页面完整的url(请在当前页面alert(location.href.split('#')[0])确认)");
  await expect(item.locator('.error_number')).toHaveAttribute('href', '/doctor#appendix-5-2');
  // Only the item the errMsg names.
  await expect(help.locator('.error_item[data-pattern]:visible')).toHaveCount(1);
  await expect(help.locator('.error_item[data-pattern="invalid url domain"]')).toBeHidden();
  // The log's wx.error entry links to the same item.
  await expect(page.locator('#result-log .log_entry[data-api="config"] .appendix_link').first()).toHaveAttribute(
    'href',
    '/doctor#appendix-5-2',
  );
});

test('the pay page states the payment directory rule and this page\'s directory', async ({ page, context, baseURL }) => {
  await page.goto('/pay');
  const rule = page.locator('#pay-directory');
  await expect(rule.locator('h2')).toHaveText('支付授权目录');
  await expect(rule).toContainText('chooseWXPay 只能在你配置的支付目录下调用');
  await expect(rule).toContainText('一个商户号最多可设置5个支付授权目录');
  await expect(page.locator('#pay-directory-failure')).toContainText('当前页面的URL未注册');
  await expect(page.locator('#pay-page-url')).toHaveText(`${baseURL}/pay`);
  await expect(page.locator('#pay-directory-value')).toHaveText(`${baseURL}/`);
  // The test server is on 127.0.0.1: no payment directory can name an IP address.
  await expect(page.locator('#pay-directory-ip')).toBeVisible();
  await expect(page.locator('#category-errors li[data-item="18"]')).toContainText('该公众号支付签名无效');
  await context.addCookies([{ name: 'lang', value: 'en', url: baseURL! }]);
  await page.goto('/pay');
  await expect(rule.locator('h2')).toHaveText('Payment authorization directory');
  await expect(rule).toContainText('at most 5 payment authorization directories');
  await expect(page.locator('#pay-directory-value')).toHaveText(`${baseURL}/`);
});

test('the classic page has the official title and viewport, and starts with nothing remembered', async ({ page }) => {
  // A voice recorded on /voice is carried to the other category pages, not to /classic.
  await page.goto('/voice');
  await waitForHydration(page);
  await expect(page.locator('#config-status')).toHaveAttribute('data-status', 'ready');
  await page.click('#startRecord');
  await page.click('#stopRecord');
  await expect(page.locator('.log_entry[data-api="stopRecord"][data-callback="success"]')).toHaveCount(1);
  await page.goto('/classic');
  await expect(page).toHaveTitle('微信JS-SDK Demo');
  // As it was: none of the site's chrome but the sandbox/live notice.
  await expect(page.locator('header.topbar')).toHaveCount(0);
  await expect(page.locator('#mode-banner')).toBeVisible();
  const viewports = await page.locator('meta[name="viewport"]').evaluateAll((metas) => metas.map((m) => m.getAttribute('content')));
  expect(viewports.at(-1)).toBe('width=device-width, initial-scale=1, user-scalable=0');
  await waitForHydration(page);
  await page.waitForFunction(() => (window as any).__wxSimulator?.verify?.status === 'ok');
  const alerts: string[] = [];
  page.on('dialog', (dialog) => {
    alerts.push(dialog.message());
    dialog.accept();
  });
  await page.click('#playVoice');
  await expect.poll(() => alerts).toEqual(['请先使用 startRecord 接口录制一段声音']);
});
