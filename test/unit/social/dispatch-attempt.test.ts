import { describe, expect, it, vi } from 'vitest';
import { attemptDelivery, EXPIRED_TOKEN } from '../../../functions/domain/social/dispatch/attempt-delivery.js';
import { newDelivery } from '../../../functions/domain/social/dispatch/fan-out.js';
import { MemoryDeliveryStore } from '../../../functions/domain/social/dispatch/memory-delivery-store.js';
import type { DispatchDeps, EmailChannel } from '../../../functions/domain/social/dispatch/ports.js';
import { SocialError, type AccountCredentials, type OutgoingPost, type PublishedPost, type SocialNetwork } from '../../../functions/domain/social/ports.js';
import type { ConnectedAccount, DeliveryTarget } from '../../../functions/domain/social/social.js';

const T0 = new Date('2026-07-30T09:00:00.000Z');

class Clock {
  constructor(public current = new Date(T0)) {}
  now = () => new Date(this.current);
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

type Answer = PublishedPost | SocialError | Error | 'hang';

/** A network that answers publish calls from a script, and remembers what it was asked. */
class ScriptedNetwork implements SocialNetwork {
  readonly platform = 'mastodon' as const;
  published: OutgoingPost[] = [];
  looked: OutgoingPost[] = [];
  /** What findPost answers. */
  onAccount: PublishedPost | undefined;
  lookAnswer: SocialError | undefined;
  constructor(private readonly script: Answer[] = []) {}
  async publish(_account: AccountCredentials, post: OutgoingPost): Promise<PublishedPost> {
    this.published.push(post);
    const answer = this.script.shift() ?? { postId: `p${this.published.length}`, postUrl: `https://m.example/@ana/p${this.published.length}` };
    if (answer === 'hang') return new Promise(() => {});
    if (answer instanceof Error) throw answer;
    return answer;
  }
  async findPost(_account: AccountCredentials, post: OutgoingPost): Promise<PublishedPost | undefined> {
    this.looked.push(post);
    if (this.lookAnswer) throw this.lookAnswer;
    return this.onAccount;
  }
  async followers(): Promise<number> {
    return 0;
  }
}

const account = (overrides: Partial<ConnectedAccount> = {}): ConnectedAccount => ({
  id: 'acct-1',
  owner: 'supporter',
  platform: 'mastodon',
  handle: '@ana@m.example',
  server: 'https://m.example',
  followers: 1_234,
  language: 'en',
  timeZone: 'Europe/Vienna',
  encryptedToken: 'sealed:secret',
  campaignYear: 2026,
  connectedAt: '2026-07-01T00:00:00.000Z',
  status: 'active',
  ...overrides,
});

const target = (overrides: Partial<DeliveryTarget> = {}): DeliveryTarget => ({
  kind: 'supporter',
  id: 'acct-1',
  platform: 'mastodon',
  language: 'en',
  timeZone: 'Europe/Vienna',
  followers: 1_234,
  ...overrides,
});

async function setup(options: { network?: ScriptedNetwork; account?: ConnectedAccount | undefined; target?: DeliveryTarget; email?: EmailChannel } = {}) {
  const clock = new Clock();
  const store = new MemoryDeliveryStore();
  const network = options.network ?? new ScriptedNetwork();
  const accounts = new Map<string, ConnectedAccount>();
  const theAccount = 'account' in options ? options.account : account();
  if (theAccount) accounts.set(theAccount.id, theAccount);
  const expired: string[] = [];
  let tokens = 0;
  const deps: DispatchDeps = {
    deliveries: store,
    accounts: {
      get: async (id) => accounts.get(id),
      tokenExpired: async (expiredAccount) => {
        expired.push(expiredAccount.id);
      },
    },
    tokens: { seal: async (text) => `sealed:${text}`, open: async (sealed) => sealed.replace(/^sealed:/, '') },
    networks: (platform) => (platform === 'mastodon' ? network : undefined),
    posts: { postFor: async (delivery, lender) => ({ text: `Blue Heart ${lender.handle}`, media: [], clientRef: delivery.clientRef }) },
    email: options.email,
    clock,
    newToken: () => `token-${++tokens}`,
    random: () => 0.5,
    policy: { leaseMs: 60_000, callTimeoutMs: 20_000, maxAttempts: 8, backoff: { baseMs: 2_000, maxMs: 300_000 } },
  };
  const delivery = newDelivery({ id: 'msg-1' }, options.target ?? target(), T0.toISOString());
  await store.createAll([delivery]);
  const attempt = () => attemptDelivery(deps, 'msg-1', delivery.target.id);
  const record = async () => (await store.get('msg-1', delivery.target.id))!;
  return { clock, store, network, deps, attempt, record, expired, accounts };
}

describe('one delivery attempt', () => {
  it('posts, records the post, and a second attempt finds it done without posting again', async () => {
    const { attempt, record, network } = await setup();
    expect((await attempt()).kind).toBe('posted');
    expect(await record()).toMatchObject({ state: 'posted', postId: 'p1', postUrl: 'https://m.example/@ana/p1', reach: 1_234, attempts: 1, finishedAt: T0.toISOString() });
    expect(network.published[0]).toMatchObject({ text: 'Blue Heart @ana@m.example', clientRef: 'bh-msg-1-acct-1' });
    expect((await attempt()).kind).toBe('done');
    expect(network.published).toHaveLength(1);
  });

  it('is not claimed before it is due', async () => {
    const { deps, network, store } = await setup();
    await store.createAll([newDelivery({ id: 'msg-1' }, target({ id: 'later' }), '2026-07-30T10:00:00.000Z')]);
    expect(await attemptDelivery(deps, 'msg-1', 'later')).toEqual({ kind: 'busy', at: new Date('2026-07-30T10:00:00.000Z') });
    expect(network.published).toHaveLength(0);
  });

  it('waits for Retry-After on a 429 without counting it as a failed attempt', async () => {
    const { attempt, record, clock, network } = await setup({
      network: new ScriptedNetwork([new SocialError('rate_limited', '429 Too Many Requests', { retryAfterMs: 30_000 })]),
    });
    expect(await attempt()).toMatchObject({ kind: 'retry', at: new Date(T0.getTime() + 30_000) });
    expect(await record()).toMatchObject({ state: 'pending', attempts: 0, notBefore: new Date(T0.getTime() + 30_000).toISOString() });
    expect((await record()).claim).toBeUndefined();
    expect((await record()).error).toMatch(/rate limited by mastodon: retrying after 30 s/);
    clock.advance(29_000);
    expect((await attempt()).kind).toBe('busy');
    clock.advance(1_000);
    expect((await attempt()).kind).toBe('posted');
    expect(network.published).toHaveLength(2);
  });

  it('retries a 5xx with exponential backoff and fails after the last attempt', async () => {
    const failures = Array.from({ length: 8 }, () => new SocialError('unavailable', '503 Service Unavailable', { status: 503 }));
    const { attempt, record, clock } = await setup({ network: new ScriptedNetwork(failures) });
    const waits: number[] = [];
    for (let i = 1; i < 8; i++) {
      const outcome = await attempt();
      expect(outcome.kind).toBe('retry');
      const wait = (outcome as { at: Date }).at.getTime() - clock.now().getTime();
      waits.push(wait);
      clock.advance(wait);
    }
    // random() = 0.5: three quarters of 2 s × 2^(n−1), capped at 5 min.
    expect(waits).toEqual([1_500, 3_000, 6_000, 12_000, 24_000, 48_000, 96_000]);
    const last = await attempt();
    expect(last.kind).toBe('failed');
    expect((await record()).error).toBe('gave up after 8 attempts: mastodon unavailable (503 Service Unavailable)');
    expect((await attempt()).kind).toBe('done');
  });

  it('after an attempt with no answer, looks for the post first and finishes without posting when it is there', async () => {
    const network = new ScriptedNetwork([new SocialError('uncertain', 'timed out')]);
    const { attempt, record, clock } = await setup({ network });
    const first = await attempt();
    expect(first.kind).toBe('retry');
    expect(await record()).toMatchObject({ state: 'pending', uncertain: true, attempts: 1 });
    network.onAccount = { postId: 'p-early', postUrl: 'https://m.example/@ana/p-early' };
    clock.advance(60_000);
    expect((await attempt()).kind).toBe('posted');
    expect(network.looked).toHaveLength(1);
    expect(network.published).toHaveLength(1);
    const done = await record();
    expect(done).toMatchObject({ state: 'posted', postId: 'p-early', attempts: 2 });
    expect(done.uncertain).toBeUndefined();
  });

  it('after an attempt with no answer, posts again only when the account does not have the post', async () => {
    const network = new ScriptedNetwork([new SocialError('uncertain', 'timed out')]);
    const { attempt, record, clock } = await setup({ network });
    await attempt();
    clock.advance(60_000);
    expect((await attempt()).kind).toBe('posted');
    expect(network.looked).toHaveLength(1);
    expect(network.published).toHaveLength(2);
    expect(await record()).toMatchObject({ state: 'posted', postId: 'p2' });
  });

  it('keeps looking first while the look itself fails', async () => {
    const network = new ScriptedNetwork([new SocialError('uncertain', 'timed out')]);
    const { attempt, record, clock } = await setup({ network });
    await attempt();
    network.lookAnswer = new SocialError('unavailable', '503');
    clock.advance(60_000);
    expect((await attempt()).kind).toBe('retry');
    expect(await record()).toMatchObject({ state: 'pending', uncertain: true });
    expect(network.published).toHaveLength(1);
  });

  it('counts a publish that outlives the call timeout as unanswered', async () => {
    vi.useFakeTimers();
    try {
      const network = new ScriptedNetwork(['hang']);
      const { attempt, record } = await setup({ network });
      const pending = attempt();
      await vi.advanceTimersByTimeAsync(20_000);
      expect(await pending).toMatchObject({ kind: 'retry' });
      expect(await record()).toMatchObject({ uncertain: true, error: expect.stringContaining('publish had no answer within 20 s') });
    } finally {
      vi.useRealTimers();
    }
  });

  it('treats an unexpected error from publish as "may have posted"', async () => {
    const { attempt, record } = await setup({ network: new ScriptedNetwork([new Error('socket hang up')]) });
    expect((await attempt()).kind).toBe('retry');
    expect(await record()).toMatchObject({ uncertain: true });
  });

  it('takes over a claim whose holder died, and looks before posting', async () => {
    const { deps, attempt, network, clock, store } = await setup();
    // A worker claims and dies before saying anything.
    expect(await deps.deliveries.claim('msg-1', 'acct-1', 'dead-worker', clock.now(), 60_000)).toBeDefined();
    expect((await attempt()).kind).toBe('busy');
    network.onAccount = { postId: 'p-dead', postUrl: 'https://m.example/@ana/p-dead' };
    clock.advance(60_001);
    expect((await attempt()).kind).toBe('posted');
    expect(network.looked).toHaveLength(1);
    expect(network.published).toHaveLength(0);
    // The dead worker, were it to wake up, can no longer write.
    expect(await store.update('msg-1', 'acct-1', 'dead-worker', { state: 'failed' })).toBe(false);
    expect((await store.get('msg-1', 'acct-1'))?.state).toBe('posted');
  });

  it('fails an expired token without retrying and asks the supporter to reconnect', async () => {
    const { attempt, record, expired, network } = await setup({ network: new ScriptedNetwork([new SocialError('auth', '401 The access token is invalid')]) });
    expect((await attempt()).kind).toBe('failed');
    expect(await record()).toMatchObject({ state: 'failed', error: 'token expired: the supporter was asked to reconnect' });
    expect(expired).toEqual(['acct-1']);
    expect((await attempt()).kind).toBe('done');
    expect(network.published).toHaveLength(1);
  });

  it('fails with the platform’s own words when it refuses the post', async () => {
    const { attempt, record } = await setup({ network: new ScriptedNetwork([new SocialError('rejected', '422 Text character limit of 500 exceeded')]) });
    expect((await attempt()).kind).toBe('failed');
    expect((await record()).error).toBe('mastodon refused the post: 422 Text character limit of 500 exceeded');
  });

  it('skips an account revoked before its turn, and fails one already known to be expired, without calling the platform', async () => {
    const revoked = await setup({ account: account({ status: 'revoked', encryptedToken: '' }) });
    expect((await revoked.attempt()).kind).toBe('skipped');
    expect((await revoked.record()).error).toBe('revoked by the supporter');
    const gone = await setup({ account: undefined });
    expect((await gone.attempt()).kind).toBe('skipped');
    const expiredAccount = await setup({ account: account({ status: 'expired' }) });
    expect((await expiredAccount.attempt()).kind).toBe('failed');
    expect((await expiredAccount.record()).error).toBe(EXPIRED_TOKEN.supporter);
    for (const run of [revoked, gone, expiredAccount]) expect(run.network.published).toHaveLength(0);
  });

  it('fails rather than post late, a day after its time', async () => {
    const { attempt, record, clock, network } = await setup();
    clock.advance(24 * 3_600_000 + 1);
    expect((await attempt()).kind).toBe('failed');
    expect((await record()).error).toBe('not delivered within 24 h of its time');
    expect(network.published).toHaveLength(0);
  });

  it('fails when the composer has nothing to post for the target', async () => {
    const { deps, record } = await setup();
    const outcome = await attemptDelivery({ ...deps, posts: { postFor: async () => Promise.reject(new SocialError('rejected', 'no Bluesky variant in Russian')) } }, 'msg-1', 'acct-1');
    expect(outcome.kind).toBe('failed');
    expect((await record()).error).toBe('nothing to post: no Bluesky variant in Russian');
  });
});

describe('the email target', () => {
  const emailTarget = target({ kind: 'email', id: 'pledge-1', platform: 'email', followers: 1 });

  it('sends through the email channel, and skips a pledger who can no longer be mailed', async () => {
    const sent: string[] = [];
    const { attempt, record } = await setup({ target: emailTarget, email: { send: async (delivery) => (sent.push(delivery.clientRef), { id: 'ses-1' }) } });
    expect((await attempt()).kind).toBe('posted');
    expect(await record()).toMatchObject({ state: 'posted', postId: 'ses-1', reach: 1 });
    expect(sent).toEqual(['bh-msg-1-pledge-1']);
    const gone = await setup({ target: emailTarget, email: { send: async () => ({ skipped: 'unsubscribed' }) } });
    expect((await gone.attempt()).kind).toBe('skipped');
  });

  it('never sends an email twice when an attempt had no answer and the channel cannot tell', async () => {
    let sends = 0;
    const { attempt, record } = await setup({
      target: emailTarget,
      email: {
        send: async () => {
          sends++;
          throw new SocialError('uncertain', 'timed out');
        },
      },
    });
    expect((await attempt()).kind).toBe('failed');
    expect(await record()).toMatchObject({ state: 'failed', uncertain: true, error: expect.stringContaining('not sent again') });
    expect(sends).toBe(1);
  });
});
