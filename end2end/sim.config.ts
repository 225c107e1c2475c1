import { defineConfig } from '@playwright/test';
import full from './playwright.config';

// The simulator's own specs (tests/sim-*.spec.ts): they serve public/ and harness/ themselves
// and read the catalog from the Rust server, which this config starts as the full one does.
// Run: npx playwright test -c sim.config.ts   (they also run under playwright.config.ts)
export default defineConfig({
  ...full,
  testMatch: /sim-.*\.spec\.ts/,
  projects: [{ name: 'hydrate' }],
});
