import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { traced } from '../adapters/aws/traced-client.js';
import type { Env } from './env.js';

/** The inline secret locally; on AWS the secret is read once per cold start, never put in env. */
export async function resolveAppSecret(env: Pick<Env, 'APP_SECRET' | 'APP_SECRET_ARN' | 'AWS_REGION'>): Promise<string> {
  if (env.APP_SECRET) return env.APP_SECRET;
  const client = traced(new SecretsManagerClient({ region: env.AWS_REGION }));
  const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: env.APP_SECRET_ARN }));
  if (!SecretString || SecretString.length < 32) throw new Error('APP_SECRET_ARN: the secret is empty or shorter than 32 characters');
  return SecretString;
}
