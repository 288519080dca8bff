import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { forEachConcurrently } from '../../domain/shared/concurrency.js';

/** BatchWriteItem takes at most 25 requests. */
export const BATCH_WRITE_SIZE = 25;

export interface BatchPutOptions {
  /** BatchWriteItem calls in flight at once. */
  concurrency: number;
  /** Calls per batch before the items DynamoDB keeps leaving unprocessed are given up on. */
  maxAttempts?: number;
  /** Wait before sending unprocessed items again: base × 2^(attempt − 1), with jitter. */
  retryBaseMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Puts `items` with BatchWriteItem, 25 a call, `concurrency` calls at once. Unconditional: for
 * items the caller knows are new (or may be overwritten). DynamoDB may leave part of a call
 * unprocessed (throttling, a busy partition) while answering 200: those items, and only those,
 * are sent again with backoff, as AWS asks; whatever is still left after `maxAttempts` throws.
 * Whole-call failures are the SDK client's own retries.
 */
export async function batchPut(client: DynamoDBDocumentClient, tableName: string, items: readonly Record<string, unknown>[], options: BatchPutOptions): Promise<void> {
  const { maxAttempts = 8, retryBaseMs = 50 } = options;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const batches: Array<readonly Record<string, unknown>[]> = [];
  for (let i = 0; i < items.length; i += BATCH_WRITE_SIZE) batches.push(items.slice(i, i + BATCH_WRITE_SIZE));
  await forEachConcurrently(batches, options.concurrency, async (batch) => {
    let pending = batch.map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 1; pending.length > 0; attempt++) {
      if (attempt > 1) {
        const step = retryBaseMs * 2 ** (attempt - 2);
        await sleep(Math.round(step / 2 + Math.random() * (step / 2)));
      }
      if (attempt > maxAttempts) throw new Error(`DynamoDB left ${pending.length} of ${batch.length} items unwritten after ${maxAttempts} calls`);
      const { UnprocessedItems } = await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
      pending = (UnprocessedItems?.[tableName] ?? []) as typeof pending;
    }
  });
}
