import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type Stripe from 'stripe';
import { createStripeApi } from './api.js';
import type { Engine } from './engine/context.js';
import { requireOpenSession } from './engine/checkout.js';
import { giveDemoGift, refundCharge, type DemoGift, type DemoGiftInput, type DemoRefundInput } from './engine/demo-gifts.js';
import { createPayouts, type PayoutOptions } from './engine/payouts.js';
import { closeDispute, openDispute } from './engine/refunds-disputes.js';
import { advanceSubscription } from './engine/subscriptions.js';
import { DEFAULT_FEES } from './money.js';
import { createPages } from './pages.js';
import { StandinState } from './state.js';
import { WebhookOutbox, type DeliveryAttempt } from './webhooks.js';

export type { DemoGift, DemoGiftInput, DemoRefundInput } from './engine/demo-gifts.js';
export type { PayoutOptions } from './engine/payouts.js';

export interface StripeStandinOptions {
  /** 0 or absent picks a free port. */
  port?: number;
  host?: string;
  /** Where webhook events are POSTed (the app's Stripe webhook route). */
  webhookUrl: string;
  /** The `whsec_…` secret both sides share. */
  webhookSecret: string;
  /** Where browsers reach the hosted pages; defaults to the stand-in's own http://host:port. */
  publicBaseUrl?: string;
  /** Stripe's percentage fee (default 2.9). */
  feePercent?: number;
  /** Fixed fee per currency in minor units (default { usd: 30, eur: 25, gbp: 20, chf: 30, jpy: 0 }). */
  feeFixed?: Record<string, number>;
  /** Waits between webhook retries (default 1 s, 2 s, 4 s, 8 s, 16 s). */
  retryDelaysMs?: number[];
  onDeliveryFailure?: (attempt: DeliveryAttempt) => void;
}

export interface StripeStandin {
  /** http://host:port of the stand-in (API and hosted pages). */
  url: string;
  host: string;
  port: number;
  /** `new Stripe(secretKey, { host, port, protocol: 'http' })` talks to this stand-in. */
  secretKey: string;
  stop(): Promise<void>;
  /** Every event so far, oldest first. */
  events(): Stripe.Event[];
  /** Every delivery attempt so far (event id, HTTP status or error). */
  deliveries(): DeliveryAttempt[];
  /** Sends an event again, then waits until deliveries are idle. */
  redeliver(eventId: string): Promise<void>;
  /** Sends waiting retries now, then waits until nothing is queued, in flight or waiting. */
  deliverAll(): Promise<void>;
  /** Waits until nothing is queued, in flight or waiting (retries included, at their own pace). */
  idle(): Promise<void>;
  advanceSubscription(subscriptionId: string): { subscription: Stripe.Subscription; invoice: Stripe.Invoice | null };
  dispute(chargeId: string, reason?: string): Stripe.Dispute;
  closeDispute(disputeId: string, outcome: 'won' | 'lost'): Stripe.Dispute;
  /**
   * Pays out what is available at `asOf` (default now; charges become available two days after
   * they are made): one payout per currency, or with `perDay` one per currency per UTC day.
   */
  createPayouts(options?: PayoutOptions): Stripe.Payout[];
  /**
   * A completed one-off gift, as if paid on the hosted page (at `createdAt`, default now), with
   * Blue Heart's metadata; `silent` emits no events (a webhook that never arrived).
   */
  giveDemoGift(input: DemoGiftInput): DemoGift;
  /** A refund through the API's own path (`POST /v1/refunds`), at `createdAt` (default now). */
  refund(chargeId: string, options?: DemoRefundInput): Stripe.Refund;
  /** Emits `checkout.session.async_payment_succeeded|failed` for a completed session (bank debits; cards never need it). */
  asyncPayment(sessionId: string, outcome: 'succeeded' | 'failed'): Stripe.Event;
}

/**
 * A local Stripe in test mode for `npm start` and the tests: the `/v1` API the official client
 * uses, Checkout and portal pages, and webhooks signed as Stripe signs them.
 */
export async function startStripeStandin(options: StripeStandinOptions): Promise<StripeStandin> {
  const host = options.host ?? '127.0.0.1';
  const secretKey = `sk_test_standin_${randomBytes(18).toString('base64url')}`;
  const outbox = new WebhookOutbox({
    url: options.webhookUrl,
    secret: options.webhookSecret,
    ...(options.retryDelaysMs && { retryDelaysMs: options.retryDelaysMs }),
    ...(options.onDeliveryFailure && { onFailure: options.onDeliveryFailure }),
  });
  const engine: Engine = {
    state: new StandinState(),
    outbox,
    fees: { percent: options.feePercent ?? DEFAULT_FEES.percent, fixed: options.feeFixed ?? DEFAULT_FEES.fixed },
    publicBaseUrl: '',
  };
  const api = createStripeApi(engine, secretKey);
  const app = new Hono();
  app.all('/v1/*', (c) => api.fetch(c.req.raw));
  app.route('/', createPages(engine));

  const server = await new Promise<Server>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: host }, () => resolve(started as Server)) as Server;
    started.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host}:${port}`;
  engine.publicBaseUrl = `${(options.publicBaseUrl ?? url).replace(/\/$/, '')}/`;

  return {
    url,
    host,
    port,
    secretKey,
    stop: async () => {
      outbox.stop();
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
    events: () => [...outbox.log],
    deliveries: () => [...outbox.attempts],
    redeliver: (eventId) => outbox.redeliver(eventId),
    deliverAll: () => outbox.deliverAll(),
    idle: () => outbox.idle(),
    advanceSubscription: (id) => advanceSubscription(engine, id),
    dispute: (chargeId, reason) => openDispute(engine, chargeId, reason),
    closeDispute: (id, outcome) => closeDispute(engine, id, outcome),
    createPayouts: (payoutOptions) => createPayouts(engine, payoutOptions),
    giveDemoGift: (input) => giveDemoGift(engine, input),
    refund: (chargeId, refundOptions) => refundCharge(engine, chargeId, refundOptions),
    asyncPayment: (sessionId, outcome) => {
      const session = requireOpenSession(engine, sessionId);
      return outcome === 'succeeded'
        ? outbox.emit('checkout.session.async_payment_succeeded', session)
        : outbox.emit('checkout.session.async_payment_failed', session);
    },
  };
}
