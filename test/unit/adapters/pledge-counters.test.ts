import { describe, expect, it } from 'vitest';
import { counterUpdates, last24Hours, sumCounters } from '../../../functions/adapters/dynamodb/pledge-counters.js';

describe('sharded pledge counters', () => {
  it('builds one ADD per counter, with a TTL on the hour bucket', () => {
    const updates = counterUpdates('t', { country: 'MX', chapter: 'aquiestoy' }, 7, '2026-07-30T10', 1);
    expect(updates.map((u) => u.Update.Key)).toEqual([
      { PK: 'COUNTER#7', SK: 'TOTAL' },
      { PK: 'COUNTER#7', SK: 'COUNTRY#MX' },
      { PK: 'COUNTER#7', SK: 'CHAPTER#aquiestoy' },
      { PK: 'COUNTER#7', SK: 'HOUR#2026-07-30T10' },
    ]);
    expect(updates.every((u) => u.Update.UpdateExpression.startsWith('ADD #count :delta'))).toBe(true);
    expect(updates[3]!.Update.ExpressionAttributeValues[':expiresAt']).toBe(Date.parse('2026-08-01T10:00:00Z') / 1000);
  });

  it('sums every shard and only the last 24 hour buckets', () => {
    const now = new Date('2026-07-30T10:30:00Z');
    const stats = sumCounters(
      [
        { SK: 'TOTAL', count: 3 }, { SK: 'TOTAL', count: 4 },
        { SK: 'COUNTRY#MX', count: 5 }, { SK: 'COUNTRY#FR', count: 2 }, { SK: 'COUNTRY#EG', count: 0 },
        { SK: 'CHAPTER#aquiestoy', count: 1 },
        { SK: 'HOUR#2026-07-30T10', count: 2 }, { SK: 'HOUR#2026-07-29T11', count: 1 }, { SK: 'HOUR#2026-07-29T10', count: 9 },
      ],
      now,
    );
    expect(stats).toEqual({ total: 7, byCountry: { MX: 5, FR: 2 }, byChapter: { aquiestoy: 1 }, last24h: 3 });
    expect(last24Hours(now).size).toBe(24);
  });
});
