// The simulator checks every signature, as a phone does: cardSign, cardExt and paySign are
// verified by the server against the wx_card api_ticket and the sandbox merchant key, and a
// config signed for another URL fails with the realAuthUrl real clients add, which the doctor
// reads.
import { test, expect, waitForHydration } from './fixtures';
import type { Page } from '@playwright/test';

async function ready(page: Page, path: string) {
  await page.goto(path);
  await waitForHydration(page);
  await expect(page.locator('#config-status')).toHaveAttribute('data-status', 'ready');
}

type Outcome = { kind: 'success' | 'fail' | 'cancel'; res: Record<string, any> };
/// Calls `wx.<name>` in the page and resolves with the callback that fired.
function wxCall(page: Page, name: string, args: Record<string, unknown>): Promise<Outcome> {
  return page.evaluate(
    ([n, a]) =>
      new Promise<Outcome>((resolve) => {
        (window as any).wx[n]({
          ...a,
          success: (res: any) => resolve({ kind: 'success', res }),
          fail: (res: any) => resolve({ kind: 'fail', res }),
          cancel: (res: any) => resolve({ kind: 'cancel', res }),
        });
      }),
    [name, args] as const,
  );
}

/// A server function of the playground (form-encoded), as a page calls it.
async function serverFn(page: Page, endpoint: string, form: Record<string, string>) {
  const response = await page.request.post(`/api/${endpoint}`, { form });
  expect(response.ok(), `${endpoint}: ${response.status()}`).toBe(true);
  return response.json();
}

const flip = (hex: string) => (hex[0] === '0' ? '1' : '0') + hex.slice(1);

test('chooseCard: the server\'s cardSign passes, a wrong one brings up an empty list and fails', async ({ page }) => {
  await ready(page, '/cards');
  const signed = await serverFn(page, 'card_sign', { card_type: 'GROUPON' });
  const args = {
    cardType: signed.card_type, cardId: signed.card_id, shopId: signed.location_id,
    timestamp: signed.timestamp, nonceStr: signed.nonce_str, signType: 'SHA1', cardSign: signed.card_sign,
  };
  const good = await wxCall(page, 'chooseCard', args);
  expect(good.res.errMsg).toBe('chooseCard:ok');
  const bad = await wxCall(page, 'chooseCard', { ...args, cardSign: flip(signed.card_sign) });
  expect(bad.kind).toBe('fail');
  expect(bad.res.errMsg).toBe('chooseCard:fail');
  await expect(page.locator('[data-sim="chooseCard"] [data-sim-fault="mismatch"]')).toContainText('卡券列表为空');
  // Another filter than the one signed is a wrong signature too.
  const other = await wxCall(page, 'chooseCard', { ...args, cardType: 'CASH' });
  expect(other.res.errMsg).toBe('chooseCard:fail');
});

test('addCard: each cardExt is checked with the card id it travels with, optional fields unsigned', async ({ page }) => {
  await ready(page, '/cards');
  const cardExt: string = await serverFn(page, 'card_ext', { card_id: 'pStrictCard', outer_str: 'poster', fixed_begintimestamp: '1404900000' });
  expect(JSON.parse(cardExt)).toMatchObject({ outer_str: 'poster', fixed_begintimestamp: 1404900000 });
  const good = await wxCall(page, 'addCard', { cardList: [{ cardId: 'pStrictCard', cardExt }] });
  expect(good.res.errMsg).toBe('addCard:ok');
  const parsed = JSON.parse(cardExt);
  const wrong = JSON.stringify({ ...parsed, signature: flip(parsed.signature) });
  const bad = await wxCall(page, 'addCard', { cardList: [{ cardId: 'pStrictCard', cardExt: wrong }] });
  expect(bad.res.errMsg).toBe('addCard:fail');
  await expect(page.locator('[data-sim="addCard"]')).toContainText('签名错误');
  // The same cardExt for another card: the card id is signed.
  const moved = await wxCall(page, 'addCard', { cardList: [{ cardId: 'pOtherCard', cardExt }] });
  expect(moved.res.errMsg).toBe('addCard:fail');
});

test('chooseWXPay: the sandbox paySign passes in MD5 and HMAC-SHA256, a wrong one gets appendix 5 #18', async ({ page }) => {
  await ready(page, '/pay');
  for (const signType of ['MD5', 'HMAC-SHA256']) {
    const signed = await serverFn(page, 'pay_sign', { sign_type: signType });
    const args = { timestamp: signed.timestamp, nonceStr: signed.nonce_str, package: signed.package, signType, paySign: signed.pay_sign };
    const good = await wxCall(page, 'chooseWXPay', args);
    expect(good.res.errMsg, signType).toBe('chooseWXPay:ok');
    await page.locator('[data-sim="chooseWXPay"] [data-close]').click();
    const bad = await wxCall(page, 'chooseWXPay', { ...args, paySign: flip(signed.pay_sign) });
    expect(bad.res.errMsg, signType).toBe('chooseWXPay:fail');
    await expect(page.locator('[data-sim="chooseWXPay"] [data-sim-fault="mismatch"]')).toHaveText('该公众号支付签名无效，无法发起该笔交易');
    await page.locator('[data-sim="chooseWXPay"] [data-close]').click();
  }
});

test('a config signed for another URL fails with realAuthUrl = the page\'s URL, and the doctor names the cause', async ({ page, baseURL }) => {
  const pageUrl = `${baseURL}/basic?from=strict`;
  const wrongUrl = `${baseURL}/basic?from=strict&code=0a1B2c&state=login`;
  await page.route('**/api/js_config', async (route) => {
    const body = new URLSearchParams(route.request().postData() ?? '');
    body.set('url', wrongUrl);
    await route.continue({ postData: body.toString() });
  });
  const reports: URLSearchParams[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/config_error')) reports.push(new URLSearchParams(request.postData() ?? ''));
  });
  await page.goto('/basic?from=strict');
  await waitForHydration(page);
  await expect(page.locator('#config-status')).toHaveAttribute('data-status', 'failed');
  const answer = await page.evaluate(() => (window as any).__wxSimulator.calls.find((c: any) => c.name === 'preVerifyJSAPI').result);
  expect(answer.err_msg).toBe('config:invalid signature');
  expect(answer.realAuthUrl).toBe(pageUrl);
  await expect.poll(() => reports.length).toBeGreaterThan(0);
  expect(reports[0].get('real_auth_url')).toBe(pageUrl);
  // The verdict says the URL WeChat verified.
  await expect(page.locator('#result-log .log_entry[data-api="config"] .log_message').filter({ hasText: 'realAuthUrl' })).toHaveCount(1);
  const doctor = await page.locator('#open-doctor').getAttribute('href');
  expect(doctor).toContain(`real_auth_url=${encodeURIComponent(pageUrl)}`);
  await page.goto(doctor!);
  await expect(page.locator('#auth-url-signed')).toHaveValue(wrongUrl);
  await expect(page.locator('#auth-url-real')).toHaveValue(pageUrl);
  const causes = page.locator('#auth-url-causes li');
  await expect(causes).toHaveCount(1);
  await expect(causes).toHaveAttribute('data-code', 'oauth_code');
  await expect(causes.locator('[data-item="11"]')).toBeVisible();
});

test('the doctor names each cause of a signed URL against realAuthUrl', async ({ page }) => {
  const real = 'https://a.example/pay/index.html';
  for (const [signed, code] of [
    ['http://a.example/pay/index.html', 'scheme'],
    ['https://a.example:8443/pay/index.html', 'port'],
    ['https://a.example/', 'other_page'],
    ['https%3A%2F%2Fa.example%2Fpay%2Findex.html', 'encoded'],
  ]) {
    await page.goto(`/doctor?url=${encodeURIComponent(signed)}&real_auth_url=${encodeURIComponent(real)}`);
    await expect(page.locator('#auth-url-causes li').first()).toHaveAttribute('data-code', code);
  }
});
