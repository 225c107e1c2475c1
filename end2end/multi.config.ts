import { defineConfig } from '@playwright/test';
import full from './playwright.config';

// The live session across two server instances sharing a real redis-server (multi/*.spec.ts).
// The specs start redis-server and the instances themselves (multi/instances.ts), since they
// restart one mid-test; they need the release build (target/release/server, target/site).
// Run: npx playwright test -c multi.config.ts
export default defineConfig({
  ...full,
  testDir: './multi',
  fullyParallel: false,
  workers: 1,
  projects: [{ name: 'hydrate' }],
  webServer: undefined,
});
