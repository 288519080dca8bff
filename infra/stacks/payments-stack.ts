import path from 'node:path';
import { CfnOutput, Duration, SecretValue, Stack } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { MAIN_TABLE } from '../../functions/adapters/dynamodb/table-definition.js';
import { SCHEDULED_JOBS } from '../../functions/config/schedules.js';
import { AppFunction, REPO_ROOT } from '../constructs/app-function.js';
import { ScheduledJob } from '../constructs/scheduled-job.js';
import { acknowledge } from '../nag.js';
import { stagePolicy, type StageStackProps } from './stage.js';
import { appEnvironment, grantAppSecret, grantSendMail, grantTableKeyViaDynamoDb, servesRoutesThroughCloudFront, type AppContextProps } from '../constructs/app-context.js';
import { deadLetterQueue } from '../constructs/dead-letter-queue.js';

/** The routes this stack owns; more specific than the API stack's `ANY /api/{proxy+}`, so they win. */
export const WEBHOOK_ROUTE = 'POST /api/stripe/webhook';
export const CHECKOUT_ROUTE = 'POST /api/donations/checkout';
/** A monthly donor's signed link to Stripe's customer portal: it needs the Stripe key, so it runs with checkout's rights. */
export const MANAGE_ROUTE = 'GET /api/donations/manage';
/** The finance console's API (payout reconciliation, reports): finance role only, checked in the app. */
export const FINANCE_ROUTE = 'ANY /api/finance/{proxy+}';
/**
 * Erasure on request (functions/http/routes/privacy.ts, admin-privacy.ts): the person's confirmed
 * link, and the admins' route for requests by post or phone. Both delete the donor's Stripe
 * customer, so they run here, with the Stripe key; asking for the link and its page stay on the API.
 */
export const ERASURE_ROUTE = 'POST /api/privacy/erasure';
export const ADMIN_PRIVACY_ROUTE = 'ANY /api/admin/privacy/{proxy+}';

/** The Stripe events StripeGateway.entriesFor turns into ledger entries. */
export const LEDGER_EVENT_TYPES = [
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'payment_intent.succeeded',
  'invoice.paid',
  'charge.refunded',
  'charge.dispute.created',
  'charge.dispute.closed',
  'charge.dispute.funds_withdrawn',
  'charge.dispute.funds_reinstated',
] as const;

/**
 * Payout events: the webhook reconciles a payout when Stripe says its balance transactions can be
 * listed. `payout.paid` is not needed (an automatic payout's transactions may not be final yet);
 * the nightly job catches any payout whose event was missed.
 */
export const PAYOUT_EVENT_TYPES = ['payout.reconciliation_completed'] as const;

/**
 * The Stripe events the webhook endpoint must subscribe to (Stripe dashboard → Developers →
 * Webhooks). Any other type is acknowledged and ignored, so subscribing to more only costs invocations.
 */
export const STRIPE_EVENT_TYPES = [...LEDGER_EVENT_TYPES, ...PAYOUT_EVENT_TYPES] as const;

/**
 * What CDK puts in the Stripe secret when it creates it: the right shape, no keys. Operators
 * replace it with `aws secretsmanager put-secret-value` (docs/deploy.md). CloudFormation only
 * writes SecretString when this template value changes, so later deploys leave the real keys
 * alone — which is also why this constant must never change: a new value here would overwrite
 * the live keys on the next deploy (test/infra/payments.test.ts pins it).
 */
export const STRIPE_SECRET_PLACEHOLDER = JSON.stringify({ secretKey: '', webhookSecret: '' });

/**
 * Item-level actions of the webhook's ledger writes: read an entry or event, append an entry with
 * its totals in one transaction, bump a receipt sequence, mark a receipt sent, remember an event.
 * TransactWriteItems is not an IAM action: each item of a transaction is authorised by these.
 */
export const WEBHOOK_TABLE_ACTIONS = ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem'] as const;
/** Checkout only reads (campaign records by key or partition), never writes. */
export const CHECKOUT_TABLE_ACTIONS = ['dynamodb:GetItem', 'dynamodb:Query'] as const;
/**
 * Finance (its routes and the Stripe jobs): read ledger entries and payout records, write payout
 * state, period locks and the append-only audit log, each guarded by conditions. No DeleteItem:
 * nothing of finance's is ever deleted; no Scan.
 */
export const FINANCE_TABLE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:ConditionCheckItem',
] as const;
/**
 * Erasure: read and erase pledges (a pledge and its counters in one transaction), revoke lent
 * accounts (account, target and reach in one transaction; the owner lookup item deleted), remove
 * donor data from ledger entries and delete their lookup lines, append to the erasure log; the
 * lookups are Queries on the table's own keys (no index).
 */
export const PRIVACY_TABLE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:ConditionCheckItem',
] as const;
/** The index of money by month (ledger entries, offline receipts, payouts): the only index finance and the webhook may query. */
export const FINANCE_INDEX = 'GSI3';

export interface PaymentsStackProps extends StageStackProps, AppContextProps {
  httpApi: apigwv2.IHttpApi;
  /** The HTTP API's access log group (GatewayStack): the 5xx metric filters read it. */
  accessLogs: logs.ILogGroup;
  /** The platform's alarm topic (ApiStack): one subscription to confirm for every alarm. */
  alarmTopic: sns.ITopic;
  bundling?: boolean;
  /** The functions' entry; the HTTP handler unless a test points elsewhere. */
  entry?: string;
}

type Which = 'webhook' | 'checkout' | 'finance' | 'privacy';

/**
 * Trust-fund donations through Stripe: the Stripe secret, the checkout, webhook and finance
 * functions with their routes, the scheduled jobs that read Stripe (`needsStripe`, e.g. the
 * nightly payout reconciliation), and what tells an operator that a payment event was not recorded.
 *
 * The three functions run the same bundle as the API (functions/handlers/http.ts: the Hono app
 * serves every route); they differ in the route API Gateway sends them, their timeout and their
 * rights. Keeping them apart means the Stripe keys are readable by these roles only (not the API,
 * not the API's jobs), ledger writes and mail by the webhook and finance only, and Stripe retries
 * never compete with pledges for the API's concurrency.
 *
 * Failed events. API Gateway invokes the webhook function synchronously, so Lambda's
 * asynchronous retries, dead-letter queues and on-failure destinations never see a Stripe
 * delivery. A delivery that fails is answered 5xx and Stripe itself is the retry queue: it
 * redelivers with backoff for up to 3 days (the ledger is idempotent per event and per entry),
 * and keeps the event for 30 days for a manual resend. What catches a failure is therefore:
 *  - `WebhookFailures`: a metric filter on the HTTP API access logs, any 5xx on the webhook route
 *    (unhandled errors answered 500, "temporary failure" 503s, crashes, timeouts, init errors);
 *  - `WebhookErrors`: the function's own Errors metric (crash, timeout, failed cold start);
 *  - `DeadLetters`: the SQS dead-letter queue of the function's asynchronous invocations, the one
 *    path where Lambda, not Stripe, owns the retries (an operator's or a future re-processing
 *    invoke with `--invocation-type Event`): after 2 retries the event is parked there, never
 *    dropped, and any message raises the alarm.
 * All go to the platform's alarm topic.
 */
export class PaymentsStack extends Stack {
  readonly stripeSecret: secretsmanager.Secret;
  readonly webhook: AppFunction;
  readonly checkout: AppFunction;
  readonly finance: AppFunction;
  /** Erasure on request (ERASURE_ROUTE, ADMIN_PRIVACY_ROUTE): deletes Stripe customers, so it holds the Stripe key. */
  readonly privacy: AppFunction;
  /** The SCHEDULED_JOBS with `needsStripe`; the others run in the API stack. */
  readonly jobs: ScheduledJob[];
  readonly deadLetters: sqs.Queue;
  readonly alarms: {
    webhookFailures: cloudwatch.Alarm;
    webhookErrors: cloudwatch.Alarm;
    checkoutFailures: cloudwatch.Alarm;
    financeFailures: cloudwatch.Alarm;
    erasureFailures: cloudwatch.Alarm;
    deadLetters: cloudwatch.Alarm;
  };

  constructor(scope: Construct, id: string, props: PaymentsStackProps) {
    super(scope, id, props);
    const { removalPolicy, logRetention } = stagePolicy(props.stage);
    if (!MAIN_TABLE.globalSecondaryIndexes.some((index) => index.name === FINANCE_INDEX)) {
      throw new Error(`MAIN_TABLE has no ${FINANCE_INDEX}: the finance and webhook grants name it`);
    }

    this.stripeSecret = new secretsmanager.Secret(this, 'StripeSecret', {
      description:
        `Blue Heart ${props.stage}: Stripe keys for donations, as JSON {"secretKey":"<the account's secret key>","webhookSecret":"<the webhook endpoint's signing secret>"}. ` +
        'Created with empty values by CDK; set it with aws secretsmanager put-secret-value (docs/deploy.md).',
      // Not a secret: the shape, with empty values (see STRIPE_SECRET_PLACEHOLDER).
      secretStringValue: SecretValue.unsafePlainText(STRIPE_SECRET_PLACEHOLDER),
      removalPolicy,
    });
    acknowledge(
      this.stripeSecret,
      'AwsSolutions-SMG4',
      'Stripe keys are rolled in the Stripe dashboard (which issues the new key) and then written here with put-secret-value; Secrets Manager rotation cannot mint Stripe keys.',
    );

    // Exactly what functions/config/env.ts reads, with the Stripe secret's ARN (never its value).
    // No PUBLISH_FUNCTION_NAME or MEDIA_BUCKET: these functions and jobs neither publish nor sign uploads.
    const environment = { ...appEnvironment(props.stage, props), STRIPE_SECRET_ARN: this.stripeSecret.secretArn };
    const entry = props.entry ?? path.join(REPO_ROOT, 'functions/handlers/http.ts');
    const common = { entry, environment, logRetention, removalPolicy, bundling: props.bundling, memorySize: 1024 };

    // Stripe waits for an answer, and the HTTP API gives up at 30 s: the event re-reads the
    // session, intent and balance transaction from Stripe (10 s timeout, 2 retries) before writing.
    this.webhook = new AppFunction(this, 'Webhook', {
      ...common,
      description: `Blue Heart ${props.stage}: Stripe webhook (${WEBHOOK_ROUTE})`,
      timeout: Duration.seconds(28),
    });
    this.checkout = new AppFunction(this, 'Checkout', {
      ...common,
      description: `Blue Heart ${props.stage}: donation checkout (${CHECKOUT_ROUTE}, ${MANAGE_ROUTE})`,
      timeout: Duration.seconds(15),
    });
    // Reconciling a payout lists its balance transactions from Stripe page by page; the HTTP API
    // gives up at 30 s, so "run now" on a very large payout is left to the nightly job.
    this.finance = new AppFunction(this, 'Finance', {
      ...common,
      description: `Blue Heart ${props.stage}: finance reconciliation (${FINANCE_ROUTE})`,
      timeout: Duration.seconds(28),
    });
    this.grant(this.webhook.role, props, 'webhook');
    this.grant(this.checkout.role, props, 'checkout');
    this.grant(this.finance.role, props, 'finance');
    for (const fn of [this.webhook, this.checkout, this.finance]) servesRoutesThroughCloudFront(fn, props.originVerifySecret);

    this.deadLetters = deadLetterQueue(this, 'WebhookDeadLetters', "the webhook function's asynchronous invocations");
    // Only asynchronous invokes use this; API Gateway's synchronous ones are answered 5xx instead.
    this.webhook.function.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
      onFailure: new destinations.SqsDestination(this.deadLetters),
    });

    // Erasure walks a person's pledge, lent accounts and gifts, and deletes their Stripe customers (10 s, 2 retries each).
    this.privacy = new AppFunction(this, 'Privacy', {
      ...common,
      description: `Blue Heart ${props.stage}: erasure on request (${ERASURE_ROUTE}, ${ADMIN_PRIVACY_ROUTE})`,
      timeout: Duration.seconds(28),
    });
    this.grant(this.privacy.role, props, 'privacy');
    servesRoutesThroughCloudFront(this.privacy, props.originVerifySecret);

    this.addRoutes(props.httpApi);
    this.alarms = this.addAlarms(props);

    // The jobs that read Stripe run here, next to its secret, with the finance function's rights.
    // Their schedules may be cron expressions (the nightly reconciliation: cron(0 3 * * ? *), UTC).
    const alarmAction = new cwActions.SnsAction(props.alarmTopic);
    this.jobs = ScheduledJob.forEach(this, SCHEDULED_JOBS.filter((job) => job.needsStripe), {
      stage: props.stage,
      environment,
      logRetention,
      removalPolicy,
      bundling: props.bundling,
      memorySize: 1024,
      // Every unreconciled payout's balance transactions, from Stripe, page by page.
      timeout: Duration.minutes(5),
      alarmAction,
      grant: (role) => this.grant(role, props, 'finance'),
    });

    new CfnOutput(this, 'StripeSecretArn', { value: this.stripeSecret.secretArn, description: 'Put the Stripe keys here (docs/deploy.md)' });
    new CfnOutput(this, 'StripeWebhookUrl', { value: `${props.publicUrl}/api/stripe/webhook`, description: 'The Stripe webhook endpoint URL' });
    new CfnOutput(this, 'WebhookDeadLetterQueueUrl', { value: this.deadLetters.queueUrl });
  }

  private grant(role: iam.IRole, props: PaymentsStackProps, which: Which): void {
    const table = props.table.tableArn;
    if (which === 'checkout') {
      // The table itself, no index: campaign records are read by key or partition.
      role.addToPrincipalPolicy(new iam.PolicyStatement({ sid: 'ReadCampaigns', actions: [...CHECKOUT_TABLE_ACTIONS], resources: [table] }));
    } else if (which === 'privacy') {
      // The table itself, no index: every lookup is by key or by partition.
      role.addToPrincipalPolicy(new iam.PolicyStatement({ sid: 'ErasureItems', actions: [...PRIVACY_TABLE_ACTIONS], resources: [table] }));
    } else {
      // Items by key on the table itself (index ARNs only ever authorise Query and Scan).
      role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          sid: which === 'webhook' ? 'LedgerItems' : 'FinanceItems',
          actions: [...(which === 'webhook' ? WEBHOOK_TABLE_ACTIONS : FINANCE_TABLE_ACTIONS)],
          resources: [table],
        }),
      );
      // A payout's entries and records by partition, and money by month through GSI3; no other index.
      role.addToPrincipalPolicy(
        new iam.PolicyStatement({ sid: 'PayoutQueries', actions: ['dynamodb:Query'], resources: [table, `${table}/index/${FINANCE_INDEX}`] }),
      );
    }
    grantTableKeyViaDynamoDb(role, props.tableKey, which === 'checkout' ? ['kms:Decrypt'] : ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey']);
    grantAppSecret(role, props.appSecret);
    // Both secrets use Secrets Manager's AWS managed key, so no kms grant is needed to read them.
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({ sid: 'StripeSecret', actions: ['secretsmanager:GetSecretValue'], resources: [this.stripeSecret.secretArn] }),
    );
    if (which === 'webhook') grantSendMail(role, props, 'SendReceipts');
    // The reconciliation summary to FINANCE_EMAIL ("run now" and the nightly job).
    if (which === 'finance') grantSendMail(role, props, 'SendFinanceSummary');
  }

  private addRoutes(httpApi: apigwv2.IHttpApi): void {
    const routes = [
      {
        id: 'WebhookRoute',
        method: apigwv2.HttpMethod.POST,
        path: '/api/stripe/webhook',
        fn: this.webhook,
        reason:
          'Stripe calls the webhook without AWS credentials; the app authenticates every event by its Stripe-Signature (HMAC-SHA256 of the raw body with the endpoint secret, 5-minute tolerance) and answers 400 otherwise.',
      },
      {
        id: 'CheckoutRoute',
        method: apigwv2.HttpMethod.POST,
        path: '/api/donations/checkout',
        fn: this.checkout,
        reason:
          'Donors give anonymously by design; the app validates the amount and currency, and the per-form idempotency key means a repeated request reuses one Stripe Checkout session.',
      },
      {
        id: 'ManageRoute',
        method: apigwv2.HttpMethod.GET,
        path: '/api/donations/manage',
        fn: this.checkout,
        reason:
          "The link in a monthly donor's receipt has no AWS credentials; the app accepts only a token it signed for that Stripe customer (HMAC with a key derived from the app secret, purpose manage-giving) and only redirects to Stripe's portal.",
      },
      {
        id: 'FinanceRoute',
        method: apigwv2.HttpMethod.ANY,
        path: '/api/finance/{proxy+}',
        fn: this.finance,
        reason:
          "The console calls these routes with the staff member's Cognito access token; the app verifies it (issuer, JWKS signature, client id, expiry), as for every staff route, and answers 403 unless the token carries the finance group.",
      },
      {
        id: 'ErasureRoute',
        method: apigwv2.HttpMethod.POST,
        path: '/api/privacy/erasure',
        fn: this.privacy,
        reason:
          'The button on the page an erasure email links to has no AWS credentials; the app accepts only a token it signed (HMAC with a key derived from the app secret, purpose erasure, 24 hours) for the keyed hash of that address, and answers 400 or 410 otherwise.',
      },
      {
        id: 'AdminPrivacyRoute',
        method: apigwv2.HttpMethod.ANY,
        path: '/api/admin/privacy/{proxy+}',
        fn: this.privacy,
        reason:
          "The console calls these routes with the admin's Cognito access token; the app verifies it (issuer, JWKS signature, client id, expiry), as for every staff route, and answers 403 unless the token carries the admin group.",
      },
    ];
    for (const route of routes) {
      const resource = new apigwv2.HttpRoute(this, route.id, {
        httpApi,
        routeKey: apigwv2.HttpRouteKey.with(route.path, route.method),
        integration: new HttpLambdaIntegration(`${route.id}Integration`, route.fn.function),
      });
      acknowledge(resource, 'AwsSolutions-APIG4', route.reason);
    }
  }

  private addAlarms(props: PaymentsStackProps) {
    const namespace = `BlueHeart/${props.stage}`;
    const action = new cwActions.SnsAction(props.alarmTopic);
    // Access-log lines are the JSON of GatewayStack's format; `status` is a string there.
    const serverErrors = (id: string, routeKey: string, metricName: string) =>
      new logs.MetricFilter(this, id, {
        logGroup: props.accessLogs,
        filterPattern: logs.FilterPattern.literal(`{ ($.route = "${routeKey}") && ($.status = "5*") }`),
        metricNamespace: namespace,
        metricName,
        metricValue: '1',
      }).metric({ statistic: 'Sum', period: Duration.minutes(5) });

    const notBreaching = { evaluationPeriods: 1, treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING };
    const atLeast = cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD;
    const alarms = {
      webhookFailures: serverErrors('WebhookServerErrors', WEBHOOK_ROUTE, 'StripeWebhook5xx').createAlarm(this, 'WebhookFailures', {
        alarmDescription:
          'The Stripe webhook answered 5xx: an event was not recorded. Stripe retries it for up to 3 days; see the Webhook function logs ("unhandled error", "temporary failure") and the Stripe dashboard (Webhooks → the endpoint → failed deliveries).',
        threshold: 1,
        comparisonOperator: atLeast,
        ...notBreaching,
      }),
      webhookErrors: this.webhook.function.metricErrors({ period: Duration.minutes(5) }).createAlarm(this, 'WebhookErrors', {
        alarmDescription: 'The Stripe webhook function crashed, timed out or failed to start (a missing or malformed Stripe secret fails every cold start).',
        threshold: 1,
        comparisonOperator: atLeast,
        ...notBreaching,
      }),
      checkoutFailures: serverErrors('CheckoutServerErrors', CHECKOUT_ROUTE, 'DonationCheckout5xx').createAlarm(this, 'CheckoutFailures', {
        alarmDescription: 'Donation checkout answered 5xx (Stripe unreachable, keys wrong or not set): donors cannot reach the payment page.',
        threshold: 3,
        comparisonOperator: atLeast,
        ...notBreaching,
      }),
      financeFailures: serverErrors('FinanceServerErrors', FINANCE_ROUTE, 'Finance5xx').createAlarm(this, 'FinanceFailures', {
        alarmDescription:
          'A finance route answered 5xx (Stripe unreachable or keys wrong, a timeout on a large payout, an unhandled error): see the Finance function logs.',
        threshold: 1,
        comparisonOperator: atLeast,
        ...notBreaching,
      }),
      erasureFailures: serverErrors('ErasureServerErrors', ERASURE_ROUTE, 'Erasure5xx').createAlarm(this, 'ErasureFailures', {
        alarmDescription:
          "An erasure answered 5xx (Stripe unreachable or keys wrong, an unhandled error): the person's data may be erased only in part. The steps already done are kept; pressing the link's button again, or an admin erasing the address, finishes it. See the Privacy function logs.",
        threshold: 1,
        comparisonOperator: atLeast,
        ...notBreaching,
      }),
      deadLetters: this.deadLetters
        .metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' })
        .createAlarm(this, 'DeadLettersAlarm', {
          alarmDescription: 'An asynchronous invocation of the Stripe webhook function failed after its retries: read the message in the dead-letter queue.',
          threshold: 1,
          comparisonOperator: atLeast,
          ...notBreaching,
        }),
    };
    for (const alarm of Object.values(alarms)) alarm.addAlarmAction(action);
    return alarms;
  }
}
