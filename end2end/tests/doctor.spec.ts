import { test, expect, waitForHydration } from './fixtures';

const TICKET = 'sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg';

test('the doctor reproduces the documented signature step by step', async ({ page }) => {
  await page.goto('/doctor');
  await waitForHydration(page);
  await page.fill('#doctor-url', 'http://mp.weixin.qq.com?params=value');
  await page.fill('#doctor-ticket', TICKET);
  await page.fill('#doctor-noncestr', 'Wm3WZYTPz0wzccnW');
  await page.fill('#doctor-timestamp', '1414587457');
  await page.fill('#doctor-expected', '0f9de62fce790f9a083d5c99e95740ceb90c27ed');
  await page.click('#doctor-run');
  await expect(page.locator('#doctor-signature')).toHaveText('0f9de62fce790f9a083d5c99e95740ceb90c27ed');
  await expect(page.locator('#doctor-string1')).toHaveText(
    `jsapi_ticket=${TICKET}&noncestr=Wm3WZYTPz0wzccnW&timestamp=1414587457&url=http://mp.weixin.qq.com?params=value`,
  );
  await expect(page.locator('.verdict')).toHaveAttribute('data-match', 'true');
});

/// Opens the doctor, fills its form (by field id; ticket, nonce and timestamp are
/// placeholders unless given) and runs it.
async function runDoctor(page: import('@playwright/test').Page, fields: Record<string, string>) {
  await page.goto('/doctor');
  await waitForHydration(page);
  for (const [id, value] of Object.entries({ ticket: 't', noncestr: 'n', timestamp: '1', ...fields })) {
    await page.fill(`#doctor-${id}`, value);
  }
  await page.click('#doctor-run');
}

test('the doctor names what is wrong with a URL', async ({ page }) => {
  await runDoctor(page, { url: 'http://a.example/p?x=1&amp;y=%2520#top', 'page-url': 'https://a.example/p?x=1&y=%20' });
  const findings = page.locator('#doctor-findings .finding');
  await expect(findings.locator('xpath=self::*[@data-code="fragment_removed"]')).toHaveCount(1);
  await expect(page.locator('.finding[data-code="escaped_ampersand"]')).toHaveCount(1);
  await expect(page.locator('.finding[data-code="double_encoded"]')).toHaveCount(1);
  await expect(page.locator('.finding[data-code="scheme_mismatch"]')).toHaveAttribute('data-fatal', 'true');
});

// The server answers with codes and values; the page says them in its language.
for (const { lang, port, host, foreign } of [
  { lang: 'zh', port: '页面在 8080 端口上', host: '域名 localhost 是本机域名或 IP 地址', foreign: /[A-Za-z]+ [A-Za-z]+ [A-Za-z]+/ },
  { lang: 'en', port: 'The page is on port 8080', host: 'The host localhost is local or an IP address', foreign: /[\u3000-\u9fff\uff00-\uffef]/ },
]) {
  test(`a localhost:8080 page URL is flagged for both its port and its host, in ${lang}`, async ({ page, context, baseURL }) => {
    if (lang === 'en') await context.addCookies([{ name: 'lang', value: 'en', url: baseURL! }]);
    await runDoctor(page, { url: 'http://localhost:8080/p#x' });
    const portFinding = page.locator('.finding[data-code="non_standard_port"]');
    const hostFinding = page.locator('.finding[data-code="local_or_ip_host"]');
    await expect(portFinding).toHaveCount(1);
    await expect(hostFinding).toHaveCount(1);
    await expect(portFinding).toContainText(port);
    await expect(hostFinding).toContainText(host);
    // Both point at appendix 5 item 1, listed on this page.
    await expect(portFinding.locator('.appendix_link')).toHaveAttribute('href', '#appendix-5-1');
    await expect(hostFinding.locator('.appendix_link')).toHaveAttribute('href', '#appendix-5-1');
    await expect(page.locator('#doctor-signature')).toHaveText(/^[0-9a-f]{40}$/);
    // Every finding is in the page's language: no English sentence in Chinese, no Chinese in English.
    const findings = await page.locator('#doctor-findings .finding').allTextContents();
    expect(findings).toHaveLength(3);
    for (const text of findings) expect(text).not.toMatch(foreign);
  });
}

test('a bad timestamp gets a message that says what to fix', async ({ page, pageErrors }) => {
  await runDoctor(page, { url: 'http://a.example/', timestamp: 'yesterday' });
  await expect(page.locator('#doctor-error')).toContainText('whole number of seconds');
  // The browser logs the 400 answer itself: that one is the point of the test.
  pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((e) => !e.includes('status of 400')));
});

test('the doctor lists appendix 5 in full, in the page\'s language', async ({ page, context, baseURL }) => {
  await page.goto('/doctor');
  const items = page.locator('#appendix-5 li.error_item');
  await expect(items).toHaveCount(24);
  const first = page.locator('#appendix-5-1');
  await expect(first.locator('.error_symptom')).toContainText('invalid url domain');
  await expect(first.locator('.error_cause')).toContainText('当前页面所在域名与使用的appid没有绑定');
  // The newer document's port advice, not the older one's.
  await expect(first.locator('.error_fix')).toContainText('仅支持80（http）和443（https）两个端口，因此不需要填写端口号');
  await expect(first.locator('.error_recognised')).toContainText('non_standard_port');
  await expect(page.locator('#appendix-5-11 .error_recognised')).toContainText('url_mismatch');
  await expect(page.locator('#appendix-5-22 .error_recognised a[href="/location"]')).toHaveCount(2);
  await expect(page.locator('#appendix-5-24 .error_recognised')).toHaveAttribute('data-recognised', 'not_automatic');
  await context.addCookies([{ name: 'lang', value: 'en', url: baseURL! }]);
  await page.goto('/doctor');
  await expect(items).toHaveCount(24);
  await expect(page.locator('#appendix-5 h2')).toHaveText('Appendix 5: common errors and their fixes');
  await expect(first.locator('.error_cause')).toContainText("The page's domain is not bound to the appId in use.");
  await expect(first.locator('.error_fix')).toContainText('Only ports 80 (http) and 443 (https) are supported, so no port number is filled in');
  await expect(page.locator('#appendix-5-24 .error_recognised')).toContainText('not recognised automatically');
});

test.describe('the wx.config linter', () => {
  const CLEAN = `wx.config({
    debug: false,
    appId: 'wx0123456789abcdef',
    timestamp: 1414587457,
    nonceStr: 'Wm3WZYTPz0wzccnW',
    signature: '0f9de62fce790f9a083d5c99e95740ceb90c27ed',
    jsApiList: ['chooseImage', 'updateAppMessageShareData'],
  });`;

  const lint = async (page: import('@playwright/test').Page, config: string, code = '', domains = '') => {
    await page.fill('#lint-config', config);
    await page.fill('#lint-code', code);
    await page.fill('#lint-safe-domains', domains);
    await page.click('#lint-run');
  };

  test('names each problem of a pasted config with its fix, and passes a clean one', async ({ page, pageErrors }) => {
    await page.goto('/doctor');
    await waitForHydration(page);
    await lint(
      page,
      CLEAN.replace('nonceStr', 'noncestr').replace('1414587457', 'Date.now()').replace('debug: false', 'debug: true'),
      `<script src="https://res.wx.qq.com/open/js/jweixin-1.6.0.js"></script>
       wx.ready(() => { wx.scanQRCode({ needResult: 1 });
         wx.updateAppMessageShareData({ title: '<img src=x onerror=alert(1)>', link: 'https://evil.example.org/', imgUrl: 'cdn.example.com/i.png' }); });`,
      'example.com',
    );
    const findings = page.locator('#lint-findings .finding');
    await expect(findings).toHaveCount(6);
    expect(await findings.evaluateAll((items) => items.map((item) => item.getAttribute('data-code')))).toEqual([
      'debug_on',
      'timestamp_made_in_page',
      'wrong_case',
      'api_not_listed',
      'share_link_off_domain',
      'share_url_without_scheme',
    ]);
    await expect(page.locator('#lint-findings [data-code=wrong_case]')).toContainText('nonceStr');
    await expect(page.locator('#lint-findings [data-code=api_not_listed]')).toContainText('scanQRCode');
    await expect(page.locator('#lint-findings [data-code=share_link_off_domain]')).toContainText('evil.example.org');
    await expect(page.locator('#lint-findings [data-code=debug_on]')).toHaveAttribute('data-fatal', 'false');

    await lint(page, CLEAN, 'wx.chooseImage({ count: 1 })', 'example.com');
    await expect(page.locator('#lint-clean')).toBeVisible();
    await expect(page.locator('#lint-findings')).toHaveCount(0);

    // A bad domain list is refused, naming the field.
    await lint(page, CLEAN, '', 'example.com:8080');
    await expect(page.locator('#lint-error')).toContainText('safe_domains');
    // That refusal is the one 400 the console shows.
    pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((e) => !e.includes('status of 400')));
  });

  test('says its findings in English on the English page', async ({ page }) => {
    await page.goto('/doctor?lang=en');
    await waitForHydration(page);
    await lint(page, CLEAN.replace("'chooseImage'", "'chooseImg'"));
    await expect(page.locator('#lint-findings [data-code=unknown_api]')).toContainText('did you mean chooseImage');
  });
});
