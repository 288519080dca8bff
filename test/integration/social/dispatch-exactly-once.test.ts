import { describe, expect, it } from 'vitest';
import { clientRefOf } from '../../../functions/domain/social/dispatch/client-ref.js';
import { fanOut } from '../../../functions/domain/social/dispatch/fan-out.js';
import type { DeliveryQueue, DispatchPolicy } from '../../../functions/domain/social/dispatch/ports.js';
import { summarizeDeliveries } from '../../../functions/domain/social/dispatch/summary.js';
import type { Delivery } from '../../../functions/domain/social/social.js';
import type { SandboxOptions } from '../../../functions/adapters/social/sandbox-network.js';
import { startSocialWorker } from '../../../functions/dev/social-worker.js';
import { deliveryTable, message, sandboxWorld } from './dispatch-harness.js';

const TARGETS = 2_000;

/** A platform that answers 429, 503, and times out after storing the post, and does not dedupe. */
const HOSTILE: SandboxOptions = {
  latencyMs: { min: 1, max: 5 },
  failures: { rateLimited: 0.05, unavailable: 0.05, timeoutAfterStore: 0.06, timeoutBeforeStore: 0.03, lookUnavailable: 0.05 },
  retryAfterMs: 50,
  timeoutMs: 20,
  dedupe: false,
  seed: 2026,
};

const POLICY: Partial<DispatchPolicy> = { leaseMs: 3_000, callTimeoutMs: 1_000, maxAttempts: 12, backoff: { baseMs: 20, maxMs: 200 } };

/**
 * The promise of issue 6 — every post goes out once, not zero times, not twice — under a
 * platform that fails in every way it can and does not protect us (its own idempotency off):
 * 2,000 targets, two workers of 8 attempts each, every job queued to both (as SQS may deliver a
 * message twice), against DynamoDB Local.
 */
describe('a blast under failures', () => {
  async function blast(options: { blind?: boolean } = {}) {
    const { store } = await deliveryTable();
    const msg = message(`msg-${options.blind ? 'blind' : 'exact'}`, { schedule: undefined });
    const world = sandboxWorld(TARGETS, HOSTILE, [msg]);
    const deps = world.depsFor(store, POLICY);
    if (options.blind) {
      // A dispatcher that retries blindly: it never finds the earlier post.
      const networks = deps.networks;
      deps.networks = (platform) => {
        const network = networks(platform)!;
        return { platform, publish: (a, p) => network.publish(a, p), findPost: async () => undefined, followers: (a) => network.followers(a) };
      };
    }
    const workers = await Promise.all([0, 1].map(() => startSocialWorker({ deps, concurrency: 8, sendingMessages: async () => [] })));
    const bothQueues: DeliveryQueue = { send: async (jobs, o) => void (await Promise.all(workers.map((worker) => worker.queue.send(jobs, o)))) };
    const fanned = await fanOut({ deliveries: store, queue: bothQueues }, msg, world.targets, new Date());
    expect(fanned).toEqual({ targets: TARGETS, created: TARGETS });
    await Promise.all(workers.map((worker) => worker.idle()));
    await Promise.all(workers.map((worker) => worker.stop()));
    const records: Delivery[] = [];
    for await (const page of store.list(msg.id)) records.push(...page);
    return { world, msg, store, records, workers, audit: world.sandbox.audit(world.targets.map((t) => clientRefOf(msg.id, t.id))) };
  }

  it('posts every target exactly once, with the platform’s own dedupe off', async () => {
    const { world, msg, store, records, workers, audit } = await blast();
    expect(audit).toMatchObject({ posts: TARGETS, duplicateRefs: 0, duplicateTexts: 0, missing: 0, unexpected: 0 });

    const counters = world.sandbox.counters;
    // The failures really happened, and the look-before-retry really ran.
    expect(counters.rateLimited).toBeGreaterThan(50);
    expect(counters.unavailable).toBeGreaterThan(50);
    expect(counters.timeoutsAfterStore).toBeGreaterThan(50);
    expect(counters.timeoutsBeforeStore).toBeGreaterThan(20);
    expect(counters.findCalls).toBeGreaterThan(counters.timeoutsAfterStore);
    expect(workers.reduce((sum, worker) => sum + worker.stats.outcomes.done + worker.stats.outcomes.busy, 0)).toBeGreaterThan(0);
    expect(records).toHaveLength(TARGETS);
    expect(records.filter((record) => record.state !== 'posted')).toEqual([]);
    // Each record points at the one post the network holds for it.
    const postByRef = new Map(world.sandbox.posts().map((post) => [post.clientRef, post.id]));
    expect(records.filter((record) => postByRef.get(record.clientRef) !== record.postId)).toEqual([]);
    // Some were found after an unanswered attempt rather than posted again.
    expect(records.filter((record) => record.attempts > 1).length).toBeGreaterThan(100);

    const summary = await summarizeDeliveries(store, msg.id);
    expect(summary).toMatchObject({ total: TARGETS, posted: TARGETS, failed: 0, pending: 0, claimed: 0 });
    expect(summary.deliveredReach).toBe(world.targets.reduce((sum, t) => sum + t.followers, 0));
  }, 120_000);

  it('posts twice when the dispatcher retries blindly: the audit above can fail', async () => {
    const { audit } = await blast({ blind: true });
    expect(audit.missing).toBe(0);
    expect(audit.duplicateRefs).toBeGreaterThan(50);
  }, 120_000);
});
