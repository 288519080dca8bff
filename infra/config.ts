import { z } from 'zod';
import type { Env } from '../functions/config/env.js';

/**
 * Deploy-time configuration, read once from CDK context (`cdk.json`, or `-c key=value`).
 * Every value is documented in docs/deploy.md. Nothing here looks anything up in an AWS
 * account, so `cdk synth` works offline and without credentials.
 */
export const DEPLOY_STAGES = ['dev', 'test', 'prod'] as const satisfies readonly Env['STAGE'][];
export type DeployStage = (typeof DEPLOY_STAGES)[number];

const flag = z
  .union([z.boolean(), z.enum(['true', 'false'])])
  .transform((value) => value === true || value === 'true');

const blankToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

const hostname = z
  .string()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a lower-case DNS name, e.g. blueheart.example.org');

export const platformConfigSchema = z
  .object({
    stage: z.enum(DEPLOY_STAGES).default('dev'),
    /** The site's own domain (CloudFront alias). Without it the distribution's *.cloudfront.net name is used. */
    domainName: z.preprocess(blankToUndefined, hostname.optional()),
    /** ACM certificate in us-east-1 covering `domainName` (CloudFront only reads certificates from there). */
    certificateArn: z.preprocess(blankToUndefined, z.string().startsWith('arn:aws').optional()),
    /** The address pledge emails come from; an SES identity is created for it (or for its domain). */
    senderAddress: z.email({ message: 'senderAddress must be an email address' }).default('no-reply@example.org'),
    /** Alarm notifications go to this address (an SNS email subscription to confirm once). */
    alarmEmail: z.preprocess(blankToUndefined, z.email({ message: 'alarmEmail must be an email address' }).optional()),
    /** Hosted sign-in domain prefix for the staff console; must be unique in the region. */
    authDomainPrefix: z.preprocess(
      blankToUndefined,
      z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'authDomainPrefix: lower-case letters, digits, hyphens').optional(),
    ),
    /** An existing AWS WAF web ACL (CLOUDFRONT scope, us-east-1) to attach to the distribution. */
    webAclArn: z.preprocess(blankToUndefined, z.string().startsWith('arn:aws').optional()),
    logLevel: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    /** Where the nightly payout reconciliation summary goes (`FINANCE_EMAIL`); without it no summary is mailed. */
    financeEmail: z.preprocess(blankToUndefined, z.email({ message: 'financeEmail must be an email address' }).optional()),
    /** The managers' mailbox (`MANAGERS_EMAIL`): told when one of the organisation's social accounts must be reconnected; without it only the console shows it. */
    managersEmail: z.preprocess(blankToUndefined, z.email({ message: 'managersEmail must be an email address' }).optional()),
    /** The currency finance reports in, the fund's bank account currency (`REPORTING_CURRENCY`). */
    reportingCurrency: z.preprocess(
      (value) => (typeof value === 'string' ? blankToUndefined(value.trim().toLowerCase()) : value),
      z.string().regex(/^[a-z]{3}$/, 'reportingCurrency must be an ISO 4217 code, e.g. usd').default('usd'),
    ),
    /**
     * The version id of the origin-verify secret CloudFront sends the API, after rotating it
     * (docs/deploy.md); unset, the version current when the distribution was last changed.
     */
    originVerifySecretVersion: z.preprocess(blankToUndefined, z.string().regex(/^[A-Za-z0-9-]{32,64}$/, 'originVerifySecretVersion must be a Secrets Manager version id').optional()),
    /** Directory holding the built static site (`npm run build:web`). */
    webAssetPath: z.string().default('web/dist'),
    /** `false` replaces the Lambda bundle with a stub: for fast synths and tests, refused on prod by app.ts. */
    bundling: flag.default(true),
  })
  .superRefine((config, ctx) => {
    if (config.domainName && !config.certificateArn) {
      ctx.addIssue({ code: 'custom', path: ['certificateArn'], message: 'certificateArn is required with domainName (ACM, us-east-1)' });
    }
    if (config.stage === 'prod' && config.senderAddress.endsWith('@example.org')) {
      ctx.addIssue({ code: 'custom', path: ['senderAddress'], message: 'set senderAddress to a real address before deploying prod' });
    }
  });

export type PlatformConfig = z.infer<typeof platformConfigSchema>;

export const CONTEXT_KEYS = [
  'stage',
  'domainName',
  'certificateArn',
  'senderAddress',
  'alarmEmail',
  'authDomainPrefix',
  'webAclArn',
  'logLevel',
  'financeEmail',
  'managersEmail',
  'reportingCurrency',
  'originVerifySecretVersion',
  'webAssetPath',
  'bundling',
] as const satisfies readonly (keyof PlatformConfig)[];

/** Reads and validates the context values; throws one error listing every bad value. */
export function readConfig(tryGetContext: (key: string) => unknown): PlatformConfig {
  const raw = Object.fromEntries(CONTEXT_KEYS.map((key) => [key, tryGetContext(key)]).filter(([, v]) => v !== undefined));
  const result = platformConfigSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  - ${issue.path.join('.') || 'context'}: ${issue.message}`);
    throw new Error(`CDK context is not valid:\n${problems.join('\n')}`);
  }
  return result.data;
}

/** Checks only the CDK app applies (tests synthesize prod with the stub Lambda on purpose). */
export function assertDeployable(config: PlatformConfig): void {
  if (config.stage === 'prod' && !config.bundling) {
    throw new Error('CDK context is not valid:\n  - bundling: bundling=false would deploy a stub Lambda; refused on prod');
  }
}
