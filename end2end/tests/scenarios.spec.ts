import { test, expect, waitForHydration, jsonResponses } from './fixtures';
import type { Page } from '@playwright/test';

// Every scenario of the catalog (app/src/catalog/profiles.rs), opened by its deep link:
// the page shows the errMsg (or the server's errcode) the scenario documents, its
// explanation and its appendix 5 item, and "back to normal" returns to a page that works.

type Scenario = {
  id: string;
  name: { zh: string; en: string };
  explains: { zh: string; en: string };
  appendix: number | null;
  effect: { kind: string };
  probe: string | null;
  expect: string;
};

async function scenarios(page: Page): Promise<Scenario[]> {
  const script = await (await page.request.get('/api/sim/catalog.js')).text();
  const json = script.replace(/^window\.__wxSimCatalog = /, '').replace(/;\n$/, '');
  return JSON.parse(json).profiles.scenarios;
}

async function open(page: Page, path: string) {
  await page.goto(path);
  await waitForHydration(page);
}

async function backToNormal(page: Page) {
  await Promise.all([page.waitForURL((url) => !url.search.includes('scenario=')), page.click('#wx-sim-back-to-normal')]);
  await waitForHydration(page);
  await expect(page.locator('#config-status')).toHaveAttribute('data-status', 'ready');
  await expect(page.locator('#wx-sim-scenario')).toHaveCount(0);
  await expect(page.locator('#wx-sim-profile')).toHaveAttribute('data-device', 'browser');
  await expect(page.locator('#wx-sim-profile')).toHaveAttribute('data-account', 'verified');
  expect(await page.evaluate(() => (window as any).__wxSimulator.profile.scenario)).toBeNull();
}

test('every scenario shows its errMsg, its explanation and appendix 5 item, and returns to normal', async ({ page }) => {
  test.setTimeout(180_000);
  const all = await scenarios(page);
  expect(all.length).toBeGreaterThanOrEqual(14);
  // A probe runs on a page whose wx.config lists it (elsewhere jsApiList alone refuses it).
  const { categories } = await (await page.request.get('/api/catalog')).json();
  const pageFor = (probe: string | null) =>
    categories.find((c: { jsApiList: string[] }) => probe && c.jsApiList.includes(probe))?.slug ?? 'basic';
  for (const scenario of all.filter((s) => s.effect.kind !== 'stale_ticket')) {
    await test.step(scenario.id, async () => {
      await open(page, `/${pageFor(scenario.probe)}?scenario=${scenario.id}`);
      const box = page.locator('#wx-sim-scenario');
      await expect(box).toHaveAttribute('data-scenario', scenario.id);
      await expect(box.locator('[data-scenario-explains]')).toHaveText(scenario.explains.zh);
      await expect(box.locator('[data-scenario-item]')).toHaveText(
        scenario.appendix === null ? '不在附录 5 中' : `附录 5 第 ${scenario.appendix} 条`,
      );
      if (scenario.expect.startsWith('config:')) {
        // The client's answer to wx.config, as the page and the panel show it.
        await expect(page.locator('#wx-sim-status [data-sim-status-text]')).toHaveText(scenario.expect);
        if (scenario.expect !== 'config:ok') {
          await expect(page.locator('#config-status')).toHaveAttribute('data-status', 'failed');
          await expect(page.locator('#config-status')).toContainText(scenario.expect);
        }
      } else {
        // The probe's errMsg, or the server's errcode in the rehearsal of a fault.
        await expect(box.locator('[data-scenario-result]')).toHaveAttribute(
          'data-err-msg',
          scenario.effect.kind === 'server_fault' ? /.+/ : scenario.expect,
          { timeout: 15_000 },
        );
        await expect(box.locator('[data-scenario-result]')).toContainText(scenario.expect);
      }
      await backToNormal(page);
    });
  }
});

test('the OAuth A→B scenario gives a realAuthUrl with code and state, and the doctor names #11', async ({ page }) => {
  const answers = jsonResponses(page, '/api/sim/verify_config');
  await open(page, '/basic?scenario=oauth-a-to-b');
  await expect(page.locator('#config-status')).toContainText('config:invalid signature');
  await expect.poll(() => answers.length).toBe(1);
  expect(answers[0].realAuthUrl).toMatch(/[?&]code=sim\d+&state=STATE/);
  await page.goto((await page.locator('#open-doctor').getAttribute('href'))!);
  const causes = page.locator('#auth-url-causes li');
  await expect(causes).toHaveCount(1);
  await expect(causes).toHaveAttribute('data-code', 'oauth_code');
  await expect(causes.locator('[data-item="11"]')).toBeVisible();
});

test('a stale ticket: one invalid signature, the server renews the ticket once, the second config passes', async ({ page }) => {
  const reports = jsonResponses(page, '/api/config_error');
  await open(page, '/device?scenario=stale-ticket');
  await expect(page.locator('#config-status')).toHaveAttribute('data-status', 'ready');
  await expect.poll(() => reports.length).toBe(1);
  expect(reports[0].cause).toBe('ticket');
  expect(reports[0].retry).toBe(true);
  // The server's verdict on the page: renewed now, or renewed less than a minute ago by
  // another page (the throttle: at most one renewal a minute, however many pages report).
  const verdicts = page.locator('#result-log .log_entry[data-api="config"] .log_message');
  await expect(
    verdicts.filter({ hasText: /^(URL 无误，jsapi_ticket 可能已被替换：已重新获取。|jsapi_ticket 不到一分钟前刚更新过，请用它重新调用 wx\.config。)$/ }),
  ).toHaveCount(1);
  await page.click('#getNetworkType');
  await expect(page.locator('.log_entry[data-api="getNetworkType"][data-callback="success"]')).toContainText('getNetworkType:ok');
  await backToNormal(page);
});

test('40001 after a token rotation: the server renews the token once and gets the ticket, no failure after', async ({ page }) => {
  const rehearsals = jsonResponses(page, '/api/sim/rehearse');
  await open(page, '/basic?scenario=token-40001');
  const result = page.locator('#wx-sim-scenario [data-scenario-result]');
  await expect(result).toHaveAttribute('data-err-msg', 'ok');
  await expect(result).toContainText('errcode 40001（1 次）');
  await expect(result).toContainText('服务器已恢复');
  expect(rehearsals).toHaveLength(1);
  expect(rehearsals[0]).toMatchObject({ outcome: 'ok', token_calls: 1, ticket_calls: 2, error: null });
  // The page itself signs and configures as ever.
  await expect(page.locator('#config-status')).toHaveAttribute('data-status', 'ready');
  // Nothing secret in the rehearsal's answer.
  expect(JSON.stringify(rehearsals[0])).not.toMatch(/token"\s*:\s*"|ticket"\s*:\s*"/);
});

test('the scenario buttons of the panel: one click each, in English too', async ({ page }) => {
  await open(page, '/basic?lang=en');
  await page.click('#wx-sim-status');
  await Promise.all([
    page.waitForURL(/scenario=require-subscribe/),
    page.click('[data-scenario-id="require-subscribe"]'),
  ]);
  await waitForHydration(page);
  await expect(page.locator('#wx-sim-scenario [data-scenario-item]')).toHaveText('appendix 5 #21');
  await expect(page.locator('#wx-sim-scenario [data-scenario-explains]')).toContainText('does not follow this test account');
  await expect(page.locator('#config-status')).toContainText('config:require subscribe');
});
