import type Stripe from 'stripe';
import { StripeStandinError, notFound } from '../errors.js';
import type { FormObject } from '../form.js';
import { nowSeconds } from '../ids.js';
import { newInvoicePayment, newPaidInvoice, periodEnd } from '../objects/billing.js';
import { allowOnly, bool, metadata } from '../params.js';
import type { Engine, RequestContext } from './context.js';
import { collectPayment, emitPaymentEvents } from './collect-payment.js';
import { nextInvoiceNumber } from './pay-checkout.js';

export function requireSubscription(engine: Engine, id: string): Stripe.Subscription {
  const subscription = engine.state.subscriptions.get(id);
  if (!subscription) throw notFound('subscription', id);
  return subscription;
}

/** `POST /v1/subscriptions/:id`: `cancel_at_period_end` and `metadata`. */
export function updateSubscription(engine: Engine, id: string, params: FormObject, context: RequestContext): Stripe.Subscription {
  allowOnly(params, ['cancel_at_period_end', 'metadata', 'expand']);
  const subscription = requireSubscription(engine, id);
  if (subscription.status === 'canceled') {
    throw new StripeStandinError(400, 'invalid_request_error', 'A canceled subscription can only update its cancellation_details and metadata.', { code: 'invalid_canceled_subscription_fields' });
  }
  const previous: Record<string, unknown> = {};
  const cancelAtPeriodEnd = bool(params, 'cancel_at_period_end');
  if (cancelAtPeriodEnd !== undefined && cancelAtPeriodEnd !== subscription.cancel_at_period_end) {
    Object.assign(previous, { cancel_at_period_end: subscription.cancel_at_period_end, cancel_at: subscription.cancel_at, canceled_at: subscription.canceled_at });
    subscription.cancel_at_period_end = cancelAtPeriodEnd;
    subscription.cancel_at = cancelAtPeriodEnd ? subscription.items.data[0]!.current_period_end : null;
    subscription.canceled_at = cancelAtPeriodEnd ? nowSeconds() : null;
    subscription.cancellation_details = { comment: null, feedback: null, feedback_option: null, reason: cancelAtPeriodEnd ? 'cancellation_requested' : null };
  }
  if (params.metadata !== undefined) {
    previous.metadata = subscription.metadata;
    subscription.metadata = { ...subscription.metadata, ...metadata(params, 'metadata') };
    for (const [key, value] of Object.entries(subscription.metadata)) if (value === '') delete subscription.metadata[key];
  }
  if (Object.keys(previous).length > 0) engine.outbox.emit('customer.subscription.updated', subscription, { ...context, previous });
  return subscription;
}

/** `DELETE /v1/subscriptions/:id` (and the portal's cancel button): ends it now. */
export function cancelSubscription(engine: Engine, id: string, context: RequestContext): Stripe.Subscription {
  const subscription = requireSubscription(engine, id);
  if (subscription.status === 'canceled') {
    throw new StripeStandinError(404, 'invalid_request_error', `No such subscription: '${id}'`, { code: 'resource_missing', param: 'id' });
  }
  const now = nowSeconds();
  subscription.status = 'canceled';
  subscription.canceled_at = now;
  subscription.ended_at = now;
  subscription.cancellation_details = { comment: null, feedback: null, feedback_option: null, reason: 'cancellation_requested' };
  engine.outbox.emit('customer.subscription.deleted', subscription, context);
  return subscription;
}

/**
 * Test helper: the next billing period arrives. A subscription set to cancel at period end is
 * deleted; otherwise the next invoice is paid with the saved card (new charge, `invoice.paid`).
 */
export function advanceSubscription(engine: Engine, id: string): { subscription: Stripe.Subscription; invoice: Stripe.Invoice | null } {
  const { state } = engine;
  const subscription = requireSubscription(engine, id);
  if (subscription.status !== 'active') throw new Error(`Subscription ${id} is ${subscription.status}`);
  const item = subscription.items.data[0]!;
  if (subscription.cancel_at_period_end) {
    const ended = item.current_period_end;
    subscription.status = 'canceled';
    subscription.ended_at = ended;
    engine.outbox.emit('customer.subscription.deleted', subscription);
    return { subscription, invoice: null };
  }
  const previous = { items: structuredClone(subscription.items), latest_invoice: subscription.latest_invoice };
  item.current_period_start = item.current_period_end;
  item.current_period_end = periodEnd(item.current_period_start, item.price.recurring?.interval ?? 'month');
  const customer = state.customers.get(String(subscription.customer))!;
  const card = state.subscriptionCards.get(subscription.id)!;
  const collected = collectPayment(
    engine,
    { amount: item.price.unit_amount ?? 0, currency: subscription.currency, customer: customer.id, description: 'Subscription update', metadata: {}, receiptEmail: null },
    card,
  );
  const invoice = newPaidInvoice({
    subscription,
    customer,
    billingReason: 'subscription_cycle',
    periodStart: item.current_period_start,
    periodEnd: item.current_period_end,
    number: nextInvoiceNumber(customer),
  });
  const payment = newInvoicePayment(invoice, collected.intent.id);
  state.invoices.set(invoice.id, invoice);
  state.invoicePayments.set(payment.id, payment);
  subscription.latest_invoice = invoice.id;
  emitPaymentEvents(engine, collected);
  engine.outbox.emit('invoice.paid', invoice);
  engine.outbox.emit('customer.subscription.updated', subscription, { previous });
  return { subscription, invoice };
}
