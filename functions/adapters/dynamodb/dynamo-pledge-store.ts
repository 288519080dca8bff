import {
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  paginateQuery,
  paginateScan,
  type DynamoDBDocumentClient,
  type QueryCommandInput,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { DAY_MS, HOUR_MS, dayBucket, epochSeconds, hourBucket } from '../../domain/shared/clock.js';
import type { Pledge, PledgeStats, WallEntry } from '../../domain/pledges/pledge.js';
import type { PledgeStore, PledgeSummary, ReviewFilter, UpdateSubscriber } from '../../domain/pledges/ports.js';
import type { CursorPage } from '../../domain/shared/cursor-page.js';
import { conflictOr } from './errors.js';
import { ALL_COUNTER_SHARDS, counterPartition, counterUpdates, sumCounters } from './pledge-counters.js';
import {
  claimKey,
  fromItem,
  isExpired,
  pendingExpiry,
  pledgeKey,
  reviewPartition,
  summaryFromIndexItem,
  toItem,
  updatesPartition,
} from './pledge-items.js';
import { randomShard } from './shard.js';
import { COUNTER_SHARDS, INDEX_SHARDS, UPDATES_INDEX } from './table-definition.js';

export class DynamoPledgeStore implements PledgeStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: { now(): Date } = { now: () => new Date() },
  ) {}

  async get(id: string): Promise<Pledge | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: pledgeKey(id), ConsistentRead: true }),
    );
    return Item && !isExpired(Item, this.clock.now()) ? fromItem(Item) : undefined;
  }

  async findByEmailHash(emailHash: string): Promise<Pledge | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: claimKey(emailHash), ConsistentRead: true }),
    );
    if (!Item || isExpired(Item, this.clock.now())) return undefined;
    return this.get(String(Item.pledgeId));
  }

  async create(pledge: Pledge): Promise<void> {
    const now = epochSeconds(this.clock.now());
    await this.transact([
      {
        // The address is free if nobody claimed it, or the claim's pending pledge expired.
        Put: {
          TableName: this.tableName,
          Item: { ...claimKey(pledge.emailHash), type: 'claim', pledgeId: pledge.id, expiresAt: pendingExpiry(pledge.createdAt) },
          ConditionExpression: 'attribute_not_exists(PK) OR expiresAt <= :now',
          ExpressionAttributeValues: { ':now': now },
        },
      },
      { Put: { TableName: this.tableName, Item: toItem(pledge), ConditionExpression: 'attribute_not_exists(PK)' } },
    ]);
  }

  async save(previous: Pledge, next: Pledge): Promise<void> {
    const stored: Pledge = { ...next };
    const counters = [];
    if (!previous.counted && next.counted) {
      stored.countedShard = randomShard(COUNTER_SHARDS);
      stored.countedHour = hourBucket(new Date(next.confirmedAt ?? this.clock.now()));
      counters.push(...counterUpdates(this.tableName, next, stored.countedShard, this.liveHour(stored.countedHour), 1));
    } else if (previous.counted && !next.counted) {
      const shard = previous.countedShard ?? 0;
      counters.push(...counterUpdates(this.tableName, previous, shard, this.liveHour(previous.countedHour), -1));
      delete stored.countedShard;
      delete stored.countedHour;
    }
    const claimConfirmed =
      previous.status === 'pending' && next.status === 'confirmed'
        ? [
            {
              // A confirmed address stays claimed for good.
              Update: {
                TableName: this.tableName,
                Key: claimKey(next.emailHash),
                UpdateExpression: 'SET pledgeId = :id REMOVE expiresAt',
                ExpressionAttributeValues: { ':id': next.id },
              },
            },
          ]
        : [];
    await this.transact([
      {
        Put: {
          TableName: this.tableName,
          Item: toItem(stored),
          ConditionExpression: 'version = :version',
          ExpressionAttributeValues: { ':version': previous.version },
        },
      },
      ...claimConfirmed,
      ...counters,
    ]);
  }

  async stats(now: Date): Promise<PledgeStats> {
    const perShard = await Promise.all(ALL_COUNTER_SHARDS.map((shard) => this.queryAll(counterPartition(shard))));
    return sumCounters(perShard.flat(), now);
  }

  async wall(limit: number): Promise<WallEntry[]> {
    const perShard = await Promise.all(
      Array.from({ length: INDEX_SHARDS }, (_, shard) =>
        this.client.send(
          new QueryCommand({
            TableName: this.tableName,
            IndexName: 'GSI1',
            KeyConditionExpression: 'GSI1PK = :pk',
            ExpressionAttributeValues: { ':pk': `WALL#${shard}` },
            ScanIndexForward: false,
            Limit: limit,
          }),
        ),
      ),
    );
    return perShard
      .flatMap((page) => page.Items ?? [])
      .map((item) => ({
        id: String(item.GSI1SK).split('#')[1] ?? '',
        firstName: String(item.wallName),
        country: String(item.country),
        confirmedAt: String(item.confirmedAt),
      }))
      .sort((a, b) => b.confirmedAt.localeCompare(a.confirmedAt))
      .slice(0, limit);
  }

  async findForReview(filter: ReviewFilter): Promise<PledgeSummary[]> {
    const days: string[] = [];
    for (let day = Date.parse(dayBucket(filter.from)); day < filter.to.getTime(); day += DAY_MS) days.push(dayBucket(new Date(day)));
    const conditions: string[] = [];
    const values: Record<string, unknown> = {};
    const names: Record<string, string> = {};
    for (const field of ['review', 'country', 'emailDomain', 'ipHash'] as const) {
      const value = filter[field];
      if (value === undefined) continue;
      conditions.push(`#${field} = :${field}`);
      names[`#${field}`] = field;
      values[`:${field}`] = value;
    }
    const partitions = days.flatMap((day) => Array.from({ length: INDEX_SHARDS }, (_, s) => reviewPartition(day, s)));
    const results = await Promise.all(
      partitions.map((partition) =>
        this.queryAll(partition, {
          IndexName: 'GSI2',
          KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': partition, ':from': filter.from.toISOString(), ':to': filter.to.toISOString(), ...values },
          ...(conditions.length > 0 ? { FilterExpression: conditions.join(' AND '), ExpressionAttributeNames: names } : {}),
        }),
      ),
    );
    const summaries = results
      .flat()
      .map(summaryFromIndexItem)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    return filter.limit ? summaries.slice(0, filter.limit) : summaries;
  }

  async *confirmedPledges(): AsyncIterable<Pledge[]> {
    const pages = paginateScan(
      { client: this.client },
      {
        TableName: this.tableName,
        FilterExpression: '#type = :pledge AND #status = :confirmed AND attribute_not_exists(erasedAt)',
        ExpressionAttributeNames: { '#type': 'type', '#status': 'status' },
        ExpressionAttributeValues: { ':pledge': 'pledge', ':confirmed': 'confirmed' },
      },
    );
    for await (const page of pages) {
      const pledges = (page.Items ?? []).map(fromItem);
      if (pledges.length > 0) yield pledges.sort((a, b) => (a.confirmedAt ?? '').localeCompare(b.confirmedAt ?? ''));
    }
  }

  /**
   * The updates index (GSI4), shard after shard, `limit` a Query. The cursor is
   * `<shard, two digits>:<pledge id>`, which increases as the index's keys do; a page starts after
   * it (ExclusiveStartKey: the index keys and the table keys, all derived from the id). An
   * exhausted shard moves the cursor to `<next shard>:`. Eventually consistent, like every GSI.
   */
  async updateSubscribers(after: string | undefined, limit: number): Promise<CursorPage<UpdateSubscriber>> {
    const [shard, afterId] = after === undefined ? [0, ''] : [Number(after.slice(0, 2)), after.slice(3)];
    if (!(shard >= 0 && shard < INDEX_SHARDS)) throw new Error(`Not a cursor of the updates index: ${after}`);
    const partition = updatesPartition(shard);
    const { Items = [], LastEvaluatedKey } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: UPDATES_INDEX,
        KeyConditionExpression: 'GSI4PK = :pk',
        ExpressionAttributeValues: { ':pk': partition },
        ...(afterId ? { ExclusiveStartKey: { GSI4PK: partition, GSI4SK: afterId, ...pledgeKey(afterId) } } : {}),
        Limit: limit,
      }),
    );
    const items = Items.map((item) => ({ id: String(item.GSI4SK), language: item.language as UpdateSubscriber['language'], country: String(item.country) }));
    const last = items[items.length - 1];
    const cursorOf = (at: number, id = '') => `${String(at).padStart(2, '0')}:${id}`;
    const next = LastEvaluatedKey && last ? cursorOf(shard, last.id) : shard + 1 < INDEX_SHARDS ? cursorOf(shard + 1) : undefined;
    return { items, ...(next !== undefined ? { next } : {}) };
  }

  /** One atomic write; a failed condition becomes a `conflict` the domain retries on. */
  private async transact(items: NonNullable<TransactWriteCommandInput['TransactItems']>): Promise<void> {
    try {
      await this.client.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      throw conflictOr(error);
    }
  }

  /** Hour buckets older than the stats window are not touched again (TTL is removing them). */
  private liveHour(hour: string | undefined): string | undefined {
    if (!hour) return undefined;
    const age = this.clock.now().getTime() - new Date(`${hour}:00:00Z`).getTime();
    return age < 25 * HOUR_MS ? hour : undefined;
  }

  private async queryAll(partition: string, options: Partial<QueryCommandInput> = {}): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    const input: QueryCommandInput = { TableName: this.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': partition }, ...options };
    for await (const page of paginateQuery({ client: this.client }, input)) items.push(...(page.Items ?? []));
    return items;
  }

}
