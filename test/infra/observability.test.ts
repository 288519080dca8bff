import type { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AMOUNTS, COUNTED_EVENTS } from '../../functions/domain/shared/metrics.js';
import { AppFunction } from '../../infra/constructs/app-function.js';
import { API_5XX_RATE, SES_REPUTATION } from '../../infra/stacks/observability-stack.js';
import { buildPlatform, removeTempDirs, type TestPlatform } from './support.js';

afterAll(removeTempDirs);

/* eslint-disable @typescript-eslint/no-explicit-any -- CloudFormation templates are untyped JSON. */
type Resource = { Type: string; Properties: Record<string, any> };

let dev: TestPlatform;
let prod: TestPlatform;
beforeAll(() => {
  dev = buildPlatform({}, { site: null });
  prod = buildPlatform(
    {
      stage: 'prod',
      senderAddress: 'pledges@blueheart.example.net',
      domainName: 'blueheart.example.net',
      certificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/abc',
      webAclArn: 'arn:aws:wafv2:us-east-1:111122223333:global/webacl/blue-heart-shared/abc',
      alarmEmail: 'ops@blueheart.example.net',
    },
    { site: null },
  );
});

const stacksOf = (platform: TestPlatform): Stack[] => Object.values(platform.platform).filter((stack): stack is Stack => stack !== undefined);
const resources = (stack: Stack, type: string) => Object.entries(Template.fromStack(stack).findResources(type)) as Array<[string, Resource]>;
const alarmsOf = (platform: TestPlatform) =>
  stacksOf(platform).flatMap((stack) => resources(stack, 'AWS::CloudWatch::Alarm').map(([id, alarm]): Record<string, any> & { stack: Stack; id: string } => ({ ...alarm.Properties, stack, id })));
/** The dashboard body with CloudFormation's joins flattened and cross-stack references named by what they point at. */
function dashboardBody(platform: TestPlatform): string {
  const [[, dashboard]] = resources(platform.platform.observability, 'AWS::CloudWatch::Dashboard') as [[string, Resource]];
  const parts = dashboard.Properties.DashboardBody['Fn::Join'][1] as unknown[];
  return parts.map((part) => (typeof part === 'string' ? part : `<${JSON.stringify(part).replace(/[[\]{}"]/g, '')}>`)).join('');
}
const topicRef = (alarm: Record<string, any>) => JSON.stringify(alarm.AlarmActions ?? []);

describe('alarms', () => {
  it('on the API 5xx rate: 5xx over requests on the HTTP API, in %, ignoring near-empty minutes, to the alarm topic', () => {
    const [alarm] = resources(dev.platform.observability, 'AWS::CloudWatch::Alarm').filter(([id]) => id.startsWith('ApiServerErrorRate')).map(([, a]) => a.Properties);
    expect(alarm).toMatchObject({ Threshold: API_5XX_RATE.percent, ComparisonOperator: 'GreaterThanThreshold', EvaluationPeriods: 5, DatapointsToAlarm: 3, TreatMissingData: 'notBreaching' });
    const metrics = alarm!.Metrics as Array<Record<string, any>>;
    const expression = metrics.find((m) => m.Expression)!;
    expect(expression.Expression).toBe(`IF(requests >= ${API_5XX_RATE.minRequests}, 100 * errors / requests, 0)`);
    const byId = Object.fromEntries(metrics.filter((m) => m.MetricStat).map((m) => [m.Id, m.MetricStat]));
    for (const [id, name] of [['errors', '5xx'], ['requests', 'Count']] as const) {
      expect(byId[id]).toMatchObject({ Metric: { Namespace: 'AWS/ApiGateway', MetricName: name, Dimensions: [{ Name: 'ApiId' }] }, Stat: 'Sum', Period: 60 });
      expect(JSON.stringify(byId[id].Metric.Dimensions[0].Value)).toContain('HttpApi');
    }
    expect(topicRef(alarm!)).toContain('Alarms');
  });

  it('on the SES account bounce rate above 5 % and complaint rate above 0.1 % (SES reports fractions), to the alarm topic', () => {
    const ses = resources(dev.platform.observability, 'AWS::CloudWatch::Alarm').filter(([, a]) => a.Properties.Namespace === 'AWS/SES').map(([, a]) => a.Properties);
    expect(ses.map((a) => [a.MetricName, a.Threshold, a.ComparisonOperator, a.Dimensions])).toEqual([
      ['Reputation.BounceRate', SES_REPUTATION.bounceRate, 'GreaterThanThreshold', undefined],
      ['Reputation.ComplaintRate', SES_REPUTATION.complaintRate, 'GreaterThanThreshold', undefined],
    ]);
    expect([SES_REPUTATION.bounceRate, SES_REPUTATION.complaintRate]).toEqual([0.05, 0.001]);
    for (const alarm of ses) expect(topicRef(alarm)).toContain('Alarms');
  });

  it('on every dead-letter queue of the platform (any message waiting), and on the webhook failures, each to the alarm topic', () => {
    // Every queue no other queue drains into is a dead-letter queue: the payments webhook's, the social deliveries', each scheduled job's.
    const deadLetterQueues = stacksOf(dev).flatMap((stack) =>
      resources(stack, 'AWS::SQS::Queue')
        .filter(([, queue]) => !queue.Properties.RedrivePolicy)
        .map(([id]) => ({ stack, id, path: stack.node.findAll().find((c) => c instanceof sqs.Queue && stack.getLogicalId(c.node.defaultChild as never) === id)!.node.path })),
    );
    expect(deadLetterQueues.map((queue) => queue.path).sort()).toEqual([
      'BlueHeart-dev-Api/Job-enforce-retention/DeadLetters',
      'BlueHeart-dev-Api/Job-publish-due-campaigns/DeadLetters',
      'BlueHeart-dev-Payments/Job-reconcile-payouts/DeadLetters',
      'BlueHeart-dev-Payments/WebhookDeadLetters',
      'BlueHeart-dev-Social/DeliveryDeadLetters',
      'BlueHeart-dev-Social/Job-check-token-health/DeadLetters',
      'BlueHeart-dev-Social/Job-send-due-messages/DeadLetters',
    ]);
    const alarms = alarmsOf(dev);
    for (const queue of deadLetterQueues) {
      const watching = alarms.filter((alarm) => alarm.stack === queue.stack && alarm.MetricName === 'ApproximateNumberOfMessagesVisible' && JSON.stringify(alarm.Dimensions).includes(`"${queue.id}"`));
      expect(watching, queue.path).toHaveLength(1);
      expect(watching[0], queue.path).toMatchObject({ Namespace: 'AWS/SQS', Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
      expect(topicRef(watching[0]!), queue.path).toContain('Alarms');
    }
    const webhook = alarms.filter((alarm) => alarm.MetricName === 'StripeWebhook5xx');
    expect(webhook).toHaveLength(1);
    expect(webhook[0]).toMatchObject({ Namespace: 'BlueHeart/dev', Threshold: 1 });
    expect(topicRef(webhook[0]!)).toContain('Alarms');
  });
});

describe('the dashboard', () => {
  it('is one dashboard, BlueHeart-<stage>, with every alarm of the platform in its status widget', () => {
    const dashboards = stacksOf(dev).flatMap((stack) => resources(stack, 'AWS::CloudWatch::Dashboard'));
    expect(dashboards).toHaveLength(1);
    expect(dashboards[0]![1].Properties.DashboardName).toBe('BlueHeart-dev');
    const body = dashboardBody(dev);
    const alarmCount = stacksOf(dev).reduce((n, stack) => n + stack.node.findAll().filter((c) => c instanceof cloudwatch.Alarm).length, 0);
    expect(alarmCount).toBeGreaterThanOrEqual(15);
    expect(body.match(/"type":"alarm"/g)).toHaveLength(1);
    const listed = /"alarms":\[([^\]]*)\]/.exec(body)![1]!.split('","');
    expect(listed).toHaveLength(alarmCount);
    expect(listed.join()).toContain('WebhookFailures');
    expect(listed.join()).toContain('ApiServerErrorRate');
  });

  it('charts API requests, 4xx and 5xx, the 5xx rate and latency p50/p99 of the HTTP API', () => {
    const body = dashboardBody(dev);
    for (const [metric, stat] of [['Count', 'Sum'], ['4xx', 'Sum'], ['5xx', 'Sum'], ['Latency', 'p50'], ['Latency', 'p99'], ['IntegrationLatency', 'p99']]) {
      expect(body).toMatch(new RegExp(`\\["AWS/ApiGateway","${metric}","ApiId","<[^>]*HttpApi[^>]*>",\\{[^}]*"stat":"${stat}"`));
    }
    expect(body).toContain(`"expression":"IF(requests >= ${API_5XX_RATE.minRequests}, 100 * errors / requests, 0)"`);
  });

  it("charts each function's errors, throttles and p99 duration, by its service name", () => {
    const body = dashboardBody(dev);
    const functions = stacksOf(dev).flatMap((stack) => stack.node.findAll().filter((c): c is AppFunction => c instanceof AppFunction));
    expect(functions.map((fn) => fn.service)).toEqual(expect.arrayContaining(['http', 'webhook', 'checkout', 'finance', 'worker', 'publish', 'publish-due-campaigns', 'reconcile-payouts']));
    for (const [metric, stat] of [['Errors', 'Sum'], ['Throttles', 'Sum'], ['Duration', 'p99']]) {
      const lines = body.match(new RegExp(`\\["AWS/Lambda","${metric}","FunctionName","<[^>]*>",\\{"label":"[^"]+","stat":"${stat}"`, 'g')) ?? [];
      expect(lines, metric).toHaveLength(functions.length);
    }
    for (const fn of functions) expect(body).toContain(`"label":"${fn.service}"`);
  });

  it('charts the depth of every dead-letter queue', () => {
    const body = dashboardBody(dev);
    expect(body.match(/\["AWS\/SQS","ApproximateNumberOfMessagesVisible","QueueName"/g)).toHaveLength(7);
    expect(body).toContain('"label":"WebhookDeadLetters"');
    expect(body).toContain('"label":"DeliveryDeadLetters"');
  });

  it('charts every business metric of namespace BlueHeart for its stage, and donation amounts per currency', () => {
    const body = dashboardBody(prod);
    for (const name of COUNTED_EVENTS) expect(body).toContain(`SUM(SEARCH('{BlueHeart,service,stage} MetricName=\\"${name}\\" stage=\\"prod\\"', 'Sum', 300))`);
    for (const name of AMOUNTS) expect(body).toContain(`SEARCH('{BlueHeart,currency,service,stage} MetricName=\\"${name}\\" stage=\\"prod\\"', 'Sum', 3600)`);
  });

  it('charts SES sends, deliveries, bounces, complaints and reputation, and the WAF at the edge in us-east-1', () => {
    const devBody = dashboardBody(dev);
    for (const metric of ['Send', 'Delivery', 'Bounce', 'Complaint', 'Reputation.BounceRate', 'Reputation.ComplaintRate']) expect(devBody).toContain(`["AWS/SES","${metric}",{`);
    for (const metric of ['BlockedRequests', 'AllowedRequests']) expect(devBody).toMatch(new RegExp(`\\["AWS/WAFV2","${metric}","Rule","ALL","WebACL","blue-heart-dev",\\{[^}]*"region":"us-east-1"`));
    // A web ACL brought with webAclArn is charted by the name in its ARN.
    expect(dashboardBody(prod)).toContain('"WebACL","blue-heart-shared"');
  });
});

describe('functions', () => {
  it('tell Powertools their service name (logs, metrics and traces)', () => {
    for (const stack of stacksOf(dev)) {
      for (const fn of stack.node.findAll().filter((c): c is AppFunction => c instanceof AppFunction)) {
        const [, resource] = resources(stack, 'AWS::Lambda::Function').find(([id]) => id === stack.getLogicalId(fn.function.node.defaultChild as never))!;
        expect(resource.Properties.Environment.Variables.POWERTOOLS_SERVICE_NAME, fn.node.path).toBe(fn.service);
        expect(resource.Properties.TracingConfig).toEqual({ Mode: 'Active' });
      }
    }
  });

  it("give each scheduled run Scheduler's execution id, which the job logs as its correlation id", () => {
    const schedules = stacksOf(dev).flatMap((stack) => resources(stack, 'AWS::Scheduler::Schedule'));
    expect(schedules.length).toBeGreaterThanOrEqual(4);
    for (const [, schedule] of schedules) {
      expect(JSON.parse(schedule.Properties.Target.Input)).toMatchObject({ executionId: '<aws.scheduler.execution-id>', scheduledTime: '<aws.scheduler.scheduled-time>' });
    }
  });
});
