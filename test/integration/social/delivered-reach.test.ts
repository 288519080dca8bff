import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxFollowers } from '../../../functions/adapters/social/sandbox-network.js';
import type { SocialMessage } from '../../../functions/domain/social/social.js';
import { startTestPlatform } from '../../support/running-platform.js';
import { WORLD_DAY_VARIANTS } from './supporter-fixtures.js';

type Running = Awaited<ReturnType<typeof startTestPlatform>>;

interface Reach {
  supporters: number; supporterFollowers: number; organisationAccounts: number; expectedReach: number;
  messagesSent: number; postsDelivered: number; deliveredReach: number;
}

/**
 * Three supporters lend accounts; one's token expires before the moment. The campaign's public
 * reach shows the expected figure before, and after the blast the posts that went out and their
 * followers, kept on the message when it finished (no delivery is read to answer it). The
 * manager's report lists each post's link, the failure in words, and totals per kind of target.
 */
describe("a campaign's delivered reach", () => {
  let platform: Running;
  let message: SocialMessage;
  const supporters = [
    { platform: 'bluesky', handle: 'ana.bsky.social', secret: 'abcd-efgh-ijkl-mnop', language: 'es', timeZone: 'America/Mexico_City' },
    { platform: 'bluesky', handle: 'luis.bsky.social', secret: 'bcde-fghi-jklm-nopq', language: 'es', timeZone: 'Europe/Madrid' },
    { platform: 'mastodon', handle: '@amina@mastodon.social', secret: 'token-amina-0123456789', language: 'ar', timeZone: 'Africa/Cairo' },
  ];
  const followers = (handle: string) => sandboxFollowers(handle);
  const reach = async () => (await (await fetch(`${platform.url}/api/social/2026/reach`)).json()) as Reach;

  const manager = async <T = SocialMessage>(as: string, method: string, path: string, body?: unknown): Promise<T> => {
    const token = await platform.identity.issueToken(`${as}@blueheart.local`);
    const response = await fetch(`${platform.url}/api/admin/messages${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    expect(response.status, `${method} ${path}`).toBeLessThan(300);
    return (await response.json()) as T;
  };

  beforeAll(async () => {
    platform = await startTestPlatform();
    message = await manager('manager', 'POST', '/2026', { title: 'World Day 2026', variants: WORLD_DAY_VARIANTS.filter((v) => v.platform !== 'x') });
    message = await manager('manager', 'POST', `/2026/${message.id}/submit`, { version: message.version });
    message = await manager('manager2', 'POST', `/2026/${message.id}/approve`, { version: message.version });
    message = await manager('manager', 'POST', `/2026/${message.id}/schedule`, { version: message.version, schedule: { kind: 'instant', at: new Date(Date.now() + 3_000).toISOString() } });
    for (const supporter of supporters) {
      const response = await fetch(`${platform.url}/api/social/2026/accounts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...supporter, consent: true }) });
      expect(response.status, supporter.handle).toBe(201);
    }
    // Luis's token stops working on the network's side before the moment.
    platform.deps.lending.sandbox!.expireToken('bluesky', 'luis.bsky.social');
  });
  afterAll(async () => platform?.stop());

  it('before the moment: the expected reach of the accounts lent, nothing delivered', async () => {
    expect(await reach()).toMatchObject({
      supporters: 3, supporterFollowers: supporters.reduce((sum, s) => sum + followers(s.handle), 0), organisationAccounts: 0,
      expectedReach: supporters.reduce((sum, s) => sum + followers(s.handle), 0), messagesSent: 0, postsDelivered: 0, deliveredReach: 0,
    });
  });

  it('after it: the posts that went out and their followers, not the failed one', async () => {
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, new Date((message.schedule as { at: string }).at).getTime() - Date.now() + 50)));
    expect(await platform.runJob('send-due-messages')).toMatchObject({ started: [message.id] });
    await platform.socialIdle();
    expect(await reach(), 'still sending: nothing counted yet').toMatchObject({ messagesSent: 0, deliveredReach: 0 });
    expect(await platform.runJob('send-due-messages')).toMatchObject({ finished: [message.id] });

    const delivered = followers('ana.bsky.social') + followers('@amina@mastodon.social');
    const finished = await manager('manager', 'GET', `/2026/${message.id}`);
    expect(finished).toMatchObject({ status: 'partly_failed', delivered: { posts: 2, reach: delivered } });
    expect(await reach()).toMatchObject({ messagesSent: 1, postsDelivered: 2, deliveredReach: delivered });
  });

  it("the manager's report: each post's link, the failure in words, totals per platform and kind", async () => {
    const report = await manager<{
      summary: { failed: number; byKind: Record<string, { posted: number; failed: number }>; byPlatform: Record<string, { posted: number; failed: number }> };
      problems: Array<{ target: { platform: string }; state: string; error: string }>;
      posts: Array<{ target: { platform: string }; postUrl: string; reach: number }>;
    }>('manager', 'GET', `/2026/${message.id}/report`);
    expect(report.summary).toMatchObject({
      failed: 1, byKind: { supporter: { posted: 2, failed: 1 } }, byPlatform: { bluesky: { posted: 1, failed: 1 }, mastodon: { posted: 1, failed: 0 } },
      published: { posts: 2, reach: (await reach()).deliveredReach },
    });
    expect(report.problems).toEqual([expect.objectContaining({ state: 'failed', error: 'token expired: the supporter was asked to reconnect', target: expect.objectContaining({ platform: 'bluesky' }) })]);
    expect(report.posts.map((post) => post.target.platform).sort()).toEqual(['bluesky', 'mastodon']);
    expect(report.posts.every((post) => /^https?:\/\//.test(post.postUrl))).toBe(true);
  });
});
