import { defineConfig } from '@playwright/test';

// The simulator's own specs (tests/sim-*.spec.ts): they serve public/ and harness/ themselves,
// so no Rust server is needed. Run: npx playwright test -c sim.config.ts
// (They also run under playwright.config.ts, which additionally starts the Rust server.)
export default defineConfig({
  testDir: './tests',
  testMatch: /sim-.*\.spec\.ts/,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'hydrate' }],
});
