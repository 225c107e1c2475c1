import { test, expect, waitForHydration } from './fixtures';

async function ready(page: import('@playwright/test').Page, path: string) {
  await page.goto(path);
  await waitForHydration(page);
  await expect(page.locator('#config-status')).toHaveAttribute('data-status', 'ready');
}

test('a tampered signature gets WeChat\'s answer and the appendix-5 explanation', async ({ page, pageErrors }) => {
  await page.route('**/api/js_config', async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    body.config.signature = '0'.repeat(40);
    await route.fulfill({ response, json: body });
  });
  let reports = 0;
  page.on('response', (response) => {
    if (response.url().endsWith('/api/config_error')) reports += 1;
  });
  await page.goto('/device');
  await waitForHydration(page);
  // The page reports, the server renews the ticket, the page tries once more and fails again.
  await expect.poll(() => reports).toBe(2);
  await expect(page.locator('#config-status')).toHaveAttribute('data-status', 'failed');
  await expect(page.locator('#config-status')).toContainText('config:invalid signature');
  await expect(page.locator('#wx-error-help [data-pattern="invalid signature"]')).toBeVisible();
  await expect(page.locator('#open-doctor')).toHaveAttribute('href', /\/doctor\?url=/);
  // Both verdicts (the URL was right, so the ticket was at fault) are said in Chinese: the
  // ticket fetched anew, or renewed less than a minute ago (by this page or an earlier test).
  const verdicts = page.locator('#result-log .log_entry[data-api="config"] .log_message');
  await expect(
    verdicts.filter({ hasText: /^(URL 无误，jsapi_ticket 可能已被替换：已重新获取。|jsapi_ticket 不到一分钟前刚更新过，请用它重新调用 wx\.config。)$/ }),
  ).toHaveCount(2);
  // Buttons explain why they do nothing instead of failing silently.
  await page.click('#getNetworkType');
  await expect(page.locator('#result-log .log_entry[data-api="getNetworkType"]').first()).toContainText(
    'config:invalid signature',
  );
  expect(pageErrors).toEqual([]);
});

for (const { name, signed, code } of [
  { name: 'another path', signed: (base: string) => `${base}/share`, code: 'url_mismatch' },
  { name: 'another host', signed: (base: string) => base.replace('127.0.0.1', 'localhost') + '/basic', code: 'host_mismatch' },
]) {
  test(`a config signed for ${name} gets config:invalid signature and the diagnosis names it`, async ({ page, baseURL }) => {
    // The page asks for its own URL; the request is rewritten on the way, as a proxy or a
    // bug in a page's own signing code would, so the server signs another URL.
    const wrongUrl = signed(baseURL!);
    await page.route('**/api/js_config', async (route) => {
      const body = new URLSearchParams(route.request().postData() ?? '');
      body.set('url', wrongUrl);
      await route.continue({ postData: body.toString() });
    });
    const verdicts: any[] = [];
    page.on('response', async (response) => {
      if (response.url().endsWith('/api/config_error')) verdicts.push(await response.json());
    });
    await page.goto('/basic');
    await waitForHydration(page);
    await expect(page.locator('#config-status')).toHaveAttribute('data-status', 'failed');
    await expect(page.locator('#config-status')).toContainText('config:invalid signature');
    // The page shows the URL the signature really covers, and the lint says what differs.
    await expect(page.locator('#signed-url')).toHaveText(wrongUrl);
    const finding = page.locator(`#wx-error-help .finding[data-code="${code}"]`);
    await expect(finding).toBeVisible();
    // Said in the page's language (Chinese by default), naming both sides.
    await expect(finding).toContainText(
      code === 'host_mismatch'
        ? `签名 URL 的域名（${new URL(wrongUrl).origin}）与页面的（${baseURL}）不同`
        : `签名 URL 与页面的 location.href（${baseURL}/basic）不同`,
    );
    // The server tells a URL mistake from a stale ticket: no refresh, no second attempt. It
    // sends the cause and the values; the log says them in Chinese.
    await expect.poll(() => verdicts.length).toBe(1);
    expect(verdicts[0]).toEqual({
      cause: 'url_mismatch',
      refreshed: false,
      retry: false,
      err_msg: 'config:invalid signature',
      signed_url: wrongUrl,
      page_url: `${baseURL}/basic`,
      // The URL the simulated client verified, as a real client's answer names it.
      real_auth_url: `${baseURL}/basic`,
    });
    const notes = page.locator('#result-log .log_entry[data-api="config"] .log_message');
    await expect(notes.filter({ hasText: 'realAuthUrl' })).toHaveText([
      `微信验证的是 ${baseURL}/basic（realAuthUrl），页面签名用的却是 ${wrongUrl}：请签 realAuthUrl 这个地址；签名诊断会指出两者的差别。`,
    ]);
    // The doctor link carries both URLs, and the doctor names the same cause.
    await page.click('#open-doctor');
    await page.waitForURL(/\/doctor\?/);
    // The form is a lazy island: a click before it hydrates submits it natively, without
    // the step-by-step answer.
    await waitForHydration(page);
    await expect(page.locator('#doctor-url')).toHaveValue(wrongUrl);
    await expect(page.locator('#doctor-page-url')).toHaveValue(`${baseURL}/basic`);
    // The realAuthUrl section names the difference at once, from the link alone.
    await expect(page.locator('#auth-url-causes li').first()).toHaveAttribute(
      'data-code',
      code === 'host_mismatch' ? 'host' : 'other_page',
    );
    await page.fill('#doctor-ticket', 'any-ticket');
    await page.fill('#doctor-noncestr', 'n');
    await page.fill('#doctor-timestamp', '1');
    await page.click('#doctor-run');
    await expect(page.locator(`#doctor-findings .finding[data-code="${code}"]`)).toBeVisible();
  });
}

test('an API left out of jsApiList is refused as WeChat refuses it', async ({ page }) => {
  await ready(page, '/images');
  const errMsg = await page.evaluate(
    () =>
      new Promise<string>((resolve) =>
        (window as any).wx.hideOptionMenu({ complete: (res: any) => resolve(res.errMsg) }),
      ),
  );
  expect(errMsg).toBe('hideOptionMenu:permission denied');
});

test('images flow: choose, upload, download, with the simulator showing the chosen images', async ({ page }) => {
  await ready(page, '/images');
  await page.click('#chooseImage');
  await expect(page.locator('.log_entry[data-api="chooseImage"][data-callback="success"]')).toContainText('已选择 3 张图片');
  const image = page.locator('[data-sim="chooseImage"] img').first();
  await expect(image).toBeVisible();
  // Visible is not decoded: wait for the image itself.
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await page.locator('[data-sim="chooseImage"] [data-close]').click();
  await page.click('#uploadImage');
  await expect(page.locator('.log_entry[data-api="uploadImage"][data-callback="success"]')).toHaveCount(3);
  await page.click('#downloadImage');
  await expect(page.locator('.log_entry[data-api="downloadImage"][data-callback="success"]')).toHaveCount(3);
  // The official demo's alert after each download.
  await expect(page.locator('.log_entry[data-api="downloadImage"]').filter({ hasText: '已下载：3/3' })).toHaveCount(1);
});

test('the presenter can make a user-driven call cancel', async ({ page }) => {
  await ready(page, '/location');
  await page.locator('#wx-sim-panel summary').click();
  await page.selectOption('#wx-sim-outcome', 'cancel');
  await page.click('#getLocation');
  const entry = page.locator('.log_entry[data-api="getLocation"][data-callback="cancel"]');
  await expect(entry).toContainText('getLocation:cancel');
  await expect(entry).toContainText('用户拒绝授权获取地理位置');
});

test('voice flow: record, stop, play to the end, upload, download', async ({ page }) => {
  await ready(page, '/voice');
  await page.click('#playVoice');
  await expect(page.locator('.log_entry[data-api="playVoice"]').first()).toContainText('请先使用 startRecord 接口录制一段声音');
  await page.click('#startRecord');
  await page.click('#stopRecord');
  await expect(page.locator('.log_entry[data-api="stopRecord"][data-callback="success"]')).toHaveCount(1);
  await page.click('#playVoice');
  await expect(page.locator('.log_entry[data-api="onVoicePlayEnd"][data-callback="complete"]')).toContainText('播放结束');
  await page.click('#uploadVoice');
  await expect(page.locator('.log_entry[data-api="uploadVoice"][data-callback="success"]')).toContainText('上传语音成功，serverId 为');
  await page.click('#downloadVoice');
  await expect(page.locator('.log_entry[data-api="downloadVoice"][data-callback="success"]')).toContainText('下载语音成功，localId 为');
});

test('/smart works by following its own page: record on the voice page, translate on /smart', async ({ page }) => {
  await ready(page, '/smart');
  await expect(page.locator('main')).toContainText('音频接口');
  await page.click('#translateVoice');
  await expect(page.locator('.log_entry[data-api="translateVoice"]').first()).toContainText('请先使用 startRecord 接口录制一段声音');
  await ready(page, '/voice');
  await page.click('#startRecord');
  await page.click('#stopRecord');
  await expect(page.locator('.log_entry[data-api="stopRecord"][data-callback="success"]')).toHaveCount(1);
  // The recording is carried to /smart, as WeChat keeps a localId for the web view.
  await ready(page, '/smart');
  await page.click('#translateVoice');
  await expect(page.locator('.log_entry[data-api="translateVoice"][data-callback="complete"]')).toContainText('识别结果：');
  // A failed recognition (the simulator forgets the voice) says what the official demo said.
  await page.evaluate(() => {
    (window as any).__wxSimulator.state.voices = {};
  });
  await page.click('#translateVoice');
  await expect(page.locator('.log_entry[data-api="translateVoice"][data-callback="complete"]').first()).toContainText('无法识别');
});

test('sharing from the simulated menu uses the registered content and reports the outcome', async ({ page }) => {
  await ready(page, '/share');
  await page.click('#onMenuShareAppMessage');
  await expect(page.locator('.log_entry[data-api="onMenuShareAppMessage"]').first()).toContainText('已注册获取“发送给朋友”状态事件');
  await page.locator('#wx-sim-panel summary').click();
  await page.click('#wx-sim-panel [data-share="menu:share:appmessage"]');
  await expect(page.locator('[data-sim="share"]')).toContainText('互联网之子');
  await expect(page.locator('.log_entry[data-api="onMenuShareAppMessage"][data-callback="trigger"]')).toContainText('用户点击发送给朋友');
  await expect(page.locator('.log_entry[data-api="onMenuShareAppMessage"][data-callback="success"]')).toContainText('已分享');
});

test('every page sets its share content at ready with update*ShareData, never onMenuShare*', async ({ page }) => {
  await ready(page, '/basic');
  const calls = () => page.evaluate(() => (window as any).__wxSimulator.calls.map((c: any) => c.jsName ?? c.name));
  await expect.poll(calls).toContain('updateTimelineShareData');
  expect(await calls()).toContain('updateAppMessageShareData');
  expect((await calls()).filter((name: string) => name.startsWith('onMenuShare'))).toEqual([]);
  // Sharing from the menu then shares that content: the page's own address, not a foreign link.
  await page.locator('#wx-sim-panel summary').click();
  await page.click('#wx-sim-panel [data-share="menu:share:appmessage"]');
  await expect(page.locator('[data-sim="share"]')).toContainText('微信JS-SDK Demo');
  const shared = await page.evaluate(() => (window as any).__wxSimulator.shareData.appMessage.link);
  expect(shared).toBe(page.url().split('#')[0]);
});

test('the share page states the link rule and its samples share the page itself', async ({ page }) => {
  await ready(page, '/share');
  await expect(page.locator('.api_item[data-api="onMenuShareQQ"] .share_rule')).toContainText('JS安全域名');
  await expect(page.locator('.api_item[data-api="onMenuShareWeibo"] .badge_warn')).toHaveCount(0);
  await expect(page.locator('.api_item[data-api="onMenuShareQQ"] .badge_warn')).toHaveCount(1);
  await page.click('#onMenuShareQQ');
  await expect(page.locator('#snippet')).toContainText(`link: '${page.url().split('#')[0]}'`);
});

test('hideMenuItems hides those items in the simulated menu', async ({ page }) => {
  await ready(page, '/menu');
  await page.locator('#wx-sim-panel summary').click();
  await expect(page.locator('#wx-sim-panel [data-menu-item="menuItem:copyUrl"]')).toBeVisible();
  await page.click('#hideMenuItems');
  await expect(page.locator('.log_entry[data-api="hideMenuItems"][data-callback="success"]')).toContainText('已隐藏“阅读模式”');
  await expect(page.locator('#wx-sim-panel [data-menu-item="menuItem:copyUrl"]')).toHaveCount(0);
  await page.click('#showMenuItems');
  await expect(page.locator('#wx-sim-panel [data-menu-item="menuItem:copyUrl"]')).toBeVisible();
});

test('cards: chooseCard is signed by the server, its code decrypted, and openCard uses it', async ({ page }) => {
  await ready(page, '/cards');
  await page.click('#openCard');
  await expect(page.locator('.log_entry[data-api="openCard"]').first()).toContainText('请先使用 chooseCard 接口选择卡券。');
  await page.click('#chooseCard');
  await expect(page.locator('.log_entry[data-api="chooseCard"][data-callback="success"]')).toContainText('已选择卡券');
  await expect(page.locator('.log_entry[data-api="chooseCard"]').first()).toContainText('code:');
  await page.click('#openCard');
  await expect(page.locator('.log_entry[data-api="openCard"][data-callback="success"]')).toContainText('openCard:ok');
  await page.locator('[data-sim="openCard"] [data-close]').click();
  await page.click('#addCard');
  await expect(page.locator('.log_entry[data-api="addCard"][data-callback="success"]')).toContainText('已添加卡券');
});

test('scan with needResult 1 returns the result', async ({ page }) => {
  await ready(page, '/scan');
  await page.click('#scanQRCode1');
  await expect(page.locator('.log_entry[data-api="scanQRCode1"][data-callback="success"]')).toContainText('resultStr');
});

test('after a ticket problem the server renews the ticket and the page configures once more', async ({ page }) => {
  let tampered = 0;
  await page.route('**/api/js_config', async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    if (tampered === 0) {
      tampered += 1;
      body.config.signature = '0'.repeat(40);
    }
    await route.fulfill({ response, json: body });
  });
  const reports: string[] = [];
  page.on('response', async (response) => {
    if (response.url().endsWith('/api/config_error')) reports.push(await response.text());
  });
  await page.goto('/device');
  await waitForHydration(page);
  await expect(page.locator('#config-status')).toHaveAttribute('data-status', 'ready');
  await expect.poll(() => reports.length).toBe(1);
  expect(JSON.parse(reports[0]).cause).toBe('ticket');
  expect(tampered).toBe(1);
  await page.click('#getNetworkType');
  await expect(page.locator('.log_entry[data-api="getNetworkType"][data-callback="success"]')).toContainText('getNetworkType:ok');
});

test('every button of every category answers :ok, its ordering message, or its registration', async ({ page, request }) => {
  test.setTimeout(120_000);
  const { categories } = await (await request.get('/api/catalog')).json();
  const answered = /:ok|请先|已注册/;
  for (const category of categories) {
    await ready(page, `/${category.slug}`);
    for (const api of category.apis) {
      await page.click(`#${api.id}`);
      const entry = page
        .locator(`#result-log .log_entry[data-api="${api.id}"]`)
        .filter({ hasText: answered })
        .first();
      await expect(entry, `${category.slug} › ${api.id}`).toBeVisible();
      // Close whatever the simulated WeChat opened (preview, map, pay sheet, ...).
      const overlays = page.locator('.wxsim-overlay [data-close]');
      while ((await overlays.count()) > 0) await overlays.first().click();
    }
  }
});

test.describe('with location access granted', () => {
  test.use({ geolocation: { latitude: 31.2304, longitude: 121.4737 }, permissions: ['geolocation'] });

  test('getLocation answers the browser\'s position', async ({ page }) => {
    await ready(page, '/location');
    await page.click('#getLocation');
    const entry = page.locator('.log_entry[data-api="getLocation"][data-callback="success"]');
    await expect(entry).toContainText('31.2304');
    await expect(entry).toContainText('121.4737');
  });
});

test('a recording that reaches one minute ends by itself through onVoiceRecordEnd', async ({ page }) => {
  await ready(page, '/voice');
  await page.click('#startRecord');
  await expect.poll(() => page.evaluate(() => !!(window as any).__wxSimulator.state.recording)).toBe(true);
  await page.evaluate(() => (window as any).__wxSimulator.finishRecording());
  await expect(page.locator('.log_entry[data-api="onVoiceRecordEnd"][data-callback="complete"]')).toContainText('录音时间已超过一分钟');
  await page.click('#playVoice');
  await expect(page.locator('.log_entry[data-api="onVoicePlayEnd"][data-callback="complete"]')).toContainText('播放结束');
});
