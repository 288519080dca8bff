import { describe, expect, it } from 'vitest';
import { fanOut } from '../../../functions/domain/social/dispatch/fan-out.js';
import { processJob } from '../../../functions/domain/social/dispatch/process-job.js';
import { finalStatus, summarizeDeliveries } from '../../../functions/domain/social/dispatch/summary.js';
import { startSocialWorker } from '../../../functions/dev/social-worker.js';
import { deliveryTable, message, sandboxWorld } from './dispatch-harness.js';

/** Accounts that cannot post: revoked before the moment, revoked during the blast, a token the platform no longer takes. */
describe('accounts that cannot post', () => {
  it('skips revoked accounts, fails an expired token once without retrying, and reports the message as partly failed', async () => {
    const { store } = await deliveryTable();
    const msg = message('msg-accounts', { schedule: undefined });
    const world = sandboxWorld(12, { latencyMs: { min: 1, max: 3 }, dedupe: false }, [msg]);
    const id = (i: number) => `acct-${String(i).padStart(6, '0')}`;
    const revoke = (i: number) => world.accounts.set(id(i), { ...world.accounts.get(id(i))!, status: 'revoked', encryptedToken: '' });
    const deps = world.depsFor(store, { leaseMs: 5_000, callTimeoutMs: 1_000, backoff: { baseMs: 10, maxMs: 50 } });

    // Before the moment: one supporter revokes, another's token stops working on the platform.
    revoke(1);
    const expired = world.accounts.get(id(2))!;
    world.sandbox.expireToken(expired.platform, expired.handle);
    // During the blast: a supporter revokes after the first post went out (one attempt at a time, in order).
    const publishCalls = new Map<string, number>();
    const observed = { ...deps };
    observed.networks = (platform) => {
      const network = deps.networks(platform)!;
      return {
        platform,
        publish: async (account, post) => {
          publishCalls.set(account.handle, (publishCalls.get(account.handle) ?? 0) + 1);
          const published = await network.publish(account, post);
          revoke(10);
          return published;
        },
        findPost: (account, post) => network.findPost(account, post),
        followers: (account) => network.followers(account),
      };
    };
    const drained: string[] = [];
    const worker = await startSocialWorker({ deps: observed, concurrency: 1, sendingMessages: async () => [], onDrained: (messageId) => void drained.push(messageId) });
    await fanOut({ deliveries: store, queue: worker.queue }, msg, world.targets, new Date());
    await worker.idle();
    await worker.stop();

    const record = async (i: number) => (await store.get(msg.id, id(i)))!;
    expect(await record(1)).toMatchObject({ state: 'skipped', error: 'revoked by the supporter', attempts: 1 });
    expect(await record(10)).toMatchObject({ state: 'skipped', error: 'revoked by the supporter' });
    expect(await record(2)).toMatchObject({ state: 'failed', error: 'token expired: the supporter was asked to reconnect', attempts: 1 });
    expect(world.expiredCalls).toEqual([id(2)]);
    expect(world.accounts.get(id(2))?.status).toBe('expired');
    expect(publishCalls.get(expired.handle)).toBe(1);
    expect(publishCalls.get(world.accounts.get(id(1))!.handle)).toBeUndefined();
    expect(world.sandbox.postsOf(expired.platform, expired.handle)).toHaveLength(0);

    // Another attempt (a job delivered again) changes nothing.
    expect((await processJob(observed, worker.queue, { messageId: msg.id, targetId: id(2) })).kind).toBe('done');
    expect(publishCalls.get(expired.handle)).toBe(1);

    const summary = await summarizeDeliveries(store, msg.id);
    expect(summary).toMatchObject({ total: 12, posted: 9, skipped: 2, failed: 1, pending: 0, claimed: 0 });
    expect(finalStatus(summary)).toBe('partly_failed');
    expect(drained).toEqual([msg.id]);
    expect(world.sandbox.audit().duplicateRefs).toBe(0);
  });
});
