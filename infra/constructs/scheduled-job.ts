import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { ScheduledJob as Job } from '../../functions/config/schedules.js';
import { scheduledRunInput } from '../../functions/adapters/lambda/scheduled-run.js';
import path from 'node:path';
import type * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import { AppFunction, REPO_ROOT, type AppFunctionProps } from './app-function.js';
import { deadLetterQueue } from './dead-letter-queue.js';

/** What every job of a stack shares: its function settings, who is told when a run is lost, and its rights. */
export interface ScheduledJobsProps extends Omit<ScheduledJobProps, 'job' | 'entry'> {
  alarmAction: cwActions.SnsAction;
  grant: (role: iam.IRole) => void;
}

export interface ScheduledJobProps extends Omit<AppFunctionProps, 'entry' | 'description'> {
  job: Job;
  /** Absolute path of the job's entry (REPO_ROOT + job.handler). */
  entry: string;
  stage: string;
}

/**
 * The EventBridge Scheduler expressions a job may use: `rate(5 minutes)`, or a six-field
 * `cron(minutes hours day-of-month month day-of-week year)` read in UTC. One-off `at(...)`
 * schedules are not jobs.
 */
const RATE = /^rate\(([1-9]\d*) (minute|minutes|hour|hours|day|days)\)$/;
const CRON = /^cron\((\S+ ){5}\S+\)$/;

export function assertScheduleExpression(name: string, expression: string): void {
  const rate = RATE.exec(expression);
  // Scheduler wants `rate(1 hour)` but `rate(2 hours)`.
  if (rate && (rate[1] === '1') !== rate[2]!.endsWith('s')) return;
  if (CRON.test(expression)) return;
  throw new Error(
    `Scheduled job ${name}: "${expression}" is not an EventBridge Scheduler expression (rate(1 minute), rate(5 minutes) or cron(0 3 * * ? *))`,
  );
}

/**
 * One job of functions/config/schedules.ts on AWS: its Lambda, an EventBridge Scheduler schedule
 * at the job's rate or cron expression, in UTC (no flexible window: a due campaign goes live on
 * the minute), and one dead-letter queue for both ways a run can be lost — Scheduler failing to
 * invoke after its retries, and the function failing after Lambda's asynchronous retries. `alarm`
 * fires on any message in it.
 */
export class ScheduledJob extends Construct {
  /** One ScheduledJob per job (id `Job-<name>`), each granted its rights and alarming to the topic. */
  static forEach(scope: Construct, jobs: readonly Job[], props: ScheduledJobsProps): ScheduledJob[] {
    const { alarmAction, grant, ...common } = props;
    return jobs.map((job) => {
      const scheduled = new ScheduledJob(scope, `Job-${job.name}`, { ...common, job, entry: path.join(REPO_ROOT, job.handler) });
      grant(scheduled.handler.role);
      scheduled.alarm.addAlarmAction(alarmAction);
      return scheduled;
    });
  }

  readonly handler: AppFunction;
  readonly deadLetters: sqs.Queue;
  readonly schedule: scheduler.CfnSchedule;
  readonly alarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: ScheduledJobProps) {
    super(scope, id);
    const { job, stage, ...functionProps } = props;
    assertScheduleExpression(job.name, job.rate.expression);

    this.deadLetters = deadLetterQueue(this, 'DeadLetters', "the schedule target and of the function's asynchronous invocations");

    this.handler = new AppFunction(this, 'Job', { ...functionProps, service: job.name, description: `Blue Heart ${stage}: scheduled job ${job.name}` });
    // A run that still fails after Lambda's own retries is parked here rather than dropped.
    this.handler.function.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: Duration.minutes(10),
      onFailure: new destinations.SqsDestination(this.deadLetters),
    });

    const role = new iam.Role(this, 'SchedulerRole', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
      description: `Lets EventBridge Scheduler run ${job.name}, and nothing else`,
    });
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({ sid: 'InvokeJob', actions: ['lambda:InvokeFunction'], resources: [this.handler.function.functionArn] }),
    );
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({ sid: 'DeadLetter', actions: ['sqs:SendMessage'], resources: [this.deadLetters.queueArn] }),
    );

    this.schedule = new scheduler.CfnSchedule(this, 'Schedule', {
      description: job.description,
      scheduleExpression: job.rate.expression,
      scheduleExpressionTimezone: 'UTC',
      flexibleTimeWindow: { mode: 'OFF' },
      state: 'ENABLED',
      target: {
        arn: this.handler.function.functionArn,
        roleArn: role.roleArn,
        // The run's execution id and time, filled in by Scheduler: the run's correlation id in the logs.
        input: scheduledRunInput(job.name),
        retryPolicy: { maximumRetryAttempts: 3, maximumEventAgeInSeconds: 300 },
        deadLetterConfig: { arn: this.deadLetters.queueArn },
      },
    });

    this.alarm = this.deadLetters
      .metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' })
      .createAlarm(this, 'DeadLettersAlarm', {
        alarmDescription: `Scheduled job ${job.name} lost a run: see its dead-letter queue (Scheduler could not invoke it, or it kept failing).`,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
  }
}
