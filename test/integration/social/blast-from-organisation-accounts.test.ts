import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganisationAccountView } from '../../../functions/domain/social/organisation-accounts.js';
import type { SocialMessage } from '../../../functions/domain/social/social.js';
import { startTestPlatform } from '../../support/running-platform.js';
import { WORLD_DAY_VARIANTS } from './supporter-fixtures.js';

type Running = Awaited<ReturnType<typeof startTestPlatform>>;

/**
 * The organisation's own accounts, connected once by a manager, are targets of the next blast of
 * any campaign, beside the supporters' lent accounts: each posts once, in the language its
 * manager chose. An account disconnected before the moment posts nothing.
 */
describe('a connected organisation account posts the next message', () => {
  let platform: Running;
  let message: SocialMessage;

  const admin = async <T>(as: string, method: string, path: string, body?: unknown): Promise<T> => {
    const token = await platform.identity.issueToken(`${as}@blueheart.local`);
    const response = await fetch(`${platform.url}/api/admin${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    expect(response.status, `${method} ${path}`).toBeLessThan(300);
    return (response.status === 204 ? undefined : await response.json()) as T;
  };
  const step = (as: string, path: string, body: Record<string, unknown>) => admin<SocialMessage>(as, 'POST', `/messages/2026/${message.id}${path}`, { version: message.version, ...body });

  beforeAll(async () => {
    platform = await startTestPlatform();
    // Connected before there is any message: organisation accounts serve every campaign.
    await admin('manager', 'POST', '/social/accounts', { platform: 'mastodon', handle: '@blueheart@mastodon.social', secret: 'org-mastodon-token-0123456789', language: 'ar', timeZone: 'Africa/Cairo' });
    await admin('manager', 'POST', '/social/accounts', { platform: 'bluesky', handle: 'blueheart.bsky.social', secret: 'blue-hear-torg-0001', language: 'es', timeZone: 'America/Mexico_City' });
    const gone = await admin<OrganisationAccountView>('manager', 'POST', '/social/accounts', { platform: 'bluesky', handle: 'old.blueheart.org', secret: 'oldb-lueh-eart-0001', language: 'en', timeZone: 'UTC' });
    await admin('manager2', 'DELETE', `/social/accounts/${gone.id}`);

    message = await admin<SocialMessage>('manager', 'POST', '/messages/2026', { title: 'World Day 2026', variants: WORLD_DAY_VARIANTS.filter((v) => v.platform !== 'x') });
    message = await step('manager', '/submit', {});
    message = await step('manager2', '/approve', {});
    message = await step('manager', '/schedule', { schedule: { kind: 'instant', at: new Date(Date.now() + 3_000).toISOString() } });
    const lent = await fetch(`${platform.url}/api/social/2026/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ platform: 'bluesky', handle: 'ana.bsky.social', secret: 'abcd-efgh-ijkl-mnop', language: 'en', timeZone: 'Europe/Madrid', consent: true }),
    });
    expect(lent.status).toBe(201);
  });
  afterAll(async () => platform?.stop());

  it('posts once from each connected organisation account and the lent one, each in its language', async () => {
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, new Date((message.schedule as { at: string }).at).getTime() - Date.now() + 50)));
    expect(await platform.runJob('send-due-messages')).toEqual({ started: [message.id], finished: [] });
    await platform.socialIdle();
    expect(await platform.runJob('send-due-messages')).toEqual({ started: [], finished: [message.id] });

    const sandbox = platform.deps.lending.sandbox!;
    const posts = sandbox.posts();
    expect(posts.map((post) => `${post.platform}:${post.handle}`).sort()).toEqual(['bluesky:ana.bsky.social', 'bluesky:blueheart.bsky.social', 'mastodon:@blueheart@mastodon.social']);
    expect(sandbox.audit().duplicateRefs).toBe(0);
    expect(posts.find((post) => post.handle === '@blueheart@mastodon.social')?.text).toContain('اليوم العالمي');
    expect(posts.find((post) => post.handle === 'blueheart.bsky.social')?.text).toMatch(/Día Mundial|trata/);
  });

  it('reports the organisation accounts among the targets, posted', async () => {
    const report = await admin<{ summary: { total: number; posted: number } }>('manager', 'GET', `/messages/2026/${message.id}/report`);
    expect(report.summary).toMatchObject({ total: 3, posted: 3 });
    const csv = await (await fetch(`${platform.url}/api/admin/messages/2026/${message.id}/report.csv`, { headers: { authorization: `Bearer ${await platform.identity.issueToken('manager@blueheart.local')}` } })).text();
    expect(csv.split('\r\n').filter((row) => row.startsWith('organisation,'))).toHaveLength(2);
  });
});
