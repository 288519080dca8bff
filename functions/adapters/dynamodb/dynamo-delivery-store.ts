import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand, paginateQuery, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { FanOutProgress, FanOutProgressStore } from '../../domain/social/dispatch/fan-out-progress.js';
import type { DeliveryStore } from '../../domain/social/ports.js';
import type { Delivery } from '../../domain/social/social.js';
import { batchPut } from './batch-write.js';
import { expiresAfter, RETENTION } from '../../domain/shared/retention.js';

const deliveryKey = (messageId: string, targetId: string) => ({ PK: `DELIVERY#${messageId}`, SK: `TARGET#${targetId}` });
/** Deleted by TTL RETENTION.socialDeliveries after the post was due: the report is read in the weeks after a campaign. */
const itemOf = (delivery: Delivery) => ({
  ...deliveryKey(delivery.messageId, delivery.target.id),
  type: 'delivery',
  ...delivery,
  expiresAt: expiresAfter(delivery.dueAt, RETENTION.socialDeliveries.duration),
});
const deliveryOf = ({ PK: _pk, SK: _sk, type: _type, expiresAt: _expires, ...delivery }: Record<string, unknown>) => delivery as unknown as Delivery;

/** Attributes an update never touches: the record's identity. */
const FIXED = new Set(['messageId', 'target', 'clientRef', 'PK', 'SK', 'type', 'expiresAt']);

export interface DynamoDeliveryStoreOptions {
  /**
   * How `createAll` writes: `transactions` (the default), TransactWriteItems of up to 100
   * conditional Puts (all-or-nothing: a chunk with an existing record is written again as Puts);
   * or `puts`, conditional Puts in parallel (one request each, `concurrency` in flight).
   * BatchWriteItem cannot be conditional, so it would reset a record a repeated fan-out meets: it
   * is not an option. On DynamoDB Local both write ~2,500 records/s, but Puts cost the caller
   * 13× the CPU (one signed request per record: ~365 µs against ~28 µs); on AWS a transactional
   * write costs 2 WCU per item instead of 1 (BENCHMARKS.md, "Coordinated messages: blast").
   */
  createWith?: 'puts' | 'transactions';
  /** Writes (or transactions) in flight at once in `createAll`. */
  concurrency?: number;
  /**
   * BatchWriteItem calls (25 records each) in flight at once when `createAll` is told the records
   * are `fresh`: unconditional, 1 WCU a record and one request per 25 (BENCHMARKS.md, "Fan-out").
   */
  freshConcurrency?: number;
}

const progressKey = (messageId: string) => ({ PK: `DELIVERY#${messageId}`, SK: 'FAN-OUT' });

/**
 * The idempotency records of a blast in the single table: `DELIVERY#<messageId>` /
 * `TARGET#<targetId>`, one item per (message, target), read back with one Query per page.
 * Every rule is a DynamoDB condition, so it holds whatever the callers do:
 * - create only if absent (a repeated fan-out changes nothing);
 * - claim only if pending and due, or claimed with an expired lease (`attempts` + 1 either way);
 * - write the outcome only while holding the claim's token.
 */
export class DynamoDeliveryStore implements DeliveryStore, FanOutProgressStore {
  private readonly createWith: 'puts' | 'transactions';
  private readonly concurrency: number;
  private readonly freshConcurrency: number;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    options: DynamoDeliveryStoreOptions = {},
  ) {
    this.createWith = options.createWith ?? 'transactions';
    this.concurrency = options.concurrency ?? (this.createWith === 'puts' ? 32 : 4);
    this.freshConcurrency = options.freshConcurrency ?? 8;
  }

  async createAll(deliveries: readonly Delivery[], options?: { fresh?: boolean }): Promise<number> {
    if (options?.fresh) {
      // One request may not name an item twice: a repeated target is written once.
      const seen = new Set<string>();
      const distinct = deliveries.filter((delivery) => !seen.has(delivery.target.id) && Boolean(seen.add(delivery.target.id)));
      await batchPut(this.client, this.tableName, distinct.map(itemOf), { concurrency: this.freshConcurrency });
      return distinct.length;
    }
    if (this.createWith === 'transactions') {
      const chunks: Delivery[][] = [];
      for (let i = 0; i < deliveries.length; i += 100) chunks.push(deliveries.slice(i, i + 100));
      const counts = await inParallel(chunks, this.concurrency, (chunk) => this.createChunk(chunk));
      return counts.reduce((sum, count) => sum + count, 0);
    }
    const created = await inParallel(deliveries, this.concurrency, (delivery) => this.createOne(delivery));
    return created.filter(Boolean).length;
  }

  /** One transaction for up to 100 new records; when some exist (or the chunk repeats a target), one Put each. */
  private async createChunk(chunk: readonly Delivery[]): Promise<number> {
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: chunk.map((delivery) => ({ Put: { TableName: this.tableName, Item: itemOf(delivery), ConditionExpression: 'attribute_not_exists(PK)' } })),
        }),
      );
      return chunk.length;
    } catch (error) {
      const cancelled = error instanceof TransactionCanceledException;
      const repeatedKey = (error as Error).name === 'ValidationException' && /multiple operations on one item/i.test((error as Error).message);
      if (!cancelled && !repeatedKey) throw error;
      const created = await inParallel(chunk, 8, (delivery) => this.createOne(delivery));
      return created.filter(Boolean).length;
    }
  }

  private async createOne(delivery: Delivery): Promise<boolean> {
    try {
      await this.client.send(new PutCommand({ TableName: this.tableName, Item: itemOf(delivery), ConditionExpression: 'attribute_not_exists(PK)' }));
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async get(messageId: string, targetId: string): Promise<Delivery | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: deliveryKey(messageId, targetId), ConsistentRead: true }));
    return Item ? deliveryOf(Item) : undefined;
  }

  async claim(messageId: string, targetId: string, token: string, now: Date, leaseMs: number): Promise<Delivery | undefined> {
    const at = now.toISOString();
    const claim = { token, until: new Date(now.getTime() + leaseMs).toISOString() };
    try {
      // ISO instants from toISOString() compare as strings in time order.
      const { Attributes } = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: deliveryKey(messageId, targetId),
          UpdateExpression: 'SET #state = :claimed, #claim = :claim ADD attempts :one',
          ConditionExpression:
            '(#state = :pending AND (attribute_not_exists(notBefore) OR notBefore <= :now)) OR (#state = :claimed AND #claim.#until < :now)',
          ExpressionAttributeNames: { '#state': 'state', '#claim': 'claim', '#until': 'until' },
          ExpressionAttributeValues: { ':claimed': 'claimed', ':pending': 'pending', ':claim': claim, ':now': at, ':one': 1 },
          ReturnValues: 'ALL_OLD',
        }),
      );
      const before = deliveryOf(Attributes ?? {});
      const claimed: Delivery = { ...before, state: 'claimed', claim, attempts: (before.attempts ?? 0) + 1 };
      // Taking over from a holder whose lease ran out: it may have posted before it died, so
      // the new holder must look before posting.
      if (before.state === 'claimed') claimed.uncertain = true;
      return claimed;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
  }

  async update(messageId: string, targetId: string, token: string, change: Partial<Delivery>): Promise<boolean> {
    const names: Record<string, string> = { '#claim': 'claim', '#token': 'token' };
    const values: Record<string, unknown> = { ':token': token };
    const sets: string[] = [];
    const removes: string[] = [];
    Object.entries(change).forEach(([key, value], i) => {
      if (FIXED.has(key)) return;
      const name = `#a${i}`;
      names[name] = key;
      if (value === undefined) removes.push(name);
      else {
        values[`:v${i}`] = value;
        sets.push(`${name} = :v${i}`);
      }
    });
    if (sets.length === 0 && removes.length === 0) {
      const current = await this.get(messageId, targetId);
      return current?.claim?.token === token;
    }
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: deliveryKey(messageId, targetId),
          UpdateExpression: [sets.length ? `SET ${sets.join(', ')}` : '', removes.length ? `REMOVE ${removes.join(', ')}` : ''].filter(Boolean).join(' '),
          ConditionExpression: '#claim.#token = :token',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async *list(messageId: string): AsyncIterable<Delivery[]> {
    const pages = paginateQuery(
      { client: this.client },
      {
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :target)',
        ExpressionAttributeValues: { ':pk': `DELIVERY#${messageId}`, ':target': 'TARGET#' },
        ConsistentRead: true,
      },
    );
    for await (const page of pages) {
      const deliveries = (page.Items ?? []).map(deliveryOf);
      if (deliveries.length > 0) yield deliveries;
    }
  }

  /**
   * The fan-out's progress beside the records: `DELIVERY#<message>` / `FAN-OUT` (outside `list`'s
   * `TARGET#` range), written whole with a condition on its version.
   */
  async fanOutProgress(messageId: string): Promise<FanOutProgress | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: progressKey(messageId), ConsistentRead: true }));
    if (!Item) return undefined;
    const { PK: _pk, SK: _sk, type: _type, expiresAt: _expires, ...progress } = Item;
    return progress as FanOutProgress;
  }

  async saveFanOutProgress(next: FanOutProgress, expectedVersion: number | undefined): Promise<boolean> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          // Deleted with the records it counted (RETENTION.socialDeliveries, from the fan-out's start).
          Item: { ...progressKey(next.messageId), type: 'fan-out', ...next, expiresAt: expiresAfter(next.startedAt, RETENTION.socialDeliveries.duration) },
          ...(expectedVersion === undefined
            ? { ConditionExpression: 'attribute_not_exists(PK)' }
            : { ConditionExpression: 'version = :version', ExpressionAttributeValues: { ':version': expectedVersion } }),
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async hasDeliveries(messageId: string): Promise<boolean> {
    const { Items = [] } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :target)',
        ExpressionAttributeValues: { ':pk': `DELIVERY#${messageId}`, ':target': 'TARGET#' },
        Limit: 1,
        ConsistentRead: true,
      }),
    );
    return Items.length > 0;
  }
}

/** Runs `work` over `items` with at most `limit` in flight; results in the items' order. */
async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  });
  await Promise.all(lanes);
  return results;
}
