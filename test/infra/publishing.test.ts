import type { CfnElement, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishEnvSchema } from '../../functions/config/env.js';
import { runsInSocialStack, SCHEDULED_JOBS } from '../../functions/config/schedules.js';
import { assertScheduleExpression } from '../../infra/constructs/scheduled-job.js';
import { buildPlatform, removeTempDirs, type TestPlatform } from './support.js';

afterAll(removeTempDirs);

type Resource = { Type: string; Properties: Record<string, any> };
type Statement = { Sid?: string; Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };

const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);
const logicalId = (stack: Stack, construct: { node: { defaultChild?: unknown } }) => stack.getLogicalId(construct.node.defaultChild as CfnElement);
const resources = (template: Template, type: string) => Object.values(template.findResources(type)) as Resource[];
/** Statements of the inline policies attached to exactly this role. */
const roleStatements = (template: Template, roleId: string): Statement[] =>
  resources(template, 'AWS::IAM::Policy')
    .filter((p) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
const actionsOf = (statements: Statement[]) => statements.flatMap((s) => asArray(s.Action)).sort();
const bySid = (statements: Statement[], sid: string) => {
  const found = statements.filter((s) => s.Sid === sid);
  expect(found, sid).toHaveLength(1);
  return found[0]!;
};

let dev: TestPlatform;
let web: Template;
let publish: Template;
let api: Template;
let payments: Template;
let social: Template;

beforeAll(() => {
  dev = buildPlatform();
  web = Template.fromStack(dev.platform.web);
  publish = Template.fromStack(dev.platform.publish);
  api = Template.fromStack(dev.platform.api);
  payments = Template.fromStack(dev.platform.payments);
  social = Template.fromStack(dev.platform.social);
});

describe('publish function', () => {
  it('gets exactly the variables publishEnvSchema reads', () => {
    const [fn] = resources(publish, 'AWS::Lambda::Function');
    const env = fn!.Properties.Environment.Variables as Record<string, unknown>;
    for (const key of ['SITE_BUCKET', 'DISTRIBUTION_ID', 'TABLE_NAME', 'PUBLIC_URL']) expect(env, key).toHaveProperty(key);
    const known = new Set([...Object.keys(publishEnvSchema.shape), 'NODE_OPTIONS', 'POWERTOOLS_SERVICE_NAME']);
    expect(Object.keys(env).filter((key) => !known.has(key))).toEqual([]);
    expect(env).not.toHaveProperty('DYNAMODB_ENDPOINT');
  });

  it('may write only the site bucket and invalidate only its distribution', () => {
    const bucketId = logicalId(dev.platform.web, dev.platform.web.siteBucket);
    const distributionId = logicalId(dev.platform.web, dev.platform.web.distribution);
    const [policy] = resources(web, 'AWS::IAM::ManagedPolicy');
    const statements = policy!.Properties.PolicyDocument.Statement as Statement[];
    expect(actionsOf(statements)).toEqual(['cloudfront:CreateInvalidation', 's3:DeleteObject', 's3:ListBucket', 's3:PutObject']);
    expect(bySid(statements, 'WriteSitePages').Resource).toEqual({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/*']] });
    expect(bySid(statements, 'ListSitePages').Resource).toEqual({ 'Fn::GetAtt': [bucketId, 'Arn'] });
    const distribution = JSON.stringify(bySid(statements, 'InvalidateSite').Resource);
    expect(distribution).toContain(':distribution/');
    expect(distribution).toContain(`{"Ref":"${distributionId}"}`);
    // The policy is attached to the publish function's role and to no other.
    const roles = resources(publish, 'AWS::IAM::Role');
    expect(roles.filter((r) => r.Properties.ManagedPolicyArns)).toHaveLength(1);
    // The API's only managed policy is the media upload one (checked in stacks.test.ts), not this.
    expect(JSON.stringify(resources(api, 'AWS::IAM::Role'))).not.toMatch(/SitePublishing/);
  });

  it('reads the table by key only, and uses its key only through DynamoDB', () => {
    const roleId = logicalId(dev.platform.publish, dev.platform.publish.publisher.role);
    const statements = roleStatements(publish, roleId);
    expect(actionsOf(statements).filter((a) => !a.startsWith('logs:') && !a.startsWith('xray:'))).toEqual([
      'dynamodb:GetItem',
      'dynamodb:Query',
      'kms:Decrypt',
    ]);
    expect(asArray(bySid(statements, 'ReadCampaignsAndCounters').Resource)).toHaveLength(1);
    expect(JSON.stringify(bySid(statements, 'TableKeyViaDynamoDb').Condition)).toContain('kms:ViaService');
    expect(statements.filter((s) => asArray(s.Resource as string).includes('*')).flatMap((s) => asArray(s.Action)).sort()).toEqual([
      'xray:PutTelemetryRecords',
      'xray:PutTraceSegments',
    ]);
  });
});

describe('the API and the scheduled jobs', () => {
  it('gives the API the publish function name and the right to invoke it, and no other function', () => {
    const roleId = logicalId(dev.platform.api, dev.platform.api.handler.role);
    const invoke = roleStatements(api, roleId).filter((s) => asArray(s.Action).some((a) => a.startsWith('lambda:')));
    expect(invoke).toHaveLength(1);
    expect(asArray(invoke[0]!.Action)).toEqual(['lambda:InvokeFunction']);
    expect(asArray(invoke[0]!.Resource)).toHaveLength(1);
    expect(JSON.stringify(invoke[0]!.Resource)).toContain('Fn::GetStackOutput');
    expect(JSON.stringify(invoke[0]!.Resource)).toContain(dev.platform.publish.stackName);
    const http = resources(api, 'AWS::Lambda::Function').find((f) => String(f.Properties.Description).endsWith('HTTP API'))!;
    expect(http.Properties.Environment.Variables.PUBLISH_FUNCTION_NAME).toBeDefined();
  });

  it('runs every SCHEDULED_JOBS entry once: Stripe jobs in the payments stack, social queue jobs in the social stack, the others in the API stack', () => {
    const expressions = (template: Template) => resources(template, 'AWS::Scheduler::Schedule').map((s) => s.Properties.ScheduleExpression as string).sort();
    const expressionsOf = (jobs: readonly (typeof SCHEDULED_JOBS)[number][]) => jobs.map((job) => job.rate.expression).sort();
    expect(expressions(api)).toEqual(expressionsOf(SCHEDULED_JOBS.filter((job) => !job.needsStripe && !runsInSocialStack(job))));
    expect(expressions(payments)).toEqual(expressionsOf(SCHEDULED_JOBS.filter((job) => job.needsStripe)));
    expect(expressions(social)).toEqual(expressionsOf(SCHEDULED_JOBS.filter(runsInSocialStack)));
    expect(dev.platform.api.jobs.length + dev.platform.payments.jobs.length + dev.platform.social.jobs.length).toBe(SCHEDULED_JOBS.length);
    expect(SCHEDULED_JOBS.filter((job) => job.needsStripe && runsInSocialStack(job))).toEqual([]);
    // Publishing due campaigns every minute; reconciling payouts nightly at 03:00 UTC; social messages every minute, their accounts' tokens daily at 05:00 UTC.
    expect(expressions(api)).toContain('rate(1 minute)');
    expect(expressions(payments)).toContain('cron(0 3 * * ? *)');
    expect(expressions(social)).toEqual(['cron(0 5 * * ? *)', 'rate(1 minute)']);
  });

  it('schedules every job in UTC, on time, with retries and a dead-letter queue', () => {
    for (const template of [api, payments, social]) {
      const schedules = resources(template, 'AWS::Scheduler::Schedule');
      expect(schedules.length).toBeGreaterThan(0);
      for (const { Properties: schedule } of schedules) {
        expect(schedule.FlexibleTimeWindow).toEqual({ Mode: 'OFF' });
        expect(schedule.ScheduleExpressionTimezone).toBe('UTC');
        expect(schedule.State).toBe('ENABLED');
        expect(schedule.Target.RetryPolicy.MaximumRetryAttempts).toBeGreaterThan(0);
        expect(schedule.Target.DeadLetterConfig.Arn['Fn::GetAtt'][1]).toBe('Arn');
      }
    }
  });

  it('refuses a schedule expression EventBridge Scheduler would reject', () => {
    for (const expression of ['rate(1 minute)', 'rate(5 minutes)', 'cron(0 3 * * ? *)']) expect(() => assertScheduleExpression('job', expression)).not.toThrow();
    for (const expression of ['rate(1 minutes)', 'rate(2 hour)', 'cron(0 3 * * ?)', 'every night', 'at(2026-07-30T03:00:00)']) {
      expect(() => assertScheduleExpression('job', expression), expression).toThrow(/not an EventBridge Scheduler expression/);
    }
  });

  it('lets each schedule invoke only its own job, and keeps its dead letters encrypted, TLS only and alarmed', () => {
    const alarmTopicId = logicalId(dev.platform.api, dev.platform.api.alarmTopic);
    for (const [stack, template] of [
      [dev.platform.api, api],
      [dev.platform.payments, payments],
      [dev.platform.social, social],
    ] as const) {
      for (const job of stack.jobs) {
        const fnArn = { 'Fn::GetAtt': [logicalId(stack, job.handler.function), 'Arn'] };
        const queueId = logicalId(stack, job.deadLetters);
        const schedule = resources(template, 'AWS::Scheduler::Schedule').find((s) => JSON.stringify(s.Properties.Target.Arn) === JSON.stringify(fnArn));
        expect(schedule).toBeDefined();
        const schedulerRoleId = (schedule!.Properties.Target.RoleArn as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
        const statements = roleStatements(template, schedulerRoleId);
        expect(statements.map((s) => [s.Action, s.Resource])).toEqual([
          ['lambda:InvokeFunction', fnArn],
          ['sqs:SendMessage', { 'Fn::GetAtt': [queueId, 'Arn'] }],
        ]);
        const queue = template.findResources('AWS::SQS::Queue')[queueId] as Resource;
        expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
        template.hasResourceProperties('AWS::SQS::QueuePolicy', {
          Queues: [{ Ref: queueId }],
          PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
        });
        // The platform's one alarm topic (in the API stack; a cross-stack reference from payments).
        const alarm = resources(template, 'AWS::CloudWatch::Alarm').find(
          (a) => JSON.stringify(a.Properties.Dimensions) === JSON.stringify([{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }]),
        );
        expect(alarm?.Properties.MetricName).toBe('ApproximateNumberOfMessagesVisible');
        expect(JSON.stringify(alarm!.Properties.AlarmActions)).toContain(stack === dev.platform.api ? `{"Ref":"${alarmTopicId}"}` : 'BlueHeart-dev-Api');
        // A run that keeps failing after Lambda's own retries lands in the same queue.
        template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
          FunctionName: { Ref: logicalId(stack, job.handler.function) },
          MaximumRetryAttempts: 2,
          DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } } },
        });
      }
    }
  });

  it('gives each API job the API data rights and the publish invoke, but no mail', () => {
    for (const job of dev.platform.api.jobs) {
      const statements = roleStatements(api, logicalId(dev.platform.api, job.handler.role));
      const sids = statements.map((s) => s.Sid).filter(Boolean);
      expect(sids).toEqual(expect.arrayContaining(['TableItems', 'TableKeyViaDynamoDb', 'AppSecret', 'PublishSite']));
      expect(actionsOf(statements).some((a) => a.startsWith('ses:'))).toBe(false);
      expect(JSON.stringify(bySid(statements, 'PublishSite').Resource)).toContain(dev.platform.publish.stackName);
    }
  });
});
