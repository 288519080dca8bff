import { AppError } from '../shared/errors.js';
import { auditEntry } from './audit.js';
import type { OfflineReceipt } from './finance.js';
import type { FinanceDeps } from './ports.js';

/** What the maker enters from the bank statement. */
export type OfflineReceiptInput = Pick<OfflineReceipt, 'donorName' | 'donorCategory' | 'campaignYear' | 'amount' | 'currency' | 'valueDate' | 'bankReference' | 'note'> & {
  /** What the bank credited in the reporting currency; may be left out when the gift was in it. */
  settledAmount?: number;
};

/** The maker records a receipt; it waits, counting nowhere, for a second finance user. */
export async function recordOfflineReceipt(deps: FinanceDeps, input: OfflineReceiptInput, by: string): Promise<OfflineReceipt> {
  if (input.valueDate > deps.clock.now().toISOString().slice(0, 10)) {
    throw new AppError('validation_failed', 'The value date is in the future: record a transfer once the bank has credited it.', { fields: [{ field: 'valueDate', message: 'must be today or earlier' }] });
  }
  const settledAmount = input.settledAmount ?? (input.currency === deps.reportingCurrency ? input.amount : undefined);
  if (settledAmount === undefined) {
    throw new AppError('validation_failed', `Say what the bank credited in ${deps.reportingCurrency.toUpperCase()} (the statement's figure).`, { fields: [{ field: 'settledAmount', message: `is required when the gift is not in ${deps.reportingCurrency.toUpperCase()}` }] });
  }
  const { settledAmount: _given, ...details } = input;
  const receipt: OfflineReceipt = {
    ...details,
    id: deps.newId(),
    status: 'pending',
    settledAmount,
    settledCurrency: deps.reportingCurrency,
    recordedBy: by,
    recordedAt: deps.clock.now().toISOString(),
    version: 1,
  };
  await deps.store.saveOfflineReceipt(receipt, undefined, auditEntry(deps, { by, action: 'offline-receipt.record', subject: receipt.id, before: null, after: receipt }));
  return receipt;
}

async function pending(deps: FinanceDeps, id: string): Promise<OfflineReceipt> {
  const receipt = await deps.store.offlineReceipt(id);
  if (!receipt) throw new AppError('not_found', 'There is no offline receipt with that id.');
  if (receipt.status !== 'pending') throw new AppError('conflict', `This receipt was already ${receipt.status} by ${receipt.decidedBy}.`);
  return receipt;
}

/** The checker approves: from now on it counts in reports and the campaign's totals. Never the maker. */
export async function approveOfflineReceipt(deps: FinanceDeps, id: string, by: string): Promise<OfflineReceipt> {
  const receipt = await pending(deps, id);
  if (receipt.recordedBy === by) throw new AppError('forbidden', 'You recorded this receipt; a different finance user must approve it.');
  const next: OfflineReceipt = { ...receipt, status: 'approved', decidedBy: by, decidedAt: deps.clock.now().toISOString(), version: receipt.version + 1 };
  await deps.store.saveOfflineReceipt(next, receipt.version, auditEntry(deps, { by, action: 'offline-receipt.approve', subject: id, before: { status: receipt.status }, after: { status: next.status } }));
  return next;
}

/** Rejected (wrong amount, duplicate, not a gift): with a reason; the maker records a corrected one. */
export async function rejectOfflineReceipt(deps: FinanceDeps, id: string, by: string, reason: string): Promise<OfflineReceipt> {
  const receipt = await pending(deps, id);
  const next: OfflineReceipt = { ...receipt, status: 'rejected', decidedBy: by, decidedAt: deps.clock.now().toISOString(), rejectionReason: reason, version: receipt.version + 1 };
  await deps.store.saveOfflineReceipt(next, receipt.version, auditEntry(deps, { by, action: 'offline-receipt.reject', subject: id, before: { status: receipt.status }, after: { status: next.status }, reason }));
  return next;
}
