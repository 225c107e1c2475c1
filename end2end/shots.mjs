// What the screenshot scripts share: Debian's Chromium, quiet on a closed network, and the
// two widths every page is looked at (a phone, a desktop or projector).
import { chromium } from 'playwright-core';

export const widths = { phone: 390, desktop: 1280 };

/** Launches headless Chromium (`CHROMIUM_PATH`, else Debian's) with `extraArgs`. */
export const launch = (extraArgs = []) => chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', ...extraArgs],
});

/** A context of `name`'s width: a phone at 2× pixels, a desktop at 1×. */
export const newContext = (browser, name) => browser.newContext({
  viewport: { width: widths[name], height: name === 'phone' ? 844 : 800 },
  deviceScaleFactor: name === 'phone' ? 2 : 1,
});
