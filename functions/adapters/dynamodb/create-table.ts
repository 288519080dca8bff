import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { MAIN_TABLE, type IndexDefinition, type TableDefinition } from './table-definition.js';

const indexSpec = (index: IndexDefinition) => ({
  IndexName: index.name,
  KeySchema: [
    { AttributeName: index.partitionKey, KeyType: 'HASH' as const },
    { AttributeName: index.sortKey, KeyType: 'RANGE' as const },
  ],
  Projection: index.projectedAttributes === 'all' ? { ProjectionType: 'ALL' as const } : { ProjectionType: 'INCLUDE' as const, NonKeyAttributes: index.projectedAttributes },
});

/**
 * Creates the table from the same definition the CDK data stack deploys (local engines only;
 * on AWS, CloudFormation owns the table). Safe to call when it exists already: a table kept from
 * an earlier version (`npm start` with DATA_DIR) gets the indexes added since, one at a time, as
 * CloudFormation would. Returns the names of the indexes it added to an existing table (their
 * items written before them are not on them: see backfill-updates-index.ts).
 */
export async function ensureTable(client: DynamoDBClient, tableName: string, definition: TableDefinition = MAIN_TABLE): Promise<{ indexesAdded: string[] }> {
  const keys = [definition.partitionKey, definition.sortKey, ...definition.globalSecondaryIndexes.flatMap((i) => [i.partitionKey, i.sortKey])];
  let existed = false;
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [...new Set(keys)].map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
        KeySchema: [
          { AttributeName: definition.partitionKey, KeyType: 'HASH' },
          { AttributeName: definition.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: definition.globalSecondaryIndexes.map(indexSpec),
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
    existed = true;
  }
  await waitUntilActive(client, tableName);
  const indexesAdded: string[] = [];
  if (existed) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const present = new Set((Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
    for (const index of definition.globalSecondaryIndexes.filter((candidate) => !present.has(candidate.name))) {
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          AttributeDefinitions: [index.partitionKey, index.sortKey].map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
          GlobalSecondaryIndexUpdates: [{ Create: indexSpec(index) }],
        }),
      );
      await waitUntilActive(client, tableName);
      indexesAdded.push(index.name);
    }
  }
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: definition.timeToLiveAttribute, Enabled: true },
    }),
  ).catch((error: Error) => {
    // Enabling TTL twice is refused; that is the state we wanted.
    if (!/already enabled/i.test(error.message)) throw error;
  });
  return { indexesAdded };
}

/**
 * A new index is built from the items already there: about a second for a local table, but
 * DynamoDB Local builds indexes in the background, and on a busy machine (the whole test suite on
 * two cores) that took over a minute. Four minutes, then give up.
 */
async function waitUntilActive(client: DynamoDBClient, tableName: string, timeoutMs = 240_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.TableStatus === 'ACTIVE' && (Table.GlobalSecondaryIndexes ?? []).every((index) => index.IndexStatus === 'ACTIVE')) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Table ${tableName} did not become active`);
}
