import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { LOCAL_USERS } from '../../functions/dev/local-identity.js';
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

/**
 * Signs in to the console as one of the local users, the way staff do: Sign in sends the browser
 * to the hosted sign-in page (the authorization-code flow with PKCE), the password is typed
 * there (from LOCAL_USERS), and the console is back with the user's areas.
 */
export async function signInToConsole(page: Page, username: string): Promise<void> {
  const user = LOCAL_USERS.find((candidate) => candidate.username === username);
  if (!user) throw new Error(`No local user ${username}`);
  await typeOnHostedSignIn(page, user.username, user.password);
  await page.waitForSelector('#who:not([hidden])');
}

/** From the console's Sign in button to the hosted sign-in page, where the credentials are typed and sent. */
export async function typeOnHostedSignIn(page: Page, username: string, password: string): Promise<void> {
  if (!page.url().includes('/auth/oauth2/authorize')) {
    await page.click('#sign-in-button');
    await page.waitForURL(/\/auth\/oauth2\/authorize\?/);
  }
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('button[type="submit"]');
}
