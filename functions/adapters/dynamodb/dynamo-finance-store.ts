import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, PutCommand, type BatchGetCommandOutput, TransactWriteCommand, UpdateCommand, paginateQuery, type DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { periodOf, type AuditEntry, type OfflineReceipt, type PayoutRecord, type PayoutRun, type Period, type PeriodLock, type ReconciliationCheck } from '../../domain/finance/finance.js';
import type { FinanceStore } from '../../domain/finance/ports.js';
import type { Payout } from '../../domain/reconciliation/types.js';
import { AppError } from '../../domain/shared/errors.js';
import { TOTALS_SHARDS, totalsKey } from './dynamo-ledger.js';
import { conflictOr } from './errors.js';
import { randomShard } from './shard.js';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
type Item = Record<string, unknown>;

const payoutKey = (id: string) => ({ PK: `PAYOUT#${id}`, SK: 'RECORD' });
const lockKey = (period: Period) => ({ PK: `PERIOD#${period}`, SK: 'LOCK' });
const receiptKey = (id: string) => ({ PK: `OFFLINE-RECEIPT#${id}`, SK: 'RECEIPT' });
const CHECK_KEY = { PK: 'RECONCILIATION-CHECK', SK: 'LATEST' };
const auditKey = (entry: AuditEntry) => ({ PK: `FINANCE-AUDIT#${periodOf(entry.at)}`, SK: `${entry.at}#${entry.id}` });

/** Strips the keys (and index keys) an item carries in the table. */
const stripKeys = <T>({ PK: _pk, SK: _sk, GSI3PK: _gpk, GSI3SK: _gsk, ...rest }: Item) => rest as T;

/**
 * Finance records in the single table. Every change is one transaction of three parts: the
 * change (conditional on the version read), a check that its period is not locked, and its audit
 * entry — so the log can never miss a change, and a locked month cannot change at all.
 */
export class DynamoFinanceStore implements FinanceStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async payoutRecords(ids: readonly string[]): Promise<Map<string, PayoutRecord>> {
    const items = await this.batchGet(ids.map(payoutKey));
    return new Map(items.map((item) => [String(item.PK).slice('PAYOUT#'.length), stripKeys<PayoutRecord>(item)]));
  }

  payoutRecordsIn(period: Period): Promise<PayoutRecord[]> {
    return this.queryMonth<PayoutRecord>(`PAYOUTS#${period}`);
  }

  async saveRun(payout: Payout, run: PayoutRun, audit?: AuditEntry): Promise<PayoutRecord> {
    const period = periodOf(payout.arrivalDate);
    const update = {
      TableName: this.tableName,
      Key: payoutKey(payout.id),
      UpdateExpression: 'SET #payout = :payout, #period = :period, lastRun = :run, GSI3PK = :gpk, GSI3SK = :gsk, #state = if_not_exists(#state, :unreviewed), version = if_not_exists(version, :one)',
      ExpressionAttributeNames: { '#payout': 'payout', '#period': 'period', '#state': 'state' },
      ExpressionAttributeValues: { ':payout': payout, ':period': period, ':run': run, ':gpk': `PAYOUTS#${period}`, ':gsk': `${payout.arrivalDate}#${payout.id}`, ':unreviewed': 'unreviewed', ':one': 1 },
    };
    if (!audit) {
      const { Attributes } = await this.client.send(new UpdateCommand({ ...update, ReturnValues: 'ALL_NEW' }));
      return stripKeys<PayoutRecord>(Attributes!);
    }
    // A run someone asked for is logged with it (transactions return no values: read it back).
    await this.transact([{ Update: update }, this.auditPut(audit)]);
    return (await this.payoutRecords([payout.id])).get(payout.id)!;
  }

  async changePayout(next: PayoutRecord, expectedVersion: number, audit: AuditEntry): Promise<void> {
    const set: Record<string, unknown> = { state: next.state, version: expectedVersion + 1, reconciledBy: next.reconciledBy, reconciledAt: next.reconciledAt, note: next.note };
    const present = Object.entries(set).filter(([, value]) => value !== undefined);
    const absent = Object.keys(set).filter((name) => set[name] === undefined);
    await this.transact(
      [
        {
          Update: {
            TableName: this.tableName,
            Key: payoutKey(next.payout.id),
            UpdateExpression: `SET ${present.map(([name]) => `#${name} = :${name}`).join(', ')}${absent.length ? ` REMOVE ${absent.map((name) => `#${name}`).join(', ')}` : ''}`,
            ConditionExpression: 'version = :expected',
            ExpressionAttributeNames: Object.fromEntries(Object.keys(set).map((name) => [`#${name}`, name])),
            ExpressionAttributeValues: { ...Object.fromEntries(present.map(([name, value]) => [`:${name}`, value])), ':expected': expectedVersion },
          },
        },
        this.unlocked(next.period),
        this.auditPut(audit),
      ],
      next.period,
    );
  }

  async lock(period: Period): Promise<PeriodLock | undefined> {
    return (await this.locks([period])).get(period);
  }

  async locks(periods: readonly Period[]): Promise<Map<Period, PeriodLock>> {
    const items = await this.batchGet(periods.map(lockKey));
    return new Map(items.map((item) => [String(item.period), stripKeys<PeriodLock>(item)]));
  }

  async setLock(lock: PeriodLock, audit: AuditEntry): Promise<void> {
    await this.transact([
      {
        Put: {
          TableName: this.tableName,
          Item: { ...lockKey(lock.period), ...lock },
          // Locking a locked month (or unlocking an open one) is refused, so each entry in the log is a real change.
          ConditionExpression: lock.locked ? 'attribute_not_exists(PK) OR locked = :false' : 'locked = :true',
          ExpressionAttributeValues: lock.locked ? { ':false': false } : { ':true': true },
        },
      },
      this.auditPut(audit),
    ]);
  }

  async offlineReceipt(id: string): Promise<OfflineReceipt | undefined> {
    const [item] = await this.batchGet([receiptKey(id)]);
    return item ? stripKeys<OfflineReceipt>(item) : undefined;
  }

  offlineReceiptsIn(period: Period): Promise<OfflineReceipt[]> {
    return this.queryMonth<OfflineReceipt>(`OFFLINE#${period}`);
  }

  async saveOfflineReceipt(receipt: OfflineReceipt, expectedVersion: number | undefined, audit: AuditEntry): Promise<void> {
    const period = periodOf(receipt.valueDate);
    const approving = receipt.status === 'approved';
    const condition =
      expectedVersion === undefined
        ? { ConditionExpression: 'attribute_not_exists(PK)' }
        : {
            // The checker is never the maker, whatever the caller checked (maker–checker, enforced where the data is).
            ConditionExpression: `version = :expected${approving ? ' AND #status = :pending AND recordedBy <> :checker' : ''}`,
            ...(approving ? { ExpressionAttributeNames: { '#status': 'status' } } : {}),
            ExpressionAttributeValues: { ':expected': expectedVersion, ...(approving ? { ':pending': 'pending', ':checker': receipt.decidedBy } : {}) },
          };
    const items: TransactItem[] = [
      { Put: { TableName: this.tableName, Item: { ...receiptKey(receipt.id), GSI3PK: `OFFLINE#${period}`, GSI3SK: `${receipt.valueDate}#${receipt.id}`, type: 'offline-receipt', ...receipt }, ...condition } },
      this.unlocked(period),
      this.auditPut(audit),
    ];
    if (approving) {
      // Approved, it counts toward its campaign like a gift by card (the campaign's totals are per settlement currency).
      items.push({
        Update: {
          TableName: this.tableName,
          Key: totalsKey(receipt.campaignYear, randomShard(TOTALS_SHARDS)),
          UpdateExpression: 'ADD #raised :settled, #gross :amount, #offline :settled',
          ExpressionAttributeNames: { '#raised': `raised_${receipt.settledCurrency}`, '#gross': `gross_${receipt.currency}`, '#offline': `offline_${receipt.settledCurrency}` },
          ExpressionAttributeValues: { ':settled': receipt.settledAmount, ':amount': receipt.amount },
        },
      });
    }
    await this.transact(items, period);
  }

  auditLog(period: Period): Promise<AuditEntry[]> {
    return this.query<AuditEntry>({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': `FINANCE-AUDIT#${period}` } });
  }

  async saveCheck(check: ReconciliationCheck, audit?: AuditEntry): Promise<void> {
    const put = { TableName: this.tableName, Item: { ...CHECK_KEY, type: 'reconciliation-check', ...check } };
    if (audit) await this.transact([{ Put: put }, this.auditPut(audit)]);
    else await this.client.send(new PutCommand(put));
  }

  async latestCheck(): Promise<ReconciliationCheck | undefined> {
    const [item] = await this.batchGet([CHECK_KEY]);
    return item ? stripKeys<ReconciliationCheck>(item) : undefined;
  }

  private unlocked(period: Period): TransactItem {
    return {
      ConditionCheck: {
        TableName: this.tableName,
        Key: lockKey(period),
        ConditionExpression: 'attribute_not_exists(PK) OR locked = :false',
        ExpressionAttributeValues: { ':false': false },
      },
    };
  }

  private auditPut(entry: AuditEntry): TransactItem {
    return { Put: { TableName: this.tableName, Item: { ...auditKey(entry), type: 'finance-audit', ...entry }, ConditionExpression: 'attribute_not_exists(PK)' } };
  }

  /** A transaction whose second item, when `lockedPeriod` is given, is that period's lock check. */
  private async transact(items: TransactItem[], lockedPeriod?: Period): Promise<void> {
    try {
      await this.client.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if (lockedPeriod && error instanceof TransactionCanceledException && error.CancellationReasons?.[1]?.Code === 'ConditionalCheckFailed') {
        throw new AppError('conflict', `${lockedPeriod} is locked: unlock it, with a reason, before changing anything in it.`, { cause: error });
      }
      throw conflictOr(error);
    }
  }

  private queryMonth<T>(partition: string): Promise<T[]> {
    return this.query<T>({ IndexName: 'GSI3', KeyConditionExpression: 'GSI3PK = :pk', ExpressionAttributeValues: { ':pk': partition } });
  }

  private async query<T>(input: { IndexName?: string; KeyConditionExpression: string; ExpressionAttributeValues: Item }): Promise<T[]> {
    const found: T[] = [];
    for await (const page of paginateQuery({ client: this.client }, { TableName: this.tableName, ...input })) {
      for (const item of page.Items ?? []) found.push(stripKeys<T>(item));
    }
    return found;
  }

  /** BatchGetItem in chunks of 100, retrying what DynamoDB left unprocessed. */
  private async batchGet(keys: Array<{ PK: string; SK: string }>): Promise<Item[]> {
    const found: Item[] = [];
    for (let start = 0; start < keys.length; start += 100) {
      let pending: Item[] | undefined = keys.slice(start, start + 100);
      for (let attempt = 0; pending?.length; attempt++) {
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt)));
        const answer: BatchGetCommandOutput = await this.client.send(new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: pending, ConsistentRead: true } } }));
        found.push(...(answer.Responses?.[this.tableName] ?? []));
        pending = answer.UnprocessedKeys?.[this.tableName]?.Keys;
      }
    }
    return found;
  }
}
