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
