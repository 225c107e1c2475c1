import { test, expect, waitForHydration } from './fixtures';
import type { Page } from '@playwright/test';

async function ready(page: Page, path: string) {
  await page.goto(path);
  await waitForHydration(page);
  await expect(page.locator('#config-status')).toHaveAttribute('data-status', 'ready');
}

/** The native calls the simulated bridge received, oldest first. */
const bridgeCalls = (page: Page) =>
  page.evaluate(() => (window as any).__wxSimulator.calls.map((c: any) => ({ kind: c.kind, name: c.name, jsName: c.jsName, args: c.args })));

/** The last native call made for the `wx.*` function `fn`. */
async function lastCallOf(page: Page, fn: string) {
  const calls = (await bridgeCalls(page)).filter((c: any) => c.jsName === fn && c.kind === 'invoke');
  return calls[calls.length - 1];
}

test('a deep link fills the call in, brings it into view, never runs it, and the call sends exactly that', async ({ page }) => {
  await ready(page, '/images?api=chooseImage&count=1&sourceType=camera');
  const item = page.locator('.api_item[data-api="chooseImage"]');
  await expect(item).toHaveClass(/linked/);
  await expect(item.locator('details.call_editor')).toHaveAttribute('open', '');
  await expect(item).toBeInViewport();
  const form = item.locator('form[data-editor="chooseImage"]');
  await expect(form.locator('input[name="count"]')).toHaveValue('1');
  await expect(form.locator('input[name="sourceType"][value="camera"]')).toBeChecked();
  await expect(form.locator('input[name="sourceType"][value="album"]')).not.toBeChecked();
  await expect(form.locator('input[name="sizeType"]:checked')).toHaveCount(0);
  // The link is the page's own URL: it is what was signed.
  await expect(page.locator('#signed-url')).toHaveText(page.url());
  expect(await lastCallOf(page, 'chooseImage')).toBeUndefined();
  // The link and its QR code, canonical (arrays comma-separated).
  await expect(item.locator('[data-call-link]')).toHaveAttribute('data-call-link', '/images?api=chooseImage&count=1&sourceType=camera');
  await expect(item.locator('[data-call-link] [data-qr-url]')).toHaveAttribute('data-qr-url', /\/images\?api=chooseImage&count=1&sourceType=camera$/);
  await expect(item.locator('.copy_link')).toBeVisible();

  await page.click('#chooseImage');
  await expect(page.locator('.log_entry[data-api="chooseImage"][data-callback="success"]')).toHaveCount(1);
  const call = await lastCallOf(page, 'chooseImage');
  expect(call.args.count).toBe(1);
  expect(call.args.sourceType).toEqual(['camera']);
  await expect(page.locator('#snippet')).toContainText('count: 1,');
  await expect(page.locator('#snippet')).not.toContainText('sizeType');
});

test('a deep link with a bad value or an unknown parameter says so, and the call is refused', async ({ page }) => {
  await ready(page, '/images?api=chooseImage&count=99&sourceType=phone&extInfo=1');
  const item = page.locator('.api_item[data-api="chooseImage"]');
  await expect(item.locator('[data-invalid="count"]')).toHaveText('count 须为 1 到 9 之间的整数');
  await expect(item.locator('[data-invalid="sourceType"]')).toContainText('phone');
  await expect(item.locator('input[name="count"]')).toHaveAttribute('aria-invalid', 'true');
  await expect(item.locator('[data-unknown]')).toContainText('extInfo=1');
  await page.click('#chooseImage');
  await expect(page.locator('.log_entry[data-api="chooseImage"]').first()).toContainText('count 须为 1 到 9 之间的整数');
  expect(await lastCallOf(page, 'chooseImage')).toBeUndefined();
  // An api the page does not have is named too.
  await page.goto('/images?api=getLocation');
  await expect(page.locator('#link-notice')).toContainText('getLocation');
});

test('in English the refusal is English', async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: 'lang', value: 'en', url: baseURL! }]);
  await page.goto('/location?api=getLocation&type=gps');
  await expect(page.locator('[data-invalid="type"]')).toHaveText('type does not take "gps": choose one of the documented values');
});

test('"make a link" turns the edited call into its deep link, without JavaScript too', async ({ page }) => {
  await ready(page, '/location');
  const item = page.locator('.api_item[data-api="getLocation"]');
  await item.locator('details.call_editor > summary').click();
  await item.locator('select[name="type"]').selectOption('gcj02');
  await item.locator('.make_link').click();
  await expect(page).toHaveURL(/\/location\?api=getLocation&type=gcj02$/);
  await waitForHydration(page);
  await expect(page.locator('.api_item[data-api="getLocation"] [data-call-link]')).toHaveAttribute('data-call-link', '/location?api=getLocation&type=gcj02');
});

type CatalogParam = {
  name: string; type: string; float: boolean; required: boolean; fill: 'user' | 'demo' | 'server';
  choices: string[]; multiple: boolean; objects: boolean; min: number | null; max: number | null;
};
type CatalogApi = { id: string; function: string; sample: Record<string, unknown>; params: CatalogParam[]; requires: string | null };

/** A valid value for `param` that differs from the sample where the type allows. */
function valueFor(param: CatalogParam, api: CatalogApi, origin: string): unknown {
  const sample = api.sample[param.name];
  if (param.multiple) return [param.choices[param.choices.length - 1]];
  if (param.choices.length) return param.choices.find((c) => c !== sample) ?? param.choices[0];
  if (param.objects) return [{ cardId: 'e2eCard', cardExt: '' }];
  if (param.type === 'Array') return [`${origin}/assets/favicon.svg?e2e=a`, `${origin}/assets/favicon.svg?e2e=b`];
  if (param.min !== null && param.max !== null) {
    if (param.float) return param.min / 2 + 0.25;
    return sample === param.max ? param.min : param.max;
  }
  if (param.name === 'link') return `${origin}/share?from=e2e`;
  if (/url$|^current$/i.test(param.name)) return `${origin}/assets/favicon.svg?e2e=${param.name}`;
  return `e2e-${param.name}`;
}

/** Fills one field of a call editor with `value`. */
async function fill(page: Page, apiId: string, param: CatalogParam, value: unknown) {
  const form = page.locator(`form[data-editor="${apiId}"]`);
  if (param.multiple) {
    for (const box of await form.locator(`input[name="${param.name}"]`).all()) await box.uncheck();
    for (const choice of value as string[]) await form.locator(`input[name="${param.name}"][value="${choice}"]`).check();
  } else if (param.choices.length) {
    await form.locator(`select[name="${param.name}"]`).selectOption(String(value));
  } else if (param.objects) {
    await form.locator(`textarea[name="${param.name}"]`).fill(JSON.stringify(value));
  } else if (param.type === 'Array') {
    await form.locator(`textarea[name="${param.name}"]`).fill((value as string[]).join('\n'));
  } else {
    await form.locator(`input[name="${param.name}"]`).fill(String(value));
  }
}

/** Every value anywhere in a native call's arguments (jweixin renames some keys). */
function valuesIn(args: unknown): unknown[] {
  if (Array.isArray(args)) return [args, ...args.flatMap(valuesIn)];
  if (args && typeof args === 'object') return [args, ...Object.values(args).flatMap(valuesIn)];
  if (typeof args === 'string' && args.startsWith('[')) {
    try { return [args, ...valuesIn(JSON.parse(args))]; } catch { return [args]; }
  }
  return [args];
}

/** What jweixin hands the bridge for a value, where it is not the value itself. */
function nativeForm(param: CatalogParam, value: unknown): unknown {
  if (param.name === 'jsApiList') return null; // mapped to native names; checked apart
  if (param.objects) return 'e2eCard';
  return value;
}

test('every parameter of every API can be set in its editor and reaches the bridge', async ({ page, request, baseURL }) => {
  test.setTimeout(300_000);
  const catalog = await (await request.get('/api/catalog')).json();
  page.setDefaultTimeout(10_000);
  const byId = new Map<string, CatalogApi>();
  const pageOf = new Map<string, string>();
  for (const category of catalog.categories) {
    for (const api of category.apis) {
      byId.set(api.id, api);
      pageOf.set(api.id, category.slug);
    }
  }
  let checked = 0;
  for (const category of catalog.categories) {
    for (const api of category.apis as CatalogApi[]) {
      const params = api.params.filter((p) => p.fill === 'user');
      if (!params.length) continue;
      // Fill what the ordering rule needs first (choose before upload…), on the page that
      // has the button; the demo state is carried across the tab's pages.
      const chain: string[] = [];
      for (let id = api.requires; id; id = byId.get(id)?.requires ?? null) chain.unshift(id);
      // stopRecord needs a recording going (the simulator is strict as a phone).
      if (chain.includes('stopRecord')) chain.splice(chain.indexOf('stopRecord'), 0, 'startRecord');
      let current = '';
      for (const id of chain) {
        if (pageOf.get(id) !== current) {
          current = pageOf.get(id)!;
          await ready(page, `/${current}`);
        }
        const before = await page.locator(`.log_entry[data-api="${id}"][data-callback="success"]`).count();
        await page.click(`#${id}`);
        await expect(page.locator(`.log_entry[data-api="${id}"][data-callback="success"]`)).toHaveCount(before + 1);
        await page.locator('.wxsim-overlay [data-close]').first().click({ timeout: 1000 }).catch(() => {});
      }
      if (current !== category.slug) await ready(page, `/${category.slug}`);
      const editor = page.locator(`.api_item[data-api="${api.id}"] details.call_editor`);
      await editor.locator('summary').click();
      const sent: Array<[CatalogParam, unknown]> = params.map((p) => [p, valueFor(p, api, new URL(baseURL!).origin)]);
      for (const [param, value] of sent) await fill(page, api.id, param, value);
      await page.click(`#${api.id}`);
      if (await page.locator(`.log_entry[data-api="${api.id}"]`).first().textContent().then((t) => /已注册/.test(t ?? ''), () => false)) {
        // A share listener hands its content to the bridge when the user shares.
        await page.evaluate((fn) => {
          const item = (window as any).__wxSimCatalog.menu.find((m: any) => m.share?.listener === fn);
          (window as any).__wxSimulator.share(item.id);
        }, api.function);
      }
      await expect.poll(async () => (await bridgeCalls(page)).filter((c: any) => c.jsName === api.function && c.kind === 'invoke').length,
        { message: `${api.id} reached the bridge` }).toBeGreaterThan(0);
      const call = await lastCallOf(page, api.function);
      const found = valuesIn(call.args);
      for (const [param, value] of sent) {
        const native = nativeForm(param, value);
        if (param.name === 'jsApiList') {
          expect(JSON.stringify(call.args), `${api.id}.${param.name}`).toContain('"jsApiList"');
        } else {
          expect(found, `${api.id}.${param.name} = ${JSON.stringify(value)} in ${JSON.stringify(call.args)}`).toContainEqual(native);
        }
        checked += 1;
      }
      await page.locator('.wxsim-overlay [data-close]').first().click({ timeout: 1000 }).catch(() => {});
    }
  }
  expect(checked).toBeGreaterThan(40);
});

test('the setup panel shows the five steps live: the config object passed, string1 masked, ready fired', async ({ page }) => {
  const signed = page.waitForResponse((r) => r.url().endsWith('/api/js_config'));
  await page.goto('/basic?from=setup');
  const body = await (await signed).json();
  await waitForHydration(page);
  await expect(page.locator('#config-status')).toHaveAttribute('data-status', 'ready');
  await page.locator('#setup-steps > summary').click();
  await expect(page.locator('#setup-host')).toHaveText(new URL(page.url()).host);
  await expect(page.locator('#setup-sdk')).toContainText('jweixin-1.6.0.js');
  const config = await page.locator('#setup-config').textContent();
  expect(config).toContain(`signature: '${body.config.signature}'`);
  expect(config).toContain(`nonceStr: '${body.config.nonceStr}'`);
  expect(config).toContain(`appId: '${body.config.appId}'`);
  expect(config).toContain('jsApiList: [');
  await expect(page.locator('#setup-string1')).toHaveText(
    `jsapi_ticket=***&noncestr=${body.config.nonceStr}&timestamp=${body.config.timestamp}&url=${page.url()}`,
  );
  await expect(page.locator('#setup-steps li[data-step="4"]')).toHaveAttribute('data-fired', 'true');
  await expect(page.locator('#setup-steps li[data-step="5"]')).toHaveAttribute('data-fired', 'false');
});
