import type Stripe from 'stripe';
import type { FormObject } from '../form.js';
import { atTime, nowSeconds } from '../ids.js';
import { CHECKOUT_LOCALES, createCheckoutSession } from './checkout.js';
import type { Engine } from './context.js';
import { payCheckout } from './pay-checkout.js';
import { createRefund } from './refunds-disputes.js';

/**
 * The metadata Blue Heart puts on a one-off gift's session and payment intent
 * (functions/adapters/stripe/stripe-gateway.ts `createCheckout`); a demo gift's own metadata
 * goes over these.
 */
export const BLUE_HEART_GIFT_METADATA: Readonly<Record<string, string>> = {
  source: 'blue-heart',
  campaignYear: '',
  donorCategory: 'individual',
  anonymous: 'true',
  displayName: '',
  dedication: '',
  earmark: '',
  language: 'en',
  frequency: 'once',
};

const PRODUCT_NAME = 'Gift to the UN Voluntary Trust Fund for Victims of Trafficking in Persons';

export interface DemoGiftInput {
  /** In the currency's smallest unit (cents; whole yen). */
  amount: number;
  currency: string;
  /** The donor's email, as typed on the donate page (the session's `customer_email`). */
  email: string;
  /** The name on the card (`billing_details.name`). */
  name?: string | null;
  /** Over `BLUE_HEART_GIFT_METADATA`: campaignYear, donorCategory, earmark, language, … */
  metadata?: Record<string, string>;
  /** The payment intent's description (the app sends its fund description). */
  description?: string;
  /** When the donor paid (default now): session, customer, payment intent, charge, balance transaction and events. */
  createdAt?: Date;
  /** No webhook event at all, as if Stripe's delivery never reached the app: a gift missing from the ledger. */
  silent?: boolean;
  /** The site the session returns to (default http://localhost:3000). */
  siteUrl?: string;
}

export interface DemoGift {
  session: Stripe.Checkout.Session;
  paymentIntent: Stripe.PaymentIntent;
  charge: Stripe.Charge;
  balanceTransaction: Stripe.BalanceTransaction;
  customer: Stripe.Customer | null;
  /** What it emitted, in order (none when silent). */
  events: Stripe.Event[];
}

/**
 * Test and demo helper: a donor completed a one-off gift on the hosted page, possibly in the past.
 * It goes through the same two steps as a real gift (the session the app would create, then
 * "Pay" with 4242 4242 4242 4242), so the objects and events are exactly those of a real one;
 * `createdAt` backdates all of them, so the funds become available two days after that.
 */
export function giveDemoGift(engine: Engine, input: DemoGiftInput): DemoGift {
  const { state, outbox } = engine;
  const metadata = { ...BLUE_HEART_GIFT_METADATA, ...input.metadata };
  if (metadata.frequency !== 'once') throw new Error('giveDemoGift makes one-off gifts only (frequency "once")');
  const language = metadata.language ?? 'en';
  const locale = CHECKOUT_LOCALES.includes(language) ? language : 'auto'; // as the app: Checkout has no Arabic page
  const site = (input.siteUrl ?? 'http://localhost:3000').replace(/\/$/, '');
  const description = input.description ?? PRODUCT_NAME;
  const params: FormObject = {
    mode: 'payment',
    line_items: [{ quantity: '1', price_data: { currency: input.currency, unit_amount: String(input.amount), product_data: { name: PRODUCT_NAME, description } } }],
    success_url: `${site}/${language}/donate/thanks/?session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: `${site}/${language}/donate/`,
    locale,
    metadata,
    customer_email: input.email,
    submit_type: 'donate',
    customer_creation: 'always',
    payment_intent_data: { metadata, description },
  };
  const at = input.createdAt ? Math.floor(input.createdAt.getTime() / 1000) : nowSeconds();
  const before = outbox.log.length;
  const give = () =>
    atTime(at, () => {
      const session = createCheckoutSession(engine, params);
      const expires = new Date();
      const paid = payCheckout(engine, session.id, {
        number: '4242424242424242',
        expiry: `12 / ${expires.getUTCFullYear() + 3}`,
        cvc: '123',
        name: input.name ?? '',
        email: input.email,
      });
      if (!paid.ok) throw new Error(`The demo gift was not paid: ${paid.message}`);
      return session;
    });
  const session = input.silent ? outbox.muted(give) : give();
  const paymentIntent = state.paymentIntents.get(String(session.payment_intent))!;
  const charge = state.charges.get(String(paymentIntent.latest_charge))!;
  return {
    session,
    paymentIntent,
    charge,
    balanceTransaction: state.balanceTransactions.get(String(charge.balance_transaction))!,
    customer: session.customer ? state.customers.get(String(session.customer))! : null,
    events: outbox.log.slice(before),
  };
}

export interface DemoRefundInput {
  /** Default: what is left of the charge. */
  amount?: number;
  reason?: 'duplicate' | 'fraudulent' | 'requested_by_customer';
  metadata?: Record<string, string>;
  /** When it was refunded (default now); the refund's balance transaction is available at once. */
  createdAt?: Date;
}

/** Test and demo helper: `POST /v1/refunds` for a charge, possibly in the past (`refund.created`, `charge.refunded`). */
export function refundCharge(engine: Engine, chargeId: string, input: DemoRefundInput = {}): Stripe.Refund {
  const params: FormObject = {
    charge: chargeId,
    ...(input.amount !== undefined && { amount: String(input.amount) }),
    ...(input.reason && { reason: input.reason }),
    ...(input.metadata && { metadata: input.metadata }),
  };
  const at = input.createdAt ? Math.floor(input.createdAt.getTime() / 1000) : nowSeconds();
  const charge = engine.state.charges.get(chargeId);
  if (charge && at < charge.created) throw new Error(`A refund of ${chargeId} cannot come before the charge (${new Date(charge.created * 1000).toISOString()})`);
  return atTime(at, () => createRefund(engine, params, {}));
}
