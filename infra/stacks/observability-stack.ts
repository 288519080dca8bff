import { Duration, Stack } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct, IConstruct } from 'constructs';
import { METRICS_NAMESPACE } from '../../functions/adapters/metrics/namespace.js';
import type { CountedEvent } from '../../functions/domain/shared/metrics.js';
import { AppFunction } from '../constructs/app-function.js';
import { isDeadLetterQueue } from '../constructs/dead-letter-queue.js';
import { EDGE_REGION } from './edge-stack.js';
import type { StageStackProps } from './stage.js';

/** The API's 5xx share (%) above which, with at least `minRequests` a minute, the alarm fires. */
export const API_5XX_RATE = { percent: 5, minRequests: 10, datapointsToAlarm: 3, evaluationPeriods: 5 } as const;
/**
 * SES's own limits: an account is reviewed at a 5 % bounce rate or a 0.1 % complaint rate (and
 * may be paused at 10 % and 0.5 %). The alarms fire at the review thresholds, before sending stops.
 */
export const SES_REPUTATION = { bounceRate: 0.05, complaintRate: 0.001 } as const;

/** The business metrics as the dashboard groups them (functions/domain/shared/metrics.ts), with their labels. */
export const BUSINESS_WIDGETS: ReadonlyArray<{ title: string; metrics: ReadonlyArray<[CountedEvent, string]> }> = [
  { title: 'Pledges', metrics: [['PledgeSubmitted', 'submitted'], ['PledgeConfirmed', 'confirmed']] },
  { title: 'Donations and Stripe events', metrics: [['DonationRecorded', 'gifts recorded'], ['WebhookEventProcessed', 'events processed'], ['WebhookEventDuplicate', 'duplicate events']] },
  { title: 'Social posts at the moment', metrics: [['PostDelivered', 'delivered'], ['PostFailed', 'failed'], ['PostSkipped', 'skipped']] },
  { title: 'Emails at the moment', metrics: [['EmailSent', 'sent'], ['EmailFailed', 'failed'], ['EmailSkipped', 'skipped (unsubscribed)']] },
];

/** The web ACL's name from its ARN (`…:global/webacl/<name>/<id>`), for a web ACL brought from elsewhere. */
export const webAclNameFromArn = (arn: string): string | undefined => /\/webacl\/([^/]+)\//.exec(arn)?.[1];

export interface ObservabilityStackProps extends StageStackProps {
  httpApi: apigwv2.IHttpApi;
  /** The platform's alarm topic (ApiStack). */
  alarmTopic: sns.ITopic;
  /**
   * The stacks whose functions, dead-letter queues and alarms the dashboard shows. They are found
   * in the stacks' construct trees, so a function, queue or alarm added later appears by itself.
   */
  watched: readonly Stack[];
  /** The CloudFront web ACL's name (its metrics are in us-east-1); undefined: no WAF widget. */
  webAclName?: string | undefined;
}

/**
 * What an operator watches on World Day, in one place: the alarms that only make sense across
 * stacks (the API's 5xx rate, SES's account-level bounce and complaint rates) and one CloudWatch
 * dashboard: API traffic, errors and latency; each function's errors, throttles and duration;
 * dead-letter queue depths; the business metrics (pledges, donations, Stripe events, social
 * posts and emails, namespace BlueHeart); SES sending and reputation; requests the WAF blocked.
 *
 * A stack of its own, deployed last: it reads every other stack (cross-stack references, as the
 * payments and social stacks read the API stack's alarm topic) and nothing reads it.
 */
export class ObservabilityStack extends Stack {
  readonly dashboard: cloudwatch.Dashboard;
  readonly alarms: { apiServerErrorRate: cloudwatch.Alarm; sesBounceRate: cloudwatch.Alarm; sesComplaintRate: cloudwatch.Alarm };

  constructor(scope: Construct, id: string, props: ObservabilityStackProps) {
    super(scope, id, props);
    const found = <T extends IConstruct>(is: (c: IConstruct) => c is T): T[] => props.watched.flatMap((stack) => stack.node.findAll().filter(is));
    const functions = found((c): c is AppFunction => c instanceof AppFunction);
    const deadLetterQueues = found((c): c is sqs.Queue => c instanceof sqs.Queue && isDeadLetterQueue(c));

    const serverErrorRate = this.serverErrorRate(props.httpApi, Duration.minutes(1));
    const sesRate = (metricName: string) => new cloudwatch.Metric({ namespace: 'AWS/SES', metricName, statistic: 'Maximum', period: Duration.hours(1) });
    const action = new cwActions.SnsAction(props.alarmTopic);
    this.alarms = {
      apiServerErrorRate: serverErrorRate.createAlarm(this, 'ApiServerErrorRate', {
        alarmDescription: `More than ${API_5XX_RATE.percent} % of the API's answers were 5xx in ${API_5XX_RATE.datapointsToAlarm} of the last ${API_5XX_RATE.evaluationPeriods} minutes (minutes with fewer than ${API_5XX_RATE.minRequests} requests count as 0 %). Read the dashboard's Lambda errors and the functions' logs ("unhandled error", "temporary failure").`,
        threshold: API_5XX_RATE.percent,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: API_5XX_RATE.evaluationPeriods,
        datapointsToAlarm: API_5XX_RATE.datapointsToAlarm,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
      // Account-level rates that SES publishes now and then: a missing hour keeps the last state.
      sesBounceRate: sesRate('Reputation.BounceRate').createAlarm(this, 'SesBounceRate', {
        alarmDescription: `The account's SES bounce rate is above ${SES_REPUTATION.bounceRate * 100} %: SES reviews the account there and may pause sending at 10 %. Look for a bad list or a typo-heavy form (SES console → Reputation metrics).`,
        threshold: SES_REPUTATION.bounceRate,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.IGNORE,
      }),
      sesComplaintRate: sesRate('Reputation.ComplaintRate').createAlarm(this, 'SesComplaintRate', {
        alarmDescription: `The account's SES complaint rate is above ${SES_REPUTATION.complaintRate * 100} %: SES reviews the account there and may pause sending at 0.5 %. Check who is mailed and that unsubscribe links work.`,
        threshold: SES_REPUTATION.complaintRate,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.IGNORE,
      }),
    };
    for (const alarm of Object.values(this.alarms)) alarm.addAlarmAction(action);

    const alarms = [...found((c): c is cloudwatch.Alarm => c instanceof cloudwatch.Alarm), ...Object.values(this.alarms)];
    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', { dashboardName: `BlueHeart-${props.stage}`, defaultInterval: Duration.hours(6) });
    this.dashboard.addWidgets(
      new cloudwatch.TextWidget({
        markdown: `# Blue Heart ${props.stage}\nAPI, functions, queues, the campaign's numbers (namespace ${METRICS_NAMESPACE}), mail and the edge. Logs: each function's log group; a request's lines share its \`correlationId\` (the X-Request-Id it was answered with).`,
        width: 24,
        height: 2,
      }),
      new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms, width: 24, height: 3 }),
    );
    this.dashboard.addWidgets(...this.apiWidgets(props.httpApi));
    this.dashboard.addWidgets(...this.functionWidgets(functions));
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Dead-letter queues: messages waiting',
        left: deadLetterQueues.map((queue) =>
          queue.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum', period: Duration.minutes(5), label: queue.node.path.split('/').slice(1).join('/') }),
        ),
        width: 24,
      }),
    );
    this.dashboard.addWidgets(...this.businessWidgets(props.stage));
    this.dashboard.addWidgets(...this.mailAndEdgeWidgets(sesRate, props.webAclName));
  }

  /** 5xx answers as a share of requests, in %; 0 in a period with fewer than `minRequests` (one failed request of two is not an outage). */
  private serverErrorRate(httpApi: apigwv2.IHttpApi, period: Duration): cloudwatch.MathExpression {
    return new cloudwatch.MathExpression({
      expression: `IF(requests >= ${API_5XX_RATE.minRequests}, 100 * errors / requests, 0)`,
      usingMetrics: {
        errors: httpApi.metricServerError({ statistic: 'Sum', period }),
        requests: httpApi.metricCount({ statistic: 'Sum', period }),
      },
      label: '5xx (% of requests)',
      period,
    });
  }

  private apiWidgets(httpApi: apigwv2.IHttpApi): cloudwatch.IWidget[] {
    const period = Duration.minutes(1);
    return [
      new cloudwatch.GraphWidget({
        title: 'API requests',
        left: [
          httpApi.metricCount({ statistic: 'Sum', period, label: 'requests' }),
          httpApi.metricClientError({ statistic: 'Sum', period, label: '4xx' }),
          httpApi.metricServerError({ statistic: 'Sum', period, label: '5xx' }),
        ],
        width: 8,
      }),
      new cloudwatch.GraphWidget({
        title: 'API 5xx rate (%)',
        left: [this.serverErrorRate(httpApi, period)],
        leftAnnotations: [{ value: API_5XX_RATE.percent, label: 'alarm', color: cloudwatch.Color.RED }],
        leftYAxis: { min: 0 },
        width: 8,
      }),
      new cloudwatch.GraphWidget({
        title: 'API latency (ms)',
        left: [
          httpApi.metricLatency({ statistic: 'p50', period, label: 'p50' }),
          httpApi.metricLatency({ statistic: 'p99', period, label: 'p99' }),
          httpApi.metricIntegrationLatency({ statistic: 'p99', period, label: 'p99 in Lambda' }),
        ],
        width: 8,
      }),
    ];
  }

  private functionWidgets(functions: readonly AppFunction[]): cloudwatch.IWidget[] {
    const period = Duration.minutes(5);
    const each = (metric: (fn: AppFunction) => cloudwatch.IMetric) => functions.map(metric);
    return [
      new cloudwatch.GraphWidget({ title: 'Lambda errors', left: each((fn) => fn.function.metricErrors({ statistic: 'Sum', period, label: fn.service })), width: 8 }),
      new cloudwatch.GraphWidget({ title: 'Lambda throttles', left: each((fn) => fn.function.metricThrottles({ statistic: 'Sum', period, label: fn.service })), width: 8 }),
      new cloudwatch.GraphWidget({ title: 'Lambda duration p99 (ms)', left: each((fn) => fn.function.metricDuration({ statistic: 'p99', period, label: fn.service })), width: 8 }),
    ];
  }

  /**
   * Each business metric summed over the services that write it (a SEARCH, so a route moved to
   * another function keeps its line); donation amounts one line per currency.
   */
  private businessWidgets(stage: string): cloudwatch.IWidget[] {
    const period = Duration.minutes(5);
    const search = (schema: string, metricName: string, seconds: number) => `SEARCH('{${METRICS_NAMESPACE},${schema}} MetricName="${metricName}" stage="${stage}"', 'Sum', ${seconds})`;
    const total = (metricName: CountedEvent, label: string) =>
      new cloudwatch.MathExpression({ expression: `SUM(${search('service,stage', metricName, period.toSeconds())})`, usingMetrics: {}, label, period });
    return [
      ...BUSINESS_WIDGETS.map((widget) => new cloudwatch.GraphWidget({ title: widget.title, left: widget.metrics.map(([name, label]) => total(name, label)), width: 6 })),
      new cloudwatch.GraphWidget({
        title: 'Donations by currency (major units an hour)',
        left: [new cloudwatch.MathExpression({ expression: search('currency,service,stage', 'DonationAmount', 3600), usingMetrics: {}, label: '', period: Duration.hours(1) })],
        width: 24,
      }),
    ];
  }

  private mailAndEdgeWidgets(sesRate: (metricName: string) => cloudwatch.Metric, webAclName: string | undefined): cloudwatch.IWidget[] {
    const period = Duration.minutes(5);
    const ses = (metricName: string, label: string) => new cloudwatch.Metric({ namespace: 'AWS/SES', metricName, statistic: 'Sum', period, label });
    const widgets: cloudwatch.IWidget[] = [
      new cloudwatch.GraphWidget({ title: 'SES (account)', left: [ses('Send', 'sent'), ses('Delivery', 'delivered'), ses('Bounce', 'bounced'), ses('Complaint', 'complaints')], width: 8 }),
      new cloudwatch.GraphWidget({
        title: 'SES reputation (account)',
        left: [sesRate('Reputation.BounceRate').with({ label: 'bounce rate' })],
        right: [sesRate('Reputation.ComplaintRate').with({ label: 'complaint rate' })],
        leftAnnotations: [{ value: SES_REPUTATION.bounceRate, label: 'bounce alarm', color: cloudwatch.Color.RED }],
        rightAnnotations: [{ value: SES_REPUTATION.complaintRate, label: 'complaint alarm', color: cloudwatch.Color.ORANGE }],
        width: 8,
      }),
    ];
    if (webAclName) {
      // A CloudFront web ACL's metrics are in us-east-1, with no Region dimension.
      const waf = (metricName: string, label: string) =>
        new cloudwatch.Metric({ namespace: 'AWS/WAFV2', metricName, dimensionsMap: { WebACL: webAclName, Rule: 'ALL' }, region: EDGE_REGION, statistic: 'Sum', period, label });
      widgets.push(new cloudwatch.GraphWidget({ title: 'WAF at the edge (us-east-1)', left: [waf('BlockedRequests', 'blocked'), waf('AllowedRequests', 'allowed')], width: 8 }));
    }
    return widgets;
  }
}
