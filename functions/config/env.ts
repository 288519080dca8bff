import { z } from 'zod';

/**
 * Configuration comes from the environment and is validated once at start. The same variables
 * drive `npm start` (which fills them with its embedded engines) and the Lambda functions
 * (which CDK fills with real resources).
 */
const url = z.url({ message: 'must be an absolute URL, e.g. https://blueheart.example.org' });

export const envSchema = z.object({
  STAGE: z.enum(['local', 'test', 'dev', 'prod'], { message: 'must be one of local, test, dev, prod' }).default('local'),
  AWS_REGION: z.string().min(1, 'must name an AWS region, e.g. eu-west-1').default('us-east-1'),
  TABLE_NAME: z.string().min(3, 'must name the DynamoDB table (3 characters or more)'),
  /** Only for local engines; unset on AWS. */
  DYNAMODB_ENDPOINT: url.optional(),
  SES_ENDPOINT: url.optional(),
  SES_FROM_ADDRESS: z.email({ message: 'must be an email address SES may send from' }),
  SES_CONFIGURATION_SET: z.string().optional(),
  PUBLIC_URL: url.transform((value) => value.replace(/\/+$/, '')),
  /** One secret; every key is derived from it. Either inline (local) or a Secrets Manager ARN (AWS). */
  APP_SECRET: z.string().min(32, 'must be at least 32 characters of random data').optional(),
  APP_SECRET_ARN: z.string().startsWith('arn:', 'must be a Secrets Manager ARN').optional(),
  /**
   * AWS only, on the functions that serve HTTP: the secret whose value CloudFront sends in
   * X-Origin-Verify; /api/* then answers only requests that carry it. Unset locally: every request is served.
   */
  ORIGIN_VERIFY_SECRET_ARN: z.string().startsWith('arn:', 'must be a Secrets Manager ARN').optional(),
  AUTH_ISSUER: url,
  AUTH_JWKS_URL: url,
  AUTH_AUDIENCE: z.string().min(1, 'must name the client id tokens are issued to'),
  /** The hosted sign-in the console sends staff to (Cognito's domain; `<local>/auth` with `npm start`). Without it the console cannot sign in. */
  AUTH_SIGN_IN_URL: url.transform((value) => value.replace(/\/+$/, '')).optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** AWS only: the function that renders and uploads the site; unset locally (in-process publisher). */
  /** Stripe: inline locally (test-mode key or the stand-in's), or one Secrets Manager secret on AWS. */
  STRIPE_SECRET_KEY: z.string().startsWith('sk_', 'must be a Stripe secret key (sk_test_… or sk_live_…)').optional(),
  STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_', 'must be a Stripe webhook signing secret (whsec_…)').optional(),
  /** ARN of a secret holding {"secretKey":"sk_…","webhookSecret":"whsec_…"}. */
  STRIPE_SECRET_ARN: z.string().startsWith('arn:', 'must be a Secrets Manager ARN').optional(),
  /** Local only: the Stripe stand-in's address; unset for real Stripe. */
  STRIPE_API_URL: url.optional(),
  /** AWS only: the site bucket, whose media/ prefix takes presigned media kit uploads. */
  MEDIA_BUCKET: z.string().min(3, 'must name the site bucket').optional(),
  PUBLISH_FUNCTION_NAME: z.string().min(1, 'must name the publish Lambda function').optional(),
  /** AWS only: the SQS queue of social delivery jobs (the every-minute step and the worker send to it); locally an in-process queue. */
  SOCIAL_QUEUE_URL: url.optional(),
  /** AWS only: the KMS key that seals social-network credentials; unset locally (a key derived from the app secret). */
  SOCIAL_TOKEN_KEY_ARN: z.string().startsWith('arn:', 'must be a KMS key ARN').optional(),
  /** Where the nightly reconciliation summary goes (a finance team mailbox). */
  FINANCE_EMAIL: z.email({ message: 'must be the finance team\'s email address' }).optional(),
  /** The managers' mailbox: told when one of the organisation's social accounts must be connected again (else only the console shows it). */
  MANAGERS_EMAIL: z.email({ message: "must be the managers' email address" }).optional(),
  /** The daily token health check tries the accounts of the messages whose moment is at most this many days ahead. */
  SOCIAL_TOKEN_CHECK_DAYS: z.coerce.number().int('must be a whole number of days').min(1, 'must be at least 1 day').max(30, 'must be at most 30 days').default(3),
  /** The currency finance reports in: the fund's bank account currency. */
  REPORTING_CURRENCY: z.string().regex(/^[a-z]{3}$/, 'must be a lower-case ISO 4217 code, e.g. usd').default('usd'),
});

export type Env = z.infer<typeof envSchema>;

/**
 * The publish function's smaller configuration: it reads campaigns and stats, renders, writes
 * the site bucket and invalidates the distribution; no secret, no mail, no sign-in.
 */
export const publishEnvSchema = envSchema.pick({ STAGE: true, AWS_REGION: true, TABLE_NAME: true, DYNAMODB_ENDPOINT: true, PUBLIC_URL: true, LOG_LEVEL: true }).extend({
  SITE_BUCKET: z.string().min(3, 'must name the site bucket'),
  DISTRIBUTION_ID: z.string().min(1, 'must be the CloudFront distribution id'),
});

export type PublishEnv = z.infer<typeof publishEnvSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment, or throws a ConfigError listing every missing or bad value. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  const problems = result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  if (result.success && !result.data.APP_SECRET && !result.data.APP_SECRET_ARN) {
    problems.push('APP_SECRET or APP_SECRET_ARN: one of them must be set');
  }
  if (problems.length > 0 || !result.success) throw new ConfigError(problems);
  return result.data;
}

/** Parses the publish function's environment, or throws a ConfigError listing every problem. */
export function loadPublishEnv(source: Record<string, string | undefined> = process.env): PublishEnv {
  const result = publishEnvSchema.safeParse(source);
  if (!result.success) throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  return result.data;
}
