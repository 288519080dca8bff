import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand, paginateQuery, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CampaignTotals, DonorLine, LedgerEntry, LedgerRepository } from '../../domain/donations/ledger.js';
import type { ProcessedEvents } from '../../domain/donations/ports.js';
import { epochSeconds, DAY_MS } from '../../domain/shared/clock.js';
import { periodOf, periodsBetween } from '../../domain/finance/finance.js';
import { conflictOr } from './errors.js';
import { randomShard } from './shard.js';

/** How long an unmarked receipt claim holds before another delivery may take it over. */
const STALE_CLAIM_MS = 10 * 60_000;

export const entryKey = (id: string) => ({ PK: `LEDGER#${id}`, SK: 'ENTRY' });
/** A donor's gifts (and their refunds and disputes) by the keyed hash of their address: the yearly statement, erasure. */
export const donorLinesPartition = (donorKey: string) => `DONOR-LINES#${donorKey}`;
/** GSI3: entries by month, then time (reconciliation windows, reports, exports). */
const byMonth = (entry: LedgerEntry) => ({ GSI3PK: `LEDGER#${periodOf(entry.occurredAt)}`, GSI3SK: `${entry.occurredAt}#${entry.id}` });
const entryOf = ({ PK: _pk, SK: _sk, GSI3PK: _gpk, GSI3SK: _gsk, type: _type, ...entry }: Record<string, unknown>) => entry as unknown as LedgerEntry;
/**
 * A campaign's totals are spread over a few items, like the pledge counters: concurrent gifts
 * then rarely meet on one item (transactions on the same item conflict and must be retried).
 * Each write picks a shard at random; reading sums them.
 */
export const TOTALS_SHARDS = 8;
export const totalsKey = (year: number | undefined, shard: number) => ({ PK: `DONATION-TOTALS#${year ?? 'none'}`, SK: `SHARD#${shard}` });

/**
 * The ledger in DynamoDB. An entry and the running totals it implies are written in one
 * transaction that fails if the entry exists, so a fact recorded twice changes nothing and the
 * totals can never drift from the entries.
 */
export class DynamoLedger implements LedgerRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async append(entry: LedgerEntry): Promise<'appended' | 'duplicate'> {
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.tableName, Item: { ...entryKey(entry.id), ...byMonth(entry), type: 'ledger-entry', ...entry }, ConditionExpression: 'attribute_not_exists(PK)' } },
            ...(entry.donorKey
              ? [
                  {
                    Put: {
                      TableName: this.tableName,
                      Item: {
                        PK: donorLinesPartition(entry.donorKey), SK: `${entry.occurredAt}#${entry.id}`, type: 'donor-line', id: entry.id, kind: entry.kind,
                        occurredAt: entry.occurredAt, amount: entry.amount, currency: entry.currency, language: entry.language,
                        ...(entry.receiptNumber ? { receiptNumber: entry.receiptNumber } : {}), ...(entry.donor?.name ? { donorName: entry.donor.name } : {}),
                      },
                    },
                  },
                ]
              : []),
            {
              Update: {
                TableName: this.tableName,
                Key: totalsKey(entry.campaignYear, randomShard(TOTALS_SHARDS)),
                UpdateExpression: 'ADD #raised :raised, #gross :gross, #matchable :matchable',
                ExpressionAttributeNames: {
                  '#raised': `raised_${entry.settlement.currency}`,
                  '#gross': `gross_${entry.currency}`,
                  '#matchable': `matchable_${entry.settlement.currency}`,
                },
                ExpressionAttributeValues: { ':raised': entry.settlement.amount, ':gross': entry.amount, ':matchable': entry.matchable ? entry.settlement.amount : 0 },
              },
            },
          ],
        }),
      );
    } catch (error) {
      const conflict = conflictOr(error);
      if (conflict instanceof Error && (conflict as { code?: string }).code === 'conflict') return 'duplicate';
      throw conflict;
    }
    return 'appended';
  }

  /**
   * A donor counts once per campaign, however many gifts they make: the donor's marker and the
   * count change in one transaction, refused as a whole when the marker exists.
   */
  async countDonor(entry: LedgerEntry): Promise<void> {
    const customerId = entry.stripe.customerId;
    if (entry.kind !== 'gift' || !customerId) return;
    const year = entry.campaignYear ?? 'none';
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.tableName, Item: { PK: `DONOR#${year}#${customerId}`, SK: 'DONOR' }, ConditionExpression: 'attribute_not_exists(PK)' } },
            { Update: { TableName: this.tableName, Key: totalsKey(entry.campaignYear, randomShard(TOTALS_SHARDS)), UpdateExpression: 'ADD donors :one', ExpressionAttributeValues: { ':one': 1 } } },
          ],
        }),
      );
    } catch (error) {
      const conflict = conflictOr(error);
      if ((conflict as { code?: string }).code === 'conflict') return;
      throw conflict;
    }
  }

  async get(id: string): Promise<LedgerEntry | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: entryKey(id), ConsistentRead: true }));
    if (!Item) return undefined;
    return entryOf(Item);
  }

  async *entriesBetween(from: string, to: string): AsyncIterable<LedgerEntry[]> {
    for (const period of periodsBetween(periodOf(from), periodOf(to))) {
      const pages = paginateQuery(
        { client: this.client },
        {
          TableName: this.tableName,
          IndexName: 'GSI3',
          // '#' sorts before every character an ISO instant continues with, so `to#` excludes `to`.
          KeyConditionExpression: 'GSI3PK = :month AND GSI3SK BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':month': `LEDGER#${period}`, ':from': from, ':to': `${to}#` },
        },
      );
      for await (const page of pages) {
        const entries = (page.Items ?? []).map(entryOf).filter((entry) => entry.occurredAt < to);
        if (entries.length > 0) yield entries;
      }
    }
  }

  giftForCharge(chargeId: string): Promise<LedgerEntry | undefined> {
    return this.get(`gift:${chargeId}`);
  }

  /**
   * Receipts are bookkeeping about an entry, not money: the claim and `receiptSentAt` are the
   * only attributes set after append. The claim carries the claimant's token, so repeating a
   * claim whose answer was lost is recognised as the same claim.
   */
  async claimReceipt(id: string, token: string, at: string): Promise<boolean> {
    // A claim left unmarked for 10 minutes belongs to an attempt that gave up (or crashed)
    // before sending: another attempt may take it over rather than the receipt being lost.
    const stale = new Date(new Date(at).getTime() - STALE_CLAIM_MS).toISOString();
    return this.conditionalUpdate({
      Key: entryKey(id),
      UpdateExpression: 'SET receiptClaim = :token, receiptClaimedAt = :at',
      ConditionExpression:
        'attribute_exists(PK) AND attribute_not_exists(receiptSentAt) AND (attribute_not_exists(receiptClaim) OR receiptClaim = :token OR receiptClaimedAt < :stale)',
      ExpressionAttributeValues: { ':token': token, ':at': at, ':stale': stale },
    });
  }

  async markReceiptSent(id: string, token: string, at: string): Promise<void> {
    await this.conditionalUpdate({
      Key: entryKey(id),
      UpdateExpression: 'SET receiptSentAt = :at',
      ConditionExpression: 'receiptClaim = :token',
      ExpressionAttributeValues: { ':token': token, ':at': at },
    });
  }

  async releaseReceipt(id: string, token: string): Promise<void> {
    await this.conditionalUpdate({
      Key: entryKey(id),
      UpdateExpression: 'REMOVE receiptClaim, receiptClaimedAt',
      ConditionExpression: 'receiptClaim = :token AND attribute_not_exists(receiptSentAt)',
      ExpressionAttributeValues: { ':token': token },
    });
  }

  /** True when the condition held; false when it did not; errors otherwise. */
  private async conditionalUpdate(input: Omit<ConstructorParameters<typeof UpdateCommand>[0], 'TableName'>): Promise<boolean> {
    try {
      await this.client.send(new UpdateCommand({ TableName: this.tableName, ...input }));
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async totals(campaignYear: number): Promise<CampaignTotals> {
    const { Items = [] } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :shard)',
        ExpressionAttributeValues: { ':pk': `DONATION-TOTALS#${campaignYear}`, ':shard': 'SHARD#' },
        ConsistentRead: true,
      }),
    );
    // Every shard's attributes added up: raised_usd, gross_eur, matchable_usd, donors …
    const summed: Record<string, number> = {};
    for (const shard of Items) for (const [key, value] of Object.entries(shard)) if (typeof value === 'number') summed[key] = (summed[key] ?? 0) + value;
    const perCurrency = (prefix: string) =>
      Object.fromEntries(Object.entries(summed).filter(([key]) => key.startsWith(prefix)).map(([key, value]) => [key.slice(prefix.length), value]));
    return {
      campaignYear,
      raised: perCurrency('raised_'),
      donors: summed.donors ?? 0,
      byCurrency: perCurrency('gross_'),
      matchable: perCurrency('matchable_'),
    };
  }

  async donorLines(donorKey: string, year: number): Promise<DonorLine[]> {
    const { Items = [] } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': donorLinesPartition(donorKey), ':from': `${year}-01-01`, ':to': `${year}-12-31T99` },
      }),
    );
    return Items.map(({ PK: _pk, SK: _sk, type: _type, ...line }) => line as DonorLine);
  }

  async nextReceiptNumber(year: number): Promise<string> {
    const { Attributes } = await this.client.send(
      new UpdateCommand({ TableName: this.tableName, Key: { PK: `RECEIPT-SEQUENCE#${year}`, SK: 'SEQUENCE' }, UpdateExpression: 'ADD #n :one', ExpressionAttributeNames: { '#n': 'next' }, ExpressionAttributeValues: { ':one': 1 }, ReturnValues: 'UPDATED_NEW' }),
    );
    return `BH-${year}-${String(Attributes?.next ?? 0).padStart(6, '0')}`;
  }
}

/** Processed provider events, kept 30 days (Stripe retries for 3). */
export class DynamoProcessedEvents implements ProcessedEvents {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async has(eventId: string): Promise<boolean> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: { PK: `PAYMENT-EVENT#${eventId}`, SK: 'EVENT' }, ConsistentRead: true }));
    return Boolean(Item);
  }

  async remember(eventId: string, at: Date): Promise<void> {
    await this.client.send(
      new PutCommand({ TableName: this.tableName, Item: { PK: `PAYMENT-EVENT#${eventId}`, SK: 'EVENT', processedAt: at.toISOString(), expiresAt: epochSeconds(new Date(at.getTime() + 30 * DAY_MS)) } }),
    );
  }
}
