import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand, paginateQuery, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DonorRecord, EmailHash, ErasureLogEntry, PersonalDataStore } from '../../domain/privacy/ports.js';
import { expiresAfter, RETENTION } from '../../domain/shared/retention.js';
import { ownerPartition } from './dynamo-account-store.js';
import { donorLinesPartition, entryKey } from './dynamo-ledger.js';

const erasureLogPartition = (month: string) => `PRIVACY-AUDIT#${month}`;

/**
 * Personal data by address, in the single table, through lookups that already exist for other
 * reasons or are written with the data itself:
 *
 *   SOCIAL-OWNER#<ownerKey> / ACCOUNT#<id>           a supporter's lent accounts (DynamoAccountStore)
 *   DONOR-LINES#<donorKey>  / <occurredAt>#<entry>   a donor's gifts, refunds, disputes (DynamoLedger)
 *   PRIVACY-AUDIT#<yyyy-mm> / <at>#<id>              the erasure log (TTL: RETENTION.erasureRecords)
 *
 * Both keys are the keyed hash of the normalised address (`Hasher.email`), as is the pledges'
 * address claim. Entries written before these lookups existed are not found: a new platform
 * needs no backfill.
 */
export class DynamoPersonalDataStore implements PersonalDataStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async lentAccountsOf(ownerKey: EmailHash): Promise<string[]> {
    return (await this.partition(ownerPartition(ownerKey))).map((item) => String(item.SK).slice('ACCOUNT#'.length));
  }

  async donorRecordsOf(donorKey: EmailHash): Promise<DonorRecord[]> {
    const lines = await this.partition(donorLinesPartition(donorKey));
    return Promise.all(
      lines.map(async (line) => {
        const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: entryKey(String(line.id)), ConsistentRead: true }));
        const customerId = (Item?.stripe as { customerId?: string } | undefined)?.customerId;
        return { entryId: String(line.id), occurredAt: String(line.occurredAt), ...(customerId ? { customerId } : {}) };
      }),
    );
  }

  /**
   * The entry first, then its lookup line: a crash between the two leaves the line, so a retry
   * finds the entry again (and its Stripe customer, which the erasure deletes before this).
   */
  async eraseDonorRecord(donorKey: EmailHash, record: DonorRecord, at: Date): Promise<void> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: entryKey(record.entryId),
          // Only the donor's own data; the amounts, Stripe ids and receipt number are the books.
          UpdateExpression: 'SET anonymous = :true, donorErasedAt = if_not_exists(donorErasedAt, :at) REMOVE donor, displayName, dedication, donorKey',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':true': true, ':at': at.toISOString() },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: { PK: donorLinesPartition(donorKey), SK: `${record.occurredAt}#${record.entryId}` } }));
  }

  async recordErasure(entry: ErasureLogEntry): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          PK: erasureLogPartition(entry.at.slice(0, 7)),
          SK: `${entry.at}#${entry.id}`,
          type: 'erasure-log',
          ...entry,
          expiresAt: expiresAfter(entry.at, RETENTION.erasureRecords.duration),
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  }

  async erasures(month: string): Promise<ErasureLogEntry[]> {
    const { Items = [] } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': erasureLogPartition(month) },
        ScanIndexForward: false,
      }),
    );
    return Items.map(({ PK: _pk, SK: _sk, type: _type, expiresAt: _expires, ...entry }) => entry as ErasureLogEntry);
  }

  private async partition(pk: string): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    const pages = paginateQuery({ client: this.client }, { TableName: this.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': pk }, ConsistentRead: true });
    for await (const page of pages) items.push(...(page.Items ?? []));
    return items;
  }
}
