import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startTestPlatform } from './running-platform.js';

/** Debian's Chromium (apt-get install -y chromium); Playwright's own download cannot run here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/**
 * A running platform and a browser for the tests of one file, started together before them and
 * stopped after them. Read `.platform` and `.browser` inside tests.
 */
export function useBrowserAndPlatform(options: { seed?: boolean } = {}) {
  const session = {} as { platform: Awaited<ReturnType<typeof startTestPlatform>>; browser: Browser };
  beforeAll(async () => {
    [session.platform, session.browser] = await Promise.all([startTestPlatform(options), launchBrowser()]);
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.platform?.stop();
  });
  return session;
}
