import { randomUUID } from 'node:crypto';
import { KMSClient } from '@aws-sdk/client-kms';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import { KmsTokenBox } from '../adapters/crypto/kms-token-box.js';
import { LocalTokenBox } from '../adapters/crypto/token-box.js';
import { createDocumentClient } from '../adapters/dynamodb/client.js';
import { DynamoAccountStore } from '../adapters/dynamodb/dynamo-account-store.js';
import { DynamoDeliveryStore } from '../adapters/dynamodb/dynamo-delivery-store.js';
import { DynamoMessageRepository } from '../adapters/dynamodb/dynamo-message-repository.js';
import { createLogger, describeError, type Logger } from '../adapters/log/logger.js';
import { BlueskyNetwork } from '../adapters/social/bluesky-network.js';
import { FacebookNetwork } from '../adapters/social/facebook-network.js';
import { LinkedInNetwork } from '../adapters/social/linkedin-network.js';
import { MastodonNetwork } from '../adapters/social/mastodon-network.js';
import { XNetwork } from '../adapters/social/x-network.js';
import { sandboxLendingNetworks } from '../adapters/social/sandbox-lending.js';
import { SandboxNetworks } from '../adapters/social/sandbox-network.js';
import { SqsDeliveryQueue } from '../adapters/sqs/sqs-delivery-queue.js';
import { systemClock, type Clock } from '../domain/shared/clock.js';
import { askToReconnect, type ReconnectDeps } from '../domain/social/ask-to-reconnect.js';
import { messageComposer } from '../domain/social/dispatch/message-composer.js';
import type { DeliveryQueue, DispatchDeps } from '../domain/social/dispatch/ports.js';
import type { MessageRepository, SocialNetwork, TokenBox } from '../domain/social/ports.js';
import { sendingCampaignYears, type SendDueDeps } from '../domain/social/send-due-messages.js';
import type { Platform, SocialMessage } from '../domain/social/social.js';
import { ConfigError, envSchema, type Env } from './env.js';

/**
 * The composition of coordinated social messages on AWS (infra/stacks/social-stack.ts): the
 * every-minute step (functions/handlers/scheduled/send-due-messages.ts) and the SQS worker
 * (functions/handlers/social-worker.ts). Locally the same domain runs in-process
 * (functions/dev/social-worker.ts) with the deps `createDeps` builds.
 *
 * These functions get a smaller environment than the API: no app secret, no mail, no sign-in.
 * The step needs the table and the queue; the worker also the KMS key that opens credentials.
 */
export const socialDispatchEnvSchema = envSchema
  .pick({ STAGE: true, AWS_REGION: true, TABLE_NAME: true, DYNAMODB_ENDPOINT: true, LOG_LEVEL: true, SOCIAL_TOKEN_KEY_ARN: true })
  .extend({ SOCIAL_QUEUE_URL: envSchema.shape.SOCIAL_QUEUE_URL.unwrap() });

export type SocialDispatchEnv = z.infer<typeof socialDispatchEnvSchema>;

/** Parses the step's or the worker's environment, or throws a ConfigError listing every problem. */
export function loadSocialDispatchEnv(source: Record<string, string | undefined> = process.env): SocialDispatchEnv {
  const result = socialDispatchEnvSchema.safeParse(source);
  if (!result.success) throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  return result.data;
}

/**
 * The one rule for which box seals social credentials, for the API (which seals what supporters
 * lend) and the worker (which opens it) alike: the KMS key when SOCIAL_TOKEN_KEY_ARN is set (AWS),
 * else a key derived from the app secret (`npm start`, tests). A token sealed by one does not
 * open with the other (`kms1.` vs `v1.`), so both sides must be configured the same way.
 */
export function socialTokenBox(env: Pick<Env, 'AWS_REGION' | 'SOCIAL_TOKEN_KEY_ARN'>, appSecret: string | undefined, kms?: KMSClient): TokenBox {
  if (env.SOCIAL_TOKEN_KEY_ARN) return new KmsTokenBox(kms ?? new KMSClient({ region: env.AWS_REGION }), env.SOCIAL_TOKEN_KEY_ARN);
  if (!appSecret) throw new ConfigError(['SOCIAL_TOKEN_KEY_ARN: social credentials are sealed with this KMS key on AWS (or with the app secret locally); neither is set']);
  return LocalTokenBox.fromAppSecret(appSecret);
}

/**
 * The real networks, one adapter for each platform that has one: Mastodon and Bluesky for
 * supporters' and the organisation's accounts; X, Facebook Pages and LinkedIn for the
 * organisation's own accounts only (they forbid posting on others' behalf: a share-only
 * supporter there is emailed a share link, and the dispatcher does that before it looks up a
 * network). Threads has none.
 */
export function platformNetworks(): Partial<Record<Platform, SocialNetwork>> {
  return { mastodon: new MastodonNetwork(), bluesky: new BlueskyNetwork(), x: new XNetwork(), facebook: new FacebookNetwork(), linkedin: new LinkedInNetwork() };
}

/**
 * The networks the dispatcher posts through, as `createDeps` chooses them for lending: the
 * sandbox (every platform) on local and test stages, `platformNetworks()` otherwise.
 */
export function dispatchNetworks(stage: Env['STAGE']): (platform: Platform) => SocialNetwork | undefined {
  const networks: Partial<Record<Platform, SocialNetwork>> = stage === 'local' || stage === 'test' ? sandboxLendingNetworks(new SandboxNetworks()) : platformNetworks();
  return (platform) => networks[platform];
}

/**
 * A message by id alone (a job names no campaign): the campaigns the every-minute step sends
 * for (this year's, last and next), this year's first. One consistent read, rarely three, per
 * message and process: the composer keeps what it read.
 */
export function messageById(repository: MessageRepository, clock: Clock): (id: string) => Promise<SocialMessage | undefined> {
  return async (id) => {
    for (const campaignYear of sendingCampaignYears(clock.now())) {
      const message = await repository.get(campaignYear, id);
      if (message) return message;
    }
    return undefined;
  };
}

export interface SocialDispatchOptions {
  clock?: Clock;
  logger?: Logger;
  documents?: DynamoDBDocumentClient;
  sqs?: SQSClient;
  kms?: KMSClient;
  networks?: (platform: Platform) => SocialNetwork | undefined;
}

function common(env: SocialDispatchEnv, options: SocialDispatchOptions) {
  const documents = options.documents ?? createDocumentClient({ region: env.AWS_REGION, endpoint: env.DYNAMODB_ENDPOINT });
  const sqs = options.sqs ?? new SQSClient({ region: env.AWS_REGION });
  return {
    clock: options.clock ?? systemClock,
    logger: options.logger ?? createLogger(env.LOG_LEVEL),
    documents,
    queue: new SqsDeliveryQueue(sqs, env.SOCIAL_QUEUE_URL),
    deliveries: new DynamoDeliveryStore(documents, env.TABLE_NAME),
    accounts: new DynamoAccountStore(documents, env.TABLE_NAME),
    messages: new DynamoMessageRepository(documents, env.TABLE_NAME),
  };
}

/** What the every-minute step needs: messages, accounts (the targets), the delivery records, the queue. */
export function createSendDueDeps(env: SocialDispatchEnv, options: SocialDispatchOptions = {}): { deps: SendDueDeps; logger: Logger } {
  const { clock, logger, queue, deliveries, accounts, messages } = common(env, options);
  return { deps: { messages, clock, newId: randomUUID, deliveries, queue, accounts }, logger };
}

/**
 * What the worker needs: `DispatchDeps` over DynamoDB, the KMS token box and the networks, and
 * the queue it sends jobs back to (retries, and jobs that arrived before their time).
 *
 * Not wired yet, and left to the domain's owners: the email channel (email targets fail with
 * "no email channel is configured"), media (posts go without the media kit's images), and the
 * reconnect email on an expired token (the account is marked expired, and the worker logs it).
 */
export function createSocialWorkerDeps(env: SocialDispatchEnv, options: SocialDispatchOptions = {}): { deps: DispatchDeps; queue: DeliveryQueue; logger: Logger } {
  if (!env.SOCIAL_TOKEN_KEY_ARN) throw new ConfigError(['SOCIAL_TOKEN_KEY_ARN: the worker opens sealed credentials with this KMS key']);
  const { clock, logger, queue, deliveries, accounts, messages } = common(env, options);
  const deps = dispatchDeps({ deliveries, accounts, tokens: socialTokenBox(env, undefined, options.kms), networks: options.networks ?? dispatchNetworks(env.STAGE), messages, clock, logger });
  return { deps, queue, logger };
}

/**
 * `DispatchDeps` from its parts, for the worker Lambda and for `npm start` alike: an expired
 * token marks the account expired and, with `reconnect`, asks its owner to reconnect (once per
 * expiry: the daily token health check may have asked already, and asks again if this email
 * fails); posts are composed from the message itself.
 */
export function dispatchDeps(parts: {
  deliveries: DispatchDeps['deliveries'];
  accounts: Pick<DynamoAccountStore, 'get' | 'markExpired' | 'claimReconnect' | 'finishReconnect'>;
  /** Mail, revoke links and the managers' mailbox (functions/config/token-health.ts `reconnectParts`); without it the expiry is only logged. */
  reconnect?: Omit<ReconnectDeps, 'accounts' | 'clock'>;
  tokens: TokenBox;
  networks: (platform: Platform) => SocialNetwork | undefined;
  messages: MessageRepository;
  clock: Clock;
  logger: Logger;
}): DispatchDeps {
  const { accounts, clock, logger } = parts;
  return {
    deliveries: parts.deliveries,
    accounts: {
      get: (id) => accounts.get(id),
      async tokenExpired(account, at) {
        const after = await accounts.markExpired(account.id, at);
        logger.warn('social account refused by its platform: marked expired, its owner must reconnect', { accountId: account.id, owner: account.owner, platform: account.platform, status: after?.status });
        if (after?.status !== 'expired' || !parts.reconnect) return;
        try {
          const asked = await askToReconnect({ ...parts.reconnect, accounts, clock }, account.id);
          logger.info('social account refused: reconnect', { accountId: account.id, owner: account.owner, asked });
        } catch (error) {
          // The delivery still fails as expired; the daily token health check asks again.
          logger.warn('social account refused: the reconnect email could not be sent', { accountId: account.id, owner: account.owner, ...describeError(error) });
        }
      },
    },
    tokens: parts.tokens,
    networks: parts.networks,
    posts: messageComposer({ message: messageById(parts.messages, clock) }),
    clock,
    newToken: randomUUID,
    warn: (message, fields) => logger.warn(message, fields),
  };
}
