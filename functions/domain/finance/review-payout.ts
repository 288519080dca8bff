import { AppError } from '../shared/errors.js';
import { auditEntry } from './audit.js';
import type { PayoutRecord } from './finance.js';
import type { FinanceDeps } from './ports.js';

const reviewOf = ({ state, reconciledBy, reconciledAt, note }: PayoutRecord) => ({ state, reconciledBy, reconciledAt, note });

async function recordOf(deps: FinanceDeps, payoutId: string): Promise<PayoutRecord> {
  const record = (await deps.store.payoutRecords([payoutId])).get(payoutId);
  if (!record) throw new AppError('not_found', `Payout ${payoutId} has not been reconciled yet: run its reconciliation first.`);
  return record;
}

/**
 * A finance user signs a payout off. One with discrepancies can be signed off only with a note
 * saying why (e.g. "fee difference agreed with Stripe support, case 123").
 */
export async function markPayoutReconciled(deps: FinanceDeps, payoutId: string, by: string, note?: string): Promise<PayoutRecord> {
  const record = await recordOf(deps, payoutId);
  if (record.state === 'reconciled') throw new AppError('conflict', `Payout ${payoutId} is already marked reconciled (by ${record.reconciledBy}).`);
  if (record.lastRun?.status !== 'clean' && !note) {
    throw new AppError('validation_failed', 'This payout has discrepancies: say in a note why it may be marked reconciled.', { fields: [{ field: 'note', message: 'is required when the payout has discrepancies' }] });
  }
  const next: PayoutRecord = { ...record, state: 'reconciled', reconciledBy: by, reconciledAt: deps.clock.now().toISOString(), note, version: record.version + 1 };
  await deps.store.changePayout(next, record.version, auditEntry(deps, { by, action: 'payout.mark-reconciled', subject: payoutId, before: reviewOf(record), after: reviewOf(next), reason: note }));
  return next;
}

/** Takes a sign-off back; the reason is required and kept in the audit log. */
export async function reopenPayout(deps: FinanceDeps, payoutId: string, by: string, reason: string): Promise<PayoutRecord> {
  const record = await recordOf(deps, payoutId);
  if (record.state !== 'reconciled') throw new AppError('conflict', `Payout ${payoutId} is not marked reconciled, so there is nothing to reopen.`);
  const next: PayoutRecord = { ...record, state: 'unreviewed', reconciledBy: undefined, reconciledAt: undefined, note: undefined, version: record.version + 1 };
  await deps.store.changePayout(next, record.version, auditEntry(deps, { by, action: 'payout.reopen', subject: payoutId, before: reviewOf(record), after: reviewOf(next), reason }));
  return next;
}
