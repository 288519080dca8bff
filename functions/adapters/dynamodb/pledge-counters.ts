import { DAY_MS, HOUR_MS, epochSeconds, hourBucket } from '../../domain/shared/clock.js';
import type { Pledge, PledgeStats } from '../../domain/pledges/pledge.js';
import { COUNTER_SHARDS } from './table-definition.js';

/**
 * Sharded counters. Each counted pledge adds one to TOTAL, its COUNTRY#, its HOUR# and its
 * CHAPTER# item in one random shard; reading sums every shard. ADD is atomic in DynamoDB, so
 * concurrent confirmations never lose an update, and spreading them over COUNTER_SHARDS
 * partition keys keeps each partition far below its 1,000 writes per second.
 */
export const counterPartition = (shard: number) => `COUNTER#${shard}`;

/** Hour buckets outlive the 24-hour window by a day, then TTL removes them. */
const hourExpiry = (hour: string) => epochSeconds(new Date(new Date(`${hour}:00:00Z`).getTime() + 2 * DAY_MS));

export interface CounterUpdate {
  Update: {
    TableName: string;
    Key: Record<string, string>;
    UpdateExpression: string;
    ExpressionAttributeNames: Record<string, string>;
    ExpressionAttributeValues: Record<string, unknown>;
  };
}

export function counterUpdates(
  tableName: string,
  pledge: Pick<Pledge, 'country' | 'chapter'>,
  shard: number,
  hour: string | undefined,
  delta: 1 | -1,
): CounterUpdate[] {
  const sortKeys = ['TOTAL', `COUNTRY#${pledge.country}`];
  if (pledge.chapter) sortKeys.push(`CHAPTER#${pledge.chapter}`);
  const updates: CounterUpdate[] = sortKeys.map((SK) => ({
    Update: {
      TableName: tableName,
      Key: { PK: counterPartition(shard), SK },
      UpdateExpression: 'ADD #count :delta',
      ExpressionAttributeNames: { '#count': 'count' },
      ExpressionAttributeValues: { ':delta': delta },
    },
  }));
  if (hour) {
    updates.push({
      Update: {
        TableName: tableName,
        Key: { PK: counterPartition(shard), SK: `HOUR#${hour}` },
        UpdateExpression: 'ADD #count :delta SET expiresAt = :expiresAt',
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: { ':delta': delta, ':expiresAt': hourExpiry(hour) },
      },
    });
  }
  return updates;
}

/** The 24 hour buckets that make up "the last 24 hours", to the hour, ending with the current one. */
export const last24Hours = (now: Date): Set<string> =>
  new Set(Array.from({ length: 24 }, (_, i) => hourBucket(new Date(now.getTime() - i * HOUR_MS))));

/** Folds counter items from every shard into the public stats. */
export function sumCounters(items: Iterable<Record<string, unknown>>, now: Date): PledgeStats {
  const stats: PledgeStats = { total: 0, byCountry: {}, byChapter: {}, last24h: 0 };
  const window = last24Hours(now);
  for (const item of items) {
    const count = Number(item.count ?? 0);
    const key = String(item.SK);
    const [kind, name = ''] = key.split('#');
    if (kind === 'TOTAL') stats.total += count;
    else if (kind === 'COUNTRY') stats.byCountry[name] = (stats.byCountry[name] ?? 0) + count;
    else if (kind === 'CHAPTER') stats.byChapter[name] = (stats.byChapter[name] ?? 0) + count;
    else if (kind === 'HOUR' && window.has(key.slice('HOUR#'.length))) stats.last24h += count;
  }
  // A country whose pledges were all invalidated sums to zero: leave it out.
  for (const [country, count] of Object.entries(stats.byCountry)) if (count === 0) delete stats.byCountry[country];
  for (const [chapter, count] of Object.entries(stats.byChapter)) if (count === 0) delete stats.byChapter[chapter];
  return stats;
}

export const ALL_COUNTER_SHARDS = Array.from({ length: COUNTER_SHARDS }, (_, shard) => shard);
