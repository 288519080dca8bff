import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { conflictOr } from './errors.js';

/**
 * A record and the history entry that describes its change, in one transaction: the record only
 * if its stored `version` is still the one read (or, new, absent), the entry only if absent. A
 * lost race is a `conflict` AppError; the history can never miss a write, nor hold one twice.
 */
export async function putWithHistory(
  client: DynamoDBDocumentClient,
  tableName: string,
  record: Record<string, unknown>,
  expectedVersion: number | undefined,
  history: Record<string, unknown>,
): Promise<void> {
  try {
    await client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName,
              Item: record,
              ...(expectedVersion === undefined
                ? { ConditionExpression: 'attribute_not_exists(PK)' }
                : { ConditionExpression: 'version = :version', ExpressionAttributeValues: { ':version': expectedVersion } }),
            },
          },
          { Put: { TableName: tableName, Item: history, ConditionExpression: 'attribute_not_exists(PK)' } },
        ],
      }),
    );
  } catch (error) {
    throw conflictOr(error);
  }
}
