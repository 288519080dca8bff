import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { epochSeconds } from '../../domain/shared/clock.js';
import type { RateLimiter } from '../../domain/pledges/ports.js';

/**
 * Fixed windows: one item per key and window, incremented atomically with ADD and removed by
 * TTL once the window is over. One write per check, no read-modify-write race.
 */
export class DynamoRateLimiter implements RateLimiter {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async hit(key: string, windowSeconds: number, now: Date, amount = 1): Promise<number> {
    const nowSeconds = epochSeconds(now);
    const windowStart = nowSeconds - (nowSeconds % windowSeconds);
    const { Attributes } = await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { PK: `RATE#${key}#${windowStart}`, SK: 'RATE' },
        UpdateExpression: 'ADD #count :amount SET expiresAt = if_not_exists(expiresAt, :expiresAt)',
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: { ':amount': amount, ':expiresAt': windowStart + windowSeconds + 60 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(Attributes?.count ?? 1);
  }
}
