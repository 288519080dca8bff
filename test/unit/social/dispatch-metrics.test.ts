import { describe, expect, it } from 'vitest';
import { MemoryMetrics } from '../../../functions/adapters/metrics/memory-metrics.js';
import { newDelivery } from '../../../functions/domain/social/dispatch/fan-out.js';
import { MemoryDeliveryStore } from '../../../functions/domain/social/dispatch/memory-delivery-store.js';
import type { DeliveryQueue, DispatchDeps } from '../../../functions/domain/social/dispatch/ports.js';
import { processJob } from '../../../functions/domain/social/dispatch/process-job.js';
import { SocialError, type OutgoingPost, type PublishedPost, type SocialNetwork } from '../../../functions/domain/social/ports.js';
import type { ConnectedAccount, DeliveryTarget } from '../../../functions/domain/social/social.js';

const T0 = new Date('2026-07-30T09:00:00.000Z');

const account = (id: string): ConnectedAccount => ({
  id,
  owner: 'supporter',
  platform: 'mastodon',
  handle: `@${id}@m.example`,
  server: 'https://m.example',
  followers: 10,
  language: 'en',
  timeZone: 'UTC',
  encryptedToken: `sealed:${id}`,
  campaignYear: 2026,
  connectedAt: '2026-07-01T00:00:00.000Z',
  status: id === 'revoked' ? 'revoked' : 'active',
});

/** Posts, except for the account named `refused`, whose posts the network rejects for good. */
const network: SocialNetwork = {
  platform: 'mastodon',
  async publish(credentials, post: OutgoingPost): Promise<PublishedPost> {
    if (post.clientRef.includes('refused')) throw new SocialError('rejected', '422 Validation failed: text is too long');
    return { postId: post.clientRef, postUrl: `https://m.example/${post.clientRef}` };
  },
  async findPost() {
    return undefined;
  },
  async followers() {
    return 10;
  },
};

describe('what a finished delivery counts (functions/domain/social/dispatch/process-job.ts)', () => {
  it('counts posts delivered, failed and skipped, and emails sent and skipped, once each; attempts that finish nothing count nothing', async () => {
    const store = new MemoryDeliveryStore();
    const metrics = new MemoryMetrics();
    const queued: unknown[] = [];
    const queue: DeliveryQueue = { send: async (jobs) => void queued.push(...jobs) };
    const deps: DispatchDeps = {
      deliveries: store,
      accounts: { get: async (id) => account(id), tokenExpired: async () => {} },
      tokens: { seal: async (text) => `sealed:${text}`, open: async (sealed) => sealed.replace(/^sealed:/, '') },
      networks: () => network,
      posts: { postFor: async (delivery) => ({ text: 'Human trafficking hides in plain sight.', media: [], clientRef: delivery.clientRef }) },
      email: { send: async (delivery) => (delivery.target.id === 'pledge-unsubscribed' ? { skipped: 'unsubscribed' } : { id: `ses-${delivery.target.id}` }) },
      clock: { now: () => new Date(T0) },
      newToken: () => crypto.randomUUID(),
      metrics,
    };
    const supporter = (id: string): DeliveryTarget => ({ kind: 'supporter', id, platform: 'mastodon', language: 'en', timeZone: 'UTC', followers: 10 });
    const pledger = (id: string): DeliveryTarget => ({ kind: 'email', id, platform: 'email', language: 'en', timeZone: 'UTC', followers: 1 });
    const targets = [supporter('ana'), supporter('ben'), supporter('refused'), supporter('revoked'), pledger('pledge-1'), pledger('pledge-unsubscribed')];
    await store.createAll([...targets.map((target) => newDelivery({ id: 'msg-1' }, target, T0.toISOString())), newDelivery({ id: 'msg-1' }, supporter('later'), '2026-07-30T10:00:00.000Z')]);

    for (const target of [...targets, supporter('later')]) await processJob(deps, queue, { messageId: 'msg-1', targetId: target.id });
    // A job handed out twice finds its delivery done: nothing more is counted.
    await processJob(deps, queue, { messageId: 'msg-1', targetId: 'ana' });

    expect(Object.fromEntries(metrics.counts)).toEqual({ PostDelivered: 2, PostFailed: 1, PostSkipped: 1, EmailSent: 1, EmailSkipped: 1 });
    expect(queued).toEqual([{ messageId: 'msg-1', targetId: 'later' }]);
  });
});
