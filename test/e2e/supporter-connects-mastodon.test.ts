import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { sandboxFollowers } from '../../functions/adapters/social/sandbox-network.js';
import type { MessageVariant, SocialMessage } from '../../functions/domain/social/social.js';
import { useBrowserAndPlatform } from '../support/browser.js';

const variant = (language: MessageVariant['language'], platform: MessageVariant['platform'], text: string, alternatives: string[] = []): MessageVariant => ({
  language, platform, text, hashtags: ['EndHumanTrafficking'], link: 'https://www.unodc.org/bluehearts', mediaIds: [], altText: {}, alternatives,
});

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const axe = async (page: Page) =>
  (await new AxeBuilder({ page }).withTags(WCAG).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);

/**
 * Camille lends her Mastodon account the easy way: she names her server, agrees to the message
 * she sees, is sent to her server (the sandbox instance `npm start` runs), approves there, and
 * comes back to the page, which shows the account lent, the exact post and the revoke link.
 * Omar says no at his server and is told so; Li still pastes a token (the advanced way); the
 * page passes axe in Arabic with the connect form and an error showing.
 */
describe('a supporter connects a Mastodon account with OAuth in the browser', () => {
  const session = useBrowserAndPlatform({ seed: true });
  const lendPage = (lang: string) => `${session.platform.url}/${lang}/campaigns/2026/lend-your-voice/`;

  beforeAll(async () => {
    const at = new Date().toISOString();
    const message: SocialMessage = {
      id: randomUUID(),
      campaignYear: 2026,
      title: 'World Day 2026: the moment',
      variants: [
        variant('en', 'mastodon', 'Today is World Day against Trafficking in Persons. Wear the Blue Heart.', ['Trafficking hides in plain sight. Wear the Blue Heart today.']),
        variant('ar', 'mastodon', 'اليوم هو اليوم العالمي لمكافحة الاتجار بالأشخاص. ارتدِ القلب الأزرق.'),
        variant('en', 'bluesky', 'Today is World Day against Trafficking in Persons. Wear the Blue Heart.'),
      ],
      status: 'approved',
      createdBy: 'manager@blueheart.local',
      createdAt: at,
      approvedBy: 'manager2@blueheart.local',
      version: 3,
    };
    await session.platform.deps.social.messages.save(message, undefined, { messageId: message.id, version: 3, at, by: 'manager2@blueheart.local', action: 'message.approve', before: 'in_review', after: 'approved' });
  });

  it('Camille connects with Mastodon: to her server, approve, and back to her account lent', async () => {
    const context = await session.browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    await page.goto(lendPage('en'));
    await page.check('#lend-platform-mastodon');
    // Connecting is the main way: the server, no handle, no token.
    await expect.poll(() => page.isVisible('button[data-submit="connect"]')).toBe(true);
    expect(await page.isVisible('button[data-submit="lend"]')).toBe(false);
    expect(await page.isVisible('#lend-handle')).toBe(false);
    expect(await page.isVisible('#lend-secret')).toBe(false);
    expect(await page.getAttribute('#lend-server', 'required')).not.toBeNull();
    await expect.poll(() => page.textContent('[data-preview-text]')).toContain('utm_source=mastodon');

    await page.fill('#lend-server', session.platform.sandboxMastodon.host);
    await page.fill('#lend-email', 'camille.voice@example.fr');
    await page.check('#lend-consent');
    await page.click('button[data-submit="connect"]');

    // At her server: the sandbox instance's authorization page, on its own origin.
    await page.waitForURL(`${session.platform.sandboxMastodon.url}/oauth/authorize?**`);
    expect(await page.textContent('h1')).toBe('Authorize Blue Heart');
    await page.check('#account-camille');
    await page.click('button[value="approve"]');

    // Back on the page: lent, with the exact post for her account and the revoke link.
    await page.waitForURL('**/en/campaigns/2026/lend-your-voice/');
    await expect.poll(() => page.isVisible('[data-lend-done]')).toBe(true);
    const handle = `@camille@${session.platform.sandboxMastodon.host}`;
    expect(await page.textContent('[data-done-text]')).toBe(`Your Mastodon account ${handle} will post the message once, at the campaign’s moment.`);
    expect(await page.textContent('[data-done-followers]')).toContain(sandboxFollowers(handle).toLocaleString('en-GB'));
    const expected = (await (await fetch(`${session.platform.url}/api/social/2026/preview?language=en&platform=mastodon&handle=${encodeURIComponent(handle)}`)).json()) as { text: string };
    await expect.poll(() => page.textContent('[data-done-post]')).toBe(expected.text);
    expect(await page.isVisible('[data-done-emailed]')).toBe(true);
    // The revoke token left the address bar as soon as the page read it.
    expect(new URL(page.url()).hash).toBe('');
    const [email] = await session.platform.emailsTo('camille.voice@example.fr');
    const emailedToken = /revoke\?token=([A-Za-z0-9._-]+)/.exec(email!.body.text ?? '')![1]!;
    expect(await page.getAttribute('[data-done-revoke]', 'href')).toBe(`/api/social/accounts/revoke?token=${emailedToken}`);
    const reach = (await (await fetch(`${session.platform.url}/api/social/2026/reach`)).json()) as { supporters: number };
    expect(reach.supporters).toBe(1);

    await context.close();
  });

  it('Omar says no at his server: back on the page, told so, nothing lent', async () => {
    const before = (await (await fetch(`${session.platform.url}/api/social/2026/reach`)).json()) as { supporters: number };
    const context = await session.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(lendPage('en'));
    await page.check('#lend-platform-mastodon');
    await page.fill('#lend-server', session.platform.sandboxMastodon.host);
    await expect.poll(() => page.textContent('[data-preview-text]')).toContain('utm_source=mastodon');
    await page.check('#lend-consent');
    await page.click('button[data-submit="connect"]');
    await page.waitForURL(`${session.platform.sandboxMastodon.url}/oauth/authorize?**`);
    await page.click('button[value="deny"]');

    await page.waitForURL('**/en/campaigns/2026/lend-your-voice/');
    await expect.poll(() => page.isVisible('[data-error-summary]')).toBe(true);
    expect(await page.textContent('[data-error-list]')).toBe('You did not allow access on Mastodon, so nothing was lent. You can connect again whenever you like.');
    expect(await page.isChecked('#lend-platform-mastodon')).toBe(true);
    expect(await page.inputValue('#lend-server')).toBe(session.platform.sandboxMastodon.host);
    expect(await page.isVisible('[data-lend-done]')).toBe(false);
    const after = (await (await fetch(`${session.platform.url}/api/social/2026/reach`)).json()) as { supporters: number };
    expect(after.supporters).toBe(before.supporters);
    await context.close();
  });

  it('a server we may not call is named next to its field, before anyone leaves the page', async () => {
    const context = await session.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(lendPage('en'));
    await page.check('#lend-platform-mastodon');
    await page.fill('#lend-server', 'localhost');
    await expect.poll(() => page.textContent('[data-preview-text]')).toContain('utm_source=mastodon');
    await page.check('#lend-consent');
    await page.click('button[data-submit="connect"]');
    await expect.poll(() => page.isVisible('#lend-server-error')).toBe(true);
    expect(await page.getAttribute('#lend-server', 'aria-invalid')).toBe('true');
    expect(page.url()).toBe(lendPage('en'));
    await context.close();
  });

  it('Li pastes an access token instead (advanced): the token form is still there', async () => {
    const context = await session.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(lendPage('en'));
    await page.check('#lend-platform-mastodon');
    await page.check('#lend-useToken');
    await expect.poll(() => page.isVisible('#lend-secret')).toBe(true);
    expect(await page.isVisible('#lend-handle')).toBe(true);
    expect(await page.isVisible('button[data-submit="lend"]')).toBe(true);
    expect(await page.isVisible('button[data-submit="connect"]')).toBe(false);
    await page.fill('#lend-handle', '@li@mastodon.example');
    await page.fill('#lend-secret', 'li-access-token-0123456789');
    await expect.poll(() => page.textContent('[data-preview-text]')).toContain('utm_source=mastodon');
    await page.check('#lend-consent');
    await page.click('button[data-submit="lend"]');
    await expect.poll(() => page.isVisible('[data-lend-done]')).toBe(true);
    expect(await page.textContent('[data-done-text]')).toContain('@li@mastodon.example');
    await context.close();
  });

  it('passes axe in Arabic, right to left, with the connect form and a returned error', async () => {
    const context = await session.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${lendPage('ar')}#mastodon=expired&server=mastodon.social`);
    await expect.poll(() => page.isVisible('[data-error-summary]')).toBe(true);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.textContent('[data-error-list]')).toBe('استغرق الربط وقتاً طويلاً، فأوقفناه حمايةً لحسابك. يُرجى الربط مجدداً.');
    expect(await page.textContent('button[data-submit="connect"]')).toContain('الربط عبر Mastodon');
    await expect.poll(() => page.isVisible('[data-preview-text]')).toBe(true);
    expect(await axe(page)).toEqual([]);
    await context.close();
  });
});
