import type Stripe from 'stripe';
import { stripeId } from '../ids.js';
import { processingFee } from '../money.js';
import { newBalanceTransaction, newCharge, newPaymentIntent, type CardDetails } from '../objects/payments.js';
import type { Engine } from './context.js';

export interface Collected {
  intent: Stripe.PaymentIntent;
  charge: Stripe.Charge;
}

/**
 * One card payment: a charge on a payment intent and, when it succeeds, the balance transaction
 * with Stripe's fee (available two days later). Events are emitted by the caller, once every
 * object is in its final state, so snapshots agree with each other.
 */
export function collectPayment(
  engine: Engine,
  input: { amount: number; currency: string; customer: string | null; description: string | null; metadata: Record<string, string>; receiptEmail: string | null; intent?: Stripe.PaymentIntent },
  details: CardDetails,
): Collected {
  const { state } = engine;
  const intent = input.intent ?? newPaymentIntent(input);
  state.paymentIntents.set(intent.id, intent);
  const paymentMethod = stripeId('pm');
  const charge = newCharge(intent, details, paymentMethod);
  state.charges.set(charge.id, charge);
  intent.latest_charge = charge.id;
  intent.payment_method = paymentMethod;
  if (details.card.outcome === 'success') {
    const fee = processingFee(charge.amount, charge.currency, engine.fees);
    const txn = newBalanceTransaction({
      amount: charge.amount,
      fee,
      currency: charge.currency,
      type: 'charge',
      reportingCategory: 'charge',
      source: charge.id,
      description: charge.description,
      availableInDays: 2,
    });
    state.balanceTransactions.set(txn.id, txn);
    charge.balance_transaction = txn.id;
    intent.status = 'succeeded';
    intent.amount_received = intent.amount;
    intent.last_payment_error = null;
  } else {
    intent.status = 'requires_payment_method';
    intent.payment_method = null;
    intent.last_payment_error = {
      type: 'card_error',
      charge: charge.id,
      code: details.card.code ?? 'card_declined',
      decline_code: details.card.declineCode ?? 'generic_decline',
      doc_url: `https://docs.stripe.com/error-codes/${(details.card.code ?? 'card_declined').replace(/_/g, '-')}`,
      message: details.card.message ?? 'Your card was declined.',
    };
  }
  return { intent, charge };
}

/** The events Stripe sends for a payment attempt. */
export function emitPaymentEvents(engine: Engine, { intent, charge }: Collected): void {
  if (charge.paid) {
    engine.outbox.emit('charge.succeeded', charge);
    engine.outbox.emit('payment_intent.succeeded', intent);
  } else {
    engine.outbox.emit('charge.failed', charge);
    engine.outbox.emit('payment_intent.payment_failed', intent);
  }
}
