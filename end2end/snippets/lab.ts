// The snippet lab: runs a call's code as the playground shows it, in Chromium, on the
// simulator. The page is served on the app's own origin (so the simulator verifies the
// signature for real); the code's `GET /sign?url=` is answered by the app's own signer, and
// the official SDK's CDN address by the local copy. The typed stacks are bundled by esbuild
// (types are checked separately by `tsc -p snippets`).
import { build } from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';

const here = __dirname;
const runDir = path.join(here, '.run');
const jweixin = path.join(here, '../../public/assets/vendor/jweixin-1.6.0.js');

/** Mounts the Vue snippet's exported component under a router; exposes `__go(path)`. */
const VUE_MOUNT = `
import { createApp, h } from 'vue';
import { createRouter, createWebHistory, RouterView } from 'vue-router';
import * as snippet from './SNIPPET';
const Button = Object.entries(snippet).find(([name]) => name.endsWith('Button'))![1] as any;
const router = createRouter({ history: createWebHistory(), routes: [{ path: '/:rest(.*)*', component: { render: () => h(Button) } }] });
createApp({ render: () => h(RouterView) }).use(router).mount('#app');
(window as any).__go = (to: string) => router.push(to);
`;

/** Renders the React snippet's exported component in a browser router; exposes `__go(path)`. */
const REACT_MOUNT = `
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import * as snippet from './SNIPPET';
const Button = Object.entries(snippet).find(([name]) => name.endsWith('Button'))![1] as any;
const router = createBrowserRouter([{ path: '*', element: createElement(Button) }]);
createRoot(document.getElementById('app')!).render(createElement(RouterProvider, { router }));
(window as any).__go = (to: string) => router.navigate(to);
`;

/** The page body that runs `code` of `stack`. */
async function body(stack: string, code: string, name: string): Promise<string> {
  if (stack === 'script-tag') return code;
  fs.mkdirSync(runDir, { recursive: true });
  const ext = stack === 'react' ? 'tsx' : 'ts';
  fs.writeFileSync(path.join(runDir, `${name}.${ext}`), code);
  const mount = stack === 'vue' ? VUE_MOUNT : stack === 'react' ? REACT_MOUNT : `import './SNIPPET';`;
  const result = await build({
    stdin: { contents: mount.replace('SNIPPET', name), resolveDir: runDir, loader: 'tsx' },
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"', __VUE_OPTIONS_API__: 'true', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
    logLevel: 'silent',
  });
  const script = result.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
  return `<div id="app"></div>\n<script type="module">${script}</script>`;
}

/**
 * Opens `code` (written in `stack`) at `${origin}/snippet-lab/<name>`, after the simulator;
 * returns the URLs the code asked `/sign` to sign, in order.
 */
export async function runSnippet(page: Page, request: APIRequestContext, origin: string, stack: string, code: string, name: string) {
  const signed: string[] = [];
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>lab</title>
<script src="/api/sim/catalog.js"></script><script src="/assets/sim/simulator.js"></script></head>
<body>${await body(stack, code, name)}</body></html>`;
  await page.route(`${origin}/snippet-lab/**`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.route('https://res.wx.qq.com/open/js/jweixin-1.6.0.js', (route) =>
    route.fulfill({ contentType: 'application/javascript', body: fs.readFileSync(jweixin, 'utf8') }),
  );
  await page.route(`${origin}/sign?**`, async (route) => {
    const url = new URL(route.request().url()).searchParams.get('url') ?? '';
    signed.push(url);
    const answer = await request.post('/api/js_config', { form: { url } });
    const { config } = await answer.json();
    const { appId, timestamp, nonceStr, signature } = config;
    await route.fulfill({ contentType: 'application/json', body: JSON.stringify({ appId, timestamp, nonceStr, signature, url }) });
  });
  return signed;
}

/** The native invokes the simulated bridge received for `fn`, oldest first. */
export const invokes = (page: Page, fn: string) =>
  page.evaluate(
    (fn) => (window as any).__wxSimulator.calls.filter((c: any) => c.jsName === fn && c.kind === 'invoke').map((c: any) => c.args),
    fn,
  );
