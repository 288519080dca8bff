import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import type { MessageVariant, SocialMessage } from '../../../functions/domain/social/social.js';
import type { TestPlatform } from '../../support/test-platform.js';

/** A variant as a manager writes it; `alternatives` are the approved rewordings supporters spread over. */
export const variant = (language: MessageVariant['language'], platform: MessageVariant['platform'], text: string, alternatives: string[] = []): MessageVariant => ({
  language,
  platform,
  text,
  hashtags: ['EndHumanTrafficking'],
  link: 'https://www.unodc.org/bluehearts',
  mediaIds: [],
  altText: {},
  alternatives,
});

export const WORLD_DAY_VARIANTS: MessageVariant[] = [
  variant('en', 'bluesky', 'Today is World Day against Trafficking in Persons. Wear the Blue Heart.', ['On World Day, we stand with victims of trafficking. #BlueHeart', 'Trafficking hides in plain sight. Wear the Blue Heart today.']),
  variant('es', 'bluesky', 'Hoy es el Día Mundial contra la Trata de Personas. Lleva el Corazón Azul.', ['En el Día Mundial estamos con las víctimas de la trata.', 'La trata se esconde a la vista de todos. Lleva el Corazón Azul.']),
  variant('en', 'mastodon', 'Today is World Day against Trafficking in Persons. Wear the Blue Heart.'),
  variant('ar', 'mastodon', 'اليوم هو اليوم العالمي لمكافحة الاتجار بالأشخاص. ارتدِ القلب الأزرق.'),
  variant('en', 'x', 'Today: World Day against Trafficking in Persons. #BlueHeart'),
  variant('es', 'x', 'Hoy: Día Mundial contra la Trata de Personas. #CorazónAzul'),
];

/**
 * A message as the managers leave it once approved (and, with `schedule`, scheduled), written
 * straight through the repository: the workflow itself is tested elsewhere.
 */
export async function approvedMessage(platform: TestPlatform, campaignYear: number, options: { schedule?: SocialMessage['schedule']; variants?: MessageVariant[] } = {}): Promise<SocialMessage> {
  const at = platform.clock.now().toISOString();
  const message: SocialMessage = {
    id: randomUUID(),
    campaignYear,
    title: `World Day ${campaignYear}`,
    variants: options.variants ?? WORLD_DAY_VARIANTS,
    status: options.schedule ? 'scheduled' : 'approved',
    ...(options.schedule ? { schedule: options.schedule } : {}),
    createdBy: 'manager@blueheart.local',
    createdAt: at,
    submittedBy: 'manager@blueheart.local',
    approvedBy: 'manager2@blueheart.local',
    version: 3,
  };
  await platform.deps.social.messages.save(message, undefined, { messageId: message.id, version: 3, at, by: 'manager2@blueheart.local', action: 'message.approve', before: 'in_review', after: message.status });
  return message;
}

/** The table as DynamoDB holds it, to check what is (and is not) stored. */
export function rawTable(platform: TestPlatform) {
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
  );
  return {
    item: async (PK: string, SK: string) => (await client.send(new GetCommand({ TableName: platform.tableName, Key: { PK, SK }, ConsistentRead: true }))).Item,
    partition: async (PK: string) =>
      (await client.send(new QueryCommand({ TableName: platform.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': PK }, ConsistentRead: true }))).Items ?? [],
    destroy: () => client.destroy(),
  };
}

export interface ApiAnswer<T = Record<string, unknown>> {
  status: number;
  body: T & { error?: { code: string; message: string; fields?: Array<{ field: string; message: string }> } };
}

export async function answer<T = Record<string, unknown>>(response: Response | Promise<Response>): Promise<ApiAnswer<T>> {
  const r = await response;
  const text = await r.text();
  return { status: r.status, body: (text && r.headers.get('content-type')?.includes('json') ? JSON.parse(text) : { text }) as ApiAnswer<T>['body'] };
}

/** The revoke token in a lending confirmation email. */
export function revokeTokenIn(text: string | undefined): string {
  const token = /\/api\/social\/accounts\/revoke\?token=([A-Za-z0-9._-]+)/.exec(text ?? '')?.[1];
  if (!token) throw new Error('no revoke link in the email');
  return token;
}
