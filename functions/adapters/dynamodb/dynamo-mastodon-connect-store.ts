import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ConnectFlow, ConnectFlowStore, MastodonApp, MastodonAppStore } from '../../domain/social/mastodon-connect/ports.js';
import { epochSeconds } from '../../domain/shared/clock.js';

/**
 * Mastodon connections in the single table:
 *
 *   MASTODON-APP#<host>        / APP#<redirect URI>   our OAuth app on one instance (client id, sealed secret, scopes)
 *   MASTODON-CONNECT#<flow id> / FLOW                 a connection under way: PKCE verifier, sealed email (TTL)
 *
 * - The app of an instance: GetItem, consistent (a connection that just registered it must see
 *   it). Registering: Put **if absent, or kept for other scopes**, so concurrent first
 *   connections keep one app and the others read it back.
 * - A flow: Put if absent at the start; at the callback, Delete **if present** returning the old
 *   item, so exactly one callback gets the verifier (a replay gets nothing). Items expire by TTL
 *   (`expiresAt`) when a supporter never comes back.
 */
export class DynamoMastodonConnectStore implements MastodonAppStore, ConnectFlowStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(host: string, redirectUri: string): Promise<MastodonApp | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: appKey(host, redirectUri), ConsistentRead: true }));
    if (!Item) return undefined;
    const { host: itemHost, redirectUri: itemRedirect, scopes, clientId, sealedClientSecret, registeredAt } = Item as MastodonApp;
    return { host: itemHost, redirectUri: itemRedirect, scopes, clientId, sealedClientSecret, registeredAt };
  }

  async putIfAbsent(app: MastodonApp): Promise<boolean> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...appKey(app.host, app.redirectUri), type: 'mastodon-app', ...app },
          ConditionExpression: 'attribute_not_exists(PK) OR scopes <> :scopes',
          ExpressionAttributeValues: { ':scopes': app.scopes },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async create(flow: ConnectFlow): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...flowKey(flow.id),
          type: 'mastodon-connect',
          verifier: flow.verifier,
          ...(flow.sealedEmail ? { sealedEmail: flow.sealedEmail } : {}),
          expiresAt: epochSeconds(flow.expiresAt),
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  }

  async take(id: string): Promise<ConnectFlow | undefined> {
    try {
      const { Attributes } = await this.client.send(
        new DeleteCommand({ TableName: this.tableName, Key: flowKey(id), ConditionExpression: 'attribute_exists(PK)', ReturnValues: 'ALL_OLD' }),
      );
      if (!Attributes) return undefined;
      return {
        id,
        verifier: String(Attributes.verifier),
        ...(typeof Attributes.sealedEmail === 'string' ? { sealedEmail: Attributes.sealedEmail } : {}),
        expiresAt: new Date(Number(Attributes.expiresAt) * 1000),
      };
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
  }
}

const appKey = (host: string, redirectUri: string) => ({ PK: `MASTODON-APP#${host}`, SK: `APP#${redirectUri}` });
const flowKey = (id: string) => ({ PK: `MASTODON-CONNECT#${id}`, SK: 'FLOW' });
