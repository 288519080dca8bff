import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { sandboxFollowers } from '../../functions/adapters/social/sandbox-network.js';
import type { MessageVariant, SocialMessage } from '../../functions/domain/social/social.js';
import { signInToConsole, useBrowserAndPlatform } from '../support/browser.js';

const YEAR = 2026;
const TITLE = 'World Day: the moment';
const variant = (language: MessageVariant['language'], platform: MessageVariant['platform'], text: string): MessageVariant => ({
  language, platform, text, hashtags: ['EndHumanTrafficking'], link: 'https://www.unodc.org/bluehearts', mediaIds: [], altText: {}, alternatives: [],
});
const SUPPORTERS = [
  { platform: 'bluesky', handle: 'ana.bsky.social', secret: 'abcd-efgh-ijkl-mnop', language: 'es', timeZone: 'America/Mexico_City' },
  { platform: 'bluesky', handle: 'luis.bsky.social', secret: 'bcde-fghi-jklm-nopq', language: 'es', timeZone: 'Europe/Madrid' },
  { platform: 'mastodon', handle: '@amina@mastodon.social', secret: 'token-amina-0123456789', language: 'ar', timeZone: 'Africa/Cairo' },
];
/** How long each sandbox call takes while the blast runs: the message stays sending (and the minute's step cannot finish it) meanwhile. */
const SLOW_NETWORK_MS = 16_000;
const n = (value: number) => value.toLocaleString('en');

/**
 * Maria opens the World Day message before its moment and sees who will post it and their
 * followers. Three supporters lent accounts; Luis's token has expired. At the moment she opens it
 * again: the report refreshes itself while it is sending, stops when she goes to another area and
 * starts again when she comes back, and once it has finished shows the two posts with their links
 * (new tab), Luis's failure in words, the totals, and downloads the CSV. The public page shows the
 * delivered reach.
 */
describe('a manager reads the delivery report of a message', () => {
  const session = useBrowserAndPlatform({ seed: true });
  let message: SocialMessage;

  const manager = async (as: string, method: string, path: string, body?: unknown): Promise<SocialMessage> => {
    const token = await session.platform.identity.issueToken(`${as}@blueheart.local`);
    const response = await fetch(`${session.platform.url}/api/admin/messages${path}`, {
      method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    expect(response.status, `${method} ${path}`).toBeLessThan(300);
    return (await response.json()) as SocialMessage;
  };
  const axe = async (page: Page) =>
    (await new AxeBuilder({ page }).include('#main').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations.map(
      (v) => `${v.id}: ${v.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')}`,
    );
  const open = async (page: Page) => {
    await page.click('#messages-year-form button[type="submit"]');
    await page.click(`#messages-rows button[aria-label="Open “${TITLE}”"]`);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('message-editor-title');
  };

  let maria: Page;
  const reportRequests: string[] = [];

  beforeAll(async () => {
    const variants = [variant('en', 'bluesky', 'Today is World Day against Trafficking in Persons.'), variant('es', 'bluesky', 'Hoy es el Día Mundial contra la Trata de Personas.'), variant('ar', 'mastodon', 'اليوم هو اليوم العالمي لمكافحة الاتجار بالأشخاص.')];
    message = await manager('manager', 'POST', `/${YEAR}`, { title: TITLE, variants });
    message = await manager('manager', 'POST', `/${YEAR}/${message.id}/submit`, { version: message.version });
    message = await manager('manager2', 'POST', `/${YEAR}/${message.id}/approve`, { version: message.version });
    for (const supporter of SUPPORTERS) {
      const response = await fetch(`${session.platform.url}/api/social/${YEAR}/accounts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...supporter, consent: true }) });
      expect(response.status, supporter.handle).toBe(201);
    }
    session.platform.deps.lending.sandbox!.expireToken('bluesky', 'luis.bsky.social');

    const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    maria = await context.newPage();
    maria.on('request', (request) => {
      if (request.url().endsWith(`/${message.id}/report`)) reportRequests.push(request.url());
    });
    await maria.goto(`${session.platform.url}/console/#messages`);
    await signInToConsole(maria, 'manager@blueheart.local');
    await maria.waitForSelector('#messages', { state: 'visible' });
    await maria.fill('#messages-year', String(YEAR));
  });

  it('before the moment: who will post it, and their followers', async () => {
    await open(maria);
    expect(await maria.textContent('#message-state')).toContain('Approved');
    await expect.poll(() => maria.isVisible('#message-report')).toBe(true);
    expect(await maria.textContent('#message-report-title')).toBe('Expected reach');
    expect(await maria.isVisible('#message-delivery')).toBe(false);
    const followers = SUPPORTERS.reduce((sum, s) => sum + sandboxFollowers(s.handle), 0);
    await expect.poll(() => maria.locator('#message-expected-rows tr').allTextContents()).toEqual(["Organisation's accounts00", `Supporters' accounts lent3${n(followers)}`]);
    expect(await maria.textContent('#message-expected-foot')).toBe(`Expected reach3${n(followers)}`);
    expect(await axe(maria)).toEqual([]);
  });

  it('while sending: refreshes itself, only while on screen', async () => {
    session.platform.deps.lending.sandbox!.configure({ latencyMs: { min: SLOW_NETWORK_MS, max: SLOW_NETWORK_MS } });
    message = await manager('manager', 'POST', `/${YEAR}/${message.id}/schedule`, { version: message.version, schedule: { kind: 'instant', at: new Date(Date.now() + 1_500).toISOString() } });
    await new Promise((resolve) => setTimeout(resolve, new Date((message.schedule as { at: string }).at).getTime() - Date.now() + 50));
    // This step, or the platform's own every-minute run if it came first.
    await session.platform.runJob('send-due-messages');
    expect((await manager('manager', 'GET', `/${YEAR}/${message.id}`)).status).toBe('sending');

    await open(maria);
    expect(await maria.textContent('#message-state')).toContain('Sending');
    expect(await maria.textContent('#message-report-title')).toBe('Delivery report');
    // The three accounts wait on the slow network; pledgers who asked for updates (seeded) may be emailed meanwhile.
    await expect.poll(() => maria.textContent('#message-report-progress')).toMatch(/^Sending: \d+ of \d+ targets done \(.*\); \d+ still to go\.$/);
    expect(await maria.isVisible('#message-report-refresh')).toBe(true);
    expect(await maria.textContent('#message-report-refreshed')).toContain('refreshes every 5 seconds while sending');
    expect(await axe(maria)).toEqual([]);

    // On its own, within a few seconds.
    const opened = reportRequests.length;
    await expect.poll(() => reportRequests.length, { timeout: 8_000 }).toBeGreaterThan(opened);

    // Another area: no request while she is away; back, it refreshes at once.
    await maria.click('#nav-pledges');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const away = reportRequests.length;
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect(reportRequests.length).toBe(away);
    await maria.click('#nav-messages');
    await expect.poll(() => reportRequests.length, { timeout: 2_000 }).toBeGreaterThan(away);
  });

  it('after it: the posts with their links, the failure in words, the totals and the CSV', async () => {
    await session.platform.socialIdle();
    session.platform.deps.lending.sandbox!.configure({ latencyMs: { min: 0, max: 0 } });
    await session.platform.runJob('send-due-messages');

    // The report noticed by itself: the editor, the list and the history follow.
    await expect.poll(() => maria.textContent('#message-state'), { timeout: 12_000 }).toContain('Partly failed');
    await expect.poll(() => maria.textContent('#messages-rows')).toContain('Partly failed');
    await expect.poll(() => maria.textContent('#message-history li:first-child')).toContain('Finished sending');
    const token = await session.platform.identity.issueToken('manager@blueheart.local');
    const report = (await (await fetch(`${session.platform.url}/api/admin/messages/${YEAR}/${message.id}/report`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
      summary: { total: number; posted: number; failed: number; skipped: number; expectedReach: number; deliveredReach: number };
      posts: Array<{ postUrl?: string; target: { platform: string } }>;
    };
    const { summary } = report;
    expect(summary.failed).toBe(1);
    expect(await maria.textContent('#message-report-progress')).toBe(`Partly failed: ${n(summary.posted)} posted, 1 failed, ${n(summary.skipped)} skipped of ${n(summary.total)} targets.`);
    expect(await maria.isVisible('#message-report-refresh')).toBe(false);
    expect(await maria.textContent('#message-report-reach')).toBe(`Delivered reach: ${n(summary.deliveredReach)} of ${n(summary.expectedReach)} expected (${Math.round((100 * summary.deliveredReach) / summary.expectedReach)}%).`);

    // The accounts' rows, exactly: targets, posted, failed, skipped, pending, expected and delivered reach.
    const [ana, luis, amina] = ['ana.bsky.social', 'luis.bsky.social', '@amina@mastodon.social'].map(sandboxFollowers) as [number, number, number];
    const totals = await maria.locator('#message-totals-rows tr').allTextContents();
    expect(totals.slice(0, 2)).toEqual([`Mastodon11000${n(amina)}${n(amina)}`, `Bluesky21100${n(ana + luis)}${n(ana)}`]);
    expect(totals).toContain(`Supporters' accounts32100${n(ana + luis + amina)}${n(ana + amina)}`);
    expect(await maria.textContent('#message-totals-foot')).toBe(
      `All targets${n(summary.total)}${n(summary.posted)}1${n(summary.skipped)}0${n(summary.expectedReach)}${n(summary.deliveredReach)}`,
    );

    expect(await maria.textContent('#message-problems-caption')).toBe(`Failed and skipped: ${n(1 + summary.skipped)}`);
    const failure = (await maria.locator('#message-problems-rows tr').allTextContents()).filter((row) => row.includes('Bluesky'));
    expect(failure).toHaveLength(1);
    expect(failure[0]).toMatch(/^Supporter [\w-]{8}BlueskyesFailedToken expired: the supporter was asked to reconnect\.1\d{4}-\d\d-\d\d \d\d:\d\d UTC$/);

    // The posts that went out on a network: the two accounts' (emails to pledgers have no link; the totals count them).
    expect(await maria.textContent('#message-posts-caption')).toBe('Posts: 2');
    expect(report.posts.map((post) => post.target.platform).sort()).toEqual(['bluesky', 'mastodon']);
    const links = maria.locator('#message-posts-rows a');
    expect(await links.evaluateAll((all) => all.map((a) => a.getAttribute('href')).sort())).toEqual(report.posts.map((post) => post.postUrl).sort());
    for (const post of report.posts) {
      const link = maria.locator(`#message-posts-rows a[href="${post.postUrl}"]`);
      expect(await link.getAttribute('target')).toBe('_blank');
      expect(await link.getAttribute('rel')).toContain('noopener');
      expect(await link.textContent()).toBe(`${post.postUrl} (opens in a new tab)`);
    }
    expect(await axe(maria)).toEqual([]);

    const [download] = await Promise.all([maria.waitForEvent('download'), maria.click('#message-report-csv')]);
    expect(download.suggestedFilename()).toBe(`blue-heart-message-${message.id}-deliveries.csv`);
    const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
    const [header, ...rows] = csv.trim().split('\r\n');
    expect(header).toMatch(/^target_kind,target_id,platform,language,/);
    expect(rows).toHaveLength(summary.total);
    const accounts = rows.filter((row) => row.startsWith('supporter,'));
    expect(accounts).toHaveLength(3);
    expect(accounts.filter((row) => row.includes(',posted,') && /https?:\/\//.test(row))).toHaveLength(2);
    expect(accounts.filter((row) => row.includes(',failed,') && row.includes('token expired'))).toHaveLength(1);
    await expect.poll(() => maria.textContent('#status')).toBe(`blue-heart-message-${message.id}-deliveries.csv downloaded.`);
  });

  it('the public page shows the delivered reach', async () => {
    const page = await (await session.browser.newContext()).newPage();
    await page.goto(`${session.platform.url}/en/campaigns/${YEAR}/lend-your-voice/`);
    const delivered = sandboxFollowers('ana.bsky.social') + sandboxFollowers('@amina@mastodon.social');
    await expect.poll(() => page.textContent('[data-lend-reach]')).toContain(`Posts made at the moment: 2. Delivered reach: ${n(delivered)} people.`);
    await page.context().close();
  });
});
