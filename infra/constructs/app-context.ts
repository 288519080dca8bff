import { Stack } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as ses from 'aws-cdk-lib/aws-ses';
import type { DeployStage, PlatformConfig } from '../config.js';
import type { AppFunction } from './app-function.js';

/**
 * What every function built on `createDeps` needs to know and to reach: the table and its key,
 * the app secret, the sender, the public URL and the token issuer. The API and payments stacks
 * take it from the platform, and build their environments and grants from it.
 */
export interface AppContextProps {
  table: dynamodb.ITable;
  tableKey: kms.IKey;
  appSecret: secretsmanager.ISecret;
  /** WebStack.originVerifySecret: what CloudFront sends in X-Origin-Verify. */
  originVerifySecret: secretsmanager.ISecret;
  emailIdentity: ses.IEmailIdentity;
  configurationSetName: string;
  configurationSetArn: string;
  senderAddress: string;
  publicUrl: string;
  auth: { issuer: string; jwksUrl: string; audience: string; signInUrl: string };
  logLevel: PlatformConfig['logLevel'];
  /** Finance's mailbox for the reconciliation summary; unset means no summary is mailed. */
  financeEmail?: string;
  /** The currency finance reports in (lower-case ISO 4217). */
  reportingCurrency: string;
}

/** The variables functions/config/env.ts reads on AWS that every such function gets. */
export function appEnvironment(stage: DeployStage, props: AppContextProps): Record<string, string> {
  return {
    STAGE: stage,
    TABLE_NAME: props.table.tableName,
    SES_FROM_ADDRESS: props.senderAddress,
    SES_CONFIGURATION_SET: props.configurationSetName,
    PUBLIC_URL: props.publicUrl,
    APP_SECRET_ARN: props.appSecret.secretArn,
    AUTH_ISSUER: props.auth.issuer,
    AUTH_JWKS_URL: props.auth.jwksUrl,
    AUTH_AUDIENCE: props.auth.audience,
    AUTH_SIGN_IN_URL: props.auth.signInUrl,
    LOG_LEVEL: props.logLevel,
    REPORTING_CURRENCY: props.reportingCurrency,
    // Optional in env.ts, which refuses an empty value: absent unless configured.
    ...(props.financeEmail ? { FINANCE_EMAIL: props.financeEmail } : {}),
  };
}

/** DynamoDB calls KMS with the caller's identity to use the table key: allowed only through DynamoDB. */
export function grantTableKeyViaDynamoDb(role: iam.IRole, key: kms.IKey, actions: readonly string[]): void {
  const stack = Stack.of(role);
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      sid: 'TableKeyViaDynamoDb',
      actions: [...actions],
      resources: [key.keyArn],
      conditions: { StringEquals: { 'kms:ViaService': `dynamodb.${stack.region}.${stack.urlSuffix}` } },
    }),
  );
}

/** createDeps derives every signing key from the app secret at cold start. */
export function grantAppSecret(role: iam.IRole, secret: secretsmanager.ISecret): void {
  role.addToPrincipalPolicy(new iam.PolicyStatement({ sid: 'AppSecret', actions: ['secretsmanager:GetSecretValue'], resources: [secret.secretArn] }));
}

/**
 * A function behind an HTTP API route: it serves only requests that carry CloudFront's
 * X-Origin-Verify value (ORIGIN_VERIFY_SECRET_ARN, read by functions/config/deps.ts), so the
 * execute-api address cannot be used around the distribution and its WAF. Scheduled jobs serve
 * no HTTP and get neither the variable nor the read.
 */
export function servesRoutesThroughCloudFront(fn: AppFunction, secret: secretsmanager.ISecret): void {
  fn.function.addEnvironment('ORIGIN_VERIFY_SECRET_ARN', secret.secretArn);
  fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ sid: 'OriginVerifySecret', actions: ['secretsmanager:GetSecretValue'], resources: [secret.secretArn] }));
}

/** Mail only through the platform's identity and configuration set, and only as its sender. */
export function grantSendMail(role: iam.IRole, props: AppContextProps, sid: string): void {
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      sid,
      actions: ['ses:SendEmail', 'ses:SendRawEmail'],
      resources: [props.emailIdentity.emailIdentityArn, props.configurationSetArn],
      conditions: { StringEquals: { 'ses:FromAddress': props.senderAddress } },
    }),
  );
}

/**
 * The encryption context every social-token seal and open carries
 * (functions/adapters/crypto/kms-token-box.ts), as a KMS condition.
 */
export const SOCIAL_TOKEN_CONTEXT = { 'kms:EncryptionContext:purpose': 'social-token' } as const;

/**
 * One use of the social-token key, and only with the encryption context KmsTokenBox sends
 * (`purpose=social-token`): the API seals (`kms:Encrypt`), the social worker opens (`kms:Decrypt`).
 * Neither can do the other, and neither can use the key for anything else.
 */
export function grantSocialTokenKey(role: iam.IRole, key: kms.IKey, action: 'kms:Encrypt' | 'kms:Decrypt'): void {
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      sid: action === 'kms:Encrypt' ? 'SealSocialTokens' : 'OpenSocialTokens',
      actions: [action],
      resources: [key.keyArn],
      conditions: { StringEquals: { ...SOCIAL_TOKEN_CONTEXT } },
    }),
  );
}
