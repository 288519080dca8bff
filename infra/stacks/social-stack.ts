import path from 'node:path';
import { CfnOutput, Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { MAIN_TABLE, UPDATES_INDEX } from '../../functions/adapters/dynamodb/table-definition.js';
import { SCHEDULED_JOBS } from '../../functions/config/schedules.js';
import { DEFAULT_DISPATCH_POLICY } from '../../functions/domain/social/dispatch/ports.js';
import type { PlatformConfig } from '../config.js';
import { grantAppSecret, grantSendMail, grantSocialTokenKey, grantTableKeyViaDynamoDb, type AppContextProps } from '../constructs/app-context.js';
import { AppFunction, REPO_ROOT } from '../constructs/app-function.js';
import { ScheduledJob } from '../constructs/scheduled-job.js';
import { stagePolicy, type StageStackProps } from './stage.js';
import { deadLetterQueue } from '../constructs/dead-letter-queue.js';

/**
 * The worker's timeout. One attempt holds its claim for at most `leaseMs` (60 s): it starts no
 * platform call (each bounded by `callTimeoutMs`, 20 s) that could outlive the claim, so it may
 * make two (look for an earlier post, then publish) and then record the outcome. The records of
 * a batch run at once, so a batch takes as long as its slowest attempt; 30 s on top covers
 * DynamoDB, KMS and SQS. Well above `callTimeoutMs`, as a platform call must never be cut off by
 * the function ending.
 */
export const WORKER_TIMEOUT = Duration.seconds(DEFAULT_DISPATCH_POLICY.leaseMs / 1000 + 30);
/**
 * AWS asks for a visibility timeout of at least six times the function's timeout for an SQS event
 * source (retries of throttled invokes happen inside it). It is also far longer than the lease,
 * as `processJob` requires: a record that failed comes back only once its attempt's claim is over.
 */
export const DELIVERY_VISIBILITY_TIMEOUT = Duration.seconds(WORKER_TIMEOUT.toSeconds() * 6);
/** Receives of one job before it is parked in the dead-letter queue (only attempts that threw count). */
export const DELIVERY_MAX_RECEIVE_COUNT = 5;
/** Records per invoke: SendMessageBatch's 10, one fan-out batch per invoke. */
export const WORKER_BATCH_SIZE = 10;
/**
 * Worker instances at once, so at most 10 × 10 attempts are in flight: the platforms' own limits
 * (Retry-After on a 429) are honoured per delivery, this bounds what a blast asks of them (and of
 * KMS) at any moment. With maxConcurrency, the event source stops polling rather than being
 * throttled, so no receive is wasted and no job is pushed towards the dead-letter queue.
 */
export const WORKER_MAX_CONCURRENCY = 10;
/**
 * The every-minute step fans a message out in chunks (records, then jobs) for at most
 * SEND_DUE_FAN_OUT_BUDGET, saves where it got to, and the next run goes on: 400,000 targets take
 * a few runs. The minute beyond the budget covers the chunk in hand; the fan-out's lease (6 min,
 * functions/domain/social/dispatch/resume-fan-out.ts) outlasts the timeout, so a run killed by it
 * is taken over only once it is dead.
 */
export const SEND_DUE_TIMEOUT = Duration.minutes(5);
export const SEND_DUE_FAN_OUT_BUDGET = Duration.seconds(SEND_DUE_TIMEOUT.toSeconds() - 60);

/**
 * Item-level actions, on the table only (no index, no Scan, no DeleteItem). The worker reads a
 * delivery, its account and its message, claims and updates the delivery, and marks an account
 * expired (a transaction of Puts and an Update). TransactWriteItems is authorised per item.
 */
export const WORKER_TABLE_ACTIONS = ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'] as const;
/**
 * The every-minute step queries messages, targets and delivery records, creates records
 * (conditional Puts and transactions), saves the fan-out's progress and the message with its
 * audit entry. No Scan: the email list is read from the updates index (SEND_DUE_INDEX_ACTIONS).
 */
export const SEND_DUE_TABLE_ACTIONS = ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem'] as const;
/** The email list: Queries on the updates index (the pledgers who asked for updates), nothing else of any index. */
export const SEND_DUE_INDEX_ACTIONS = ['dynamodb:Query'] as const;
/**
 * Fresh delivery records go in with BatchWriteItem (unconditional: 1 WCU a record, 25 a call).
 * BatchWriteItem could also delete, so it is allowed on delivery items only (partition keys
 * `DELIVERY#…`, the `dynamodb:LeadingKeys` condition).
 */
export const SEND_DUE_BATCH_ACTIONS = ['dynamodb:BatchWriteItem'] as const;
/**
 * SES's maximum send rate for the account (14 emails a second is the usual start out of the
 * sandbox; the sandbox itself allows 1 a second and 200 a day). Raise it with the account's quota:
 * each worker instance sends at most its share, so all of them together stay under it.
 */
export const SES_SEND_RATE = 14;
export const EMAILS_PER_SECOND_PER_WORKER = SES_SEND_RATE / WORKER_MAX_CONCURRENCY;
/**
 * The token health check queries messages and targets, reads accounts, and changes them (expired,
 * followers, the reconnect claim) in transactions of Puts and a reach Update.
 */
export const TOKEN_HEALTH_TABLE_ACTIONS = ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem'] as const;
/** The daily check tries every account of the messages due in the next days, 8 at a time: Lambda's longest run. */
export const TOKEN_HEALTH_TIMEOUT = Duration.minutes(15);

export interface SocialStackProps extends StageStackProps {
  table: dynamodb.ITable;
  tableKey: kms.IKey;
  /** DataStack.socialTokenKey: the worker opens credentials with it (Decrypt only). */
  socialTokenKey: kms.IKey;
  /** The platform's alarm topic (ApiStack). */
  alarmTopic: sns.ITopic;
  logLevel: PlatformConfig['logLevel'];
  /**
   * Mail as the API sends it (constructs/app-context.ts): the token health check emails owners to
   * reconnect, with revoke links signed with the app secret's token key.
   */
  mail: AppContextProps;
  /** The managers' mailbox (MANAGERS_EMAIL), told when an organisation account must be reconnected. */
  managersEmail?: string | undefined;
  bundling?: boolean;
}

/**
 * Coordinated social messages on AWS: EventBridge Scheduler runs the every-minute step, which
 * fans a due message out as one SQS job per target; the worker takes the jobs ten at a time and
 * posts each once (functions/domain/social/dispatch/), sending a job back with a delay when it
 * must wait (Retry-After, backoff, not due yet); what keeps failing ends in a dead-letter queue
 * with an alarm.
 *
 * A stack of its own rather than part of the API stack, as payments is: the dispatch has its own
 * rights (only the worker and the daily token health check may open sealed credentials, and
 * neither may delete anything), its own failure modes and alarms, and its own scaling, which
 * never competes with pledges for the API's concurrency. It comes after the API stack (it uses
 * its alarm topic); the API needs nothing from it (the key it seals with is in the data stack).
 */
export class SocialStack extends Stack {
  readonly queue: sqs.Queue;
  readonly deadLetters: sqs.Queue;
  readonly worker: AppFunction;
  /** The every-minute step, then the daily token health check. */
  readonly jobs: ScheduledJob[];
  readonly alarms: { deadLetters: cloudwatch.Alarm; workerErrors: cloudwatch.Alarm };

  constructor(scope: Construct, id: string, props: SocialStackProps) {
    super(scope, id, props);
    const { removalPolicy, logRetention } = stagePolicy(props.stage);

    // Named in the delivery queue's redrive policy, which cdk-nag's SQS3 sees: nothing to acknowledge.
    this.deadLetters = deadLetterQueue(this, 'DeliveryDeadLetters');

    this.queue = new sqs.Queue(this, 'Deliveries', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: DELIVERY_VISIBILITY_TIMEOUT,
      // Long enough for a paused or broken worker to be fixed without losing a job.
      retentionPeriod: Duration.days(14),
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: DELIVERY_MAX_RECEIVE_COUNT },
    });

    // Exactly what functions/config/social-dispatch.ts reads (socialDispatchEnvSchema); AWS_REGION comes from Lambda.
    const environment = {
      STAGE: props.stage,
      TABLE_NAME: props.table.tableName,
      LOG_LEVEL: props.logLevel,
      SOCIAL_QUEUE_URL: this.queue.queueUrl,
    };

    this.worker = new AppFunction(this, 'Worker', {
      entry: path.join(REPO_ROOT, 'functions/handlers/social-worker.ts'),
      description: `Blue Heart ${props.stage}: social delivery worker (one post per SQS job)`,
      environment: {
        ...environment,
        SOCIAL_TOKEN_KEY_ARN: props.socialTokenKey.keyArn,
        // Email at the moment: pledgers who asked for updates, share-only supporters' share links.
        SES_FROM_ADDRESS: props.mail.senderAddress,
        SES_CONFIGURATION_SET: props.mail.configurationSetName,
        PUBLIC_URL: props.mail.publicUrl,
        APP_SECRET_ARN: props.mail.appSecret.secretArn,
        SOCIAL_EMAILS_PER_SECOND: String(EMAILS_PER_SECOND_PER_WORKER),
        // An organisation account refused at the moment: the managers are asked to reconnect it.
        ...(props.managersEmail ? { MANAGERS_EMAIL: props.managersEmail } : {}),
      },
      logRetention,
      removalPolicy,
      bundling: props.bundling,
      memorySize: 1024,
      timeout: WORKER_TIMEOUT,
    });
    this.worker.function.addEventSource(
      new SqsEventSource(this.queue, { batchSize: WORKER_BATCH_SIZE, reportBatchItemFailures: true, maxConcurrency: WORKER_MAX_CONCURRENCY }),
    );
    this.grantTable(this.worker.role, props, 'WorkerItems', WORKER_TABLE_ACTIONS);
    // Jobs go back on the queue with a delay (Retry-After, backoff, not due yet).
    this.grantSend(this.worker.role);
    grantSocialTokenKey(this.worker.role, props.socialTokenKey, 'kms:Decrypt');
    // Its emails go out as the platform's sender, with unsubscribe and revoke links signed with the app secret.
    grantSendMail(this.worker.role, props.mail, 'SendMomentEmails');
    grantAppSecret(this.worker.role, props.mail.appSecret);

    const alarmAction = new cwActions.SnsAction(props.alarmTopic);
    if (!MAIN_TABLE.globalSecondaryIndexes.some((index) => index.name === UPDATES_INDEX)) {
      throw new Error(`MAIN_TABLE has no ${UPDATES_INDEX}: the every-minute step's grant names it`);
    }
    this.jobs = ScheduledJob.forEach(this, SCHEDULED_JOBS.filter((job) => job.needsSocialQueue), {
      stage: props.stage,
      environment: { ...environment, SOCIAL_FAN_OUT_BUDGET_SECONDS: String(SEND_DUE_FAN_OUT_BUDGET.toSeconds()) },
      logRetention,
      removalPolicy,
      bundling: props.bundling,
      memorySize: 1024,
      timeout: SEND_DUE_TIMEOUT,
      alarmAction,
      grant: (role) => {
        this.grantTable(role, props, 'SendDueItems', SEND_DUE_TABLE_ACTIONS);
        role.addToPrincipalPolicy(
          new iam.PolicyStatement({ sid: 'SendDueEmailList', actions: [...SEND_DUE_INDEX_ACTIONS], resources: [`${props.table.tableArn}/index/${UPDATES_INDEX}`] }),
        );
        role.addToPrincipalPolicy(
          new iam.PolicyStatement({
            sid: 'SendDueFreshRecords',
            actions: [...SEND_DUE_BATCH_ACTIONS],
            resources: [props.table.tableArn],
            conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['DELIVERY#*'] } },
          }),
        );
        this.grantSend(role);
      },
    });
    // The daily token health check opens credentials like the worker (Decrypt, in context) and
    // emails owners; it sends no delivery job.
    this.jobs.push(
      ...ScheduledJob.forEach(this, SCHEDULED_JOBS.filter((job) => job.opensSocialTokens), {
        stage: props.stage,
        environment: {
          STAGE: props.stage,
          TABLE_NAME: props.table.tableName,
          LOG_LEVEL: props.logLevel,
          SOCIAL_TOKEN_KEY_ARN: props.socialTokenKey.keyArn,
          SES_FROM_ADDRESS: props.mail.senderAddress,
          SES_CONFIGURATION_SET: props.mail.configurationSetName,
          PUBLIC_URL: props.mail.publicUrl,
          APP_SECRET_ARN: props.mail.appSecret.secretArn,
          ...(props.managersEmail ? { MANAGERS_EMAIL: props.managersEmail } : {}),
        },
        logRetention,
        removalPolicy,
        bundling: props.bundling,
        memorySize: 512,
        timeout: TOKEN_HEALTH_TIMEOUT,
        alarmAction,
        grant: (role) => {
          this.grantTable(role, props, 'TokenHealthItems', TOKEN_HEALTH_TABLE_ACTIONS);
          grantSocialTokenKey(role, props.socialTokenKey, 'kms:Decrypt');
          grantSendMail(role, props.mail, 'SendReconnectEmails');
          grantAppSecret(role, props.mail.appSecret);
        },
      }),
    );

    const atLeastOnce = {
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    };
    this.alarms = {
      deadLetters: this.deadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }).createAlarm(this, 'DeliveryDeadLettersAlarm', {
        alarmDescription: `A social delivery job failed ${DELIVERY_MAX_RECEIVE_COUNT} times (DynamoDB, KMS or SQS unreachable, or not a job): it is parked in the dead-letter queue. Read the worker's logs, then redrive the queue to the delivery queue (docs/deploy.md).`,
        ...atLeastOnce,
      }),
      workerErrors: this.worker.function.metricErrors({ period: Duration.minutes(5) }).createAlarm(this, 'WorkerErrors', {
        alarmDescription: 'The social worker crashed, timed out or failed to start (a failed attempt is not an error: it is reported per job). Its batch comes back after the visibility timeout.',
        ...atLeastOnce,
      }),
    };
    for (const alarm of Object.values(this.alarms)) alarm.addAlarmAction(alarmAction);

    new CfnOutput(this, 'DeliveryQueueUrl', { value: this.queue.queueUrl });
    new CfnOutput(this, 'DeliveryDeadLetterQueueUrl', { value: this.deadLetters.queueUrl, description: 'Jobs that kept failing; redrive them to the delivery queue once fixed' });
  }

  private grantTable(role: iam.IRole, props: SocialStackProps, sid: string, actions: readonly string[]): void {
    role.addToPrincipalPolicy(new iam.PolicyStatement({ sid, actions: [...actions], resources: [props.table.tableArn] }));
    grantTableKeyViaDynamoDb(role, props.tableKey, ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey']);
  }

  /** SendMessageBatch is authorised by sqs:SendMessage; nothing else of the queue. */
  private grantSend(role: iam.IRole): void {
    role.addToPrincipalPolicy(new iam.PolicyStatement({ sid: 'QueueDeliveries', actions: ['sqs:SendMessage'], resources: [this.queue.queueArn] }));
  }
}
