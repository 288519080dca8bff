import { GetCommand, QueryCommand, paginateQuery, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { MessageAuditEntry, MessageRepository } from '../../domain/social/ports.js';
import type { SocialMessage } from '../../domain/social/social.js';
import { putWithHistory } from './versioned-write.js';

/**
 * A campaign's messages are few (tens): one partition per campaign holds them all, and each
 * message's history is its own partition in version order, never rewritten.
 */
const messageKey = (year: number, id: string) => ({ PK: `SOCIAL-MESSAGES#${year}`, SK: `MESSAGE#${id}` });
const historyPartition = (id: string) => `SOCIAL-MESSAGE#${id}`;
const historyKey = (version: number) => `AUDIT#${String(version).padStart(10, '0')}`;

const strip = <T>({ PK: _pk, SK: _sk, type: _type, ...rest }: Record<string, unknown>): T => rest as T;

export class DynamoMessageRepository implements MessageRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async listByCampaign(campaignYear: number): Promise<SocialMessage[]> {
    const messages: SocialMessage[] = [];
    const pages = paginateQuery(
      { client: this.client },
      { TableName: this.tableName, KeyConditionExpression: 'PK = :pk AND begins_with(SK, :message)', ExpressionAttributeValues: { ':pk': `SOCIAL-MESSAGES#${campaignYear}`, ':message': 'MESSAGE#' } },
    );
    for await (const page of pages) messages.push(...(page.Items ?? []).map((item) => strip<SocialMessage>(item)));
    return messages.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async get(campaignYear: number, id: string): Promise<SocialMessage | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: messageKey(campaignYear, id), ConsistentRead: true }));
    return Item ? strip<SocialMessage>(Item) : undefined;
  }

  save(next: SocialMessage, expectedVersion: number | undefined, entry: MessageAuditEntry): Promise<void> {
    return putWithHistory(
      this.client,
      this.tableName,
      { ...messageKey(next.campaignYear, next.id), type: 'social-message', ...next },
      expectedVersion,
      { PK: historyPartition(entry.messageId), SK: historyKey(entry.version), type: 'social-message-audit', ...entry },
    );
  }

  async history(_campaignYear: number, id: string): Promise<MessageAuditEntry[]> {
    const { Items = [] } = await this.client.send(
      new QueryCommand({ TableName: this.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': historyPartition(id) }, ScanIndexForward: false }),
    );
    return Items.map((item) => strip<MessageAuditEntry>(item));
  }
}
