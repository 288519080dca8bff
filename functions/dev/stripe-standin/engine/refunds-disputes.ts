import type Stripe from 'stripe';
import { StripeStandinError, invalid, missing, notFound } from '../errors.js';
import type { FormObject } from '../form.js';
import { disputeFee } from '../money.js';
import { newDispute, newRefund } from '../objects/ledger.js';
import { newBalanceTransaction } from '../objects/payments.js';
import { allowOnly, int, metadata, str } from '../params.js';
import type { Engine, RequestContext } from './context.js';

const REASONS = ['duplicate', 'fraudulent', 'requested_by_customer'];

/** `POST /v1/refunds`: a refund, its negative balance transaction and `charge.refunded`. */
export function createRefund(engine: Engine, params: FormObject, context: RequestContext): Stripe.Refund {
  allowOnly(params, ['charge', 'payment_intent', 'amount', 'reason', 'metadata', 'expand']);
  const { state } = engine;
  const chargeId = str(params, 'charge');
  const intentId = str(params, 'payment_intent');
  if (chargeId && intentId) throw invalid('payment_intent', 'You may only specify one of these parameters: charge, payment_intent.');
  let charge: Stripe.Charge | undefined;
  if (chargeId) {
    charge = state.charges.get(chargeId);
    if (!charge) throw notFound('charge', chargeId, 'charge');
  } else if (intentId) {
    const intent = state.paymentIntents.get(intentId);
    if (!intent) throw notFound('payment_intent', intentId, 'payment_intent');
    charge = intent.latest_charge ? state.charges.get(String(intent.latest_charge)) : undefined;
    if (!charge?.paid) throw new StripeStandinError(400, 'invalid_request_error', `This PaymentIntent (${intentId}) does not have a successful charge to refund.`, { param: 'payment_intent' });
  } else {
    throw missing('charge');
  }
  if (!charge.paid) throw new StripeStandinError(400, 'invalid_request_error', `Charge ${charge.id} has not been captured or has failed.`, { code: 'charge_not_refundable' });
  if (charge.disputed) throw new StripeStandinError(400, 'invalid_request_error', `Charge ${charge.id} has been charged back; cannot issue a refund.`, { code: 'charge_disputed' });
  const remaining = charge.amount - charge.amount_refunded;
  if (remaining === 0) throw new StripeStandinError(400, 'invalid_request_error', `Charge ${charge.id} has already been refunded.`, { code: 'charge_already_refunded' });
  const amount = int(params, 'amount') ?? remaining;
  if (amount < 1) throw invalid('amount', 'This value must be greater than or equal to 1.');
  if (amount > remaining) {
    throw new StripeStandinError(400, 'invalid_request_error', `Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining})`, { code: 'amount_too_large', param: 'amount' });
  }
  const reason = str(params, 'reason') ?? null;
  if (reason !== null && !REASONS.includes(reason)) throw invalid('reason', `Invalid reason: must be one of ${REASONS.join(', ')}`);

  // Stripe keeps its processing fee on a refund: the debit is the refunded amount, fee 0.
  const txn = newBalanceTransaction({
    amount: -amount,
    fee: 0,
    currency: charge.currency,
    type: 'refund',
    reportingCategory: 'refund',
    source: '',
    description: 'REFUND FOR CHARGE',
    availableInDays: 0,
  });
  const refund = newRefund({ charge, amount, reason: reason as Stripe.Refund.Reason | null, metadata: metadata(params, 'metadata'), balanceTransaction: txn.id });
  txn.source = refund.id;
  state.balanceTransactions.set(txn.id, txn);
  state.refunds.set(refund.id, refund);
  const previous = { amount_refunded: charge.amount_refunded, refunded: charge.refunded };
  charge.amount_refunded += amount;
  charge.refunded = charge.amount_refunded === charge.amount;
  engine.outbox.emit('refund.created', refund, context);
  engine.outbox.emit('charge.refunded', charge, { ...context, previous });
  return refund;
}

/** Test helper: the donor's bank opens a chargeback. Stripe withdraws the amount plus a dispute fee. */
export function openDispute(engine: Engine, chargeId: string, reason = 'fraudulent'): Stripe.Dispute {
  const { state } = engine;
  const charge = state.charges.get(chargeId);
  if (!charge) throw notFound('charge', chargeId);
  if (!charge.paid || charge.disputed) throw new Error(`Charge ${chargeId} cannot be disputed (paid: ${charge.paid}, disputed: ${charge.disputed})`);
  const fee = disputeFee(charge.currency);
  const withdrawal = newBalanceTransaction({
    amount: -charge.amount,
    fee,
    feeDescription: 'Dispute fee',
    currency: charge.currency,
    type: 'adjustment',
    reportingCategory: 'dispute',
    source: '',
    description: `Chargeback withdrawal for ${charge.id}`,
    availableInDays: 0,
  });
  const dispute = newDispute({ charge, reason, withdrawal });
  withdrawal.source = dispute.id;
  dispute.balance_transactions = [structuredClone(withdrawal)];
  state.balanceTransactions.set(withdrawal.id, withdrawal);
  state.disputes.set(dispute.id, dispute);
  charge.disputed = true;
  engine.outbox.emit('charge.dispute.created', dispute);
  engine.outbox.emit('charge.dispute.funds_withdrawn', dispute);
  return dispute;
}

/** Test helper: the bank decides. Won: the amount comes back (the dispute fee does not); lost: nothing more moves. */
export function closeDispute(engine: Engine, disputeId: string, outcome: 'won' | 'lost'): Stripe.Dispute {
  const dispute = engine.state.disputes.get(disputeId);
  if (!dispute) throw notFound('dispute', disputeId);
  if (dispute.status === 'won' || dispute.status === 'lost') throw new Error(`Dispute ${disputeId} is already ${dispute.status}`);
  dispute.status = outcome;
  dispute.is_charge_refundable = false;
  if (outcome === 'won') {
    const reinstatement = newBalanceTransaction({
      amount: dispute.amount,
      fee: 0,
      currency: dispute.currency,
      type: 'adjustment',
      reportingCategory: 'dispute_reversal',
      source: dispute.id,
      description: `Chargeback reversal for ${String(dispute.charge)}`,
      availableInDays: 0,
    });
    engine.state.balanceTransactions.set(reinstatement.id, reinstatement);
    dispute.balance_transactions.push(structuredClone(reinstatement));
    engine.outbox.emit('charge.dispute.funds_reinstated', dispute);
  }
  engine.outbox.emit('charge.dispute.closed', dispute);
  return dispute;
}
