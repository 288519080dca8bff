import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfillUpdatesIndex } from '../../../functions/adapters/dynamodb/backfill-updates-index.js';
import { createDocumentClient } from '../../../functions/adapters/dynamodb/client.js';
import { ensureTable } from '../../../functions/adapters/dynamodb/create-table.js';
import { DynamoPledgeStore } from '../../../functions/adapters/dynamodb/dynamo-pledge-store.js';
import { toItem } from '../../../functions/adapters/dynamodb/pledge-items.js';
import { MAIN_TABLE, UPDATES_INDEX } from '../../../functions/adapters/dynamodb/table-definition.js';
import { startDynamoDbLocal, type EmbeddedDynamo } from '../../../functions/dev/dynamodb-local.js';
import type { Pledge } from '../../../functions/domain/pledges/pledge.js';

const pledge = (overrides: Partial<Pledge>): Pledge => ({
  id: randomUUID(), status: 'confirmed', review: 'ok', counted: true, suspectReasons: [], country: 'MX', language: 'es', showOnWall: false, hiddenFromWall: false,
  wantsUpdates: true, name: 'Ana', email: `${randomUUID()}@example.org`, emailHash: randomUUID(), emailDomain: 'example.org', createdAt: '2026-07-01T00:00:00.000Z',
  confirmedAt: '2026-07-01T00:05:00.000Z', version: 2, ...overrides,
});

/**
 * A table from before the updates index (a deployment, or `npm start`'s DATA_DIR): ensureTable
 * adds the index to it, and the backfill puts on it exactly the pledgers a message may be emailed
 * to, once, leaving the others alone.
 */
describe('a table from before the updates index', () => {
  // An engine of its own: the shared DynamoDB Local, busy with the whole suite, left the new index
  // CREATING for minutes (alone it builds it in about a second).
  let engine: EmbeddedDynamo;
  beforeAll(async () => {
    engine = await startDynamoDbLocal();
  }, 60_000);
  afterAll(async () => engine?.stop());

  it('gets the index, and its pledgers who asked for updates are put on it once', async () => {
    const endpoint = engine.endpoint;
    const admin = new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    const documents = createDocumentClient({ region: 'local', endpoint });
    const tableName = `test-${randomUUID()}`;
    const before = { ...MAIN_TABLE, globalSecondaryIndexes: MAIN_TABLE.globalSecondaryIndexes.filter((index) => index.name !== UPDATES_INDEX) };
    expect(await ensureTable(admin, tableName, before)).toEqual({ indexesAdded: [] });

    const subscribed = Array.from({ length: 30 }, () => pledge({}));
    const others = [
      pledge({ wantsUpdates: false }),
      pledge({ unsubscribedAt: '2026-07-10T00:00:00.000Z', wantsUpdates: false }),
      pledge({ review: 'invalidated', counted: false }),
      pledge({ status: 'pending', counted: false, confirmedAt: undefined, version: 1 }),
      pledge({ erasedAt: '2026-07-10T00:00:00.000Z', email: undefined, name: undefined, wantsUpdates: false }),
    ];
    // As the code of the time wrote them: no index keys.
    for (const item of [...subscribed, ...others].map(toItem)) {
      const { GSI4PK: _pk, GSI4SK: _sk, ...old } = item;
      await documents.send(new PutCommand({ TableName: tableName, Item: old }));
    }

    expect(await ensureTable(admin, tableName)).toEqual({ indexesAdded: [UPDATES_INDEX] });
    expect(await ensureTable(admin, tableName)).toEqual({ indexesAdded: [] });
    const store = new DynamoPledgeStore(documents, tableName);
    const listed = async () => {
      const ids: string[] = [];
      let after: string | undefined;
      do {
        const page = await store.updateSubscribers(after, 10);
        ids.push(...page.items.map((item) => item.id));
        after = page.next;
      } while (after !== undefined);
      return ids.sort();
    };
    expect(await listed()).toEqual([]);

    expect(await backfillUpdatesIndex(documents, tableName)).toEqual({ read: 33, indexed: 30 });
    expect(await listed()).toEqual(subscribed.map((p) => p.id).sort());
    expect(await backfillUpdatesIndex(documents, tableName)).toEqual({ read: 3, indexed: 0 });
    admin.destroy();
    documents.destroy();
  }, 120_000);
});
