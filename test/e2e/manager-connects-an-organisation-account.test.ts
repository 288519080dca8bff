import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sandboxFollowers } from '../../functions/adapters/social/sandbox-network.js';
import { signInToConsole, useBrowserAndPlatform } from '../support/browser.js';

const TOKEN = 'org-mastodon-token-0123456789abcdef';
const WRONG = 'someone-elses-token-0123456789';

/**
 * Maria connects the organisation's Mastodon account on the sandbox network in the Messages
 * area: the form asks what Mastodon needs (and a Page id only for Facebook), the API's field
 * error shows at the credential when the network refuses it, the account is listed with its
 * followers; once its token expires it says "reconnect", she reconnects it, and then she
 * disconnects it after the console says what that does. axe-clean throughout; the credential
 * never stays on the page.
 */
describe('a manager connects an organisation account and disconnects it', () => {
  const session = useBrowserAndPlatform();
  const axe = async (page: Page) =>
    (await new AxeBuilder({ page }).include('#main').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`,
    );
  const focused = (page: Page) => page.evaluate(() => document.activeElement?.id);
  const row = '#accounts-rows tr';

  it('connects a sandbox account, reconnects it once expired, and disconnects it', async () => {
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${session.platform.url}/console/#messages`);
    await signInToConsole(page, 'manager@blueheart.local');
    await expect.poll(() => page.textContent('#accounts-caption')).toContain('no connected accounts yet');

    // The form follows the platform: a Page id for Facebook, an app password and a PDS for Bluesky.
    await page.selectOption('#account-platform', 'facebook');
    expect(await page.isVisible('#account-pageId')).toBe(true);
    expect(await page.isVisible('#account-server')).toBe(false);
    expect(await page.textContent('#account-secret-label')).toBe('Page access token');
    await page.selectOption('#account-platform', 'bluesky');
    expect(await page.isVisible('#account-pageId')).toBe(false);
    expect(await page.textContent('#account-server-label')).toBe('PDS server');
    expect(await page.textContent('#account-secret-label')).toBe('App password');
    await page.selectOption('#account-platform', 'mastodon');
    expect(await page.textContent('#account-secret-label')).toBe('Access token');

    await page.fill('#account-handle', '@blueheart@mastodon.social');
    await page.fill('#account-secret', TOKEN);
    await page.selectOption('#account-language', 'es');
    await page.fill('#account-timeZone', 'America/Mexico_City');
    expect(await axe(page)).toEqual([]);
    await page.click('#account-connect');
    await expect.poll(() => page.textContent('#status')).toContain('@blueheart@mastodon.social on Mastodon is connected');
    expect(await page.inputValue('#account-secret')).toBe('');
    await expect.poll(() => page.locator(row).count()).toBe(1);
    const listed = (await page.textContent(row))!;
    expect(listed).toContain('@blueheart@mastodon.social');
    expect(listed).toContain(sandboxFollowers('@blueheart@mastodon.social').toLocaleString('en'));
    expect(listed).toContain('ES · America/Mexico_City');
    expect(listed).toContain('Active');
    expect(await page.textContent('#accounts-history')).toContain('manager@blueheart.local · Connected @blueheart@mastodon.social on Mastodon');

    // The sandbox knows the account's token now: another one is refused, at the field, and not repeated.
    const [account] = await session.platform.deps.organisation.accounts.list();
    await session.platform.deps.lending.accounts.markExpired(account!.id, new Date());
    await page.reload();
    await expect.poll(() => page.getAttribute(row, 'data-status')).toBe('expired');
    expect(await page.textContent(row)).toContain('Expired: reconnect');
    await page.click('#accounts-rows button[aria-label="Reconnect @blueheart@mastodon.social on Mastodon"]');
    await expect.poll(() => focused(page)).toBe('account-reconnect-title');
    expect(await page.textContent('#account-reconnect-hint')).toContain('Mastodon refused its credential');
    await page.fill('#reconnect-secret', WRONG);
    await page.click('#account-reconnect-confirm');
    await expect.poll(() => page.getAttribute('#reconnect-secret', 'aria-invalid')).toBe('true');
    expect(await page.textContent('#reconnect-secret-error')).toContain('was refused by Mastodon');
    expect(await page.textContent('#status')).not.toContain(WRONG);
    expect(await axe(page)).toEqual([]);
    await page.fill('#reconnect-secret', TOKEN);
    await page.click('#account-reconnect-confirm');
    await expect.poll(() => page.textContent('#status')).toContain('is reconnected');
    await expect.poll(() => page.getAttribute(row, 'data-status')).toBe('active');
    expect(await page.isHidden('#account-reconnect-form')).toBe(true);

    // Disconnecting asks first, says what it does, and can be called off.
    await page.click('#accounts-rows button[aria-label="Disconnect @blueheart@mastodon.social on Mastodon"]');
    await expect.poll(() => focused(page)).toBe('account-disconnect-title');
    expect(await page.textContent('#account-disconnect-title')).toBe('Disconnect @blueheart@mastodon.social on Mastodon?');
    expect(await axe(page)).toEqual([]);
    await page.click('#account-disconnect-cancel');
    expect(await page.locator(row).count()).toBe(1);
    await page.click('#accounts-rows button[aria-label="Disconnect @blueheart@mastodon.social on Mastodon"]');
    await page.click('#account-disconnect-confirm');
    await expect.poll(() => page.textContent('#status')).toContain('is disconnected');
    await expect.poll(() => page.locator(row).count()).toBe(0);
    expect(await page.textContent('#accounts-caption')).toContain('no connected accounts yet');
    const history = (await page.textContent('#accounts-history'))!;
    expect(history).toContain('Disconnected @blueheart@mastodon.social on Mastodon');
    expect(history).toContain('Reconnected @blueheart@mastodon.social on Mastodon');
    expect(await session.platform.deps.organisation.accounts.list()).toEqual([]);

    expect(await page.content()).not.toContain(TOKEN);
    expect(await axe(page)).toEqual([]);
    await context.close();
  });
});
