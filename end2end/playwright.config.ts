import { defineConfig } from '@playwright/test';

// The server under test: the release build, sandbox mode, on its own port so a
// running `scripts/run.sh` does not interfere. Started and stopped by Playwright.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_URL = `http://127.0.0.1:${PORT}`;
// The secrets canary (scripts/canary.sh) keeps every server log line in this file.
const SERVER_LOG = process.env.E2E_SERVER_LOG;

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  testDir: './tests',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: BASE_URL,
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: chromiumArgs,
    },
  },
  projects: [
    // Every spec runs hydrated; specs named *.ssr.spec.ts also run with JavaScript off.
    { name: 'hydrate', testIgnore: /.*\.ssr\.spec\.ts/ },
    { name: 'ssr', testMatch: /.*\.ssr\.spec\.ts/, use: { javaScriptEnabled: false } },
  ],
  webServer: {
    command: SERVER_LOG ? `target/release/server >>'${SERVER_LOG}' 2>&1` : 'target/release/server',
    cwd: '..',
    url: `${BASE_URL}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      LEPTOS_SITE_ADDR: `127.0.0.1:${PORT}`,
      LEPTOS_SITE_ROOT: 'target/site',
      LEPTOS_SITE_PKG_DIR: 'pkg',
      LEPTOS_OUTPUT_NAME: 'wechat-playground',
      STATE_DIR: process.env.E2E_STATE_DIR ?? 'target/e2e-state',
      RUST_LOG: 'info',
    },
  },
});
