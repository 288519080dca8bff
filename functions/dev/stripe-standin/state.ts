import type Stripe from 'stripe';
import type { CardDetails } from './objects/payments.js';

/** What a Checkout Session was asked for that Stripe keeps server-side (not on the object). */
export interface SessionRequest {
  amount: number;
  currency: string;
  productName: string;
  interval: 'day' | 'week' | 'month' | 'year' | null;
  paymentIntentMetadata: Record<string, string>;
  /** `payment_intent_data[description]`; without it the payment intent is described by the product's name. */
  paymentIntentDescription?: string;
  subscriptionMetadata: Record<string, string>;
  /** The last decline shown on the hosted page. */
  lastError?: string;
}

/**
 * Everything the stand-in knows, in memory. Objects are stored unexpanded (ids in reference
 * fields), exactly as Stripe returns them without `expand[]`.
 */
export class StandinState {
  readonly sessions = new Map<string, Stripe.Checkout.Session>();
  readonly sessionRequests = new Map<string, SessionRequest>();
  readonly paymentIntents = new Map<string, Stripe.PaymentIntent>();
  readonly charges = new Map<string, Stripe.Charge>();
  readonly balanceTransactions = new Map<string, Stripe.BalanceTransaction>();
  /** Balance transaction id → payout id (Stripe keeps this link server-side; `?payout=` filters by it). */
  readonly paidOutBy = new Map<string, string>();
  readonly refunds = new Map<string, Stripe.Refund>();
  readonly disputes = new Map<string, Stripe.Dispute>();
  readonly customers = new Map<string, Stripe.Customer>();
  /** Deleted customers: Stripe still answers a retrieve with `{ id, object: 'customer', deleted: true }`. */
  readonly deletedCustomers = new Set<string>();
  readonly subscriptions = new Map<string, Stripe.Subscription>();
  readonly invoices = new Map<string, Stripe.Invoice>();
  readonly invoicePayments = new Map<string, Stripe.InvoicePayment>();
  readonly payouts = new Map<string, Stripe.Payout>();
  readonly portalSessions = new Map<string, Stripe.BillingPortal.Session>();
  /** The card a subscription renews with (Stripe keeps it as the default payment method). */
  readonly subscriptionCards = new Map<string, CardDetails>();
  readonly portalReturns = new Map<string, string | null>();

  /** Finds any stored object by its id prefix: what `expand[]` follows (a deleted customer expands to its stub, as on Stripe). */
  lookup(id: string): { object: string } | undefined {
    if (this.deletedCustomers.has(id)) return { id, object: 'customer', deleted: true } as Stripe.DeletedCustomer;
    const prefix = id.slice(0, id.indexOf('_') + 1);
    const table: Map<string, { object: string }> | undefined = (
      {
        cs_: this.sessions,
        pi_: this.paymentIntents,
        ch_: this.charges,
        py_: this.charges,
        txn_: this.balanceTransactions,
        re_: this.refunds,
        dp_: this.disputes,
        cus_: this.customers,
        sub_: this.subscriptions,
        in_: this.invoices,
        inpay_: this.invoicePayments,
        po_: this.payouts,
        bps_: this.portalSessions,
      } as Record<string, Map<string, { object: string }>>
    )[prefix];
    return table?.get(id);
  }
}
