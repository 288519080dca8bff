import fs from 'node:fs';
import path from 'node:path';
import type { CfnElement, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envSchema } from '../../functions/config/env.js';
import { SCHEDULED_JOBS } from '../../functions/config/schedules.js';
import { REPO_ROOT } from '../../infra/constructs/app-function.js';
import {
  ADMIN_PRIVACY_ROUTE,
  ERASURE_ROUTE,
  PRIVACY_TABLE_ACTIONS,
  CHECKOUT_ROUTE,
  MANAGE_ROUTE,
  CHECKOUT_TABLE_ACTIONS,
  FINANCE_INDEX,
  FINANCE_ROUTE,
  FINANCE_TABLE_ACTIONS,
  LEDGER_EVENT_TYPES,
  PAYOUT_EVENT_TYPES,
  STRIPE_EVENT_TYPES,
  STRIPE_SECRET_PLACEHOLDER,
  WEBHOOK_ROUTE,
  WEBHOOK_TABLE_ACTIONS,
} from '../../infra/stacks/payments-stack.js';
import { buildPlatform, removeTempDirs, type TestPlatform } from './support.js';

afterAll(removeTempDirs);

type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string };
type Statement = { Sid?: string; Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };

const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);
const idOf = (stack: Stack, construct: { node: { defaultChild?: unknown } }) => stack.getLogicalId(construct.node.defaultChild as CfnElement);
const resources = (template: Template, type: string) => Object.values(template.findResources(type)) as Resource[];
const roleStatements = (template: Template, roleId: string): Statement[] =>
  resources(template, 'AWS::IAM::Policy')
    .filter((p) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
/** What a role may do beyond writing its own log group and X-Ray traces (every AppFunction). */
const rights = (statements: Statement[]) =>
  statements.flatMap((s) => asArray(s.Action)).filter((a) => !a.startsWith('logs:') && !a.startsWith('xray:')).sort();
/** Stripe key material: secret and restricted keys, webhook signing secrets. */
const STRIPE_KEY = /\b(sk|rk)_(live|test)_|\bsk_[A-Za-z0-9]|whsec_/;
/** The jobs that read Stripe, and so run in the payments stack. */
const STRIPE_JOBS = SCHEDULED_JOBS.filter((job) => job.needsStripe);
const KMS_VIA_DYNAMODB = ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'];

let dev: TestPlatform;
let prod: TestPlatform;
let payments: Template;
let webhookRoleId: string;
let checkoutRoleId: string;
let financeRoleId: string;
let privacyRoleId: string;
let secretId: string;

beforeAll(() => {
  dev = buildPlatform();
  prod = buildPlatform(
    {
      stage: 'prod',
      senderAddress: 'pledges@blueheart.example.net',
      domainName: 'blueheart.example.net',
      certificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/abc',
      financeEmail: 'finance@blueheart.example.net',
    },
    { site: null },
  );
  const stack = dev.platform.payments;
  payments = Template.fromStack(stack);
  webhookRoleId = idOf(stack, stack.webhook.role);
  checkoutRoleId = idOf(stack, stack.checkout.role);
  financeRoleId = idOf(stack, stack.finance.role);
  privacyRoleId = idOf(stack, stack.privacy.role);
  secretId = idOf(stack, stack.stripeSecret);
});

const allTemplates = (platform: TestPlatform) => Object.values(platform.platform).map((stack) => Template.fromStack(stack as Stack).toJSON());
const allFunctions = (platform: TestPlatform) =>
  allTemplates(platform).flatMap((t) => Object.values(t.Resources as Record<string, Resource>).filter((r) => r.Type === 'AWS::Lambda::Function'));
const functionNamed = (template: Template, suffix: string) => {
  const found = resources(template, 'AWS::Lambda::Function').filter((f) => String(f.Properties.Description).includes(suffix));
  expect(found, suffix).toHaveLength(1);
  return found[0]!;
};

describe('the Stripe secret', () => {
  it('is created with the documented shape and empty values, never generated or overwritten', () => {
    const [secret] = resources(payments, 'AWS::SecretsManager::Secret');
    expect(resources(payments, 'AWS::SecretsManager::Secret')).toHaveLength(1);
    // Pinned: a different template value would replace the operators' keys on the next deploy.
    expect(STRIPE_SECRET_PLACEHOLDER).toBe('{"secretKey":"","webhookSecret":""}');
    expect(secret!.Properties.SecretString).toBe(STRIPE_SECRET_PLACEHOLDER);
    expect(secret!.Properties).not.toHaveProperty('GenerateSecretString');
    expect(secret!.Properties.Description).toMatch(/"secretKey".*"webhookSecret".*put-secret-value/);
  });

  it('is kept when a prod stack is deleted', () => {
    const [secret] = resources(Template.fromStack(prod.platform.payments), 'AWS::SecretsManager::Secret');
    expect(secret!.DeletionPolicy).toBe('Retain');
  });

  it('has no key material in any template of any stage, and no function gets Stripe keys in its environment', () => {
    for (const platform of [dev, prod]) {
      for (const template of allTemplates(platform)) expect(JSON.stringify(template)).not.toMatch(STRIPE_KEY);
      for (const fn of allFunctions(platform)) {
        const env = (fn.Properties.Environment?.Variables ?? {}) as Record<string, unknown>;
        for (const key of ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'STRIPE_API_URL']) expect(env, String(fn.Properties.Description)).not.toHaveProperty(key);
      }
    }
  });

  it('is named, by its ARN, in the payment functions and the jobs that read Stripe only', () => {
    const withArn = allFunctions(dev).filter((fn) => fn.Properties.Environment?.Variables?.STRIPE_SECRET_ARN);
    expect(withArn.map((fn) => fn.Properties.Description).sort()).toEqual([
      `Blue Heart dev: Stripe webhook (${WEBHOOK_ROUTE})`,
      `Blue Heart dev: donation checkout (${CHECKOUT_ROUTE}, ${MANAGE_ROUTE})`,
      `Blue Heart dev: finance reconciliation (${FINANCE_ROUTE})`,
      `Blue Heart dev: erasure on request (${ERASURE_ROUTE}, ${ADMIN_PRIVACY_ROUTE})`,
      ...STRIPE_JOBS.map((job) => `Blue Heart dev: scheduled job ${job.name}`),
    ].sort());
    for (const fn of withArn) expect(fn.Properties.Environment.Variables.STRIPE_SECRET_ARN).toEqual({ Ref: secretId });
    // No other stack refers to it (the API, the jobs and the publisher cannot read the keys).
    for (const stack of Object.values(dev.platform).filter((s) => s !== dev.platform.payments)) {
      expect(JSON.stringify(Template.fromStack(stack as Stack).toJSON()), (stack as Stack).stackName).not.toContain('StripeSecret');
    }
  });
});

/** Every function of the payments stack, by a unique part of its description. */
const PAYMENT_FUNCTIONS = ['Stripe webhook', 'donation checkout', 'finance reconciliation', 'erasure on request', ...STRIPE_JOBS.map((job) => `scheduled job ${job.name}`)];

describe('payment functions', () => {
  it('get the variables env.ts requires and nothing for publishing or media', () => {
    const known = new Set([...Object.keys(envSchema.shape), 'NODE_OPTIONS', 'POWERTOOLS_SERVICE_NAME']);
    for (const suffix of PAYMENT_FUNCTIONS) {
      const env = functionNamed(payments, suffix).Properties.Environment.Variables as Record<string, unknown>;
      expect(Object.keys(env).filter((key) => !known.has(key))).toEqual([]);
      for (const key of ['TABLE_NAME', 'SES_FROM_ADDRESS', 'PUBLIC_URL', 'APP_SECRET_ARN', 'STRIPE_SECRET_ARN', 'AUTH_ISSUER', 'AUTH_JWKS_URL', 'AUTH_AUDIENCE', 'REPORTING_CURRENCY']) {
        expect(env, `${suffix} ${key}`).toHaveProperty(key);
      }
      for (const key of ['PUBLISH_FUNCTION_NAME', 'MEDIA_BUCKET', 'APP_SECRET', 'DYNAMODB_ENDPOINT', 'SES_ENDPOINT']) expect(env).not.toHaveProperty(key);
      envSchema.pick({ STAGE: true, SES_FROM_ADDRESS: true, LOG_LEVEL: true, REPORTING_CURRENCY: true }).parse(env);
      // Set only when financeEmail is (below).
      expect(env).not.toHaveProperty('FINANCE_EMAIL');
    }
  });

  it('tell finance and the Stripe jobs where the reconciliation summary goes, when financeEmail is set', () => {
    const prodPayments = Template.fromStack(prod.platform.payments);
    for (const suffix of ['finance reconciliation', ...STRIPE_JOBS.map((job) => `scheduled job ${job.name}`)]) {
      expect(functionNamed(prodPayments, suffix).Properties.Environment.Variables.FINANCE_EMAIL).toBe('finance@blueheart.example.net');
    }
  });

  it('run on Node 24 arm64 with tracing; the routed ones answer within the HTTP API limit', () => {
    for (const suffix of PAYMENT_FUNCTIONS) {
      const fn = functionNamed(payments, suffix);
      expect(fn.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'], TracingConfig: { Mode: 'Active' } });
    }
    for (const suffix of ['Stripe webhook', 'finance reconciliation', 'erasure on request']) expect(functionNamed(payments, suffix).Properties.Timeout).toBeLessThan(30);
  });
});

describe('routes', () => {
  const integrationTarget = (routeKey: string) => {
    const routes = resources(payments, 'AWS::ApiGatewayV2::Route').filter((r) => r.Properties.RouteKey === routeKey);
    expect(routes, routeKey).toHaveLength(1);
    const integrationId = (routes[0]!.Properties.Target['Fn::Join'][1] as unknown[])[1] as { Ref: string };
    const integration = payments.toJSON().Resources[integrationId.Ref] as Resource;
    expect(integration.Properties).toMatchObject({ IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0' });
    return integration.Properties.IntegrationUri as { 'Fn::GetAtt': [string, string] };
  };

  it('send the webhook, checkout, the monthly-gift portal link and finance each to its function', () => {
    const stack = dev.platform.payments;
    expect(integrationTarget(WEBHOOK_ROUTE)).toEqual({ 'Fn::GetAtt': [idOf(stack, stack.webhook.function), 'Arn'] });
    expect(integrationTarget(CHECKOUT_ROUTE)).toEqual({ 'Fn::GetAtt': [idOf(stack, stack.checkout.function), 'Arn'] });
    expect(integrationTarget(MANAGE_ROUTE)).toEqual({ 'Fn::GetAtt': [idOf(stack, stack.checkout.function), 'Arn'] });
    expect(integrationTarget(FINANCE_ROUTE)).toEqual({ 'Fn::GetAtt': [idOf(stack, stack.finance.function), 'Arn'] });
    expect(integrationTarget(ERASURE_ROUTE)).toEqual({ 'Fn::GetAtt': [idOf(stack, stack.privacy.function), 'Arn'] });
    expect(integrationTarget(ADMIN_PRIVACY_ROUTE)).toEqual({ 'Fn::GetAtt': [idOf(stack, stack.privacy.function), 'Arn'] });
    expect(resources(payments, 'AWS::ApiGatewayV2::Route').map((r) => r.Properties.RouteKey).sort()).toEqual(
      [CHECKOUT_ROUTE, MANAGE_ROUTE, WEBHOOK_ROUTE, FINANCE_ROUTE, ERASURE_ROUTE, ADMIN_PRIVACY_ROUTE].sort(),
    );
    // API Gateway may invoke each function for its own paths only.
    const permissions = resources(payments, 'AWS::Lambda::Permission').map((p) => [JSON.stringify(p.Properties.FunctionName), JSON.stringify(p.Properties.SourceArn)]);
    const pathsOf = (fn: { node: { defaultChild?: unknown } }) =>
      permissions.filter(([name]) => name!.includes(`"${idOf(stack, fn)}"`)).map(([, arn]) => arn!.match(/\/\*\/\*(\/[^"]+)"/)?.[1]).sort();
    expect(pathsOf(stack.webhook.function)).toEqual(['/api/stripe/webhook']);
    expect(pathsOf(stack.checkout.function)).toEqual(['/api/donations/checkout', '/api/donations/manage']);
    expect(pathsOf(stack.finance.function)).toEqual(['/api/finance/{proxy+}']);
    expect(pathsOf(stack.privacy.function)).toEqual(['/api/admin/privacy/{proxy+}', '/api/privacy/erasure']);
    // The jobs are invoked by their schedules' roles, not through a resource policy.
    expect(permissions).toHaveLength(6);
  });

  it('sit on the gateway API beside the catch-all routes, which stay on the HTTP Lambda', () => {
    const api = Template.fromStack(dev.platform.api);
    const keys = resources(api, 'AWS::ApiGatewayV2::Route').map((r) => r.Properties.RouteKey);
    expect(keys).toContain('ANY /api/{proxy+}');
    for (const key of [WEBHOOK_ROUTE, CHECKOUT_ROUTE, MANAGE_ROUTE, FINANCE_ROUTE, ERASURE_ROUTE, ADMIN_PRIVACY_ROUTE]) expect(keys).not.toContain(key);
    const apiIds = (template: Template) => new Set(resources(template, 'AWS::ApiGatewayV2::Route').map((r) => JSON.stringify(r.Properties.ApiId)));
    expect([...apiIds(payments)]).toEqual([...apiIds(api)]);
  });
});

describe('least privilege', () => {
  it('lets the webhook write ledger items, query payouts, read its three secrets and send receipts as the sender', () => {
    const statements = roleStatements(payments, webhookRoleId);
    expect(rights(statements)).toEqual(
      [
        ...WEBHOOK_TABLE_ACTIONS,
        // payout.reconciliation_completed: the payout's records, and its month through GSI3.
        'dynamodb:Query',
        ...KMS_VIA_DYNAMODB,
        // The app secret, the Stripe secret, and CloudFront's X-Origin-Verify value.
        'secretsmanager:GetSecretValue', 'secretsmanager:GetSecretValue', 'secretsmanager:GetSecretValue',
        'ses:SendEmail', 'ses:SendRawEmail',
        // Lambda writes failed asynchronous invocations to the dead-letter queue with this role.
        'sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage',
      ].sort(),
    );
    const ses = statements.find((s) => s.Sid === 'SendReceipts')!;
    expect(ses.Condition).toEqual({ StringEquals: { 'ses:FromAddress': dev.config.senderAddress } });
    expect(JSON.stringify(ses.Resource)).toContain('configuration-set/');
    const sqs = statements.find((s) => asArray(s.Action).includes('sqs:SendMessage'))!;
    expect(sqs.Resource).toEqual({ 'Fn::GetAtt': [idOf(dev.platform.payments, dev.platform.payments.deadLetters), 'Arn'] });
  });

  it('lets checkout read the table and its three secrets, and nothing else: no writes, no mail', () => {
    expect(rights(roleStatements(payments, checkoutRoleId))).toEqual(
      [...CHECKOUT_TABLE_ACTIONS, 'kms:Decrypt', 'secretsmanager:GetSecretValue', 'secretsmanager:GetSecretValue', 'secretsmanager:GetSecretValue'].sort(),
    );
  });

  it('lets erasure read and change items on the table by key and partition (no index), read its three secrets, and send no mail', () => {
    expect(rights(roleStatements(payments, privacyRoleId))).toEqual(
      [...PRIVACY_TABLE_ACTIONS, ...KMS_VIA_DYNAMODB, 'secretsmanager:GetSecretValue', 'secretsmanager:GetSecretValue', 'secretsmanager:GetSecretValue'].sort(),
    );
  });

  it('names exactly its resources: items on the table only, queries on the table and GSI3 only, the key via DynamoDB, each secret', () => {
    // The Data stack's table, read as a weak cross-stack reference.
    const tableArn = roleStatements(payments, checkoutRoleId).find((s) => s.Sid === 'ReadCampaigns')!.Resource;
    expect(JSON.stringify(tableArn)).toMatch(/"Fn::GetStackOutput".*BlueHeart-dev-Data.*TableCD117FA1Arn/);
    const tableOnly = tableArn;
    const tableAndFinanceIndex = [tableArn, { 'Fn::Join': ['', [tableArn, `/index/${FINANCE_INDEX}`]] }];
    const expected = [
      [checkoutRoleId, { ReadCampaigns: tableOnly }],
      [webhookRoleId, { LedgerItems: tableOnly, PayoutQueries: tableAndFinanceIndex }],
      [financeRoleId, { FinanceItems: tableOnly, PayoutQueries: tableAndFinanceIndex }],
      [privacyRoleId, { ErasureItems: tableOnly }],
    ] as const;
    for (const [roleId, tableStatements] of expected) {
      const statements = roleStatements(payments, roleId);
      const wildcard = statements.filter((s) => JSON.stringify(s.Resource).includes('*'));
      expect(wildcard.flatMap((s) => asArray(s.Action)).sort()).toEqual(['xray:PutTelemetryRecords', 'xray:PutTraceSegments']);
      const dynamo = statements.filter((s) => asArray(s.Action).some((a) => a.startsWith('dynamodb:')));
      expect(dynamo.map((s) => s.Sid).sort(), roleId).toEqual(Object.keys(tableStatements).sort());
      for (const [sid, resource] of Object.entries(tableStatements)) expect(dynamo.find((s) => s.Sid === sid)!.Resource, `${roleId} ${sid}`).toEqual(resource);
      const query = dynamo.find((s) => s.Sid === 'PayoutQueries');
      if (query) expect(query.Action).toEqual('dynamodb:Query');
      expect(JSON.stringify(statements.find((s) => s.Sid === 'TableKeyViaDynamoDb')!.Condition)).toContain('kms:ViaService');
      const secrets = statements.filter((s) => asArray(s.Action).includes('secretsmanager:GetSecretValue'));
      expect(secrets.map((s) => s.Sid).sort()).toEqual(['AppSecret', 'OriginVerifySecret', 'StripeSecret']);
      for (const secret of secrets) expect(secret.Action).toEqual('secretsmanager:GetSecretValue');
      expect(secrets.find((s) => s.Sid === 'StripeSecret')!.Resource).toEqual({ Ref: secretId });
      expect(JSON.stringify(secrets.find((s) => s.Sid === 'AppSecret')!.Resource)).toContain('AppSecret');
      expect(JSON.stringify(secrets.find((s) => s.Sid === 'OriginVerifySecret')!.Resource)).toContain('OriginVerifySecret');
    }
  });

  it('gives no other role in the stack any right, and sends mail from the webhook, finance and the Stripe jobs only', () => {
    const stack = dev.platform.payments;
    const jobRoles = stack.jobs.map((job) => idOf(stack, job.handler.role));
    const schedulerRoles = resources(payments, 'AWS::Scheduler::Schedule').map((s) => (s.Properties.Target.RoleArn as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0]);
    expect(jobRoles).toHaveLength(STRIPE_JOBS.length);
    const roles = Object.keys(payments.findResources('AWS::IAM::Role'));
    expect(roles.sort()).toEqual([checkoutRoleId, webhookRoleId, financeRoleId, privacyRoleId, ...jobRoles, ...schedulerRoles].sort());
    const mailers = resources(payments, 'AWS::IAM::Policy').filter((p) => JSON.stringify(p.Properties.PolicyDocument).includes('ses:'));
    expect(mailers.map((p) => p.Properties.Roles[0].Ref).sort()).toEqual([webhookRoleId, financeRoleId, ...jobRoles].sort());
    expect(JSON.stringify(payments.toJSON())).not.toContain(':iam::aws:policy/');
  });
});

describe('finance', () => {
  it(`routes ${FINANCE_ROUTE} to the finance function, more specific than the API's catch-all`, () => {
    const stack = dev.platform.payments;
    const routes = resources(payments, 'AWS::ApiGatewayV2::Route').filter((r) => r.Properties.RouteKey === 'ANY /api/finance/{proxy+}');
    expect(routes).toHaveLength(1);
    const integrationId = (routes[0]!.Properties.Target['Fn::Join'][1] as { Ref: string }[])[1]!.Ref;
    const integration = payments.toJSON().Resources[integrationId] as Resource;
    expect(integration.Properties).toMatchObject({
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
      IntegrationUri: { 'Fn::GetAtt': [idOf(stack, stack.finance.function), 'Arn'] },
    });
  });

  it('may read and write its items and query the table and GSI3, never Scan, DeleteItem or another index', () => {
    const stack = dev.platform.payments;
    for (const roleId of [financeRoleId, ...stack.jobs.map((job) => idOf(stack, job.handler.role))]) {
      const statements = roleStatements(payments, roleId);
      const actions = rights(statements);
      const expected = [
        ...FINANCE_TABLE_ACTIONS, 'dynamodb:Query',
        ...KMS_VIA_DYNAMODB,
        'secretsmanager:GetSecretValue', 'secretsmanager:GetSecretValue',
        'ses:SendEmail', 'ses:SendRawEmail',
      ];
      // A job's failed runs go to its dead-letter queue with its own role; the finance function
      // serves routes, so it also reads CloudFront's X-Origin-Verify value.
      const job = roleId !== financeRoleId;
      const own = job ? ['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage'] : ['secretsmanager:GetSecretValue'];
      expect(actions, roleId).toEqual([...expected, ...own].sort());
      expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem', 'dynamodb:Query']));
      for (const forbidden of ['dynamodb:Scan', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:*']) expect(actions).not.toContain(forbidden);
      const indexes = JSON.stringify(statements).match(/\/index\/[^"]*/g);
      expect(indexes).toEqual([`/index/${FINANCE_INDEX}`]);
      const ses = statements.find((s) => s.Sid === 'SendFinanceSummary')!;
      expect(ses.Condition).toEqual({ StringEquals: { 'ses:FromAddress': dev.config.senderAddress } });
    }
    // GSI3 is an index of the table the platform builds, projecting whole items.
    const table = Object.values(Template.fromStack(dev.platform.data).findResources('AWS::DynamoDB::Table'))[0] as Resource;
    expect(table.Properties.GlobalSecondaryIndexes.find((i: { IndexName: string }) => i.IndexName === FINANCE_INDEX).Projection).toEqual({ ProjectionType: 'ALL' });
  });

  it('reconciles payouts nightly at 03:00 UTC with its own job, retries and dead-letter queue', () => {
    const stack = dev.platform.payments;
    expect(stack.jobs.map((job) => job.node.id)).toEqual(['Job-reconcile-payouts']);
    const [job] = stack.jobs;
    const schedules = resources(payments, 'AWS::Scheduler::Schedule');
    expect(schedules).toHaveLength(1);
    expect(schedules[0]!.Properties).toMatchObject({
      ScheduleExpression: 'cron(0 3 * * ? *)',
      ScheduleExpressionTimezone: 'UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: {
        Arn: { 'Fn::GetAtt': [idOf(stack, job!.handler.function), 'Arn'] },
        RetryPolicy: { MaximumRetryAttempts: 3 },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [idOf(stack, job!.deadLetters), 'Arn'] } },
      },
    });
    expect(functionNamed(payments, 'scheduled job reconcile-payouts').Properties.Timeout).toBeGreaterThanOrEqual(60);
  });
});

describe('failed events', () => {
  it('alarm on 5xx answers of the webhook, checkout, finance and erasure routes, read from the HTTP API access logs', () => {
    const filters = resources(payments, 'AWS::Logs::MetricFilter').map((f) => f.Properties.FilterPattern).sort();
    expect(filters).toEqual([
      '{ ($.route = "ANY /api/finance/{proxy+}") && ($.status = "5*") }',
      '{ ($.route = "POST /api/donations/checkout") && ($.status = "5*") }',
      '{ ($.route = "POST /api/privacy/erasure") && ($.status = "5*") }',
      '{ ($.route = "POST /api/stripe/webhook") && ($.status = "5*") }',
    ]);
    for (const filter of resources(payments, 'AWS::Logs::MetricFilter')) {
      expect(JSON.stringify(filter.Properties.LogGroupName)).toContain('BlueHeart-dev-Gateway');
    }
    // The access log format these patterns read.
    const format = JSON.parse(resources(Template.fromStack(dev.platform.gateway), 'AWS::ApiGatewayV2::Stage')[0]!.Properties.AccessLogSettings.Format);
    expect(format).toMatchObject({ route: '$context.routeKey', status: '$context.status' });
    payments.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'StripeWebhook5xx', Namespace: 'BlueHeart/dev', Threshold: 1, Statistic: 'Sum' });
    payments.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'DonationCheckout5xx', Namespace: 'BlueHeart/dev' });
    payments.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Finance5xx', Namespace: 'BlueHeart/dev', Threshold: 1 });
    payments.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Erasure5xx', Namespace: 'BlueHeart/dev', Threshold: 1 });
  });

  it("alarm on the webhook function's errors", () => {
    payments.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Errors',
      Namespace: 'AWS/Lambda',
      Threshold: 1,
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: idOf(dev.platform.payments, dev.platform.payments.webhook.function) } }],
    });
  });

  it('park failed asynchronous invocations in an encrypted, TLS-only dead-letter queue that raises an alarm', () => {
    const queueId = idOf(dev.platform.payments, dev.platform.payments.deadLetters);
    payments.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
    payments.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
    payments.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: idOf(dev.platform.payments, dev.platform.payments.webhook.function) },
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } } },
    });
    payments.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
    });
  });

  it("send every alarm to the platform's alarm topic", () => {
    const alarms = resources(payments, 'AWS::CloudWatch::Alarm');
    // Webhook 5xx and errors, checkout 5xx, finance 5xx, erasure 5xx, webhook dead letters, and one per Stripe job's dead letters.
    expect(alarms).toHaveLength(6 + STRIPE_JOBS.length);
    for (const alarm of alarms) {
      expect(alarm.Properties.TreatMissingData).toBe('notBreaching');
      expect(JSON.stringify(alarm.Properties.AlarmActions)).toMatch(/BlueHeart-dev-Api.*Alarms/);
    }
  });
});

describe('docs/deploy.md', () => {
  const docs = fs.readFileSync(path.join(REPO_ROOT, 'docs/deploy.md'), 'utf8');

  it('lists exactly the Stripe events the webhook handles: the gateway\'s ledger events and the payout event', () => {
    const gateway = fs.readFileSync(path.join(REPO_ROOT, 'functions/adapters/stripe/stripe-gateway.ts'), 'utf8');
    const handled = [...gateway.matchAll(/case '([a-z_.]+)':/g)].map((m) => m[1]!);
    const payoutEvents: readonly string[] = PAYOUT_EVENT_TYPES;
    expect(handled.filter((type) => !payoutEvents.includes(type)).sort()).toEqual([...LEDGER_EVENT_TYPES].sort());
    expect([...PAYOUT_EVENT_TYPES]).toEqual(['payout.reconciliation_completed']);
    const listed = docs.match(/Events to send:\s*```text\n([\s\S]*?)```/)?.[1]?.split(/\s+/).filter(Boolean).sort();
    expect(listed).toEqual([...STRIPE_EVENT_TYPES].sort());
    // Reconciliation waits for Stripe to finish a payout's balance transactions, not for payout.paid.
    expect(listed).not.toContain('payout.paid');
    expect(docs).toContain('`payout.paid` is not needed');
  });

  it('says how to set the secret and what catches a failed event', () => {
    expect(docs).toContain('aws secretsmanager put-secret-value');
    expect(docs).toContain('/api/stripe/webhook');
    expect(docs).toContain('stripe listen --forward-to localhost:3000/api/stripe/webhook');
    expect(docs).toMatch(/dead-letter queue/i);
  });
});
