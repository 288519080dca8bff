/**
 * Donor traffic made on the Stripe stand-in, for the replay test and the benchmarks: one-off gifts
 * (some declined first), monthly gifts with later months, refunds and disputes. The stand-in
 * sends its webhooks to a sink that answers 200, so the caller decides when and how often the
 * platform sees each event.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Stripe from 'stripe';
import type { StripeStandin } from '../../../functions/dev/stripe-standin/index.js';

/** A seeded PRNG (mulberry32): the same seed makes the same traffic and the same shuffles. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** An HTTP endpoint that answers 200 to anything: where the stand-in "delivers" during generation. */
export async function startWebhookSink(): Promise<{ url: string; stop(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    stop: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

export interface GiftRequest {
  amount: number;
  currency: 'usd';
  frequency: 'once' | 'monthly';
  campaignYear: number;
  email: string;
}

export interface TrafficOptions {
  standin: StripeStandin;
  stripe: Stripe;
  /** Opens a payment page for a gift (through the platform's checkout route); answers its URL. */
  openCheckout(gift: GiftRequest): Promise<string>;
  /** Stop once the stand-in has made at least this many events. */
  minEvents: number;
  random: () => number;
  /** Unique per run: the donors' emails carry it, so a shared mailbox can be filtered. */
  emailTag: string;
  /** Payments in flight at once. */
  parallel?: number;
}

export interface Traffic {
  chargeIds: string[];
  disputeIds: string[];
  subscriptionIds: string[];
  refunds: number;
  declines: number;
}

const CAMPAIGNS = [2025, 2026];

/** What a donor does on the hosted page: type the card and press Pay. */
export async function pay(standin: StripeStandin, checkoutUrl: string, card: string, email: string): Promise<Response> {
  const session = new URL(checkoutUrl).pathname.split('/').pop();
  const response = await fetch(`${standin.url}/checkout/${session}/pay`, {
    method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ cardNumber: card, cardExpiry: '12 / 34', cardCvc: '123', billingName: 'Replay Donor', email }),
  });
  await response.arrayBuffer();
  return response;
}

export async function generateTraffic(options: TrafficOptions): Promise<Traffic> {
  const { standin, stripe, random, minEvents } = options;
  const parallel = options.parallel ?? 16;
  const traffic: Traffic = { chargeIds: [], disputeIds: [], subscriptionIds: [], refunds: 0, declines: 0 };
  let donor = 0;
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;

  const give = async (frequency: 'once' | 'monthly') => {
    const email = `${options.emailTag}-${donor++}@replay.example.org`;
    const gift: GiftRequest = { amount: 500 + Math.floor(random() * 50_000), currency: 'usd', frequency, campaignYear: pick(CAMPAIGNS), email };
    const declineFirst = random() < 0.1;
    const url = await options.openCheckout(gift);
    if (declineFirst) {
      if ((await pay(standin, url, '4000 0000 0000 0002', email)).status !== 402) throw new Error('the decline card was not declined');
      traffic.declines++;
    }
    const paid = await pay(standin, url, '4242 4242 4242 4242', email);
    if (paid.status !== 303) throw new Error(`payment failed: ${paid.status}`);
    const session = await stripe.checkout.sessions.retrieve(new URL(url).pathname.split('/').pop()!);
    if (frequency === 'monthly') traffic.subscriptionIds.push(String(session.subscription));
  };

  // A few monthly donors first, so later months can follow.
  await Promise.all(Array.from({ length: 6 }, () => give('monthly')));
  while (standin.events().length < minEvents * 0.85) {
    await Promise.all(Array.from({ length: parallel }, () => give('once')));
  }
  for (const subscriptionId of traffic.subscriptionIds) {
    for (let month = 0; month < 2; month++) standin.advanceSubscription(subscriptionId);
  }

  traffic.chargeIds = [...new Set(standin.events().filter((e) => e.type === 'charge.succeeded').map((e) => (e.data.object as Stripe.Charge).id))];
  // Refunds (some partial, some in two parts) and disputes (won and lost), on different charges.
  const candidates = shuffle([...traffic.chargeIds], random);
  let next = 0;
  while (standin.events().length < minEvents && next < candidates.length) {
    const chargeId = candidates[next++]!;
    const roll = random();
    if (roll < 0.6) {
      const charge = await stripe.charges.retrieve(chargeId);
      if (random() < 0.5) {
        await stripe.refunds.create({ charge: chargeId });
        traffic.refunds++;
      } else {
        const part = Math.max(1, Math.floor(charge.amount / 3));
        await stripe.refunds.create({ charge: chargeId, amount: part });
        traffic.refunds++;
        if (random() < 0.5) {
          await stripe.refunds.create({ charge: chargeId, amount: part });
          traffic.refunds++;
        }
      }
    } else {
      const dispute = standin.dispute(chargeId);
      traffic.disputeIds.push(dispute.id);
      const outcome = random();
      if (outcome < 0.4) standin.closeDispute(dispute.id, 'won');
      else if (outcome < 0.8) standin.closeDispute(dispute.id, 'lost');
      // else: still open (money withdrawn, not yet decided)
    }
  }
  if (standin.events().length < minEvents) throw new Error(`only ${standin.events().length} events`);
  await standin.idle();
  return traffic;
}

export interface ExpectedTotals {
  /** Per campaign: net settlement amount, gross by gift currency, gifts, distinct donors. */
  campaigns: Map<number, { raised: number; gross: number; gifts: number; donors: Set<string> }>;
  gifts: number;
  /** Emails of the donors who were charged (one receipt each per gift). */
  receiptsTo: Map<string, number>;
}

/**
 * What the ledger must say, computed from Stripe's own objects (not from the ledger's rules):
 * every paid charge's balance transaction, minus its refunds' and its dispute's balance
 * transactions (a won dispute's reinstatement brings the amount back; its fee is not "raised").
 */
export async function expectedFromStripe(stripe: Stripe, standin: StripeStandin, traffic: Traffic): Promise<ExpectedTotals> {
  // Monthly gifts' charges carry no metadata: their campaign is on the subscription.
  const subscriptionCampaign = new Map<string, number>();
  for (const id of traffic.subscriptionIds) {
    const subscription = await stripe.subscriptions.retrieve(id);
    subscriptionCampaign.set(id, Number(subscription.metadata.campaignYear));
  }
  const intentSubscription = new Map<string, string>();
  for (const event of standin.events().filter((e) => e.type === 'invoice.paid')) {
    const invoice = await stripe.invoices.retrieve((event.data.object as Stripe.Invoice).id!, { expand: ['payments'] });
    const subscription = invoice.parent?.subscription_details?.subscription;
    for (const payment of invoice.payments?.data ?? []) intentSubscription.set(String(payment.payment.payment_intent), String(subscription));
  }
  const disputes = new Map<string, Stripe.Dispute>();
  for (const id of traffic.disputeIds) {
    const dispute = await stripe.disputes.retrieve(id);
    disputes.set(String(dispute.charge), dispute);
  }

  const expected: ExpectedTotals = { campaigns: new Map(), gifts: 0, receiptsTo: new Map() };
  for (const chargeId of traffic.chargeIds) {
    const charge = await stripe.charges.retrieve(chargeId, { expand: ['balance_transaction', 'refunds.data.balance_transaction'] });
    const intentId = String(charge.payment_intent);
    const intent = await stripe.paymentIntents.retrieve(intentId);
    const subscription = intentSubscription.get(intentId);
    const year = intent.metadata.campaignYear ? Number(intent.metadata.campaignYear) : subscriptionCampaign.get(subscription ?? '');
    if (!year) throw new Error(`no campaign for ${chargeId}`);
    const campaign = expected.campaigns.get(year) ?? { raised: 0, gross: 0, gifts: 0, donors: new Set<string>() };
    expected.campaigns.set(year, campaign);
    campaign.raised += (charge.balance_transaction as Stripe.BalanceTransaction).amount;
    campaign.gross += charge.amount;
    campaign.gifts++;
    if (charge.customer) campaign.donors.add(String(charge.customer));
    for (const refund of charge.refunds?.data ?? []) {
      if (refund.status !== 'succeeded') continue;
      campaign.raised += (refund.balance_transaction as Stripe.BalanceTransaction).amount;
      campaign.gross -= refund.amount;
    }
    const dispute = disputes.get(chargeId);
    for (const balance of dispute?.balance_transactions ?? []) {
      campaign.raised += balance.amount;
      campaign.gross += balance.amount < 0 ? -dispute!.amount : dispute!.amount;
    }
    expected.gifts++;
    const email = charge.billing_details.email ?? charge.receipt_email;
    if (email) expected.receiptsTo.set(email, (expected.receiptsTo.get(email) ?? 0) + 1);
  }
  return expected;
}
