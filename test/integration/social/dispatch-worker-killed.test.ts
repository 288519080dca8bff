import { describe, expect, it } from 'vitest';
import { clientRefOf } from '../../../functions/domain/social/dispatch/client-ref.js';
import { fanOut } from '../../../functions/domain/social/dispatch/fan-out.js';
import type { DispatchPolicy } from '../../../functions/domain/social/dispatch/ports.js';
import type { Delivery } from '../../../functions/domain/social/social.js';
import { startSocialWorker, type LocalSocialWorker } from '../../../functions/dev/social-worker.js';
import { deliveryTable, message, sandboxWorld } from './dispatch-harness.js';

const TARGETS = 1_000;
const KILL_AT = 400;
const POLICY: Partial<DispatchPolicy> = { leaseMs: 1_500, callTimeoutMs: 500, maxAttempts: 12, backoff: { baseMs: 20, maxMs: 200 } };

/**
 * A worker dies half-way through a blast, holding claims, with a post it sent but never
 * recorded; a new worker starts from the records alone (the queue died with the old one).
 */
describe('a worker killed mid-blast', () => {
  it('is replaced by a new one that finishes the blast: every target once, none twice', async () => {
    const { store } = await deliveryTable();
    const msg = message('msg-killed', { schedule: undefined });
    const world = sandboxWorld(
      TARGETS,
      { latencyMs: { min: 5, max: 15 }, failures: { rateLimited: 0.03, unavailable: 0.03, timeoutAfterStore: 0.03 }, retryAfterMs: 50, timeoutMs: 30, dedupe: false, seed: 7 },
      [msg],
    );
    const deps = world.depsFor(store, POLICY);

    // The old worker dies the moment the network stores post number KILL_AT, before hearing back.
    let old: LocalSocialWorker | undefined;
    let orphan: string | undefined;
    const lethal = { ...deps };
    lethal.networks = (platform) => {
      const network = deps.networks(platform)!;
      return {
        ...network,
        platform,
        publish: async (account, post) => {
          const published = await network.publish(account, post);
          if (!orphan && world.sandbox.posts().length >= KILL_AT) {
            orphan = post.clientRef;
            old!.kill();
          }
          return published;
        },
        findPost: (account, post) => network.findPost(account, post),
        followers: (account) => network.followers(account),
      };
    };
    old = await startSocialWorker({ deps: lethal, concurrency: 8, sendingMessages: async () => [] });
    await fanOut({ deliveries: store, queue: old.queue }, msg, world.targets, new Date());
    const deadline = Date.now() + 60_000;
    while (!orphan && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(orphan).toBeDefined();

    const atKill = await records(store, msg.id);
    const held = atKill.filter((record) => record.state === 'claimed');
    const unfinished = atKill.filter((record) => record.state === 'pending' || record.state === 'claimed');
    expect(held.length).toBeGreaterThan(0);
    expect(atKill.find((record) => record.clientRef === orphan)?.state).toBe('claimed');
    expect(unfinished.length).toBeGreaterThan(TARGETS - KILL_AT - 50);
    const findsBefore = world.sandbox.counters.findCalls;

    // A new worker, with nothing but the records (the leases of the dead one still running).
    const fresh = await startSocialWorker({ deps, concurrency: 8, sendingMessages: async () => [msg.id] });
    // Up to one write per consumer (8) the dead worker had already sent may land after the snapshot.
    expect(fresh.stats.recovered).toBeLessThanOrEqual(unfinished.length);
    expect(fresh.stats.recovered).toBeGreaterThanOrEqual(unfinished.length - 8);
    await fresh.idle();
    await fresh.stop();

    const audit = world.sandbox.audit(world.targets.map((t) => clientRefOf(msg.id, t.id)));
    expect(audit).toMatchObject({ posts: TARGETS, duplicateRefs: 0, duplicateTexts: 0, missing: 0 });
    const after = await records(store, msg.id);
    expect(after.filter((record) => record.state !== 'posted')).toEqual([]);
    // The post the dead worker sent was found, not sent again.
    const orphanPost = world.sandbox.posts().find((post) => post.clientRef === orphan)!;
    expect(after.find((record) => record.clientRef === orphan)).toMatchObject({ state: 'posted', postId: orphanPost.id });
    expect(world.sandbox.counters.findCalls - findsBefore).toBeGreaterThanOrEqual(held.length);
    // The dead worker never wrote again.
    expect(old.stats.running).toBeGreaterThan(0);
  }, 120_000);
});

async function records(store: { list(id: string): AsyncIterable<Delivery[]> }, messageId: string): Promise<Delivery[]> {
  const all: Delivery[] = [];
  for await (const page of store.list(messageId)) all.push(...page);
  return all;
}
