import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MessageVariant, SocialMessage } from '../../functions/domain/social/social.js';
import { signInToConsole, useBrowserAndPlatform } from '../support/browser.js';

const YEAR = 2026;
const TITLE = 'World Day: before the moment';
const ORG_TOKEN = 'org-mastodon-token-0123456789abcdef';
const words = (n: number) => Array.from({ length: n }, () => 'heart').join(' ');
/** About 420 characters with its hashtag and link: within Mastodon's default 500, not within 300. */
const LONG = `Wear the Blue Heart on World Day: ${words(60)}.`;
const variant = (platform: MessageVariant['platform'], text: string, alternatives: string[] = []): MessageVariant => ({
  language: 'en', platform, text, hashtags: ['EndHumanTrafficking'], link: 'https://www.unodc.org/bluehearts', mediaIds: [], altText: {}, alternatives,
});

/**
 * A day before World Day's message goes out, the daily check finds two supporters' Bluesky
 * passwords refused (one of them gave an email and was asked to reconnect), and the
 * organisation's Mastodon account has expired too. Maria opens the message: beside the expected
 * reach she sees who cannot post it, per platform, and the organisation's expired account with a
 * Reconnect that takes her to its form in the Accounts part; once reconnected, the Reach part
 * says so. Rosa's instance takes 300 characters: the Mastodon counter says so, and asks for a
 * shorter rewording until the draft has one. axe-clean throughout.
 */
describe('a manager sees, before the moment, the accounts that cannot post a message', () => {
  const session = useBrowserAndPlatform();
  let maria: Page;
  let message: SocialMessage;

  const manager = async <T = SocialMessage>(as: string, method: string, path: string, body?: unknown): Promise<T> => {
    const token = await session.platform.identity.issueToken(`${as}@blueheart.local`);
    const response = await fetch(`${session.platform.url}/api/admin${path}`, {
      method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    expect(response.status, `${method} ${path}: ${response.status < 300 ? '' : await response.clone().text()}`).toBeLessThan(300);
    return (await response.json()) as T;
  };
  const lend = async (supporter: Record<string, string>) => {
    const response = await fetch(`${session.platform.url}/api/social/${YEAR}/accounts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ language: 'en', timeZone: 'Europe/Madrid', consent: true, ...supporter }) });
    expect(response.status, `${supporter.handle}: ${await response.clone().text()}`).toBe(201);
  };
  const axe = async (page: Page) =>
    (await new AxeBuilder({ page }).include('#main').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations.map(
      (v) => `${v.id}: ${v.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')}`,
    );
  const open = async (title: string) => {
    await maria.click('#messages-year-form button[type="submit"]');
    await maria.click(`#messages-rows button[aria-label="Open “${title}”"]`);
    await expect.poll(() => maria.evaluate(() => document.activeElement?.id)).toBe('message-editor-title');
  };
  const mastodonNote = () => maria.locator('#message-variants fieldset[data-platform="mastodon"] .instance-limits');

  beforeAll(async () => {
    const sandbox = session.platform.deps.lending.sandbox!;
    sandbox.setInstanceLimit('mastodon.example', 300);
    message = await manager('manager', 'POST', `/messages/${YEAR}`, { title: TITLE, variants: [variant('mastodon', LONG), variant('bluesky', 'Today is World Day against Trafficking in Persons.'), variant('x', 'Today: World Day against Trafficking in Persons.')] });
    message = await manager('manager', 'POST', `/messages/${YEAR}/${message.id}/submit`, { version: message.version });
    message = await manager('manager2', 'POST', `/messages/${YEAR}/${message.id}/approve`, { version: message.version });
    message = await manager('manager', 'POST', `/messages/${YEAR}/${message.id}/schedule`, { version: message.version, schedule: { kind: 'instant', at: new Date(Date.now() + 86_400_000).toISOString() } });

    const org = await manager<{ id: string }>('manager', 'POST', '/social/accounts', { platform: 'mastodon', handle: '@blueheart@mastodon.social', secret: ORG_TOKEN, language: 'en', timeZone: 'UTC' });
    await lend({ platform: 'bluesky', handle: 'ana.cannot.bsky.social', secret: 'abcd-efgh-ijkl-mnop' });
    await lend({ platform: 'bluesky', handle: 'luis.cannot.bsky.social', secret: 'bcde-fghi-jklm-nopq', email: 'luis.cannot@example.org' });
    await lend({ platform: 'bluesky', handle: 'ines.cannot.bsky.social', secret: 'cdef-ghij-klmn-opqr' });
    await lend({ platform: 'mastodon', handle: '@rosa@mastodon.example', secret: 'token-rosa-0123456789abcdef' });
    await lend({ platform: 'x', handle: '@grace', email: 'grace.cannot@example.org' });

    // Luis and Ines took their app passwords back on Bluesky's side: the daily check finds out.
    sandbox.expireToken('bluesky', 'luis.cannot.bsky.social');
    sandbox.expireToken('bluesky', 'ines.cannot.bsky.social');
    // The organisation's token expired (marked as the dispatcher would; the sandbox keeps the token, so it can be given again).
    await session.platform.deps.lending.accounts.markExpired(org.id, new Date());
    await session.platform.runJob('check-token-health');

    maria = await (await session.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await maria.goto(`${session.platform.url}/console/#messages`);
    await signInToConsole(maria, 'manager@blueheart.local');
    await maria.waitForSelector('#messages', { state: 'visible' });
    await maria.fill('#messages-year', String(YEAR));
  });

  it('shows, beside the expected reach, who cannot post it: the supporters counted, per platform, the organisation’s listed', async () => {
    await open(TITLE);
    expect(await maria.textContent('#message-report-title')).toBe('Expected reach');
    await expect.poll(() => maria.textContent('#message-health-supporters')).toBe(
      "2 supporters' accounts expired (1 asked to reconnect): they post nothing until their owners connect them again.",
    );
    expect(await maria.textContent('#message-health-share')).toBe('1 supporter is on a network that does not let us post for them: at the moment they get a ready-to-post link by email instead.');
    // Platform, will post, expired.
    expect(await maria.locator('#message-health-rows tr').allTextContents()).toEqual(['Mastodon11', 'Bluesky12', 'X10']);
    expect(await maria.textContent('#message-health-organisation')).toBe("1 of the organisation's accounts has expired: it posts nothing until a manager reconnects it.");
    const expired = maria.locator('#message-health-expired li');
    expect(await expired.count()).toBe(1);
    expect(await expired.textContent()).toMatch(/^@blueheart@mastodon\.social on Mastodon · refused \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(await axe(maria)).toEqual([]);
  });

  it('says on the Mastodon counter that an account is on an instance with a lower limit', async () => {
    await expect.poll(() => mastodonNote().textContent()).toBe('1 account is on an instance with a lower limit: mastodon.example 300 (1); write a shorter approved rewording for them.');
    expect(await mastodonNote().getAttribute('class')).toContain('count-over');
    expect(await maria.locator('#message-variants fieldset[data-platform="bluesky"] .instance-limits').isHidden()).toBe(true);
  });

  it('takes her to the expired account’s form in the Accounts part, and shows it reconnected', async () => {
    await maria.click('#message-health-expired button[aria-label="Reconnect @blueheart@mastodon.social in Organisation accounts"]');
    await expect.poll(() => maria.evaluate(() => document.activeElement?.id)).toBe('account-reconnect-title');
    expect(await maria.textContent('#account-reconnect-title')).toBe('Reconnect @blueheart@mastodon.social on Mastodon');
    await maria.fill('#reconnect-secret', ORG_TOKEN);
    await maria.click('#account-reconnect-confirm');
    await expect.poll(() => maria.textContent('#status')).toContain('is reconnected');
    // The Reach part follows: the organisation's account posts again.
    await expect.poll(() => maria.textContent('#message-health-organisation')).toBe('None of the organisation’s accounts has expired.');
    expect(await maria.locator('#message-health-expired li').count()).toBe(0);
    expect(await maria.locator('#message-health-rows tr').allTextContents()).toEqual(['Mastodon20', 'Bluesky12', 'X10']);
    expect(await maria.locator('#message-expected-rows tr').first().textContent()).toMatch(/^Organisation's accounts1/);
    expect(await axe(maria)).toEqual([]);
  });

  it('stops asking for a shorter rewording once the draft has one that fits', async () => {
    await manager('manager', 'POST', `/messages/${YEAR}`, { title: 'World Day: a draft', variants: [variant('mastodon', LONG)] });
    await open('World Day: a draft');
    await expect.poll(() => mastodonNote().textContent()).toContain('write a shorter approved rewording for them');
    await maria.fill('#message-variants fieldset[data-platform="mastodon"] [data-field="alternatives"]', 'Wear the Blue Heart today: learn the signs of trafficking.');
    await expect.poll(() => mastodonNote().textContent()).toBe('1 account is on an instance with a lower limit: mastodon.example 300 (1); each posts an approved wording that fits.');
    expect(await mastodonNote().getAttribute('class')).not.toContain('count-over');
    expect(await axe(maria)).toEqual([]);
  });
});
