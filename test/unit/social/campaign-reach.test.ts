import { describe, expect, it } from 'vitest';
import { campaignReach } from '../../../functions/domain/social/campaign-reach.js';
import { MemoryDeliveryStore } from '../../../functions/domain/social/dispatch/memory-delivery-store.js';
import { deliveredReach, summarizeDeliveries } from '../../../functions/domain/social/dispatch/summary.js';
import { transition } from '../../../functions/domain/social/message-workflow.js';
import type { Delivery, DeliveryTarget, SocialMessage } from '../../../functions/domain/social/social.js';

const message = (id: string, status: SocialMessage['status'], delivered?: SocialMessage['delivered']): SocialMessage => ({
  id, campaignYear: 2026, title: id, variants: [], status, createdBy: 'ana', createdAt: '2026-07-01T00:00:00Z', version: 5, ...(delivered ? { delivered } : {}),
});

const delivery = (target: Partial<DeliveryTarget> & Pick<DeliveryTarget, 'id'>, state: Delivery['state'], more: Partial<Delivery> = {}): Delivery => ({
  messageId: 'm1', target: { kind: 'supporter', platform: 'bluesky', language: 'en', timeZone: 'UTC', followers: 100, ...target }, dueAt: '2026-07-30T09:00:00Z', state, attempts: 1, clientRef: `bh-m1-${target.id}`, ...more,
});
const post = (id: string) => ({ postUrl: `https://bsky.app/profile/x/post/${id}` });

describe("a campaign's reach", () => {
  const accounts = { reach: async () => ({ supporters: { accounts: 3, followers: 1_200 }, organisation: { accounts: 1, followers: 50_000 } }) };

  it('before the moment: the accounts and their followers, organisation and supporters apart, and nothing delivered yet', async () => {
    const messages = { listByCampaign: async () => [message('m1', 'scheduled'), message('m2', 'draft')] };
    expect(await campaignReach({ accounts, messages }, 2026)).toEqual({
      campaignYear: 2026, supporters: 3, supporterFollowers: 1_200, organisationAccounts: 1, organisationFollowers: 50_000, expectedReach: 51_200,
      messagesSent: 0, postsDelivered: 0, deliveredReach: 0,
    });
  });

  it('after it: the delivered figures of the messages that finished, sent or partly failed (not those still sending)', async () => {
    const messages = {
      listByCampaign: async () => [
        message('m1', 'sent', { posts: 4, reach: 51_000 }),
        message('m2', 'partly_failed', { posts: 2, reach: 300 }),
        message('m3', 'sending'),
        message('m4', 'cancelled'),
      ],
    };
    expect(await campaignReach({ accounts, messages }, 2026)).toMatchObject({ messagesSent: 2, postsDelivered: 6, deliveredReach: 51_300 });
  });

  it('never shows a negative figure while the sharded totals catch up', async () => {
    const shrinking = { reach: async () => ({ supporters: { accounts: -1, followers: -20 }, organisation: { accounts: 0, followers: 0 } }) };
    expect(await campaignReach({ accounts: shrinking, messages: { listByCampaign: async () => [] } }, 2026)).toMatchObject({ supporters: 0, supporterFollowers: 0, expectedReach: 0 });
  });
});

describe('what a finished message keeps of its deliveries', () => {
  it('counts the posts that went out on a network and their followers at posting; failures, skips, emails and share links add nothing', async () => {
    const store = new MemoryDeliveryStore();
    await store.createAll([
      delivery({ id: 'a' }, 'posted', { reach: 150, ...post('a') }),
      delivery({ id: 'b', followers: 80 }, 'posted', post('b')),
      delivery({ id: 'org', kind: 'organisation', platform: 'mastodon', followers: 50_000 }, 'posted', { reach: 50_100, ...post('org') }),
      delivery({ id: 'c' }, 'failed'),
      delivery({ id: 'd' }, 'skipped'),
      delivery({ id: 'pledge-1', kind: 'email', platform: 'email', followers: 1 }, 'posted', { reach: 1, postId: 'ses-1' }),
      delivery({ id: 'share-only', platform: 'x', followers: 0 }, 'posted', { reach: 0, postId: 'ses-2' }),
    ]);
    const summary = await summarizeDeliveries(store, 'm1');
    expect(summary.byKind).toMatchObject({ supporter: { posted: 3, failed: 1, skipped: 1 }, organisation: { posted: 1 }, email: { posted: 1 } });
    expect(deliveredReach(summary)).toEqual({ posts: 3, reach: 150 + 80 + 50_100 });
  });

  it('is kept on the message when it finishes', () => {
    const { message: finished } = transition(message('m1', 'sending'), { type: 'finish', failed: 1, delivered: { posts: 3, reach: 50_330 } }, 'scheduler', new Date('2026-07-30T10:00:00Z'));
    expect(finished).toMatchObject({ status: 'partly_failed', delivered: { posts: 3, reach: 50_330 }, version: 6 });
  });
});
