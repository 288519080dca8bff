import type Stripe from 'stripe';
import { checkCard, parseExpiry } from '../cards.js';
import { newInvoicePayment, newPaidInvoice, newPrice, newSubscription } from '../objects/billing.js';
import { newCustomer, newPaymentIntent, type CardDetails } from '../objects/payments.js';
import type { Engine } from './context.js';
import { collectPayment, emitPaymentEvents } from './collect-payment.js';
import { requireOpenSession } from './checkout.js';

export interface PayForm {
  number: string;
  expiry: string;
  cvc: string;
  name: string;
  email: string;
}

export type PayResult =
  | { ok: true; redirect: string }
  | { ok: false; field: 'number' | 'expiry' | 'cvc' | 'email' | 'session'; message: string };

/**
 * What happens when a donor presses "Pay" on the hosted page. A success creates the customer,
 * payment intent, charge and balance transaction (and, for monthly gifts, the subscription and
 * its first paid invoice), completes the session and sends the webhooks; a decline leaves the
 * session open with a failed payment intent, as Checkout does.
 */
export function payCheckout(engine: Engine, sessionId: string, form: PayForm): PayResult {
  const { state } = engine;
  const session = requireOpenSession(engine, sessionId);
  if (session.status !== 'open') return { ok: false, field: 'session', message: `This Checkout Session is ${session.status ?? 'closed'}.` };
  const request = state.sessionRequests.get(session.id)!;
  const email = session.customer_email ?? (session.customer ? state.customers.get(String(session.customer))?.email ?? null : null) ?? form.email.trim();
  if (!email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return { ok: false, field: 'email', message: 'Your email address is invalid.' };
  const checked = checkCard(form);
  if (!checked.ok) return checked;
  const { month, year } = parseExpiry(form.expiry);
  const details: CardDetails = { card: checked.card, expMonth: month, expYear: year, name: form.name.trim() || null, email };

  if (session.mode === 'payment') {
    let intent = session.payment_intent ? state.paymentIntents.get(String(session.payment_intent)) : undefined;
    intent ??= newPaymentIntent({
      amount: request.amount,
      currency: request.currency,
      customer: null,
      description: request.paymentIntentDescription ?? request.productName,
      metadata: request.paymentIntentMetadata,
      receiptEmail: null,
    });
    session.payment_intent = intent.id;
    const collected = collectPayment(
      engine,
      { amount: intent.amount, currency: intent.currency, customer: null, description: intent.description, metadata: request.paymentIntentMetadata, receiptEmail: null, intent },
      details,
    );
    if (!collected.charge.paid) {
      emitPaymentEvents(engine, collected);
      return { ok: false, field: 'number', message: collected.charge.failure_message ?? 'Your card was declined.' };
    }
    // Like Checkout's default `customer_creation: if_required`, a one-off gift makes no Customer.
    const customer = session.customer_creation === 'always' || session.customer ? findOrCreateCustomer(engine, session, details) : null;
    collected.intent.customer = customer?.id ?? null;
    collected.charge.customer = customer?.id ?? null;
    complete(session, customer, details);
    emitPaymentEvents(engine, collected);
    engine.outbox.emit('checkout.session.completed', session);
    return { ok: true, redirect: successUrl(session) };
  }

  // Subscription mode: the first invoice's payment intent carries the charge.
  const customer = findOrCreateCustomer(engine, session, details);
  const collected = collectPayment(
    engine,
    { amount: request.amount, currency: request.currency, customer: customer.id, description: 'Subscription creation', metadata: {}, receiptEmail: null },
    details,
  );
  if (!collected.charge.paid) {
    emitPaymentEvents(engine, collected);
    return { ok: false, field: 'number', message: collected.charge.failure_message ?? 'Your card was declined.' };
  }
  const price = newPrice({ amount: request.amount, currency: request.currency, productName: request.productName, interval: request.interval ?? 'month' });
  const subscription = newSubscription({ customer: customer.id, price, metadata: request.subscriptionMetadata, paymentMethod: String(collected.intent.payment_method) });
  const item = subscription.items.data[0]!;
  const invoice = newPaidInvoice({
    subscription,
    customer,
    billingReason: 'subscription_create',
    periodStart: item.current_period_start,
    periodEnd: item.current_period_end,
    number: nextInvoiceNumber(customer),
  });
  const payment = newInvoicePayment(invoice, collected.intent.id);
  subscription.latest_invoice = invoice.id;
  state.subscriptions.set(subscription.id, subscription);
  state.subscriptionCards.set(subscription.id, details);
  state.invoices.set(invoice.id, invoice);
  state.invoicePayments.set(payment.id, payment);
  session.subscription = subscription.id;
  session.invoice = invoice.id;
  complete(session, customer, details);
  emitPaymentEvents(engine, collected);
  engine.outbox.emit('customer.subscription.created', subscription);
  engine.outbox.emit('invoice.paid', invoice);
  engine.outbox.emit('checkout.session.completed', session);
  return { ok: true, redirect: successUrl(session) };
}

function findOrCreateCustomer(engine: Engine, session: Stripe.Checkout.Session, details: CardDetails): Stripe.Customer {
  const existing = session.customer ? engine.state.customers.get(String(session.customer)) : undefined;
  if (existing) return existing;
  const customer = newCustomer(details.email, details.name);
  engine.state.customers.set(customer.id, customer);
  return customer;
}

export function nextInvoiceNumber(customer: Stripe.Customer): string {
  const sequence = customer.next_invoice_sequence ?? 1;
  customer.next_invoice_sequence = sequence + 1;
  return `${customer.invoice_prefix}-${String(sequence).padStart(4, '0')}`;
}

function complete(session: Stripe.Checkout.Session, customer: Stripe.Customer | null, details: CardDetails) {
  session.status = 'complete';
  session.payment_status = 'paid';
  session.customer = customer?.id ?? null;
  session.customer_details = { address: null, business_name: null, email: details.email, individual_name: null, name: details.name, phone: null, tax_exempt: 'none', tax_ids: [] };
  session.url = null; // Stripe clears the URL once a session is complete
}

function successUrl(session: Stripe.Checkout.Session): string {
  return (session.success_url ?? '').replaceAll('{CHECKOUT_SESSION_ID}', session.id);
}
