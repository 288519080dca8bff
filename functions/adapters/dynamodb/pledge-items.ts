import { DAY_MS, dayBucket, epochSeconds } from '../../domain/shared/clock.js';
import { firstNameOf, type Pledge } from '../../domain/pledges/pledge.js';
import type { PledgeSummary } from '../../domain/pledges/ports.js';
import { isOnUpdatesList } from '../../domain/social/email-targets.js';
import { INDEX_SHARDS } from './table-definition.js';
import { stableShard } from './shard.js';

/** Pending pledges (and their address claims) disappear after a week unless confirmed. */
export const PENDING_LIFETIME_MS = 7 * DAY_MS;

export const pledgeKey = (id: string) => ({ PK: `PLEDGE#${id}`, SK: 'PLEDGE' });
export const claimKey = (emailHash: string) => ({ PK: `EMAIL#${emailHash}`, SK: 'CLAIM' });

export const pendingExpiry = (createdAt: string): number =>
  epochSeconds(new Date(new Date(createdAt).getTime() + PENDING_LIFETIME_MS));

export const onWall = (pledge: Pledge): boolean =>
  pledge.counted && pledge.showOnWall && !pledge.hiddenFromWall && !pledge.erasedAt && Boolean(pledge.name);

/** Review index partition: one per day and shard, so a day's pledges spread over INDEX_SHARDS partitions. */
export const reviewPartition = (day: string, shard: number) => `CREATED#${day}#${shard}`;

/**
 * Updates index partition: the pledgers who may be emailed a message, spread over INDEX_SHARDS.
 * The keys come and go with the pledge item's own Put, so every change of `wantsUpdates`,
 * `unsubscribedAt`, `erasedAt`, `status` or `counted` (confirm, review, unsubscribe, erase, an
 * erasure request) moves the index in the same write.
 */
export const updatesPartition = (shard: number) => `UPDATES#${shard}`;

export type PledgeItem = Record<string, unknown> & Pledge;

export function toItem(pledge: Pledge): PledgeItem {
  const item: PledgeItem = {
    ...pledgeKey(pledge.id),
    type: 'pledge',
    ...pledge,
    GSI2PK: reviewPartition(dayBucket(new Date(pledge.createdAt)), stableShard(pledge.id, INDEX_SHARDS)),
    GSI2SK: `${pledge.createdAt}#${pledge.id}`,
  };
  if (pledge.status === 'pending') item.expiresAt = pendingExpiry(pledge.createdAt);
  if (isOnUpdatesList(pledge)) {
    item.GSI4PK = updatesPartition(stableShard(pledge.id, INDEX_SHARDS));
    item.GSI4SK = pledge.id;
  }
  if (onWall(pledge) && pledge.name && pledge.confirmedAt) {
    item.GSI1PK = `WALL#${stableShard(pledge.id, INDEX_SHARDS)}`;
    item.GSI1SK = `${pledge.confirmedAt}#${pledge.id}`;
    item.wallName = firstNameOf(pledge.name);
  }
  return item;
}

const INTERNAL = ['PK', 'SK', 'type', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'GSI4PK', 'GSI4SK', 'wallName', 'expiresAt'];

export function fromItem(item: Record<string, unknown>): Pledge {
  const pledge = { ...item };
  for (const key of INTERNAL) delete pledge[key];
  return pledge as unknown as Pledge;
}

export const summaryFromIndexItem = (item: Record<string, unknown>): PledgeSummary => {
  const [, id = ''] = String(item.GSI2SK).split('#');
  return {
    id,
    status: item.status as PledgeSummary['status'],
    review: item.review as PledgeSummary['review'],
    counted: Boolean(item.counted),
    country: String(item.country),
    language: item.language as PledgeSummary['language'],
    chapter: item.chapter as string | undefined,
    emailDomain: item.emailDomain as string | undefined,
    ipHash: item.ipHash as string | undefined,
    suspectReasons: (item.suspectReasons as string[] | undefined) ?? [],
    createdAt: String(item.createdAt),
    confirmedAt: item.confirmedAt as string | undefined,
  };
};

/** An item past its expiry is gone as far as the domain is concerned (TTL deletes lazily). */
export const isExpired = (item: Record<string, unknown>, now: Date): boolean =>
  typeof item.expiresAt === 'number' && item.expiresAt <= epochSeconds(now);
