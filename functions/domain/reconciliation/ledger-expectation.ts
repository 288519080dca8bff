import type { LedgerEntryKind } from '../donations/ledger.js';
import type { BalanceTransaction } from './types.js';

/**
 * Which ledger entry a balance transaction should have. The ledger records gifts, refunds,
 * disputes and their reversals (ledger.ts); Stripe's own fees, reserves and payout movements
 * have no entry but still change what is paid out. A type not listed here is expected to have
 * an entry of any kind, so an unfamiliar transaction shows as "missing from the ledger" for a
 * person to look at rather than passing silently.
 * Types: https://docs.stripe.com/api/balance_transactions/object#balance_transaction_object-type
 */
export type LedgerExpectation = { entry: false } | { entry: true; kinds: readonly LedgerEntryKind[] | null };

const STRIPE_ONLY = new Set([
  'stripe_fee',
  'stripe_fx_fee',
  'tax_fee',
  'application_fee',
  'application_fee_refund',
  'reserve_transaction',
  'reserved_funds',
  'payout',
  'payout_cancel',
  'payout_failure',
  'payout_minimum_balance_hold',
  'payout_minimum_balance_release',
  'transfer',
  'transfer_cancel',
  'transfer_failure',
  'transfer_refund',
  'topup',
  'topup_reversal',
  'contribution',
  'climate_order_purchase',
  'climate_order_refund',
]);

const GIFT = ['gift'] as const;
const REFUND = ['refund'] as const;
const DISPUTE = ['dispute'] as const;
const DISPUTE_REVERSAL = ['dispute_reversal'] as const;
/** A failed bank debit undoes the payment; the ledger records it as a refund or a dispute. */
const PAYMENT_UNDONE = ['refund', 'dispute'] as const;

export function ledgerExpectation(txn: BalanceTransaction): LedgerExpectation {
  switch (txn.type) {
    case 'charge':
    case 'payment':
      return { entry: true, kinds: GIFT };
    case 'refund':
    case 'payment_refund':
      return { entry: true, kinds: REFUND };
    case 'payment_failure_refund':
      return { entry: true, kinds: PAYMENT_UNDONE };
    case 'adjustment':
      // Chargebacks are adjustments; Stripe's reporting category says which way the money went.
      if (txn.reportingCategory === 'dispute') return { entry: true, kinds: DISPUTE };
      if (txn.reportingCategory === 'dispute_reversal') return { entry: true, kinds: DISPUTE_REVERSAL };
      return { entry: true, kinds: null };
    default:
      return STRIPE_ONLY.has(txn.type) ? { entry: false } : { entry: true, kinds: null };
  }
}
