import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import Stripe from 'stripe';
import { startStripeStandin, type StripeStandin, type StripeStandinOptions } from '../../../functions/dev/stripe-standin/index.js';

export const WEBHOOK_SECRET = 'whsec_standin_test_secret';

/**
 * A tiny webhook endpoint that checks every delivery the way the app must:
 * `stripe.webhooks.constructEventAsync(rawBody, signature, secret)`. It can be told to fail.
 */
export async function startReceiver(options: { failEachEvent?: number } = {}) {
  const verifier = new Stripe('sk_test_verifier_only');
  const received: Stripe.Event[] = [];
  const rejected: string[] = [];
  const attemptsPerEvent = new Map<string, number>();
  let calls = 0;
  const app = new Hono();
  app.post('/webhooks/stripe', async (c) => {
    calls += 1;
    const raw = await c.req.text();
    const id = (JSON.parse(raw) as { id: string }).id;
    attemptsPerEvent.set(id, (attemptsPerEvent.get(id) ?? 0) + 1);
    if (attemptsPerEvent.get(id)! <= (options.failEachEvent ?? 0)) return c.text('temporarily down', 503);
    try {
      received.push(await verifier.webhooks.constructEventAsync(raw, c.req.header('stripe-signature') ?? '', WEBHOOK_SECRET));
      return c.json({ received: true });
    } catch (error) {
      rejected.push(String(error));
      return c.text('bad signature', 400);
    }
  });
  const server = await new Promise<Server>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started as Server)) as Server;
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/stripe`;
  return {
    url,
    received,
    rejected,
    calls: () => calls,
    ofType: <T extends Stripe.Event['type']>(type: T) => received.filter((event): event is Extract<Stripe.Event, { type: T }> => event.type === type),
    stop: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;

export async function startWorld(options: Partial<StripeStandinOptions> & { failEachEvent?: number } = {}) {
  const receiver = await startReceiver({ failEachEvent: options.failEachEvent ?? 0 });
  const standin: StripeStandin = await startStripeStandin({ webhookUrl: receiver.url, webhookSecret: WEBHOOK_SECRET, ...options });
  const stripe = new Stripe(standin.secretKey, { host: standin.host, port: standin.port, protocol: 'http' });
  return {
    standin,
    receiver,
    stripe,
    stop: async () => {
      await standin.stop();
      await receiver.stop();
    },
  };
}

/** Fills in and submits the hosted checkout page as a donor's browser would. */
export async function payOnPage(sessionUrl: string, card: { number: string; expiry?: string; cvc?: string; name?: string; email?: string }) {
  const page = await (await fetch(sessionUrl)).text();
  const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1];
  if (!action) throw new Error(`No payment form on ${sessionUrl}`);
  const body = new URLSearchParams({
    cardNumber: card.number,
    cardExpiry: card.expiry ?? '12 / 34',
    cardCvc: card.cvc ?? '123',
    billingName: card.name ?? 'Ada Donor',
    email: card.email ?? 'ada@example.org',
  });
  const response = await fetch(new URL(action, sessionUrl), { method: 'POST', body, redirect: 'manual' });
  return { status: response.status, location: response.headers.get('location'), html: response.status === 303 ? '' : await response.text(), formPage: page };
}

export const oneOffSession = (stripe: Stripe, extra: Partial<Stripe.Checkout.SessionCreateParams> = {}) =>
  stripe.checkout.sessions.create({
    mode: 'payment',
    line_items: [{ quantity: 1, price_data: { currency: 'usd', unit_amount: 5000, product_data: { name: 'Gift to the UN Trust Fund for Victims of Trafficking' } } }],
    success_url: 'http://localhost:3000/donate/thanks?session={CHECKOUT_SESSION_ID}',
    cancel_url: 'http://localhost:3000/donate',
    metadata: { donationId: 'don_1', campaign: 'world-day-2026' },
    payment_intent_data: { metadata: { donationId: 'don_1' } },
    ...extra,
  });
