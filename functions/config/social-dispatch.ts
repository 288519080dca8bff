import { randomUUID } from 'node:crypto';
import { KMSClient } from '@aws-sdk/client-kms';
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { KmsTokenBox } from '../adapters/crypto/kms-token-box.js';
import { LocalTokenBox } from '../adapters/crypto/token-box.js';
import { createDocumentClient } from '../adapters/dynamodb/client.js';
import { DynamoAccountStore } from '../adapters/dynamodb/dynamo-account-store.js';
import { DynamoDeliveryStore } from '../adapters/dynamodb/dynamo-delivery-store.js';
import { DynamoMessageRepository } from '../adapters/dynamodb/dynamo-message-repository.js';
import { createLogger, describeError, type Logger } from '../adapters/log/logger.js';
import { traced } from '../adapters/aws/traced-client.js';
import type { Metrics } from '../domain/shared/metrics.js';
import { BlueskyNetwork } from '../adapters/social/bluesky-network.js';
import { FacebookNetwork } from '../adapters/social/facebook-network.js';
import { LinkedInNetwork } from '../adapters/social/linkedin-network.js';
import { MastodonNetwork } from '../adapters/social/mastodon-network.js';
import { XNetwork } from '../adapters/social/x-network.js';
import { sandboxLendingNetworks } from '../adapters/social/sandbox-lending.js';
import { SandboxNetworks } from '../adapters/social/sandbox-network.js';
import { SqsDeliveryQueue } from '../adapters/sqs/sqs-delivery-queue.js';
import { deriveKeys } from '../adapters/crypto/keys.js';
import { HmacTokenSigner } from '../adapters/crypto/signed-tokens.js';
import { DynamoPledgeStore } from '../adapters/dynamodb/dynamo-pledge-store.js';
import { SesMailer, type SesSettings } from '../adapters/ses/ses-mailer.js';
import { createSesMessageClient, SesMessageMailer } from '../adapters/ses/ses-message-mailer.js';
import type { PledgeStore, TokenSigner } from '../domain/pledges/ports.js';
import { messageEmailChannel } from '../domain/social/email-channel.js';
import { campaignPath, mediaHref, pageHref } from '../../web/site/paths.js';
import { resolveAppSecret } from './app-secret.js';
import { systemClock, type Clock } from '../domain/shared/clock.js';
import { askToReconnect, type ReconnectDeps } from '../domain/social/ask-to-reconnect.js';
import { DynamoCampaignRepository } from '../adapters/dynamodb/dynamo-campaign-repository.js';
import type { CampaignRepository } from '../domain/campaigns/ports.js';
import { mediaFromKit, messageComposer, type MediaKitSource } from '../domain/social/dispatch/message-composer.js';
import { mediaKitOf } from '../domain/social/message-media.js';
import type { DeliveryQueue, DispatchDeps, EmailChannel } from '../domain/social/dispatch/ports.js';
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
 * These functions get a smaller environment than the API: no sign-in, no payments. The step
 * needs the table and the queue; the worker also the KMS key that opens credentials, and the
 * mail (the sender, the public URL and the app secret that signs the links in its emails),
 * which are optional here and required by `createSocialWorkerDeps`.
 */
export const socialDispatchEnvSchema = envSchema
  .pick({ STAGE: true, AWS_REGION: true, TABLE_NAME: true, DYNAMODB_ENDPOINT: true, LOG_LEVEL: true, SOCIAL_TOKEN_KEY_ARN: true })
  .extend({ SOCIAL_QUEUE_URL: envSchema.shape.SOCIAL_QUEUE_URL.unwrap() })
  .extend(envSchema.pick({ SES_ENDPOINT: true, SES_CONFIGURATION_SET: true, APP_SECRET: true, APP_SECRET_ARN: true, MANAGERS_EMAIL: true }).shape)
  .extend({
    SES_FROM_ADDRESS: envSchema.shape.SES_FROM_ADDRESS.optional(),
    PUBLIC_URL: envSchema.shape.PUBLIC_URL.optional(),
    /** The emails one worker sends a second at most: its share of SES's sending rate (infra/stacks/social-stack.ts divides it). */
    SOCIAL_EMAILS_PER_SECOND: z.coerce.number().positive('must be above 0').max(1_000, 'must be at most 1000').default(14),
    /**
     * How long one run of the every-minute step keeps fanning out before it saves where it got to
     * and stops (the next run goes on): the function's timeout less a margin (infra/stacks/social-stack.ts).
     */
    SOCIAL_FAN_OUT_BUDGET_SECONDS: z.coerce.number().int('must be whole seconds').min(1, 'must be at least 1').max(840, 'must be at most 840').optional(),
  });

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
  if (env.SOCIAL_TOKEN_KEY_ARN) return new KmsTokenBox(kms ?? traced(new KMSClient({ region: env.AWS_REGION })), env.SOCIAL_TOKEN_KEY_ARN);
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
  ses?: SESv2Client;
  networks?: (platform: Platform) => SocialNetwork | undefined;
  /** Posts and emails delivered, failed or skipped (the worker; default: not counted). */
  metrics?: Metrics;
}

function common(env: SocialDispatchEnv, options: SocialDispatchOptions) {
  const documents = options.documents ?? createDocumentClient({ region: env.AWS_REGION, endpoint: env.DYNAMODB_ENDPOINT });
  const sqs = options.sqs ?? traced(new SQSClient({ region: env.AWS_REGION }));
  return {
    clock: options.clock ?? systemClock,
    logger: options.logger ?? createLogger(env.LOG_LEVEL),
    documents,
    queue: new SqsDeliveryQueue(sqs, env.SOCIAL_QUEUE_URL),
    deliveries: new DynamoDeliveryStore(documents, env.TABLE_NAME),
    accounts: new DynamoAccountStore(documents, env.TABLE_NAME),
    messages: new DynamoMessageRepository(documents, env.TABLE_NAME),
    pledges: new DynamoPledgeStore(documents, env.TABLE_NAME, options.clock ?? systemClock),
  };
}

/** What the every-minute step needs: messages, accounts and pledgers (the targets), the delivery records and the fan-out's progress, the queue, its time budget. */
export function createSendDueDeps(env: SocialDispatchEnv, options: SocialDispatchOptions = {}): { deps: SendDueDeps; logger: Logger } {
  const { clock, logger, queue, deliveries, accounts, messages, pledges } = common(env, options);
  const fanOutPolicy = env.SOCIAL_FAN_OUT_BUDGET_SECONDS ? { fanOutPolicy: { budgetMs: env.SOCIAL_FAN_OUT_BUDGET_SECONDS * 1000 } } : {};
  const note = (message: string, fields: Record<string, unknown>) => logger.info(message, fields);
  return { deps: { messages, clock, newId: randomUUID, deliveries, queue, accounts, pledges, note, ...fanOutPolicy }, logger };
}

/**
 * What the worker needs: `DispatchDeps` over DynamoDB, the KMS token box and the networks, and
 * the queue it sends jobs back to (retries, and jobs that arrived before their time).
 *
 * Email at the moment (pledgers' updates, share-only supporters' share links) goes through SES
 * as SES_FROM_ADDRESS, with links signed with the app secret (read from Secrets Manager at the
 * first email, so building stays synchronous and cheap).
 *
 * Media come from the campaign's media kit, fetched by the networks at PUBLIC_URL.
 *
 * An expired token marks the account expired and emails its owner to reconnect (once per expiry;
 * MANAGERS_EMAIL for the organisation's accounts).
 */
export function createSocialWorkerDeps(env: SocialDispatchEnv, options: SocialDispatchOptions = {}): { deps: DispatchDeps; queue: DeliveryQueue; logger: Logger } {
  const problems = [
    ...(env.SOCIAL_TOKEN_KEY_ARN ? [] : ['SOCIAL_TOKEN_KEY_ARN: the worker opens sealed credentials with this KMS key']),
    ...(env.SES_FROM_ADDRESS ? [] : ['SES_FROM_ADDRESS: the worker emails pledgers and share-only supporters at the moment']),
    ...(env.PUBLIC_URL ? [] : ['PUBLIC_URL: the links in the worker’s emails point there']),
    ...(env.APP_SECRET || env.APP_SECRET_ARN ? [] : ['APP_SECRET or APP_SECRET_ARN: the unsubscribe and revoke links in the worker’s emails are signed with it']),
  ];
  if (problems.length > 0) throw new ConfigError(problems);
  const { clock, logger, documents, queue, deliveries, accounts, messages, pledges } = common(env, options);
  const tokenBox = socialTokenBox(env, undefined, options.kms);
  const signer = readOnce(async () => new HmacTokenSigner(deriveKeys(await resolveAppSecret(env)).tokens));
  const ses = options.ses ?? createSesMessageClient({ region: env.AWS_REGION, endpoint: env.SES_ENDPOINT });
  const email = socialEmailChannel({
    pledges,
    messages,
    tokenBox,
    signer,
    ses,
    sender: { from: env.SES_FROM_ADDRESS!, configurationSet: env.SES_CONFIGURATION_SET },
    emailsPerSecond: env.SOCIAL_EMAILS_PER_SECOND,
    publicUrl: env.PUBLIC_URL!,
    clock,
  });
  const media = campaignMedia(new DynamoCampaignRepository(documents, env.TABLE_NAME), env.PUBLIC_URL!);
  // An expired token's owner is asked to reconnect by plain email (no delivery's rate or tag), with the managers' mailbox for the organisation's accounts.
  const reconnect = reconnectParts({ PUBLIC_URL: env.PUBLIC_URL!, MANAGERS_EMAIL: env.MANAGERS_EMAIL }, {
    tokenBox,
    mailer: new SesMailer(ses, { region: env.AWS_REGION, endpoint: env.SES_ENDPOINT, from: env.SES_FROM_ADDRESS!, configurationSet: env.SES_CONFIGURATION_SET }),
    signer,
  });
  const deps = dispatchDeps({ deliveries, accounts, reconnect, tokens: tokenBox, networks: options.networks ?? dispatchNetworks(env.STAGE), messages, media, email, clock, logger, metrics: options.metrics });
  return { deps, queue, logger };
}

/**
 * The dispatcher's email channel (functions/domain/social/email-channel.ts) over SES, for the
 * worker Lambda and `npm start` alike: pledgers are read again at send time, messages by id,
 * and each process sends at most `emailsPerSecond`.
 */
export function socialEmailChannel(parts: {
  pledges: Pick<PledgeStore, 'get'>;
  messages: MessageRepository;
  tokenBox: Pick<TokenBox, 'open'>;
  signer: () => Promise<Pick<TokenSigner, 'sign'>>;
  ses: SESv2Client;
  sender: Pick<SesSettings, 'from' | 'configurationSet'>;
  emailsPerSecond: number;
  publicUrl: string;
  clock: Clock;
}): EmailChannel {
  const { publicUrl, clock } = parts;
  return messageEmailChannel({
    pledges: parts.pledges,
    message: messageById(parts.messages, clock),
    mailer: new SesMessageMailer(parts.ses, parts.sender, { perSecond: parts.emailsPerSecond }),
    signer: parts.signer,
    tokenBox: parts.tokenBox,
    clock,
    publicUrl,
    campaignUrl: (campaignYear, language) => `${publicUrl}${pageHref(language, campaignPath(campaignYear))}`,
  });
}

/** What asking an owner to reconnect needs besides the accounts and the clock: the daily token health check and the worker build it alike. */
export function reconnectParts(env: Pick<Env, 'PUBLIC_URL' | 'MANAGERS_EMAIL'>, parts: Pick<ReconnectDeps, 'tokenBox' | 'mailer' | 'signer'>): Omit<ReconnectDeps, 'accounts' | 'clock'> {
  return { tokenBox: parts.tokenBox, mailer: parts.mailer, signer: parts.signer, newToken: randomUUID, publicUrl: env.PUBLIC_URL, ...(env.MANAGERS_EMAIL ? { managersEmail: env.MANAGERS_EMAIL } : {}) };
}

/** An answer read once and kept; a failed read is tried again at the next call. */
function readOnce<T>(read: () => Promise<T>): () => Promise<T> {
  let answer: Promise<T> | undefined;
  return () => {
    if (!answer) {
      answer = read();
      answer.catch(() => (answer = undefined));
    }
    return answer;
  };
}

/**
 * A message's media as the networks fetch them: its campaign's media kit (the draft's items,
 * then the live ones: `mediaKitOf`), each file at the site's public URL (`/media/<year>/<file>`,
 * served by CloudFront from the site bucket on AWS and by the local site server with `npm start`).
 */
export function campaignMedia(campaigns: Pick<CampaignRepository, 'get'>, publicUrl: string): MediaKitSource {
  return {
    kit: async (campaignYear) => mediaKitOf(await campaigns.get(campaignYear)),
    url: (campaignYear, item) => `${publicUrl}${mediaHref(campaignYear, item.file)}`,
  };
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
  /** Where posts' media come from (`campaignMedia`); without it posts go without their media. */
  media?: MediaKitSource;
  /** Email at the moment (`socialEmailChannel`); without it email and share-link deliveries fail, saying so. */
  email?: EmailChannel;
  clock: Clock;
  logger: Logger;
  metrics?: Metrics | undefined;
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
    posts: messageComposer({ message: messageById(parts.messages, clock), ...(parts.media ? { media: mediaFromKit(parts.media) } : {}) }),
    ...(parts.email ? { email: parts.email } : {}),
    clock,
    newToken: randomUUID,
    warn: (message, fields) => logger.warn(message, fields),
    ...(parts.metrics ? { metrics: parts.metrics } : {}),
  };
}
