import fs from 'node:fs';
import path from 'node:path';
import { Annotations, Tags, type App } from 'aws-cdk-lib';
import type { PlatformConfig } from './config.js';
import { REPO_ROOT } from './constructs/app-function.js';
import type { AppContextProps } from './constructs/app-context.js';
import { ApiStack } from './stacks/api-stack.js';
import { AuthStack } from './stacks/auth-stack.js';
import { DataStack } from './stacks/data-stack.js';
import { EdgeStack } from './stacks/edge-stack.js';
import { EmailStack } from './stacks/email-stack.js';
import { GatewayStack } from './stacks/gateway-stack.js';
import { ObservabilityStack, webAclNameFromArn } from './stacks/observability-stack.js';
import { PaymentsStack } from './stacks/payments-stack.js';
import { PublishStack } from './stacks/publish-stack.js';
import { SocialStack } from './stacks/social-stack.js';
import { WebStack } from './stacks/web-stack.js';

export const PROJECT_TAG = 'blue-heart-platform';

export interface Platform {
  data: DataStack;
  email: EmailStack;
  gateway: GatewayStack;
  web: WebStack;
  /** The CloudFront web ACL (us-east-1); absent when the webAclArn context brings one. */
  edge?: EdgeStack;
  auth: AuthStack;
  publish: PublishStack;
  api: ApiStack;
  payments: PaymentsStack;
  social: SocialStack;
  observability: ObservabilityStack;
}

export interface PlatformOptions {
  /** Overrides config.webAssetPath with an absolute path (tests pass a temporary directory). */
  webAssetPath?: string;
  /** Overrides the HTTP handler entry (tests); the payment functions run the same entry. */
  apiEntry?: string;
}

/**
 * The whole platform, one stack per concern, in deploy order. Stacks are environment-agnostic
 * (account and region come from the credentials at deploy time), so synth needs no AWS access.
 * Names carry the stage, so dev and prod can share an account.
 */
export function createPlatform(app: App, config: PlatformConfig, options: PlatformOptions = {}): Platform {
  const { stage } = config;
  const name = (concern: string) => `BlueHeart-${stage}-${concern}`;
  const common = { stage, terminationProtection: stage === 'prod' };

  const data = new DataStack(app, name('Data'), { ...common, description: 'Blue Heart: DynamoDB table, its KMS key, the app secret, the social token key' });
  const email = new EmailStack(app, name('Email'), {
    ...common,
    description: 'Blue Heart: SES sending identity and configuration set',
    senderAddress: config.senderAddress,
    domainName: config.domainName,
  });
  const gateway = new GatewayStack(app, name('Gateway'), { ...common, description: 'Blue Heart: HTTP API, stage, throttling, access logs' });

  const edge = config.webAclArn
    ? undefined
    : new EdgeStack(app, name('Edge'), { ...common, description: 'Blue Heart: AWS WAF web ACL for the CloudFront distribution (us-east-1): rate limits per address and managed rules' });

  const webAssetPath = options.webAssetPath ?? path.resolve(REPO_ROOT, config.webAssetPath);
  const siteBuilt = fs.existsSync(path.join(webAssetPath, 'index.html'));
  const web = new WebStack(app, name('Web'), {
    ...common,
    description: 'Blue Heart: static site bucket and the CloudFront distribution in front of site and API',
    webAssetPath: siteBuilt ? webAssetPath : undefined,
    apiOriginDomainName: gateway.originDomainName,
    domainName: config.domainName,
    certificateArn: config.certificateArn,
    webAclArn: config.webAclArn,
    authDomainPrefix: config.authDomainPrefix,
    originVerifySecretVersion: config.originVerifySecretVersion,
  });
  // The web stack reads the ACL's ARN from us-east-1 as it deploys.
  if (edge) web.addStackDependency(edge, 'the distribution reads the web ACL ARN from the edge stack');
  if (!siteBuilt) {
    Annotations.of(web).addWarningV2(
      'blue-heart:site-not-built',
      `${webAssetPath}/index.html not found: the site is not deployed (run npm run build:web first). The bucket keeps what it has.`,
    );
  }

  const auth = new AuthStack(app, name('Auth'), {
    ...common,
    description: 'Blue Heart: Cognito staff pool, groups and the console client',
    publicUrl: web.publicUrl,
    domainPrefix: config.authDomainPrefix,
  });

  const publish = new PublishStack(app, name('Publish'), {
    ...common,
    description: 'Blue Heart: the publish function, allowed to write the site bucket and invalidate the distribution only',
    table: data.table,
    tableKey: data.tableKey,
    siteBucket: web.siteBucket,
    distribution: web.distribution,
    sitePublishingPolicy: web.sitePublishingPolicy,
    publicUrl: web.publicUrl,
    logLevel: config.logLevel,
    bundling: config.bundling,
  });

  // What every createDeps-based function needs (environment and grants: constructs/app-context.ts).
  const appContext: AppContextProps = {
    table: data.table,
    tableKey: data.tableKey,
    appSecret: data.appSecret,
    originVerifySecret: web.originVerifySecret,
    emailIdentity: email.identity,
    configurationSetName: email.configurationSet.configurationSetName,
    configurationSetArn: email.configurationSetArn,
    senderAddress: config.senderAddress,
    publicUrl: web.publicUrl,
    auth: { issuer: auth.issuer, jwksUrl: auth.jwksUrl, audience: auth.consoleClient.userPoolClientId, signInUrl: auth.signInUrl },
    logLevel: config.logLevel,
    financeEmail: config.financeEmail,
    reportingCurrency: config.reportingCurrency,
  };

  const api = new ApiStack(app, name('Api'), {
    ...common,
    description: 'Blue Heart: HTTP Lambda, its permissions, routes and alarms',
    httpApi: gateway.httpApi,
    ...appContext,
    publishFunction: publish.publisher.function,
    siteBucket: web.siteBucket,
    mediaUploadPolicy: web.mediaUploadPolicy,
    socialTokenKey: data.socialTokenKey,
    alarmEmail: config.alarmEmail,
    bundling: config.bundling,
    entry: options.apiEntry,
  });

  const payments = new PaymentsStack(app, name('Payments'), {
    ...common,
    description: 'Blue Heart: Stripe secret, donation checkout, webhook and finance functions, their routes, the Stripe jobs and alarms',
    httpApi: gateway.httpApi,
    accessLogs: gateway.accessLogs,
    ...appContext,
    alarmTopic: api.alarmTopic,
    bundling: config.bundling,
    entry: options.apiEntry,
  });

  const social = new SocialStack(app, name('Social'), {
    ...common,
    description: 'Blue Heart: coordinated social messages (the delivery queue and its dead-letter queue, the worker, the every-minute send step, the daily token health check, alarms)',
    table: data.table,
    tableKey: data.tableKey,
    socialTokenKey: data.socialTokenKey,
    alarmTopic: api.alarmTopic,
    logLevel: config.logLevel,
    mail: appContext,
    managersEmail: config.managersEmail,
    bundling: config.bundling,
  });

  const observability = new ObservabilityStack(app, name('Observability'), {
    ...common,
    description: 'Blue Heart: the dashboard, and the alarms on the API 5xx rate and SES bounce and complaint rates',
    httpApi: gateway.httpApi,
    alarmTopic: api.alarmTopic,
    watched: [publish, api, payments, social],
    webAclName: edge ? edge.webAcl.name : config.webAclArn && webAclNameFromArn(config.webAclArn),
  });

  Tags.of(app).add('project', PROJECT_TAG);
  Tags.of(app).add('stage', stage);
  return { data, email, gateway, web, edge, auth, publish, api, payments, social, observability };
}
