import { test, expect, waitForHydration } from './fixtures';
import type { Page } from '@playwright/test';
import { runSnippet, invokes } from '../snippets/lab';

// Code to take home: the code panel writes the call being edited in five stacks, remembers
// the choice and copies; each stack's code, as shown, runs on the simulator and its call
// reaches the bridge with exactly the editor's arguments; the Vue and React ones sign again
// when the route changes, except on iOS (the landing URL).

const STACKS = ['script-tag', 'esm', 'typescript', 'vue', 'react'];
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148';

async function ready(page: Page, path: string) {
  await page.goto(path);
  await waitForHydration(page);
  await expect(page.locator('#config-status')).toHaveAttribute('data-status', 'ready');
}

/** Edits chooseImage: 2 images, compressed, from the camera. */
async function editChooseImage(page: Page) {
  const form = page.locator('form[data-editor="chooseImage"]');
  await form.locator('input[name="count"]').fill('2');
  await form.locator('input[name="sizeType"][value="original"]').uncheck();
  await form.locator('input[name="sizeType"][value="compressed"]').check();
  await form.locator('input[name="sourceType"][value="album"]').uncheck();
  await form.locator('input[name="sourceType"][value="camera"]').check();
}

/** The code shown once it is in `stack` and holds `text`. */
async function shownCode(page: Page, stack: string, text: string) {
  await page.click(`.code_stack[data-stack="${stack}"]`);
  const code = page.locator(`#snippet[data-stack="${stack}"]`);
  await expect(code).toContainText(text);
  return (await code.textContent()) ?? '';
}

test('the code follows the editor, switches stack, is remembered and copied', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // A page without a deep link shows no code until a call is edited or run.
  await ready(page, '/images');
  await expect(page.locator('#snippet')).toHaveCount(0);
  // A deep link's call shows its code from the start, with the link's values.
  await ready(page, '/images?api=chooseImage&count=4');
  const script = page.locator('#snippet[data-stack="script-tag"]');
  await expect(script).toContainText('count: 4');
  await page.locator('form[data-editor="chooseImage"] input[name="count"]').fill('3');
  await expect(script).toContainText('count: 3');
  await expect(script).toContainText('jweixin-1.6.0.js');
  // Another value: the code follows.
  await page.locator('form[data-editor="chooseImage"] input[name="count"]').fill('7');
  await expect(script).toContainText('count: 7');
  // Each stack, same call.
  await shownCode(page, 'esm', "import wx from 'weixin-js-sdk'");
  await shownCode(page, 'typescript', 'interface SignedConfig');
  await shownCode(page, 'react', "from 'react-router'");
  const vue = await shownCode(page, 'vue', 'useWechat');
  expect(vue).toContain('count: 7');
  await expect(page.locator('.code_stack[data-stack="vue"]')).toHaveAttribute('aria-pressed', 'true');
  // Copy puts exactly the shown code on the clipboard.
  await page.click('#copy-code');
  await expect(page.locator('#copy-code')).toHaveText(/已复制|Copied/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(vue);
  // The choice is remembered: the next page writes in Vue.
  await ready(page, '/location?api=getLocation');
  await expect(page.locator('.code_stack[data-stack="vue"]')).toHaveAttribute('aria-pressed', 'true');
  await page.locator('form[data-editor="getLocation"] select[name="type"]').selectOption('gcj02');
  await expect(page.locator('#snippet[data-stack="vue"]')).toContainText("type: 'gcj02'");
  // A run shows the call as it was sent.
  await page.click('#openLocation');
  await expect(page.locator('#snippet[data-stack="vue"]')).toContainText('wx.openLocation(');
});

for (const stack of STACKS) {
  test(`the ${stack} code, as shown, runs on the simulator with the editor's arguments`, async ({ page, request, baseURL, browser }) => {
    test.setTimeout(60_000);
    await ready(page, '/images?api=chooseImage');
    await editChooseImage(page);
    const code = await shownCode(page, stack, "'camera'");

    const lab = await browser.newPage();
    const signed = await runSnippet(lab, request, baseURL!, stack, code, `chooseImage-${stack}`);
    await lab.goto(`${baseURL}/snippet-lab/${stack}?from=code#part`);
    await expect(lab.locator('#wx-sim-status')).toHaveAttribute('data-status', 'ok');
    // The fragment is cut: the URL signed is the page's without it.
    expect(signed[0]).toBe(`${baseURL}/snippet-lab/${stack}?from=code`);
    if (stack === 'vue' || stack === 'react') {
      const button = lab.locator('#app button');
      await expect(button).toBeEnabled();
      await button.click();
    }
    await expect.poll(() => invokes(lab, 'chooseImage').then((calls) => calls.length)).toBe(1);
    const [args] = await invokes(lab, 'chooseImage');
    expect(args.count).toBe(2);
    expect(args.sizeType).toEqual(['compressed']);
    expect(args.sourceType).toEqual(['camera']);
    if (stack === 'vue' || stack === 'react') {
      // Android and desktop verify the current URL: a new route is signed and configured again.
      await lab.evaluate(() => (window as any).__go('/snippet-lab/next?step=2'));
      await expect.poll(() => signed.length).toBe(2);
      expect(signed[1]).toBe(`${baseURL}/snippet-lab/next?step=2`);
      await expect(lab.locator('#wx-sim-status')).toHaveAttribute('data-status', 'ok');
    }
    await lab.close();
  });
}

for (const stack of ['vue', 'react']) {
  test(`the ${stack} code on iOS keeps signing the landing URL`, async ({ page, browser, request, baseURL }) => {
    test.setTimeout(60_000);
    await ready(page, '/images?api=chooseImage');
    await editChooseImage(page);
    const code = await shownCode(page, stack, 'landingUrl');
    const phone = await browser.newContext({ userAgent: IPHONE });
    const lab = await phone.newPage();
    const signed = await runSnippet(lab, request, baseURL!, stack, code, `ios-${stack}`);
    await lab.goto(`${baseURL}/snippet-lab/${stack}?device=ios`);
    await expect(lab.locator('#app button')).toBeEnabled();
    await lab.evaluate(() => (window as any).__go('/snippet-lab/next?step=2'));
    await lab.locator('#app button').click();
    await expect.poll(() => invokes(lab, 'chooseImage').then((calls) => calls.length)).toBe(1);
    // Still configured for the landing URL: signed once, and the call was allowed.
    expect(signed).toEqual([`${baseURL}/snippet-lab/${stack}?device=ios`]);
    await phone.close();
  });
}

test('the server side shows each language\'s signer byte for byte, as links, without wasm', async ({ page }) => {
  const fs = await import('node:fs');
  const path = await import('node:path');
  const wasm: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('.wasm')) wasm.push(request.url());
  });
  await page.goto('/images');
  await waitForHydration(page);
  await page.click('.snippet a[href="/code/server"]');
  await expect(page).toHaveURL(/\/code\/server$/);
  const languages = await page.locator('.server_code .code_stack').evaluateAll((links) =>
    links.map((a) => a.getAttribute('data-lang')),
  );
  expect(languages).toEqual(['node', 'python', 'php', 'go', 'java', 'rust']);
  wasm.length = 0;
  for (const lang of languages) {
    await page.click(`.server_code .code_stack[data-lang="${lang}"]`);
    await expect(page.locator(`.code_stack[data-lang="${lang}"]`)).toHaveAttribute('aria-current', 'page');
    const file = (await page.locator('.server_code .hint code').first().textContent())!;
    const source = fs.readFileSync(path.join(__dirname, '../..', file), 'utf8');
    expect(await page.locator(`#server-code[data-lang="${lang}"]`).textContent()).toBe(source);
    expect(source).toContain('/sign');
  }
  expect(wasm, 'the server side is plain HTML').toEqual([]);
});
