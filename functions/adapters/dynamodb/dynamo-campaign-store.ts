import { GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Campaign, CampaignStore } from '../../domain/campaigns/campaign.js';

/** Campaigns are few (one a year) and rarely written: one partition holds them all, in year order. */
const PARTITION = 'CAMPAIGNS';
const keyOf = (year: number) => ({ PK: PARTITION, SK: `YEAR#${year}` });

export class DynamoCampaignStore implements CampaignStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async list(): Promise<Campaign[]> {
    const { Items = [] } = await this.client.send(
      new QueryCommand({ TableName: this.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': PARTITION }, ScanIndexForward: false }),
    );
    return Items.map(fromItem);
  }

  async get(year: number): Promise<Campaign | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keyOf(year) }));
    return Item ? fromItem(Item) : undefined;
  }

  async save(campaign: Campaign): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: { ...keyOf(campaign.year), type: 'campaign', ...campaign } }));
  }
}

function fromItem(item: Record<string, unknown>): Campaign {
  const { PK: _pk, SK: _sk, type: _type, ...campaign } = item;
  return campaign as unknown as Campaign;
}
