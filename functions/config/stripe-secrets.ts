import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { traced } from '../adapters/aws/traced-client.js';
import type { Env } from './env.js';

export interface StripeSecrets {
  secretKey: string;
  webhookSecret: string;
}

/**
 * Stripe's keys: inline (local: a test-mode key, or the stand-in's), or read once per cold start
 * from Secrets Manager on AWS (never plain-text environment variables there). Undefined when
 * payments are not configured.
 */
export async function resolveStripeSecrets(env: Pick<Env, 'STRIPE_SECRET_KEY' | 'STRIPE_WEBHOOK_SECRET' | 'STRIPE_SECRET_ARN' | 'AWS_REGION'>): Promise<StripeSecrets | undefined> {
  if (env.STRIPE_SECRET_KEY && env.STRIPE_WEBHOOK_SECRET) return { secretKey: env.STRIPE_SECRET_KEY, webhookSecret: env.STRIPE_WEBHOOK_SECRET };
  if (!env.STRIPE_SECRET_ARN) return undefined;
  const client = traced(new SecretsManagerClient({ region: env.AWS_REGION }));
  const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: env.STRIPE_SECRET_ARN }));
  const parsed = JSON.parse(SecretString ?? '{}') as Partial<StripeSecrets>;
  // The deploy creates the secret with empty values: until operators set the keys, giving is
  // "not configured" (a readable 503), not a function that fails to start.
  if (!parsed.secretKey && !parsed.webhookSecret) return undefined;
  if (!parsed.secretKey?.startsWith('sk_') || !parsed.webhookSecret?.startsWith('whsec_')) {
    throw new Error('STRIPE_SECRET_ARN: the secret must be JSON {"secretKey":"sk_…","webhookSecret":"whsec_…"}');
  }
  return { secretKey: parsed.secretKey, webhookSecret: parsed.webhookSecret };
}
