// The simulated WeChat bridge (public/assets/sim/simulator.js) under the official jweixin,
// driven through end2end/harness/sim.html. Each worker serves public/ and the harness itself;
// the catalog the simulator reads comes from the Rust server Playwright starts:
//   npx playwright test -c sim.config.ts            (or tests/sim-bridge.spec.ts --project hydrate)
// The verify endpoint is stubbed per test with page.route.
import { test as base, expect, type Page } from '@playwright/test';
import { startServer } from '../harness/serve.cjs';

type Answer = { kind: 'success' | 'fail' | 'cancel'; res: Record<string, any> };
type Server = { url: string; close: () => Promise<void> };

let server: Server;
base.beforeAll(async ({}, testInfo) => {
  server = await startServer(0, '127.0.0.1', testInfo.project.use.baseURL);
});
base.afterAll(async () => {
  await server?.close();
});

/// Every test fails if the page logged an error or warning, threw, or asked any other host.
const test = base.extend<{ problems: string[] }>({
  problems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`console.${msg.type()}: ${msg.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      page.on('request', (request) => {
        const url = request.url();
        if (!url.startsWith(server.url) && !/^(data|blob):/.test(url)) problems.push(`request to ${url}`);
      });
      await use(problems);
      expect(problems, 'console errors/warnings, page errors or outside requests').toEqual([]);
    },
    { auto: true },
  ],
});

type Verdict = { errMsg: string; detail?: string };
/// Stubs POST /api/sim/verify_config; returns the request bodies it received.
async function stubVerify(page: Page, verdict: (body: any) => Verdict = () => ({ errMsg: 'config:ok', detail: 'stub' }), delayMs = 0) {
  const bodies: any[] = [];
  await page.route('**/api/sim/verify_config', async (route) => {
    const body = route.request().postDataJSON();
    bodies.push(body);
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    await route.fulfill({ json: verdict(body) });
  });
  return bodies;
}

type SignatureVerdict = { valid: boolean; fault?: string };
/// Stubs POST /api/sim/verify_signature (the card and pay signatures); returns the bodies.
async function stubSignatures(page: Page, verdict: (body: any) => SignatureVerdict = () => ({ valid: true })) {
  const bodies: any[] = [];
  await page.route('**/api/sim/verify_signature', async (route) => {
    const body = route.request().postDataJSON();
    bodies.push(body);
    await route.fulfill({ json: verdict(body) });
  });
  return bodies;
}

/// Opens the harness (which calls wx.config) and waits for wx.ready.
async function open(page: Page, query = '', verdict?: (body: any) => Verdict) {
  await stubSignatures(page);
  const bodies = await stubVerify(page, verdict);
  await page.goto(`${server.url}/harness/sim.html${query}`);
  await page.waitForFunction(() => (window as any).harness?.ready === true);
  return bodies;
}

function call(page: Page, name: string, args: Record<string, unknown> = {}): Promise<Answer> {
  return page.evaluate(([n, a]) => (window as any).harness.call(n, a), [name, args] as const);
}

const signedPay = { timestamp: 1414723227, nonceStr: 'noncestr', package: 'prepay_id=wx_sandbox_1', signType: 'MD5', paySign: 'C380BEC2BFD727A4B6845133519F3AD6' };

test('the bridge exists before jweixin, which thinks it runs in WeChat 8.0.50', async ({ page }) => {
  await page.addInitScript(() => document.addEventListener('WeixinJSBridgeReady', () => ((window as any).bridgeReadyEvent = true)));
  await open(page);
  const facts = await page.evaluate(() => ({
    ua: navigator.userAgent,
    real: (window as any).__wxSimulator.realUserAgent,
    wx: typeof (window as any).wx?.config,
    ready: (window as any).bridgeReadyEvent,
    css: !!document.querySelector('link[data-wxsim-css]'),
  }));
  expect(facts.ua).toContain('MicroMessenger/8.0.50');
  expect(facts.real).not.toContain('MicroMessenger');
  expect(facts.wx).toBe('function');
  expect(facts.ready).toBe(true);
  expect(facts.css).toBe(true);
});

test('config ok: the server is asked with the signature and the page URL, and wx.ready fires', async ({ page }) => {
  const bodies = await stubVerify(page);
  await page.goto(`${server.url}/harness/sim.html?x=1#section`);
  await page.waitForFunction(() => (window as any).harness?.ready === true);
  expect(bodies).toHaveLength(1);
  expect(bodies[0]).toMatchObject({ appId: 'wx_sim_harness', nonceStr: 'harnessNonce', signature: 'f'.repeat(40), url: `${server.url}/harness/sim.html?x=1` });
  expect(bodies[0].timestamp).toMatch(/^\d+$/);
  expect(await page.evaluate(() => (window as any).harness.error)).toBeNull();
  await expect(page.locator('#wx-sim-status')).toHaveAttribute('data-status', 'ok');
  await expect(page.locator('#wx-sim-status')).toContainText('config:ok');
  // jweixin maps jsApiList names to native ones before the bridge sees them.
  const verify = await page.evaluate(() => (window as any).__wxSimulator.calls.find((c: any) => c.name === 'preVerifyJSAPI'));
  expect(verify.args.verifyJsApiList).toEqual(expect.arrayContaining(['imagePreview', 'geoLocation', 'menu:share:timeline']));
  expect(verify.result.err_msg).toBe('config:ok');
  await page.locator('#wx-sim-status').click();
  await expect(page.locator('#wx-sim-panel [data-bridge-call="preVerifyJSAPI"]')).toContainText('config:ok');
});

test('an invalid signature reaches wx.error, and every call is then refused', async ({ page }) => {
  await stubVerify(page, (body) =>
    body.signature.startsWith('bad') ? { errMsg: 'config:invalid signature', detail: 'wrong' } : { errMsg: 'config:ok' });
  await page.goto(`${server.url}/harness/sim.html?sig=bad0000`);
  await page.waitForFunction(() => (window as any).harness?.error);
  expect(await page.evaluate(() => (window as any).harness.error.errMsg)).toBe('config:invalid signature');
  await expect(page.locator('#wx-sim-status')).toHaveAttribute('data-status', 'failed');
  await expect(page.locator('#wx-sim-status')).toContainText('config:invalid signature');
  const answer = await call(page, 'hideOptionMenu');
  expect(answer.kind).toBe('fail');
  expect(answer.res.errMsg).toBe('hideOptionMenu:permission denied');
  // jweixin itself turns any refused getNetworkType into "getNetworkType:fail".
  expect((await call(page, 'getNetworkType')).res.errMsg).toBe('getNetworkType:fail');
});

test('calls before verification ends are "offline verifying"', async ({ page }) => {
  await stubVerify(page, () => ({ errMsg: 'config:ok' }), 1500);
  await page.goto(`${server.url}/harness/sim.html`);
  const early = await call(page, 'hideOptionMenu');
  expect(early.res.errMsg).toBe('hideOptionMenu:the permission value is offline verifying');
  await page.waitForFunction(() => (window as any).harness.ready === true);
  expect((await call(page, 'getNetworkType')).res).toEqual({ errMsg: 'getNetworkType:ok', networkType: 'wifi' });
});

test('APIs left out of jsApiList are denied; unknown ones do not exist; checkJsApi answers per API', async ({ page }) => {
  await open(page, '?deny=previewImage,hideOptionMenu');
  expect((await call(page, 'previewImage', { current: 'a.jpg', urls: ['a.jpg'] })).res.errMsg).toBe('previewImage:permission denied');
  expect((await call(page, 'hideOptionMenu')).res.errMsg).toBe('hideOptionMenu:permission denied');
  expect((await call(page, 'openEnterpriseChat', { userIds: 'a', groupName: 'g' })).res.errMsg).toBe('openEnterpriseChat:function not exist');
  const check = await call(page, 'checkJsApi', { jsApiList: ['chooseImage', 'previewImage', 'onMenuShareTimeline', 'openEnterpriseChat'] });
  expect(check.res.checkResult).toEqual({ chooseImage: true, previewImage: true, onMenuShareTimeline: true, openEnterpriseChat: false });
});

test('chooseImage gives localIds that display as <img> src; upload, download and getLocalImgData follow', async ({ page }) => {
  await open(page);
  const chosen = await call(page, 'chooseImage', { count: 9 });
  expect(chosen.kind).toBe('success');
  const localIds: string[] = chosen.res.localIds;
  expect(localIds).toHaveLength(3);
  for (const id of localIds) expect(id).toMatch(/^wxLocalResource:\/\//);
  // The simulator shows what was chosen; the page can show a localId as WeChat allows.
  const shown = page.locator('[data-sim="chooseImage"] img').first();
  await expect(shown).toBeVisible();
  // Visible is not decoded: wait for the image itself.
  await expect.poll(() => shown.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await page.locator('[data-sim="chooseImage"] [data-close]').click();
  await expect(page.locator('[data-sim="chooseImage"]')).toHaveCount(0);
  await page.evaluate((ids) => (window as any).harness.show(ids), localIds);
  await expect.poll(() => page.locator('#shown img').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth))).toEqual([640, 640, 640]);

  const data = await call(page, 'getLocalImgData', { localId: localIds[0] });
  expect(data.res.localData).toMatch(/^data:image\/jpeg;base64,\/9j\//);
  const uploaded = await call(page, 'uploadImage', { localId: localIds[1], isShowProgressTips: 1 });
  expect(uploaded.res.serverId).toMatch(/^[\w-]{64}$/);
  const downloaded = await call(page, 'downloadImage', { serverId: uploaded.res.serverId, isShowProgressTips: 0 });
  expect(downloaded.res.localId).toMatch(/^wxLocalResource:\/\//);
  expect((await call(page, 'uploadImage', { localId: 'wxLocalResource://nope' })).kind).toBe('fail');
});

test('previewImage opens a preview overlay; outside images are placeholders, never requests', async ({ page }) => {
  await open(page);
  const answer = await call(page, 'previewImage', {
    current: 'http://img5.douban.com/view/photo/photo/public/p1353993776.jpg',
    urls: ['http://img3.douban.com/view/photo/photo/public/p2152117150.jpg', 'http://img5.douban.com/view/photo/photo/public/p1353993776.jpg', '../assets/sim/samples/photo-2.svg'],
  });
  expect(answer.res.errMsg).toBe('previewImage:ok');
  const overlay = page.locator('[data-sim="previewImage"]');
  await expect(overlay).toBeVisible();
  await expect(overlay.locator('.wxsim-preview-count')).toHaveText('2 / 3');
  await expect(overlay.locator('.wxsim-preview-thumbs .wxsim-ph')).toHaveCount(2);
  await overlay.locator('[data-index="2"]').click();
  await expect(overlay.locator('.wxsim-preview-main img')).toBeVisible();
  await overlay.locator('[data-close]').click();
  await expect(overlay).toHaveCount(0);
});

test('the menu model follows hideMenuItems, hideOptionMenu and friends; basic items stay', async ({ page }) => {
  await open(page);
  await page.locator('#wx-sim-status').click();
  const item = (id: string) => page.locator(`#wx-sim-panel [data-menu-item="${id}"]`);
  await expect(item('menuItem:copyUrl')).toBeVisible();
  const hidden = await call(page, 'hideMenuItems', { menuList: ['menuItem:copyUrl', 'menuItem:share:timeline', 'menuItem:refresh'] });
  expect(hidden.res.errMsg).toBe('hideMenuItems:ok');
  await expect(item('menuItem:copyUrl')).toHaveCount(0);
  await expect(item('menuItem:share:timeline')).toHaveCount(0);
  await expect(item('menuItem:refresh')).toBeVisible();
  const menu = await page.evaluate(() => (window as any).__wxSimulator.menu);
  expect(menu.hidden).toEqual(expect.arrayContaining(['menuItem:copyUrl', 'menuItem:share:timeline']));
  expect(menu.hidden).not.toContain('menuItem:refresh');
  expect(menu.visible).not.toContain('menuItem:copyUrl');

  await call(page, 'hideOptionMenu');
  await expect(page.locator('#wx-sim-menu-button')).toBeHidden();
  await expect(page.locator('#wx-sim-panel [data-menu-item]')).toHaveCount(0);
  await call(page, 'showOptionMenu');
  await expect(page.locator('#wx-sim-menu-button')).toBeVisible();
  await call(page, 'showMenuItems', { menuList: ['menuItem:copyUrl'] });
  await expect(item('menuItem:copyUrl')).toBeVisible();
  await call(page, 'hideAllNonBaseMenuItem');
  await expect(page.locator('#wx-sim-panel [data-menu-item][data-group="propagation"]')).toHaveCount(0);
  await expect(page.locator('#wx-sim-panel [data-menu-item][data-group="protection"]')).toHaveCount(0);
  await expect(item('menuItem:refresh')).toBeVisible();
  await call(page, 'showAllNonBaseMenuItem');
  await expect(item('menuItem:share:timeline')).toBeVisible();
  // Cancel closes the sheet; the "···" button opens it again.
  await page.locator('#wx-sim-panel [data-menu-close]').click();
  await expect(item('menuItem:copyUrl')).toHaveCount(0);
  await page.locator('#wx-sim-menu-button').click();
  await expect(item('menuItem:copyUrl')).toBeVisible();
});

for (const lang of ['zh', 'en'] as const) {
  test(`the menu sheet shows appendix 3's labels as the catalog has them (${lang})`, async ({ page, request }) => {
    const catalog = await (await request.get(`${test.info().project.use.baseURL}/api/catalog`)).json();
    const names = new Map<string, string>(catalog.menuItems.map((item: any) => [item.id, item.name[lang]]));
    expect(names.size).toBe(23);
    await open(page, lang === 'en' ? '?lang=en' : '');
    await page.locator('#wx-sim-status').click();
    const shown = await page.locator('#wx-sim-panel [data-menu-item]').evaluateAll((items) =>
      items.map((el) => [el.getAttribute('data-menu-item'), el.querySelector('span')?.textContent]));
    expect(shown.length).toBeGreaterThan(10);
    for (const [id, label] of shown) expect(label, id ?? '').toBe(names.get(id ?? ''));
    // The labels that once drifted in a JS copy of the list.
    const label = (id: string) => page.locator(`#wx-sim-panel [data-menu-item="${id}"]`);
    if (lang === 'zh') {
      await expect(label('menuItem:exposeArticle')).toHaveText(/举报/);
      await expect(label('menuItem:share:weiboApp')).toHaveText(/分享到Weibo/);
      await expect(label('menuItem:openWithSafari')).toHaveText(/在Safari中打开/);
    }
  });
}

test('the presenter\'s outcome: cancel reaches chooseImage\'s cancel callback, fail reaches chooseWXPay\'s fail', async ({ page }) => {
  await open(page);
  await page.locator('#wx-sim-status').click();
  await page.selectOption('#wx-sim-outcome', 'cancel');
  const cancelled = await call(page, 'chooseImage');
  expect(cancelled).toEqual({ kind: 'cancel', res: { errMsg: 'chooseImage:cancel' } });
  await page.evaluate(() => (window as any).__wxSimulator.setOutcome('fail'));
  await expect(page.locator('#wx-sim-outcome')).toHaveValue('fail');
  const failed = await call(page, 'chooseWXPay', signedPay);
  expect(failed.kind).toBe('fail');
  expect(failed.res.errMsg).toBe('chooseWXPay:fail');
  await expect(page.locator('[data-sim="chooseWXPay"] .wxsim-result')).toHaveAttribute('data-outcome', 'fail');
  await page.evaluate(() => (window as any).__wxSimulator.reset());
  await expect(page.locator('#wx-sim-outcome')).toHaveValue('ok');
  expect((await call(page, 'chooseWXPay', signedPay)).res.errMsg).toBe('chooseWXPay:ok');
});

test.describe('with location access granted', () => {
  test.use({ geolocation: { latitude: 31.2304, longitude: 121.4737, accuracy: 20 }, permissions: ['geolocation'] });
  test('getLocation answers the browser\'s position', async ({ page }) => {
    await open(page);
    const answer = await call(page, 'getLocation', { type: 'wgs84' });
    expect(answer.res).toMatchObject({ errMsg: 'getLocation:ok', latitude: 31.2304, longitude: 121.4737, accuracy: 20 });
    expect(typeof answer.res.speed).toBe('number');
  });
});

test('getLocation without access answers the sample position, quickly', async ({ page }) => {
  await open(page);
  const started = Date.now();
  const answer = await call(page, 'getLocation');
  expect(Date.now() - started).toBeLessThan(5000);
  expect(answer.res).toEqual({ errMsg: 'getLocation:ok', latitude: 23.099994, longitude: 113.32452, speed: 0, accuracy: 65 });
  const gcj = await call(page, 'getLocation', { type: 'gcj02' });
  expect(gcj.res.latitude).not.toBe(23.099994);
  expect(Math.abs(gcj.res.latitude - 23.099994)).toBeLessThan(0.01);
});

test('scanQRCode: needResult 1 returns resultStr, needResult 0 is handled by WeChat', async ({ page }) => {
  await open(page);
  const scanned = await call(page, 'scanQRCode', { needResult: 1, scanType: ['qrCode', 'barCode'] });
  expect(scanned.res.errMsg).toBe('scanQRCode:ok');
  expect(scanned.res.resultStr).toBe(`${server.url}/`);
  const bar = await call(page, 'scanQRCode', { needResult: 1, scanType: ['barCode'] });
  expect(bar.res.resultStr).toBe('EAN_13,6901234567892');
  const handled = await call(page, 'scanQRCode', { needResult: 0 });
  expect(handled.res).toEqual({ errMsg: 'scanQRCode:ok' });
  await expect(page.locator('[data-sim="scanQRCode"]')).toBeVisible();
});

test('sharing from the simulated menu fires trigger, shows the content and reports the outcome', async ({ page }) => {
  await open(page);
  await page.evaluate(() => (window as any).harness.listen('onMenuShareAppMessage', {
    title: '互联网之子', desc: '分享描述', link: 'http://movie.douban.com/subject/25785114/', imgUrl: 'http://demo.open.weixin.qq.com/jssdk/images/p2166127561.jpg',
  }));
  await page.locator('#wx-sim-status').click();
  await page.locator('#wx-sim-panel [data-share="menu:share:appmessage"]').click();
  await expect(page.locator('[data-sim="share"]')).toContainText('互联网之子');
  await expect(page.locator('[data-sim="share"] .wxsim-result')).toHaveAttribute('data-outcome', 'ok');
  await expect.poll(() => page.evaluate(() => (window as any).harness.events.map((e: any) => `${e.kind}:${e.res.errMsg ?? ''}`)))
    .toEqual(expect.arrayContaining(['trigger:', 'success:sendAppMessage:ok']));
  await page.locator('[data-sim="share"] [data-close]').click();

  await page.selectOption('#wx-sim-outcome', 'cancel');
  await page.locator('#wx-sim-panel [data-share="menu:share:appmessage"]').click();
  await expect.poll(() => page.evaluate(() => (window as any).harness.events.some((e: any) => e.kind === 'cancel' && e.res.errMsg === 'sendAppMessage:cancel'))).toBe(true);
  await page.locator('[data-sim="share"] [data-close]').click();

  // Without a listener, Moments shares what updateTimelineShareData set.
  await page.selectOption('#wx-sim-outcome', 'ok');
  expect((await call(page, 'updateTimelineShareData', { title: 'Timeline title', link: `${server.url}/`, imgUrl: '' })).res.errMsg).toBe('updateTimelineShareData:ok');
  await page.locator('#wx-sim-panel [data-menu-item="menuItem:share:timeline"]').click();
  await expect(page.locator('[data-sim="share"]')).toContainText('Timeline title');
});

test('voice: record (bundled clip in headless), stop, play to the end, translate, upload, download', async ({ page }) => {
  await open(page);
  await page.evaluate(() => (window as any).harness.listen('onVoicePlayEnd', {}));
  expect((await call(page, 'startRecord')).res.errMsg).toBe('startRecord:ok');
  const stopped = await call(page, 'stopRecord');
  expect(stopped.res.localId).toMatch(/^weixin:\/\/resourceid\//);
  expect((await call(page, 'stopRecord')).kind).toBe('fail');
  expect((await call(page, 'playVoice', { localId: stopped.res.localId })).res.errMsg).toBe('playVoice:ok');
  await expect.poll(() => page.evaluate(() => (window as any).harness.events.find((e: any) => e.name === 'onVoicePlayEnd' && e.kind === 'success')?.res), { timeout: 8000 })
    .toEqual({ errMsg: 'onVoicePlayEnd:ok', localId: stopped.res.localId });
  expect((await call(page, 'translateVoice', { localId: stopped.res.localId })).res.translateResult).toBeTruthy();
  const up = await call(page, 'uploadVoice', { localId: stopped.res.localId, isShowProgressTips: 1 });
  const down = await call(page, 'downloadVoice', { serverId: up.res.serverId });
  expect(down.res.localId).toMatch(/^weixin:\/\/resourceid\//);
});

test('a recording reaching the limit ends by itself through onVoiceRecordEnd', async ({ page }) => {
  await open(page);
  await page.evaluate(() => (window as any).harness.listen('onVoiceRecordEnd', {}));
  await call(page, 'startRecord');
  await expect.poll(() => page.evaluate(() => !!(window as any).__wxSimulator.state.recording)).toBe(true);
  await page.evaluate(() => (window as any).__wxSimulator.finishRecording());
  await expect.poll(() => page.evaluate(() => (window as any).harness.events.find((e: any) => e.name === 'onVoiceRecordEnd' && e.kind === 'complete')?.res.localId))
    .toMatch(/^weixin:\/\/resourceid\//);
});

test('card and pay signatures go to the server with the values the call carries; a refused one fails as WeChat answers', async ({ page }) => {
  await open(page);
  // Routes registered later take precedence: from here on the server refuses every signature.
  const bodies = await stubSignatures(page, () => ({ valid: false, fault: 'mismatch' }));
  const chosen = await call(page, 'chooseCard', { timestamp: 1437997723, nonceStr: 'n', cardType: 'GROUPON', cardSign: 'wrong' });
  expect(chosen.kind).toBe('fail');
  expect(chosen.res.errMsg).toBe('chooseCard:fail');
  await expect(page.locator('[data-sim="chooseCard"] [data-sim-fault="mismatch"]')).toBeVisible();
  expect(bodies[0]).toEqual({ kind: 'card_sign', app_id: 'wx_sim_harness', location_id: '', card_type: 'GROUPON', card_id: '', time_stamp: '1437997723', nonce_str: 'n', sign_type: 'SHA1', card_sign: 'wrong' });
  const ext = '{"timestamp":"1","nonce_str":"n","signature":"s"}';
  const added = await call(page, 'addCard', { cardList: [{ cardId: 'p1', cardExt: ext }] });
  expect(added.res.errMsg).toBe('addCard:fail');
  expect(bodies[1]).toEqual({ kind: 'card_ext', card_id: 'p1', card_ext: ext });
  await expect(page.locator('[data-sim="addCard"]')).toContainText('mismatch');
  const paid = await call(page, 'chooseWXPay', signedPay);
  expect(paid.res.errMsg).toBe('chooseWXPay:fail');
  expect(bodies[2]).toEqual({ kind: 'pay_sign', appId: 'wx_sim_harness', timeStamp: '1414723227', nonceStr: 'noncestr', package: 'prepay_id=wx_sandbox_1', signType: 'MD5', paySign: signedPay.paySign });
  // Appendix 5 #18, in the page's language.
  await expect(page.locator('[data-sim="chooseWXPay"] [data-sim-fault="mismatch"]')).toHaveText(/该公众号支付签名无效|payment signature is invalid/);
});

test('cards, pay, address and the rest answer in their documented shapes', async ({ page }) => {
  await open(page);
  const address = await call(page, 'openAddress');
  expect(address.res).toMatchObject({ errMsg: 'openAddress:ok', userName: '张三', postalCode: '510000', provinceName: '广东省', cityName: '广州市', countryName: '海珠区', detailInfo: '新港中路397号', nationalCode: '440105', telNumber: '020-81167888' });
  const chosen = await call(page, 'chooseCard', { timestamp: 1, nonceStr: 'n', cardSign: 'sign' });
  expect(typeof chosen.res.cardList).toBe('string');
  expect(JSON.parse(chosen.res.cardList)[0]).toEqual({ card_id: expect.any(String), encrypt_code: expect.any(String) });
  const added = await call(page, 'addCard', { cardList: [{ cardId: 'p1', cardExt: '{"timestamp":"1","signature":"s"}' }] });
  expect(added.res.cardList).toEqual([{ cardId: 'p1', cardExt: '{"timestamp":"1","signature":"s"}', isSuccess: true }]);
  expect((await call(page, 'openCard', { cardList: [{ cardId: 'p1', code: '123' }] })).res.errMsg).toBe('openCard:ok');
  await expect(page.locator('[data-sim="openCard"]')).toContainText('123');
  expect((await call(page, 'consumeAndShareCard', { cardId: 'p1', code: '123' })).res.errMsg).toBe('consumeAndShareCard:ok');
  expect((await call(page, 'chooseWXPay', signedPay)).res.errMsg).toBe('chooseWXPay:ok');
  await expect(page.locator('[data-sim="chooseWXPay"]')).toContainText('prepay_id=wx_sandbox_1');
  expect((await call(page, 'openProductSpecificView', { productId: 'pid1' })).res.errMsg).toBe('openProductSpecificView:ok');
  expect((await call(page, 'openLocation', { latitude: 23.1, longitude: 113.3, name: 'TIT', address: '新港中路 397 号', scale: 14 })).res.errMsg).toBe('openLocation:ok');
  await expect(page.locator('[data-sim="openLocation"]')).toContainText('新港中路 397 号');
  expect((await call(page, 'closeWindow')).res.errMsg).toBe('closeWindow:ok');
  await expect(page.locator('[data-sim="closeWindow"]')).toBeVisible();
  await page.evaluate(() => (window as any).harness.listen('onSearchBeacons', {}));
  expect((await call(page, 'startSearchBeacons', { ticket: '' })).res.errMsg).toBe('startSearchBeacons:ok');
  await expect.poll(() => page.evaluate(() => (window as any).harness.events.find((e: any) => e.name === 'onSearchBeacons')?.res.beacons?.length)).toBe(2);
  expect((await call(page, 'stopSearchBeacons')).res.errMsg).toBe('stopSearchBeacons:ok');
  const rows = page.locator('#wx-sim-panel [data-bridge-call="editAddress"]');
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('edit_address:ok');
});

test('ask mode: the presenter picks in a sheet', async ({ page }) => {
  await open(page);
  await page.locator('#wx-sim-status').click();
  await page.locator('#wx-sim-ask').check();
  const pending = call(page, 'chooseImage', { count: 2 });
  const picker = page.locator('[data-sim="chooseImage"]');
  await expect(picker.locator('[data-sample]')).toHaveCount(3);
  await picker.locator('[data-sample="1"]').click();
  await picker.locator('[data-sim-action="ok"]').click();
  const answer = await pending;
  expect(answer.res.localIds).toHaveLength(1);
  const location = call(page, 'getLocation');
  await page.locator('[data-sim="getLocation"] [data-sim-action="cancel"]').click();
  expect((await location).res.errMsg).toBe('getLocation:cancel');
});

test('labels follow <html lang>', async ({ page }) => {
  await open(page, '?lang=en');
  await expect(page.locator('#wx-sim-status')).toContainText('Simulated WeChat');
  await page.evaluate(() => { document.documentElement.lang = 'zh-CN'; });
  await expect(page.locator('#wx-sim-status')).toContainText('模拟微信');
});

test.describe('on an Android phone browser', () => {
  test.use({ userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36' });
  test('Android-shaped answers parse, and jweixin\'s report to Tencent is dropped', async ({ page }) => {
    await open(page);
    // jweixin's report image (sent from phones after config) never leaves the browser.
    await expect.poll(() => page.evaluate(() => (window as any).__wxSimulator.calls.filter((c: any) => c.kind === 'report').length)).toBeGreaterThan(0);
    const chosen = await call(page, 'chooseImage', { count: 1 });
    expect(Array.isArray(chosen.res.localIds)).toBe(true);
    const check = await call(page, 'checkJsApi', { jsApiList: ['chooseImage'] });
    expect(check.res.checkResult).toEqual({ chooseImage: true });
    const data = await call(page, 'getLocalImgData', { localId: chosen.res.localIds[0] });
    expect(data.res.localData).toMatch(/^\/9j\//);
  });
});
