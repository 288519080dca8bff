import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand, paginateScan, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { forEachConcurrently } from '../../domain/shared/concurrency.js';
import { isOnUpdatesList } from '../../domain/social/email-targets.js';
import { fromItem, pledgeKey, updatesPartition } from './pledge-items.js';
import { stableShard } from './shard.js';
import { INDEX_SHARDS } from './table-definition.js';

/**
 * Puts on the updates index (GSI4) the pledges written before it existed: a table deployed (or
 * kept by `npm start` with DATA_DIR) before the email list was read from the index. New and
 * changed pledges need none of this: every save writes the keys (pledge-items.ts).
 *
 * One Scan of confirmed, counted pledges without the keys, then, for each that may be emailed,
 * an UpdateItem that sets them only if the pledge is still at the version read: one that changed
 * meanwhile was written whole by its own save, keys right. Safe to run again, and while the
 * platform runs. Returns how many pledges it read and how many it put on the index.
 */
export async function backfillUpdatesIndex(client: DynamoDBDocumentClient, tableName: string): Promise<{ read: number; indexed: number }> {
  let read = 0;
  let indexed = 0;
  const pages = paginateScan(
    { client },
    {
      TableName: tableName,
      FilterExpression: '#type = :pledge AND #status = :confirmed AND counted = :true AND attribute_not_exists(GSI4PK)',
      ExpressionAttributeNames: { '#type': 'type', '#status': 'status' },
      ExpressionAttributeValues: { ':pledge': 'pledge', ':confirmed': 'confirmed', ':true': true },
    },
  );
  for await (const page of pages) {
    const pledges = (page.Items ?? []).map(fromItem);
    read += pledges.length;
    await forEachConcurrently(pledges.filter(isOnUpdatesList), 8, async (pledge) => {
      try {
        await client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: pledgeKey(pledge.id),
            UpdateExpression: 'SET GSI4PK = :pk, GSI4SK = :id',
            ConditionExpression: 'version = :version AND attribute_not_exists(GSI4PK)',
            ExpressionAttributeValues: { ':pk': updatesPartition(stableShard(pledge.id, INDEX_SHARDS)), ':id': pledge.id, ':version': pledge.version },
          }),
        );
        indexed++;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    });
  }
  return { read, indexed };
}
