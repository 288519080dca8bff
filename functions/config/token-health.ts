import type { KMSClient } from '@aws-sdk/client-kms';
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import { deriveKeys } from '../adapters/crypto/keys.js';
import { HmacTokenSigner } from '../adapters/crypto/signed-tokens.js';
import { createDocumentClient } from '../adapters/dynamodb/client.js';
import { DynamoAccountStore } from '../adapters/dynamodb/dynamo-account-store.js';
import { DynamoMessageRepository } from '../adapters/dynamodb/dynamo-message-repository.js';
import { createLogger, type Logger } from '../adapters/log/logger.js';
import { createSesClient, SesMailer } from '../adapters/ses/ses-mailer.js';
import { systemClock, type Clock } from '../domain/shared/clock.js';
import type { TokenHealthDeps } from '../domain/social/check-token-health.js';
import type { SocialNetwork } from '../domain/social/ports.js';
import type { Platform } from '../domain/social/social.js';
import { resolveAppSecret } from './app-secret.js';
import { ConfigError, envSchema, type Env } from './env.js';
import { dispatchNetworks, reconnectParts, socialTokenBox } from './social-dispatch.js';

/**
 * The composition of the daily token health check (functions/handlers/scheduled/check-token-health.ts)
 * on AWS, in the social stack: it opens credentials (KMS Decrypt, like the worker), asks the
 * networks, writes accounts, and emails owners to reconnect (SES, with a revoke link signed with
 * the app secret's token key, so the API can verify it). Locally `npm start` builds the same
 * deps from `createDeps`'s (functions/dev/platform.ts).
 */
export const tokenHealthEnvSchema = envSchema.pick({
  STAGE: true,
  AWS_REGION: true,
  TABLE_NAME: true,
  DYNAMODB_ENDPOINT: true,
  LOG_LEVEL: true,
  SOCIAL_TOKEN_KEY_ARN: true,
  SES_ENDPOINT: true,
  SES_FROM_ADDRESS: true,
  SES_CONFIGURATION_SET: true,
  PUBLIC_URL: true,
  APP_SECRET: true,
  APP_SECRET_ARN: true,
  MANAGERS_EMAIL: true,
  SOCIAL_TOKEN_CHECK_DAYS: true,
});

export type TokenHealthEnv = z.infer<typeof tokenHealthEnvSchema>;

/** Parses the check's environment, or throws a ConfigError listing every problem. */
export function loadTokenHealthEnv(source: Record<string, string | undefined> = process.env): TokenHealthEnv {
  const result = tokenHealthEnvSchema.safeParse(source);
  const problems = result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  if (result.success && !result.data.APP_SECRET && !result.data.APP_SECRET_ARN) problems.push('APP_SECRET or APP_SECRET_ARN: the revoke links in reconnect emails are signed with it');
  if (problems.length > 0 || !result.success) throw new ConfigError(problems);
  return result.data;
}

/** The check's deps from their parts, for the Lambda and for `npm start` alike. */
export function tokenHealthDeps(parts: Omit<TokenHealthDeps, 'policy' | 'warn'> & { env: Pick<Env, 'SOCIAL_TOKEN_CHECK_DAYS'>; logger: Logger }): TokenHealthDeps {
  const { env, logger, ...deps } = parts;
  return { ...deps, policy: { windowDays: env.SOCIAL_TOKEN_CHECK_DAYS }, warn: (message, fields) => logger.warn(message, fields) };
}

export interface TokenHealthOptions {
  clock?: Clock;
  logger?: Logger;
  documents?: DynamoDBDocumentClient;
  kms?: KMSClient;
  ses?: SESv2Client;
  networks?: (platform: Platform) => SocialNetwork | undefined;
}

/** The check on AWS: DynamoDB, the KMS token box, the networks, SES and the app secret's token key. */
export async function createTokenHealthDeps(env: TokenHealthEnv, options: TokenHealthOptions = {}): Promise<{ deps: TokenHealthDeps; logger: Logger }> {
  if (!env.SOCIAL_TOKEN_KEY_ARN) throw new ConfigError(['SOCIAL_TOKEN_KEY_ARN: the token health check opens sealed credentials with this KMS key']);
  const logger = options.logger ?? createLogger(env.LOG_LEVEL);
  const documents = options.documents ?? createDocumentClient({ region: env.AWS_REGION, endpoint: env.DYNAMODB_ENDPOINT });
  const ses = options.ses ?? createSesClient({ region: env.AWS_REGION, endpoint: env.SES_ENDPOINT });
  const tokenBox = socialTokenBox(env, undefined, options.kms);
  const signer = new HmacTokenSigner(deriveKeys(await resolveAppSecret(env)).tokens);
  const parts = reconnectParts(env, {
    tokenBox,
    mailer: new SesMailer(ses, { region: env.AWS_REGION, endpoint: env.SES_ENDPOINT, from: env.SES_FROM_ADDRESS, configurationSet: env.SES_CONFIGURATION_SET }),
    signer: async () => signer,
  });
  const deps = tokenHealthDeps({
    ...parts,
    env,
    logger,
    messages: new DynamoMessageRepository(documents, env.TABLE_NAME),
    accounts: new DynamoAccountStore(documents, env.TABLE_NAME),
    networks: options.networks ?? dispatchNetworks(env.STAGE),
    clock: options.clock ?? systemClock,
  });
  return { deps, logger };
}
