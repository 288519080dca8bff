/**
 * The platform's app over the real engines, with the Stripe stand-in as its Stripe, whose
 * webhooks are held back: the stand-in delivers to a sink, and `deliver` posts the collected
 * events to the app as Stripe would (signed, retried after a 5xx). Used by the replay test and
 * `bench/webhooks.ts`; it needs only the engines' endpoints (no vitest).
 */
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import Stripe from 'stripe';
import { ensureTable } from '../../../functions/adapters/dynamodb/create-table.js';
import { createDocumentClient } from '../../../functions/adapters/dynamodb/client.js';
import { DynamoLedger, DynamoProcessedEvents } from '../../../functions/adapters/dynamodb/dynamo-ledger.js';
import { silentLogger } from '../../../functions/adapters/log/logger.js';
import { StripeGateway } from '../../../functions/adapters/stripe/stripe-gateway.js';
import { createDeps, type AppDeps } from '../../../functions/config/deps.js';
import { loadEnv } from '../../../functions/config/env.js';
import { startStripeStandin, type StripeStandin } from '../../../functions/dev/stripe-standin/index.js';
import { createApp } from '../../../functions/http/app.js';
import { flakyDocumentClient, type FailureRule, type FlakyStats } from './flaky-dynamo.js';
import { startWebhookSink, type GiftRequest } from './stripe-traffic.js';

const WEBHOOK_SECRET = 'whsec_replay_test_secret';

export interface ReplayHarness {
  standin: StripeStandin;
  stripe: Stripe;
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  tableName: string;
  /** The ledger read without injected failures. */
  ledger: DynamoLedger;
  failures: FlakyStats;
  /** Turns failure injection on or off (on from the start when a rate was given). */
  injectFailures(on: boolean): void;
  openCheckout(gift: GiftRequest): Promise<string>;
  stop(): Promise<void>;
}

export async function startReplayHarness(options: { dynamoEndpoint: string; sesEndpoint: string; failureRate: number; seed: number; failureRule?: FailureRule }): Promise<ReplayHarness> {
  const tableName = `replay-${randomUUID()}`;
  const admin = new DynamoDBClient({ endpoint: options.dynamoEndpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  await ensureTable(admin, tableName);
  admin.destroy();

  const sink = await startWebhookSink();
  const standin = await startStripeStandin({ webhookUrl: sink.url, webhookSecret: WEBHOOK_SECRET });
  const stripe = new Stripe(standin.secretKey, { host: standin.host, port: standin.port, protocol: 'http', maxNetworkRetries: 2 });
  const env = loadEnv({
    STAGE: 'test',
    AWS_REGION: 'local',
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: options.dynamoEndpoint,
    SES_ENDPOINT: options.sesEndpoint,
    SES_FROM_ADDRESS: 'blue-heart@unodc.test',
    PUBLIC_URL: 'http://localhost:3000',
    APP_SECRET: 'replay-secret-that-is-long-enough-for-hkdf-0',
    AUTH_ISSUER: 'http://localhost:1/issuer',
    AUTH_JWKS_URL: 'http://localhost:1/.well-known/jwks.json',
    AUTH_AUDIENCE: 'replay',
  });
  const deps = await createDeps(env, { logger: silentLogger, gateway: new StripeGateway(stripe, WEBHOOK_SECRET) });
  // The ledger and the processed-events store on a client that fails on purpose.
  const flaky = flakyDocumentClient(options.dynamoEndpoint, { seed: options.seed, rate: options.failureRate, ...(options.failureRule ? { rule: options.failureRule } : {}) });
  deps.donations.ledger = new DynamoLedger(flaky.client, tableName);
  deps.donations.processed = new DynamoProcessedEvents(flaky.client, tableName);
  const app = createApp(deps, { clientIp: () => '127.0.0.1' });
  const clean = createDocumentClient({ region: 'local', endpoint: options.dynamoEndpoint });

  return {
    standin,
    stripe,
    app,
    deps,
    tableName,
    ledger: new DynamoLedger(clean, tableName),
    failures: flaky.stats,
    injectFailures: (on) => {
      flaky.enabled.value = on;
    },
    openCheckout: async (gift) => {
      const response = await app.request('/api/donations/checkout', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...gift, donorCategory: 'individual', anonymous: true, language: 'en', idempotencyKey: randomUUID() }),
      });
      if (response.status !== 200) throw new Error(`checkout answered ${response.status}: ${await response.text()}`);
      return ((await response.json()) as { url: string }).url;
    },
    stop: async () => {
      await standin.stop();
      await sink.stop();
      flaky.client.destroy();
      clean.destroy();
    },
  };
}

export interface DeliveryReport {
  events: number;
  /** POSTs made, retries included. */
  deliveries: number;
  /** Answers 5xx (Stripe would retry these). */
  retried: number;
  /** Milliseconds per POST. */
  latencies: number[];
  elapsedMs: number;
}

/**
 * Posts each queued event (in queue order, `concurrency` at a time) with a fresh valid
 * signature; an event answered 5xx goes back into the queue at a random place, as Stripe
 * retries it later. Ends when every queued delivery was answered 2xx.
 */
/** The app in process (`app.request`) or over HTTP (a fetch to a served app). */
export interface Requester {
  request(path: string, init: RequestInit): Response | Promise<Response>;
}

export async function deliver(
  app: Requester,
  queue: Stripe.Event[],
  options: { concurrency: number; random: () => number; maxDeliveries?: number },
): Promise<DeliveryReport> {
  const report: DeliveryReport = { events: new Set(queue.map((e) => e.id)).size, deliveries: 0, retried: 0, latencies: [], elapsedMs: 0 };
  const pending = [...queue];
  const signer = new Stripe('sk_test_signer');
  const maxDeliveries = options.maxDeliveries ?? queue.length * 20;
  let inFlight = 0;
  const started = performance.now();
  const worker = async () => {
    for (;;) {
      const event = pending.shift();
      if (!event) {
        // Another worker may still put a retry back.
        if (inFlight === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 2));
        continue;
      }
      inFlight++;
      const payload = JSON.stringify(event, null, 2);
      const header = signer.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
      const at = performance.now();
      const response = await app.request('/api/stripe/webhook', {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': header },
        body: payload,
      });
      await response.arrayBuffer();
      report.latencies.push(performance.now() - at);
      report.deliveries++;
      inFlight--;
      if (response.status >= 500) {
        report.retried++;
        pending.splice(Math.floor(options.random() * (pending.length + 1)), 0, event);
      } else if (response.status !== 200) {
        throw new Error(`event ${event.id} (${event.type}) answered ${response.status}`);
      }
      if (report.deliveries > maxDeliveries) throw new Error(`still failing after ${report.deliveries} deliveries`);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  report.elapsedMs = performance.now() - started;
  return report;
}
