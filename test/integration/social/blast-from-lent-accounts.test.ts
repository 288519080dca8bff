import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SocialMessage } from '../../../functions/domain/social/social.js';
import { startTestPlatform } from '../../support/running-platform.js';
import { WORLD_DAY_VARIANTS } from './supporter-fixtures.js';

type Running = Awaited<ReturnType<typeof startTestPlatform>>;

/**
 * The whole flow as `npm start` runs it: managers write and approve the message, supporters
 * lend accounts on the sandbox network, the every-minute step fans the message out at its
 * moment, the in-process worker posts once from every account, and the message ends sent.
 */
describe('a coordinated message goes out once from every lent account', () => {
  let platform: Running;
  let message: SocialMessage;
  const supporters = [
    { platform: 'bluesky', handle: 'ana.bsky.social', secret: 'abcd-efgh-ijkl-mnop', language: 'es', timeZone: 'America/Mexico_City' },
    { platform: 'bluesky', handle: 'luis.bsky.social', secret: 'bcde-fghi-jklm-nopq', language: 'es', timeZone: 'Europe/Madrid' },
    { platform: 'mastodon', handle: '@amina@mastodon.social', secret: 'token-amina-0123456789', language: 'ar', timeZone: 'Africa/Cairo' },
    { platform: 'bluesky', handle: 'grace.bsky.social', secret: 'cdef-ghij-klmn-opqr', language: 'en', timeZone: 'Africa/Nairobi' },
  ];

  const manager = async (as: string, method: string, path: string, body?: unknown) => {
    const token = await platform.identity.issueToken(`${as}@blueheart.local`);
    const response = await fetch(`${platform.url}/api/admin/messages${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    expect(response.status, `${method} ${path}`).toBeLessThan(300);
    return (await response.json()) as SocialMessage;
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
  });
  afterAll(async () => platform?.stop());

  it('waits for its moment', async () => {
    expect(await platform.runJob('send-due-messages')).toEqual({ started: [], finished: [] });
  });

  it('posts once from every account at the moment, each in its language, then is sent', async () => {
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, new Date((message.schedule as { at: string }).at).getTime() - Date.now() + 50)));
    expect(await platform.runJob('send-due-messages')).toEqual({ started: [message.id], finished: [] });
    await platform.socialIdle();
    expect(await platform.runJob('send-due-messages')).toEqual({ started: [], finished: [message.id] });

    const sandbox = platform.deps.lending.sandbox!;
    const posts = sandbox.posts();
    expect(posts.map((post) => `${post.platform}:${post.handle}`).sort()).toEqual(supporters.map((s) => `${s.platform}:${s.handle}`).sort());
    expect(sandbox.audit().duplicateRefs).toBe(0);
    expect(posts.find((post) => post.handle === '@amina@mastodon.social')?.text).toContain('اليوم العالمي');
    expect(posts.find((post) => post.handle === 'grace.bsky.social')?.text).toMatch(/World Day|Blue Heart|trafficking/i);
    expect(posts.every((post) => post.text.includes('utm_campaign=world-day-2026'))).toBe(true);

    const token = await platform.identity.issueToken('manager@blueheart.local');
    const after = (await (await fetch(`${platform.url}/api/admin/messages/2026/${message.id}`, { headers: { authorization: `Bearer ${token}` } })).json()) as SocialMessage;
    expect(after.status).toBe('sent');
  });

  it('reports each target: totals, reach, and a CSV row per target with the link to its post', async () => {
    const token = await platform.identity.issueToken('manager@blueheart.local');
    const get = (path: string) => fetch(`${platform.url}/api/admin/messages/2026/${message.id}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const report = (await (await get('/report')).json()) as { summary: { total: number; posted: number; failed: number; expectedReach: number; deliveredReach: number; byPlatform: Record<string, { posted: number }> }; problems: unknown[] };
    expect(report.summary).toMatchObject({ total: 4, posted: 4, failed: 0 });
    expect(report.summary.deliveredReach).toBe(report.summary.expectedReach);
    expect(report.summary.expectedReach).toBeGreaterThan(0);
    expect(report.summary.byPlatform).toMatchObject({ bluesky: { posted: 3 }, mastodon: { posted: 1 } });
    expect(report.problems).toEqual([]);
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await (await get('/report.csv')).arrayBuffer());
    expect(csv.startsWith('\uFEFFtarget_kind,target_id,platform')).toBe(true);
    const rows = csv.trim().split('\r\n').slice(1);
    expect(rows).toHaveLength(4);
    expect(rows.every((row) => row.includes(',posted,') && /https?:\/\//.test(row))).toBe(true);
  });

  it('never posts again, however often the step and the worker run', async () => {
    await platform.runJob('send-due-messages');
    await platform.socialIdle();
    expect(platform.deps.lending.sandbox!.posts()).toHaveLength(supporters.length);
  });
});
