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

test('the doctor names what is wrong with a URL', async ({ page }) => {
  await page.goto('/doctor');
  await waitForHydration(page);
  await page.fill('#doctor-url', 'http://a.example/p?x=1&amp;y=%2520#top');
  await page.fill('#doctor-ticket', 't');
  await page.fill('#doctor-noncestr', 'n');
  await page.fill('#doctor-timestamp', '1');
  await page.fill('#doctor-page-url', 'https://a.example/p?x=1&y=%20');
  await page.click('#doctor-run');
  const findings = page.locator('#doctor-findings .finding');
  await expect(findings.locator('xpath=self::*[@data-code="fragment_removed"]')).toHaveCount(1);
  await expect(page.locator('.finding[data-code="escaped_ampersand"]')).toHaveCount(1);
  await expect(page.locator('.finding[data-code="double_encoded"]')).toHaveCount(1);
  await expect(page.locator('.finding[data-code="scheme_mismatch"]')).toHaveAttribute('data-fatal', 'true');
});

test('a localhost:8080 page URL is flagged for both its port and its host', async ({ page }) => {
  await page.goto('/doctor');
  await waitForHydration(page);
  await page.fill('#doctor-url', 'http://localhost:8080/p');
  await page.fill('#doctor-ticket', 't');
  await page.fill('#doctor-noncestr', 'n');
  await page.fill('#doctor-timestamp', '1');
  await page.click('#doctor-run');
  await expect(page.locator('.finding[data-code="non_standard_port"]')).toHaveCount(1);
  await expect(page.locator('.finding[data-code="local_or_ip_host"]')).toHaveCount(1);
  // Both point at appendix 5 item 1, listed on this page.
  await expect(page.locator('.finding[data-code="non_standard_port"] .appendix_link')).toHaveAttribute('href', '#appendix-5-1');
  await expect(page.locator('.finding[data-code="local_or_ip_host"] .appendix_link')).toHaveAttribute('href', '#appendix-5-1');
  await expect(page.locator('#doctor-signature')).toHaveText(/^[0-9a-f]{40}$/);
});

test('a bad timestamp gets a message that says what to fix', async ({ page, pageErrors }) => {
  await page.goto('/doctor');
  await waitForHydration(page);
  await page.fill('#doctor-url', 'http://a.example/');
  await page.fill('#doctor-ticket', 't');
  await page.fill('#doctor-noncestr', 'n');
  await page.fill('#doctor-timestamp', 'yesterday');
  await page.click('#doctor-run');
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
