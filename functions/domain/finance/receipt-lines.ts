import type { LedgerEntry } from '../donations/ledger.js';
import { AppError } from '../shared/errors.js';
import type { OfflineReceipt, ReceiptLine } from './finance.js';

/** A Stripe ledger entry as reports and exports see it (no contact details). */
export function receiptLineOfEntry(entry: LedgerEntry): ReceiptLine {
  const { settlement, stripe } = entry;
  const stripeId = entry.kind === 'refund' ? stripe.refundId : entry.kind === 'gift' ? entry.receiptNumber : stripe.disputeId;
  return {
    source: 'stripe',
    id: entry.id,
    kind: entry.kind,
    date: entry.occurredAt,
    donorCategory: entry.donorCategory,
    ...(entry.campaignYear !== undefined && { campaignYear: entry.campaignYear }),
    ...(entry.earmark !== undefined && { earmark: entry.earmark }),
    amount: entry.amount,
    currency: entry.currency,
    // Stripe's net is amount − fee, so it is not carried separately.
    settled: { amount: settlement.amount, fee: settlement.fee, currency: settlement.currency.toLowerCase() },
    reference: stripeId ?? entry.id,
  };
}

/**
 * An offline (bank transfer) receipt as reports and exports see it. Only approved receipts
 * count (maker–checker): a pending or rejected one throws, because reaching here is a bug in the
 * caller's query — silently skipping it would hide that, counting it would report unapproved money.
 */
export function receiptLineOfOffline(receipt: OfflineReceipt): ReceiptLine {
  if (receipt.status !== 'approved') {
    throw new AppError('conflict', `Offline receipt ${receipt.id} is ${receipt.status}: only approved receipts are reported.`);
  }
  return {
    source: 'bank',
    id: receipt.id,
    kind: 'gift',
    date: receipt.valueDate,
    donorCategory: receipt.donorCategory,
    ...(receipt.campaignYear !== undefined && { campaignYear: receipt.campaignYear }),
    amount: receipt.amount,
    currency: receipt.currency,
    // The bank statement's figure; bank charges, if any, are not modelled on the receipt.
    settled: { amount: receipt.settledAmount, fee: 0, currency: receipt.settledCurrency.toLowerCase() },
    reference: receipt.bankReference,
  };
}
