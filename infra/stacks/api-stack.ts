import path from 'node:path';
import { Duration, Stack } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import type { TableDefinition } from '../../functions/adapters/dynamodb/table-definition.js';
import { MAIN_TABLE } from '../../functions/adapters/dynamodb/table-definition.js';
import { runsInSocialStack, SCHEDULED_JOBS } from '../../functions/config/schedules.js';
import { AppFunction, REPO_ROOT } from '../constructs/app-function.js';
import { ScheduledJob } from '../constructs/scheduled-job.js';
import { acknowledge } from '../nag.js';
import { stagePolicy, type StageStackProps } from './stage.js';
import {
  appEnvironment,
  grantAppSecret,
  grantSendMail,
  grantSocialTokenKey,
  grantTableKeyViaDynamoDb,
  servesRoutesThroughCloudFront,
  type AppContextProps,
} from '../constructs/app-context.js';

/**
 * Item-level DynamoDB actions the API may use, and nothing else (no Scan, no table management).
 * TransactWriteItems is not an IAM action: a transaction is authorised per item by the PutItem,
 * UpdateItem, DeleteItem and ConditionCheckItem permissions below.
 */
export const TABLE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:ConditionCheckItem',
] as const;

export interface ApiStackProps extends StageStackProps, AppContextProps {
  httpApi: apigwv2.IHttpApi;
  tableDefinition?: TableDefinition;
  /** The publish function (PublishStack): the API and the scheduled jobs may invoke it, nothing else. */
  publishFunction: lambda.IFunction;
  /** The site bucket, whose `media/` prefix takes presigned media kit uploads. */
  siteBucket: s3.IBucket;
  /** WebStack.mediaUploadPolicy: PutObject under media/ only. */
  mediaUploadPolicy: iam.IManagedPolicy;
  /** DataStack.socialTokenKey: the HTTP function seals the credentials supporters lend with it (Encrypt only). */
  socialTokenKey: kms.IKey;
  alarmEmail?: string;
  /** false: deploy a stub instead of the esbuild bundle (fast tests). */
  bundling?: boolean;
  /** The HTTP handler's entry; the real one unless a test points elsewhere. */
  entry?: string;
}

/**
 * The HTTP Lambda, what it may touch, its routes on the gateway's API, and its alarms; and the
 * scheduled jobs (functions/config/schedules.ts), which run the same code with the same data.
 */
export class ApiStack extends Stack {
  readonly handler: AppFunction;
  readonly jobs: ScheduledJob[];
  readonly alarmTopic: sns.Topic;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { removalPolicy, logRetention } = stagePolicy(props.stage);

    // Exactly the variables functions/config/env.ts reads on AWS. AWS_REGION comes from Lambda;
    // DYNAMODB_ENDPOINT, SES_ENDPOINT and APP_SECRET are local-only and must stay unset here.
    const environment = {
      ...appEnvironment(props.stage, props),
      PUBLISH_FUNCTION_NAME: props.publishFunction.functionName,
      MEDIA_BUCKET: props.siteBucket.bucketName,
    };

    this.handler = new AppFunction(this, 'Http', {
      entry: props.entry ?? path.join(REPO_ROOT, 'functions/handlers/http.ts'),
      description: `Blue Heart ${props.stage}: HTTP API`,
      // Only the HTTP function seals social credentials ("Lend your voice"); the jobs never do.
      environment: { ...environment, SOCIAL_TOKEN_KEY_ARN: props.socialTokenKey.keyArn },
      logRetention,
      removalPolicy,
      bundling: props.bundling,
      memorySize: 1024,
      timeout: Duration.seconds(15),
    });
    this.grantLeastPrivilege(this.handler.role, props, { sendsMail: true });
    // A presigned upload is signed with the API's credentials, so the API may put objects, under
    // media/ only; it never reads, lists or deletes the bucket.
    this.handler.role.addManagedPolicy(props.mediaUploadPolicy);
    servesRoutesThroughCloudFront(this.handler, props.originVerifySecret);
    // Supporters lend accounts through the API, which seals their credentials; it never opens one.
    grantSocialTokenKey(this.handler.role, props.socialTokenKey, 'kms:Encrypt');
    this.addRoutes(props.httpApi);
    this.alarmTopic = this.addAlarms(props);

    const alarmAction = new cwActions.SnsAction(this.alarmTopic);
    // Jobs that read Stripe run in the payments stack, next to the Stripe secret; jobs that queue
    // social deliveries or open social credentials in the social stack, next to the queue and the worker.
    this.jobs = ScheduledJob.forEach(this, SCHEDULED_JOBS.filter((job) => !job.needsStripe && !runsInSocialStack(job)), {
      stage: props.stage,
      environment,
      logRetention,
      removalPolicy,
      bundling: props.bundling,
      memorySize: 1024,
      timeout: Duration.seconds(60),
      alarmAction,
      // The job builds the same dependencies as the API (createDeps) but sends no mail.
      grant: (role) => this.grantLeastPrivilege(role, props, { sendsMail: false }),
    });
  }

  private grantLeastPrivilege(role: iam.IRole, props: ApiStackProps, options: { sendsMail: boolean }): void {
    const definition = props.tableDefinition ?? MAIN_TABLE;
    // Each index by name: queries reach GSI1/GSI2 and no index added later without a review.
    const indexArns = definition.globalSecondaryIndexes.map((index) => `${props.table.tableArn}/index/${index.name}`);
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({ sid: 'TableItems', actions: [...TABLE_ACTIONS], resources: [props.table.tableArn, ...indexArns] }),
    );
    grantTableKeyViaDynamoDb(role, props.tableKey, ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey']);
    grantAppSecret(role, props.appSecret);
    // Publishing re-renders the site through the one function allowed to write it.
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({ sid: 'PublishSite', actions: ['lambda:InvokeFunction'], resources: [props.publishFunction.functionArn] }),
    );
    if (options.sendsMail) grantSendMail(role, props, 'SendPledgeEmail');
  }

  private addRoutes(httpApi: apigwv2.IHttpApi): void {
    const integration = new HttpLambdaIntegration('HttpHandler', this.handler.function);
    const routes = [
      new apigwv2.HttpRoute(this, 'ApiRoute', { httpApi, routeKey: apigwv2.HttpRouteKey.with('/api/{proxy+}', apigwv2.HttpMethod.ANY), integration }),
      new apigwv2.HttpRoute(this, 'ProxyRoute', { httpApi, routeKey: apigwv2.HttpRouteKey.with('/{proxy+}', apigwv2.HttpMethod.ANY), integration }),
    ];
    for (const route of routes) {
      acknowledge(
        route,
        'AwsSolutions-APIG4',
        'Public campaign routes (pledging, confirmation, stats) are anonymous by design; staff routes check the Cognito access token in the app (issuer, JWKS, client id, groups), which also serves the local server.',
      );
    }
  }

  private addAlarms(props: ApiStackProps): sns.Topic {
    const topic = new sns.Topic(this, 'Alarms', { displayName: `Blue Heart ${props.stage} alarms`, enforceSSL: true });
    if (props.alarmEmail) topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
    const action = new cwActions.SnsAction(topic);
    const fn = this.handler.function;
    const alarms = [
      fn.metricErrors({ period: Duration.minutes(5) }).createAlarm(this, 'HandlerErrors', {
        alarmDescription: 'The HTTP Lambda threw (not 4xx answers: unhandled errors and timeouts).',
        threshold: 5,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
      fn.metricThrottles({ period: Duration.minutes(5) }).createAlarm(this, 'HandlerThrottles', {
        alarmDescription: 'The HTTP Lambda hit its concurrency limit: requests are being refused.',
        threshold: 1,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
    ];
    for (const alarm of alarms) alarm.addAlarmAction(action);
    return topic;
  }
}
