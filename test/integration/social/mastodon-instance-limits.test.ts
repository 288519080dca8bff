import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MastodonNetwork } from '../../../functions/adapters/social/mastodon-network.js';
import { chooseWording } from '../../../functions/domain/social/choose-variant.js';
import type { AccountCredentials, SocialNetwork } from '../../../functions/domain/social/ports.js';
import type { MessageVariant, SocialMessage } from '../../../functions/domain/social/social.js';
import type { TargetHealth } from '../../../functions/domain/social/target-health.js';
import { startTestPlatform } from '../../support/running-platform.js';
import { startMastodonStandin, type MastodonStandin } from './mastodon-standin.js';
import { variant } from './supporter-fixtures.js';

type Running = Awaited<ReturnType<typeof startTestPlatform>>;

const YEAR = 2026;
/** About 400 characters: fits Mastodon's default 500 with its hashtag and link, not 300. */
const LONG =
  'Today is World Day against Trafficking in Persons. Millions of people are exploited for their labour, for sex, for their organs: in fields, factories, kitchens, ' +
  'on fishing boats and behind closed doors, often not far from where we live. Wear the Blue Heart today, learn the signs, and tell the people you know how to ask ' +
  'for help: every call to a hotline can free someone.';
const SHORT = 'Today is World Day against Trafficking in Persons. Wear the Blue Heart, learn the signs, and share how to ask for help.';
/** About 320 characters: a rewording still too long for 300. */
const MEDIUM =
  'Today is World Day against Trafficking in Persons. Millions of people are exploited for their labour, for sex, for their organs, often not far from where we ' +
  'live. Wear the Blue Heart today, learn the signs, and tell the people you know how to ask for help.';

/**
 * Rosa lends her Mastodon account on mastodon.example, whose admins allow 300 characters, and the
 * organisation's own account lives there too. The platform reads the instance's limit when each
 * is lent or connected (GET /api/v2/instance, from a stand-in answering in the documented shape)
 * and shows managers the count per instance. At the moment neither account sends the approved
 * 400-character text, which the instance would refuse: each posts the approved rewording that
 * fits. A later message whose every approved wording is too long is not sent to the instance at
 * all, and the report says why.
 */
describe('a Mastodon instance with a lower post length', () => {
  let platform: Running;
  let standin: MastodonStandin;
  let rosaId: string;
  const rosa = { handle: '@rosa@mastodon.example', token: 'token-rosa-0123456789abcdef' };
  const org = { handle: '@blueheart@mastodon.example', token: 'token-blueheart-0123456789ab' };

  const manager = async <T = SocialMessage>(as: string, method: string, path: string, body?: unknown): Promise<T> => {
    const token = await platform.identity.issueToken(`${as}@blueheart.local`);
    const response = await fetch(`${platform.url}/api/admin${path}`, {
      method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    expect(response.status, `${method} ${path}: ${response.status < 300 ? '' : await response.clone().text()}`).toBeLessThan(300);
    return (await response.json()) as T;
  };
  const approve = async (title: string, variants: MessageVariant[]) => {
    let message = await manager('manager', 'POST', `/messages/${YEAR}`, { title, variants });
    message = await manager('manager', 'POST', `/messages/${YEAR}/${message.id}/submit`, { version: message.version });
    return manager('manager2', 'POST', `/messages/${YEAR}/${message.id}/approve`, { version: message.version });
  };
  /** Schedules it a moment from now, waits for the moment, and runs the blast to its end. */
  const sendNow = async (message: SocialMessage) => {
    const at = new Date(Date.now() + 1_500);
    await manager('manager', 'POST', `/messages/${YEAR}/${message.id}/schedule`, { version: message.version, schedule: { kind: 'instant', at: at.toISOString() } });
    await new Promise((resolve) => setTimeout(resolve, at.getTime() - Date.now() + 50));
    expect(await platform.runJob('send-due-messages')).toMatchObject({ started: [message.id] });
    await platform.socialIdle();
    expect(await platform.runJob('send-due-messages')).toMatchObject({ finished: [message.id] });
  };
  const report = (message: SocialMessage) =>
    manager<{ summary: { total: number; posted: number; failed: number }; problems: Array<{ target: { kind: string; id: string }; error?: string }> }>('manager', 'GET', `/messages/${YEAR}/${message.id}/report`);
  const postsSent = () => standin.seen('POST /api/v1/statuses').map((request) => String(request.json?.status ?? ''));

  beforeAll(async () => {
    platform = await startTestPlatform();
    standin = await startMastodonStandin({ domain: 'mastodon.example', maxCharacters: 300 });
    standin.addAccount('rosa', rosa.token, 321);
    standin.addAccount('blueheart', org.token, 5_400);
    // The real adapter, talking to the stand-in wherever an account names https://mastodon.example.
    const real = new MastodonNetwork({ timeoutMs: 2_000 });
    const there = <T extends Pick<AccountCredentials, 'handle' | 'server'>>(account: T): T => ({ ...account, server: standin.url });
    const network: SocialNetwork = {
      platform: 'mastodon',
      publish: (account, post) => real.publish(there(account), post),
      findPost: (account, post) => real.findPost(there(account), post),
      followers: (account) => real.followers(there(account)),
      maxCharacters: (account) => real.maxCharacters(there(account)),
    };
    platform.deps.lending.networks.mastodon = network;
  });
  afterAll(async () => {
    await platform?.stop();
    await standin?.stop();
  });

  const worldDay = variant('en', 'mastodon', LONG, [SHORT]);
  let first: SocialMessage;

  it('reads the instance’s limit when an account is lent or connected, and counts accounts per instance', async () => {
    first = await approve('World Day', [worldDay]);
    const lent = await fetch(`${platform.url}/api/social/${YEAR}/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ platform: 'mastodon', handle: rosa.handle, server: 'mastodon.example', secret: rosa.token, language: 'en', timeZone: 'America/Lima', consent: true }),
    });
    expect(lent.status, await lent.clone().text()).toBe(201);
    rosaId = ((await lent.json()) as { account: { id: string } }).account.id;
    await manager('manager', 'POST', '/social/accounts', { platform: 'mastodon', handle: org.handle, secret: org.token, language: 'en', timeZone: 'UTC' });

    expect(standin.seen('GET /api/v2/instance')).toHaveLength(2);
    expect((await platform.deps.lending.accounts.get(rosaId))?.maxCharacters).toBe(300);
    const health = await manager<TargetHealth>('manager', 'GET', `/messages/${YEAR}/targets`);
    expect(health.mastodonLimits).toEqual([{ instance: 'mastodon.example', maxCharacters: 300, accounts: 2 }]);
    // Rosa's usual wording (the one she would post on a roomy instance) is the long text: what follows is the fallback at work.
    expect(chooseWording(worldDay, rosaId)).toBe(LONG);
  });

  it('posts the approved rewording that fits from both, never the long text', async () => {
    await sendNow(first);
    const texts = postsSent();
    expect(texts).toHaveLength(2);
    expect(texts.every((text) => text.startsWith(SHORT))).toBe(true);
    expect(texts.some((text) => text.includes(LONG))).toBe(false);
    expect(standin.statuses).toHaveLength(2);
    expect((await report(first)).summary).toMatchObject({ total: 2, posted: 2, failed: 0 });
  });

  it('sends nothing when no approved wording fits, and the report says why', async () => {
    const before = postsSent().length;
    const second = await approve('World Day, again', [variant('en', 'mastodon', LONG, [MEDIUM])]);
    await sendNow(second);
    expect(postsSent()).toHaveLength(before);
    const { summary, problems } = await report(second);
    expect(summary).toMatchObject({ total: 2, posted: 0, failed: 2 });
    expect(problems.map((problem) => problem.error)).toEqual([
      "nothing to post: no approved wording fits mastodon.example's 300 characters",
      "nothing to post: no approved wording fits mastodon.example's 300 characters",
    ]);
    expect(problems.map((problem) => problem.target.kind).sort()).toEqual(['organisation', 'supporter']);
  });

  it('lends an account all the same when the instance does not say its limit (counted at Mastodon’s default)', async () => {
    await approve('World Day, next', [worldDay]);
    standin.addAccount('omar', 'token-omar-0123456789abcdef', 12);
    standin.failNext('GET /api/v2/instance', { status: 503, body: { error: 'Service Unavailable' } });
    const lent = await fetch(`${platform.url}/api/social/${YEAR}/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ platform: 'mastodon', handle: '@omar@mastodon.example', secret: 'token-omar-0123456789abcdef', language: 'en', timeZone: 'UTC', consent: true }),
    });
    expect(lent.status).toBe(201);
    const { account } = (await lent.json()) as { account: { id: string; followers: number } };
    expect(account.followers).toBe(12);
    expect((await platform.deps.lending.accounts.get(account.id))?.maxCharacters).toBeUndefined();
    expect((await manager<TargetHealth>('manager', 'GET', `/messages/${YEAR}/targets`)).mastodonLimits).toEqual([{ instance: 'mastodon.example', maxCharacters: 300, accounts: 2 }]);
  });
});
