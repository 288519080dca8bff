import { GetCommand, QueryCommand, paginateQuery, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CampaignAuditEntry, CampaignRecord, CampaignRepository } from '../../domain/campaigns/ports.js';
import { putWithHistory } from './versioned-write.js';

/**
 * Campaigns are few (one a year) and rarely written: one partition holds every record, in year
 * order. Each campaign's audit log is its own partition, in time order, never rewritten.
 */
const RECORDS = 'CAMPAIGNS';
const recordKey = (year: number) => ({ PK: RECORDS, SK: `YEAR#${year}` });
const auditPartition = (year: number) => `CAMPAIGN#${year}`;
/** One entry per record version, so the log is in the order the writes happened. */
const auditKey = (version: number) => `AUDIT#${String(version).padStart(10, '0')}`;

const strip = <T>(item: Record<string, unknown>): T => {
  const { PK: _pk, SK: _sk, type: _type, ...rest } = item;
  return rest as T;
};

export class DynamoCampaignRepository implements CampaignRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async list(): Promise<CampaignRecord[]> {
    const { Items = [] } = await this.client.send(
      new QueryCommand({ TableName: this.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': RECORDS }, ScanIndexForward: false }),
    );
    return Items.map((item) => strip<CampaignRecord>(item));
  }

  async get(year: number): Promise<CampaignRecord | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: recordKey(year), ConsistentRead: true }));
    return Item ? strip<CampaignRecord>(Item) : undefined;
  }

  save(previous: CampaignRecord | undefined, next: CampaignRecord, entry: CampaignAuditEntry): Promise<void> {
    return putWithHistory(
      this.client,
      this.tableName,
      { ...recordKey(next.year), type: 'campaign', ...next },
      previous?.version,
      { PK: auditPartition(entry.year), SK: auditKey(entry.version), type: 'campaign-audit', ...entry },
    );
  }

  async history(year: number): Promise<CampaignAuditEntry[]> {
    const entries: CampaignAuditEntry[] = [];
    const pages = paginateQuery(
      { client: this.client },
      {
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :audit)',
        ExpressionAttributeValues: { ':pk': auditPartition(year), ':audit': 'AUDIT#' },
        ScanIndexForward: false,
      },
    );
    for await (const page of pages) entries.push(...(page.Items ?? []).map((item) => strip<CampaignAuditEntry>(item)));
    return entries;
  }

  async historyEntry(year: number, id: string): Promise<CampaignAuditEntry | undefined> {
    return (await this.history(year)).find((entry) => entry.id === id);
  }
}
