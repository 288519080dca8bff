import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { createDocumentClient } from '../../../functions/adapters/dynamodb/client.js';
import { ensureTable } from '../../../functions/adapters/dynamodb/create-table.js';
import { DynamoDeliveryStore, type DynamoDeliveryStoreOptions } from '../../../functions/adapters/dynamodb/dynamo-delivery-store.js';
import { SandboxNetworks, type SandboxOptions } from '../../../functions/adapters/social/sandbox-network.js';
import { messageComposer } from '../../../functions/domain/social/dispatch/message-composer.js';
import type { DispatchDeps, DispatchPolicy } from '../../../functions/domain/social/dispatch/ports.js';
import type { ConnectedAccount, DeliveryTarget, Platform, SocialMessage } from '../../../functions/domain/social/social.js';

/** A fresh table in the run's DynamoDB Local, and a document client for it. */
export async function deliveryTable(options?: DynamoDeliveryStoreOptions) {
  const endpoint = inject('dynamoEndpoint');
  const tableName = `test-${randomUUID()}`;
  const admin = new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  await ensureTable(admin, tableName);
  admin.destroy();
  const client = createDocumentClient({ region: 'local', endpoint });
  return { client, tableName, store: new DynamoDeliveryStore(client, tableName, options) };
}

export const message = (id: string, overrides: Partial<SocialMessage> = {}): SocialMessage => ({
  id,
  campaignYear: 2026,
  title: 'World Day 2026',
  variants: (['mastodon', 'bluesky'] as const).map((platform) => ({
    language: 'en',
    platform,
    text: 'Human trafficking is a crime that hides in plain sight.',
    hashtags: ['EndHumanTrafficking', 'BlueHeart'],
    link: 'https://www.unodc.org/blueheart/',
    mediaIds: [],
    altText: {},
    alternatives: ['Trafficked people are in our streets, fields and factories.', 'Look closer: trafficking hides in plain sight.'],
  })),
  schedule: { kind: 'instant', at: '2026-07-30T07:00:00.000Z' },
  status: 'sending',
  createdBy: 'manager-a@blueheart.local',
  createdAt: '2026-07-01T00:00:00.000Z',
  approvedBy: 'manager-b@blueheart.local',
  version: 4,
  ...overrides,
});

/**
 * N supporters who lent an account (half Mastodon, half Bluesky) on the sandbox, the accounts
 * the dispatcher reads (in memory: the lead's repository is not the subject here), and the deps
 * of a dispatcher posting the message's real text (variant, wording per account, hashtags,
 * tagged link). Tokens are "sealed" by a reversible prefix.
 */
export function sandboxWorld(count: number, sandboxOptions: SandboxOptions, messages: SocialMessage[]) {
  const sandbox = new SandboxNetworks(sandboxOptions);
  const accounts = new Map<string, ConnectedAccount>();
  const targets: DeliveryTarget[] = [];
  const expiredCalls: string[] = [];
  for (let i = 0; i < count; i++) {
    const platform: Platform = i % 2 === 0 ? 'mastodon' : 'bluesky';
    const handle = platform === 'mastodon' ? `@supporter${i}@mastodon.sandbox` : `supporter${i}.bsky.sandbox`;
    const connected = sandbox.connect(platform, handle);
    const id = `acct-${String(i).padStart(6, '0')}`;
    accounts.set(id, {
      id, owner: 'supporter', platform, handle, followers: connected.followers, language: 'en', timeZone: 'UTC',
      encryptedToken: `sealed:${connected.token}`, campaignYear: 2026, connectedAt: '2026-07-01T00:00:00.000Z', status: 'active',
    });
    targets.push({ kind: 'supporter', id, platform, language: 'en', timeZone: 'UTC', followers: connected.followers });
  }
  let tokens = 0;
  const depsFor = (store: DispatchDeps['deliveries'], policy: Partial<DispatchPolicy>): DispatchDeps => ({
    deliveries: store,
    accounts: {
      get: async (id) => {
        const found = accounts.get(id);
        return found && { ...found };
      },
      tokenExpired: async (account) => {
        expiredCalls.push(account.id);
        const current = accounts.get(account.id);
        if (current?.status === 'active') accounts.set(account.id, { ...current, status: 'expired' });
      },
    },
    tokens: { seal: async (text) => `sealed:${text}`, open: async (sealed) => sealed.replace(/^sealed:/, '') },
    networks: (platform) => sandbox.network(platform),
    posts: messageComposer({ message: async (id) => messages.find((m) => m.id === id) }),
    clock: { now: () => new Date() },
    newToken: () => `claim-${++tokens}-${randomUUID()}`,
    policy,
  });
  return { sandbox, accounts, targets, expiredCalls, depsFor };
}

/** Polls until `check` holds (or fails after `timeoutMs`). */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 20_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
