import type { CfnElement, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type * as iam from 'aws-cdk-lib/aws-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UPDATES_INDEX } from '../../functions/adapters/dynamodb/table-definition.js';
import { createSendDueDeps, loadSocialDispatchEnv, socialDispatchEnvSchema } from '../../functions/config/social-dispatch.js';
import { fanOutPolicyOf } from '../../functions/domain/social/dispatch/resume-fan-out.js';
import { tokenHealthEnvSchema } from '../../functions/config/token-health.js';
import { SCHEDULED_JOBS } from '../../functions/config/schedules.js';
import { DEFAULT_DISPATCH_POLICY } from '../../functions/domain/social/dispatch/ports.js';
import { DELIVERY_MAX_RECEIVE_COUNT, SEND_DUE_TIMEOUT, SES_SEND_RATE, WORKER_BATCH_SIZE, WORKER_MAX_CONCURRENCY } from '../../infra/stacks/social-stack.js';
import { buildPlatform, removeTempDirs, type TestPlatform } from './support.js';

afterAll(removeTempDirs);

type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string };
type Statement = { Sid?: string; Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown; Principal?: unknown };

const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);
const idOf = (stack: Stack, construct: { node: { defaultChild?: unknown } }) => stack.getLogicalId(construct.node.defaultChild as CfnElement);
const resources = (template: Template, type: string) => Object.values(template.findResources(type)) as Resource[];
const roleStatements = (template: Template, stack: Stack, role: iam.IRole): Statement[] =>
  resources(template, 'AWS::IAM::Policy')
    .filter((p) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: idOf(stack, role as unknown as { node: { defaultChild?: unknown } }) }]))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
const actionsOf = (statements: Statement[]) => statements.flatMap((s) => asArray(s.Action)).sort();
/** Statements that name the social-token key (a cross-stack reference to the data stack's SocialTokenKey). */
const onSocialKey = (statements: Statement[]) => statements.filter((s) => JSON.stringify(s.Resource).includes('SocialTokenKey'));
const CONTEXT = { StringEquals: { 'kms:EncryptionContext:purpose': 'social-token' } };

let dev: TestPlatform;
let prod: TestPlatform;
let social: Template;
let api: Template;
let data: Template;

beforeAll(() => {
  dev = buildPlatform();
  prod = buildPlatform({ stage: 'prod', senderAddress: 'pledges@blueheart.example.net' }, { site: null });
  social = Template.fromStack(dev.platform.social);
  api = Template.fromStack(dev.platform.api);
  data = Template.fromStack(dev.platform.data);
});

const stack = () => dev.platform.social;
const workerStatements = () => roleStatements(social, stack(), stack().worker.role);
const jobStatements = () => roleStatements(social, stack(), stack().jobs[0]!.handler.role);
const tokenHealthJob = () => stack().jobs.find((job) => job.schedule.description === SCHEDULED_JOBS.find((j) => j.name === 'check-token-health')!.description)!;
const workerFunction = () => social.findResources('AWS::Lambda::Function')[idOf(stack(), stack().worker.function)] as Resource;

describe('social stack: the delivery queue', () => {
  it('is encrypted, reachable over TLS only, and sends a job that failed 5 times to its dead-letter queue', () => {
    const queueId = idOf(stack(), stack().queue);
    const deadLettersId = idOf(stack(), stack().deadLetters);
    const queues = social.findResources('AWS::SQS::Queue');
    const queue = (queues[queueId] as Resource).Properties;
    expect(queue.SqsManagedSseEnabled).toBe(true);
    expect(queue.RedrivePolicy).toEqual({ deadLetterTargetArn: { 'Fn::GetAtt': [deadLettersId, 'Arn'] }, maxReceiveCount: DELIVERY_MAX_RECEIVE_COUNT });
    expect(DELIVERY_MAX_RECEIVE_COUNT).toBe(5);
    expect((queues[deadLettersId] as Resource).Properties.SqsManagedSseEnabled).toBe(true);
    expect((queues[deadLettersId] as Resource).Properties.MessageRetentionPeriod).toBe(14 * 24 * 3600);
    for (const id of [queueId, deadLettersId]) {
      social.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: id }],
        PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
      });
    }
  });

  it('alarms on the first job in the dead-letter queue, to the platform topic', () => {
    const deadLettersId = idOf(stack(), stack().deadLetters);
    const alarm = resources(social, 'AWS::CloudWatch::Alarm').find(
      (a) => JSON.stringify(a.Properties.Dimensions) === JSON.stringify([{ Name: 'QueueName', Value: { 'Fn::GetAtt': [deadLettersId, 'QueueName'] } }]),
    );
    expect(alarm).toBeDefined();
    expect(alarm!.Properties).toMatchObject({
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Namespace: 'AWS/SQS',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
    });
    // The API stack's topic, by cross-stack reference.
    expect(JSON.stringify(alarm!.Properties.AlarmActions)).toContain('BlueHeart-dev-Api');
    expect(JSON.stringify(resources(social, 'AWS::CloudWatch::Alarm').find((a) => a.Properties.MetricName === 'Errors')?.Properties.Dimensions)).toContain(
      idOf(stack(), stack().worker.function),
    );
  });
});

describe('social stack: the worker', () => {
  it('takes jobs 10 at a time from the queue, reports failures per job, and runs at most 10 at once', () => {
    social.resourceCountIs('AWS::Lambda::EventSourceMapping', 1);
    const [mapping] = resources(social, 'AWS::Lambda::EventSourceMapping');
    expect(mapping!.Properties).toMatchObject({
      EventSourceArn: { 'Fn::GetAtt': [idOf(stack(), stack().queue), 'Arn'] },
      FunctionName: { Ref: idOf(stack(), stack().worker.function) },
      BatchSize: WORKER_BATCH_SIZE,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: WORKER_MAX_CONCURRENCY },
    });
    expect(WORKER_BATCH_SIZE).toBe(10);
    expect(mapping!.Properties.MaximumBatchingWindowInSeconds).toBeUndefined();
  });

  it('outlives any attempt (lease and platform calls) and times out well inside the visibility timeout', () => {
    const timeout = workerFunction().Properties.Timeout as number;
    const visibility = (social.findResources('AWS::SQS::Queue')[idOf(stack(), stack().queue)] as Resource).Properties.VisibilityTimeout as number;
    expect(timeout).toBeGreaterThanOrEqual((2 * DEFAULT_DISPATCH_POLICY.callTimeoutMs) / 1000 + 10);
    expect(timeout).toBeGreaterThan(DEFAULT_DISPATCH_POLICY.leaseMs / 1000);
    expect(timeout).toBeLessThan(15 * 60);
    // AWS: at least six times the function timeout; the domain: longer than the claim's lease.
    expect(visibility).toBeGreaterThanOrEqual(6 * timeout);
    expect(visibility).toBeLessThanOrEqual(12 * 3600);
    expect(workerFunction().Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'], TracingConfig: { Mode: 'Active' } });
  });

  it('may read and update items on the table, never Scan, delete, or reach an index', () => {
    const dynamo = workerStatements().filter((s) => asArray(s.Action).some((a) => a.startsWith('dynamodb:')));
    expect(dynamo).toHaveLength(1);
    expect(actionsOf(dynamo)).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem']);
    expect(JSON.stringify(dynamo[0]!.Resource)).not.toContain('/index/');
    expect(asArray(dynamo[0]!.Resource)).toHaveLength(1);
    const all = actionsOf(workerStatements());
    for (const forbidden of ['dynamodb:Scan', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:*']) expect(all).not.toContain(forbidden);
  });

  it('opens credentials (kms:Decrypt on the social-token key, in the social-token context only) and cannot seal', () => {
    const onKey = onSocialKey(workerStatements());
    expect(onKey).toHaveLength(1);
    expect(onKey[0]!.Action).toBe('kms:Decrypt');
    expect(onKey[0]!.Condition).toEqual(CONTEXT);
  });

  it('sends jobs back to the queue, consumes only its own queue, and has no wildcard beyond X-Ray', () => {
    const statements = workerStatements();
    const queueArn = { 'Fn::GetAtt': [idOf(stack(), stack().queue), 'Arn'] };
    const sqsStatements = statements.filter((s) => asArray(s.Action).some((a) => a.startsWith('sqs:')));
    for (const statement of sqsStatements) expect(statement.Resource).toEqual(queueArn);
    expect(actionsOf(sqsStatements)).toEqual(expect.arrayContaining(['sqs:SendMessage', 'sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:ChangeMessageVisibility']));
    const wildcard = statements.filter((s) => asArray(s.Resource as string).includes('*'));
    expect(actionsOf(wildcard)).toEqual(['xray:PutTelemetryRecords', 'xray:PutTraceSegments']);
  });

  it('emails (pledgers, share-only supporters) only as the platform’s sender, through its identity and configuration set, and reads the app secret that signs the links', () => {
    const statements = workerStatements();
    const mail = statements.filter((s) => asArray(s.Action).some((a) => a.startsWith('ses:')));
    expect(mail).toHaveLength(1);
    expect(actionsOf(mail)).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
    expect(mail[0]!.Condition).toEqual({ StringEquals: { 'ses:FromAddress': dev.config.senderAddress } });
    expect(asArray(mail[0]!.Resource)).toHaveLength(2);
    expect(JSON.stringify(mail[0]!.Resource)).not.toContain('"*"');
    const secrets = statements.filter((s) => asArray(s.Action).some((a) => a.startsWith('secretsmanager:')));
    expect(actionsOf(secrets)).toEqual(['secretsmanager:GetSecretValue']);
    expect(JSON.stringify(secrets[0]!.Resource)).toContain('AppSecret');
  });

  it('gets exactly the variables social-dispatch.ts reads: the queue, the key, the sender, the secret and its share of the sending rate', () => {
    const env = workerFunction().Properties.Environment.Variables as Record<string, unknown>;
    const { NODE_OPTIONS: _node, POWERTOOLS_SERVICE_NAME: _service, ...read } = env;
    expect(Object.keys(read).sort()).toEqual([
      'APP_SECRET_ARN', 'LOG_LEVEL', 'PUBLIC_URL', 'SES_CONFIGURATION_SET', 'SES_FROM_ADDRESS', 'SOCIAL_EMAILS_PER_SECOND', 'SOCIAL_QUEUE_URL', 'SOCIAL_TOKEN_KEY_ARN', 'STAGE', 'TABLE_NAME',
    ]);
    for (const key of Object.keys(read)) expect(Object.keys(socialDispatchEnvSchema.shape)).toContain(key);
    socialDispatchEnvSchema.pick({ STAGE: true, LOG_LEVEL: true, SES_FROM_ADDRESS: true, SOCIAL_EMAILS_PER_SECOND: true }).parse(read);
    expect(read.SOCIAL_QUEUE_URL).toEqual({ Ref: idOf(stack(), stack().queue) });
    expect(JSON.stringify(read.SOCIAL_TOKEN_KEY_ARN)).toContain('SocialTokenKey');
    expect(read.SES_FROM_ADDRESS).toBe(dev.config.senderAddress);
    // All the workers at once stay within SES's sending rate.
    expect(Number(read.SOCIAL_EMAILS_PER_SECOND) * WORKER_MAX_CONCURRENCY).toBeCloseTo(SES_SEND_RATE);
  });
});

describe('social stack: the every-minute step', () => {
  it('is the send-due-messages job, scheduled every minute in UTC', () => {
    const job = SCHEDULED_JOBS.find((j) => j.name === 'send-due-messages');
    expect(job).toMatchObject({ rate: { expression: 'rate(1 minute)', everyMs: 60_000 }, needsSocialQueue: true });
    expect(job!.needsStripe).toBeFalsy();
    expect(stack().jobs.map((scheduled) => scheduled.schedule.description)).toEqual([job!.description, SCHEDULED_JOBS.find((j) => j.name === 'check-token-health')!.description]);
    const fnArn = { 'Fn::GetAtt': [idOf(stack(), stack().jobs[0]!.handler.function), 'Arn'] };
    social.hasResourceProperties('AWS::Scheduler::Schedule', { ScheduleExpression: 'rate(1 minute)', ScheduleExpressionTimezone: 'UTC', Target: Match.objectLike({ Arn: fnArn }) });
  });

  it('queries and writes items, reads the email list from the updates index (never a Scan), batch-writes delivery records only, sends to the queue, and cannot open or seal credentials', () => {
    const statements = jobStatements();
    const dynamo = statements.filter((s) => asArray(s.Action).some((a) => a.startsWith('dynamodb:')));
    expect(actionsOf(dynamo)).toEqual(['dynamodb:BatchWriteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:Query']);
    for (const forbidden of ['dynamodb:Scan', 'dynamodb:DeleteItem', 'dynamodb:UpdateItem', 'dynamodb:*']) expect(actionsOf(dynamo)).not.toContain(forbidden);
    const items = dynamo.find((s) => s.Sid === 'SendDueItems')!;
    expect(JSON.stringify(items.Resource)).not.toContain('/index/');
    expect(asArray(items.Resource)).toHaveLength(1);
    // The index is the updates index alone, for Queries.
    const index = dynamo.find((s) => s.Sid === 'SendDueEmailList')!;
    expect(index.Action).toBe('dynamodb:Query');
    expect(JSON.stringify(index.Resource)).toContain(`/index/${UPDATES_INDEX}`);
    expect(JSON.stringify(dynamo.filter((s) => s !== index).map((s) => s.Resource))).not.toContain('/index/');
    // BatchWriteItem could delete: only items whose partition key is a message's deliveries.
    const batch = dynamo.find((s) => s.Sid === 'SendDueFreshRecords')!;
    expect(batch.Action).toBe('dynamodb:BatchWriteItem');
    expect(batch.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['DELIVERY#*'] } });
    const send = statements.filter((s) => asArray(s.Action).includes('sqs:SendMessage') && JSON.stringify(s.Resource).includes(idOf(stack(), stack().queue)));
    expect(send).toHaveLength(1);
    expect(send[0]!.Action).toBe('sqs:SendMessage');
    expect(onSocialKey(statements)).toEqual([]);
    expect(actionsOf(statements).filter((a) => a.startsWith('secretsmanager:') || a.startsWith('ses:'))).toEqual([]);
    const env = (social.findResources('AWS::Lambda::Function')[idOf(stack(), stack().jobs[0]!.handler.function)] as Resource).Properties.Environment.Variables;
    expect(Object.keys(env).sort()).toEqual(['LOG_LEVEL', 'NODE_OPTIONS', 'POWERTOOLS_SERVICE_NAME', 'SOCIAL_FAN_OUT_BUDGET_SECONDS', 'SOCIAL_QUEUE_URL', 'STAGE', 'TABLE_NAME']);
  });

  it('fans out for 4 of its 5 minutes, and the fan-out lease outlasts the function', () => {
    const fn = (social.findResources('AWS::Lambda::Function')[idOf(stack(), stack().jobs[0]!.handler.function)] as Resource).Properties;
    expect(fn.Timeout).toBe(SEND_DUE_TIMEOUT.toSeconds());
    expect(fn.Environment.Variables.SOCIAL_FAN_OUT_BUDGET_SECONDS).toBe('240');
    const { deps } = createSendDueDeps(loadSocialDispatchEnv({ STAGE: 'dev', LOG_LEVEL: 'info', SOCIAL_FAN_OUT_BUDGET_SECONDS: '240', AWS_REGION: 'eu-west-1', TABLE_NAME: 'blue-heart', SOCIAL_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/1/q' }));
    const policy = fanOutPolicyOf(deps);
    expect(policy.budgetMs).toBe(240_000);
    expect(policy.leaseMs).toBeGreaterThan(SEND_DUE_TIMEOUT.toMilliseconds());
  });
});

describe('social stack: the daily token health check', () => {
  const statements = () => roleStatements(social, stack(), tokenHealthJob().handler.role);
  const env = () => (social.findResources('AWS::Lambda::Function')[idOf(stack(), tokenHealthJob().handler.function)] as Resource).Properties.Environment.Variables as Record<string, unknown>;

  it('is the check-token-health job, daily at 05:00 UTC, in the social stack only', () => {
    const job = SCHEDULED_JOBS.find((j) => j.name === 'check-token-health');
    expect(job).toMatchObject({ rate: { expression: 'cron(0 5 * * ? *)', everyMs: 24 * 60 * 60_000 }, opensSocialTokens: true });
    expect(job!.needsStripe || job!.needsSocialQueue).toBeFalsy();
    const fnArn = { 'Fn::GetAtt': [idOf(stack(), tokenHealthJob().handler.function), 'Arn'] };
    social.hasResourceProperties('AWS::Scheduler::Schedule', { ScheduleExpression: 'cron(0 5 * * ? *)', ScheduleExpressionTimezone: 'UTC', Target: Match.objectLike({ Arn: fnArn }) });
    const everywhere = [dev.platform.api, dev.platform.payments].flatMap((other) => resources(Template.fromStack(other), 'AWS::Scheduler::Schedule'));
    expect(everywhere.map((schedule) => schedule.Properties.ScheduleExpression)).not.toContain('cron(0 5 * * ? *)');
  });

  it('opens credentials (kms:Decrypt on the social-token key, in the social-token context only) and cannot seal', () => {
    const onKey = onSocialKey(statements());
    expect(onKey).toHaveLength(1);
    expect(onKey[0]!.Action).toBe('kms:Decrypt');
    expect(onKey[0]!.Condition).toEqual(CONTEXT);
  });

  it('reads and changes items (no Scan, no delete, no index), mails only as the sender, reads the app secret, and queues nothing', () => {
    const all = statements();
    const dynamo = all.filter((s) => asArray(s.Action).some((a) => a.startsWith('dynamodb:')));
    expect(actionsOf(dynamo)).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem']);
    expect(JSON.stringify(dynamo[0]!.Resource)).not.toContain('/index/');
    const mail = all.filter((s) => asArray(s.Action).some((a) => a.startsWith('ses:')));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.Condition).toEqual({ StringEquals: { 'ses:FromAddress': dev.config.senderAddress } });
    expect(actionsOf(all.filter((s) => asArray(s.Action).some((a) => a.startsWith('secretsmanager:'))))).toEqual(['secretsmanager:GetSecretValue']);
    // SQS: only its own dead-letter queue (the failed-run destination), never the delivery queue.
    const sqsStatements = all.filter((s) => asArray(s.Action).some((a) => a.startsWith('sqs:')));
    for (const statement of sqsStatements) expect(statement.Resource).toEqual({ 'Fn::GetAtt': [idOf(stack(), tokenHealthJob().deadLetters), 'Arn'] });
  });

  it('gets exactly the variables token-health.ts reads, with the key, the sender and the secret', () => {
    const { NODE_OPTIONS: _node, POWERTOOLS_SERVICE_NAME: _service, ...read } = env();
    expect(Object.keys(read).sort()).toEqual(['APP_SECRET_ARN', 'LOG_LEVEL', 'PUBLIC_URL', 'SES_CONFIGURATION_SET', 'SES_FROM_ADDRESS', 'SOCIAL_TOKEN_KEY_ARN', 'STAGE', 'TABLE_NAME']);
    for (const key of Object.keys(read)) expect(Object.keys(tokenHealthEnvSchema.shape)).toContain(key);
    expect(JSON.stringify(read.SOCIAL_TOKEN_KEY_ARN)).toContain('SocialTokenKey');
    expect(read.SES_FROM_ADDRESS).toBe(dev.config.senderAddress);
    const withManagers = buildPlatform({ managersEmail: 'managers@blueheart.example.net' }, { site: null });
    const job = withManagers.platform.social.jobs.find((scheduled) => scheduled.schedule.description === tokenHealthJob().schedule.description)!;
    const functions = Template.fromStack(withManagers.platform.social).findResources('AWS::Lambda::Function');
    const variablesOf = (fn: { node: { defaultChild?: unknown } }) => (functions[idOf(withManagers.platform.social, fn)] as Resource).Properties.Environment.Variables;
    // The check and the worker (an account refused at the moment) both tell the managers.
    expect(variablesOf(job.handler.function).MANAGERS_EMAIL).toBe('managers@blueheart.example.net');
    expect(variablesOf(withManagers.platform.social.worker.function).MANAGERS_EMAIL).toBe('managers@blueheart.example.net');
    expect(Object.keys(socialDispatchEnvSchema.shape)).toContain('MANAGERS_EMAIL');
  });
});

describe('the social-token key', () => {
  it('is a customer-managed key that rotates, kept with prod data', () => {
    const keyId = idOf(dev.platform.data, dev.platform.data.socialTokenKey);
    const key = data.findResources('AWS::KMS::Key')[keyId] as Resource;
    expect(key.Properties.EnableKeyRotation).toBe(true);
    expect(key.Properties.KeySpec ?? 'SYMMETRIC_DEFAULT').toBe('SYMMETRIC_DEFAULT');
    const prodData = Template.fromStack(prod.platform.data);
    expect((prodData.findResources('AWS::KMS::Key')[idOf(prod.platform.data, prod.platform.data.socialTokenKey)] as Resource).DeletionPolicy).toBe('Retain');
  });

  it('refuses any encryption or decryption outside the social-token context, whoever asks', () => {
    const keyId = idOf(dev.platform.data, dev.platform.data.socialTokenKey);
    const statements = (data.findResources('AWS::KMS::Key')[keyId] as Resource).Properties.KeyPolicy.Statement as Statement[];
    const deny = statements.filter((s) => s.Effect === 'Deny');
    expect(deny).toHaveLength(1);
    expect(deny[0]).toMatchObject({ Principal: { AWS: '*' }, Resource: '*', Condition: { StringNotEquals: { 'kms:EncryptionContext:purpose': 'social-token' } } });
    expect(actionsOf(deny)).toEqual(['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey*', 'kms:ReEncrypt*']);
  });

  it('lets the HTTP function seal (Encrypt, in context) and nothing else; no API job touches it', () => {
    const http = roleStatements(api, dev.platform.api, dev.platform.api.handler.role);
    const onKey = onSocialKey(http);
    expect(onKey).toHaveLength(1);
    expect(onKey[0]!.Action).toBe('kms:Encrypt');
    expect(onKey[0]!.Condition).toEqual(CONTEXT);
    const httpEnv = (api.findResources('AWS::Lambda::Function')[idOf(dev.platform.api, dev.platform.api.handler.function)] as Resource).Properties.Environment.Variables;
    expect(JSON.stringify(httpEnv.SOCIAL_TOKEN_KEY_ARN)).toContain('SocialTokenKey');
    for (const job of dev.platform.api.jobs) {
      expect(onSocialKey(roleStatements(api, dev.platform.api, job.handler.role))).toEqual([]);
      const env = (api.findResources('AWS::Lambda::Function')[idOf(dev.platform.api, job.handler.function)] as Resource).Properties.Environment.Variables;
      expect(env.SOCIAL_TOKEN_KEY_ARN).toBeUndefined();
    }
  });

  it('is named by no other role of the platform than the HTTP function, the worker and the token health check', () => {
    const users: string[] = [];
    for (const [name, platformStack] of Object.entries(dev.platform)) {
      const template = Template.fromStack(platformStack as Stack);
      for (const policy of resources(template, 'AWS::IAM::Policy')) {
        if (onSocialKey(policy.Properties.PolicyDocument.Statement as Statement[]).length > 0) users.push(`${name}:${JSON.stringify(policy.Properties.Roles)}`);
      }
    }
    expect(users.sort()).toEqual(
      [
        `api:${JSON.stringify([{ Ref: idOf(dev.platform.api, dev.platform.api.handler.role as unknown as { node: { defaultChild?: unknown } }) }])}`,
        `social:${JSON.stringify([{ Ref: idOf(stack(), stack().worker.role as unknown as { node: { defaultChild?: unknown } }) }])}`,
        `social:${JSON.stringify([{ Ref: idOf(stack(), tokenHealthJob().handler.role as unknown as { node: { defaultChild?: unknown } }) }])}`,
      ].sort(),
    );
  });
});
