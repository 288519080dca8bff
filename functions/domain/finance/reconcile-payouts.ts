import { DAY_MS } from '../shared/clock.js';
import { AppError } from '../shared/errors.js';
import { LedgerIndex } from '../reconciliation/ledger-index.js';
import { reconcilePayout } from '../reconciliation/reconcile-payout.js';
import { summarizeReconciliation } from '../reconciliation/summarize-reconciliation.js';
import type { BalanceTransaction, PayoutReconciliation } from '../reconciliation/types.js';
import { MAX_KEPT_DISCREPANCIES, type PayoutRecord, type PayoutRun, type ReconciliationCheck, type RunTrigger } from './finance.js';
import type { FinanceDeps } from './ports.js';
import { auditEntry } from './audit.js';
import { reconciliationEmail } from './reconciliation-email.js';

/** A ledger entry and its balance transaction carry the same instant; a day either side is margin enough. */
const ENTRY_MARGIN_MS = DAY_MS;

const addMs = (iso: string, ms: number) => new Date(new Date(iso).getTime() + ms).toISOString();

export function runOf(result: PayoutReconciliation, at: string, trigger: RunTrigger, by?: string): PayoutRun {
  return {
    at,
    trigger,
    ...(by ? { by } : {}),
    status: result.status,
    totals: result.totals,
    counts: result.counts,
    discrepancies: result.discrepancies.slice(0, MAX_KEPT_DISCREPANCIES),
  };
}

/**
 * One payout, reconciled against the ledger entries of the days its transactions happened in.
 * Used when Stripe says the payout's transactions are final, by hand from the console, and to
 * show a payout line by line. `save: false` computes without recording a run (a read).
 */
export async function reconcileOnePayout(
  deps: FinanceDeps,
  payoutId: string,
  run: { trigger: RunTrigger; by?: string; save?: boolean },
): Promise<{ result: PayoutReconciliation; record: PayoutRecord | undefined }> {
  const payout = await deps.source.payout(payoutId);
  if (!payout) throw new AppError('not_found', `Stripe has no payout ${payoutId}.`);
  const transactions: BalanceTransaction[] = [];
  for await (const txn of deps.source.balanceTransactions(payout.id)) transactions.push(txn);
  const index = new LedgerIndex();
  const window = entryWindow(transactions, payout.arrivalDate);
  for await (const page of deps.ledger.entriesBetween(window.from, window.to)) index.addAll(page);
  const result = await reconcilePayout(payout, transactions, index);
  if (run.save === false) return { result, record: (await deps.store.payoutRecords([payout.id])).get(payout.id) };
  const saved = runOf(result, deps.clock.now().toISOString(), run.trigger, run.by);
  const record = await deps.store.saveRun(payout, saved, run.by ? auditEntry(deps, { by: run.by, action: 'payout.reconcile', subject: payout.id, before: null, after: runSummary(saved) }) : undefined);
  return { result, record };
}

const runSummary = ({ status, counts }: PayoutRun) => ({ status, matched: counts.matched, discrepancies: Object.values(counts.discrepancies).reduce((sum, n) => sum + n, 0) });

/** Where the payout's ledger entries are: around its transactions' times, else the 35 days before it arrived. */
function entryWindow(transactions: readonly BalanceTransaction[], arrivalDate: string): { from: string; to: string } {
  const times = transactions.map((txn) => txn.createdAt).filter((at): at is string => Boolean(at)).sort();
  if (times.length === 0) return { from: addMs(arrivalDate, -35 * DAY_MS), to: addMs(arrivalDate, ENTRY_MARGIN_MS) };
  return { from: addMs(times[0]!, -ENTRY_MARGIN_MS), to: addMs(times.at(-1)!, ENTRY_MARGIN_MS) };
}

export interface CheckOptions {
  trigger: RunTrigger;
  by?: string;
  /** Payouts that arrived in the last `days` days (default 35: a month and its stragglers). */
  days?: number;
  /** Gifts younger than this may not have been paid out yet (default 7 days; Stripe's longest standard delay). */
  awaitingDays?: number;
}

/**
 * The nightly check: every payout that arrived in the window, reconciled against one ledger
 * index, so that afterwards the entries no payout claimed are the gifts Stripe never paid out.
 * Saves each payout's run and the check, and emails finance when anything needs a look.
 */
export async function checkRecentPayouts(deps: FinanceDeps, options: CheckOptions): Promise<ReconciliationCheck> {
  const now = deps.clock.now().toISOString();
  const from = addMs(now, -(options.days ?? 35) * DAY_MS);
  const index = new LedgerIndex();
  // Payouts arriving early in the window pay out transactions from up to two weeks before it.
  for await (const page of deps.ledger.entriesBetween(addMs(from, -14 * DAY_MS), now)) index.addAll(page);

  const payouts = [];
  for await (const payout of deps.source.payouts({ from, to: now })) if (payout.status === 'paid' || payout.status === 'in_transit') payouts.push(payout);
  const known = await deps.store.payoutRecords(payouts.map((payout) => payout.id));
  // Oldest first: a transaction listed twice is reported on the later payout.
  payouts.sort((a, b) => a.arrivalDate.localeCompare(b.arrivalDate));
  const results: PayoutReconciliation[] = [];
  for (const payout of payouts) {
    const result = await reconcilePayout(payout, deps.source.balanceTransactions(payout.id), index, { keepLines: 'discrepancies' });
    await deps.store.saveRun(payout, runOf(result, now, options.trigger, options.by));
    results.push(result);
  }
  const summary = summarizeReconciliation(results, index, { countFrom: from, awaitingPayoutFrom: addMs(now, -(options.awaitingDays ?? 7) * DAY_MS) });
  const check: ReconciliationCheck = {
    ...summary,
    at: now,
    trigger: options.trigger,
    ...(options.by ? { by: options.by } : {}),
    window: { from, to: now },
    newPayouts: payouts.filter((payout) => !known.has(payout.id)).map((payout) => payout.id),
    payoutsWithDiscrepancies: results
      .filter((result) => result.status === 'discrepancies')
      .map(({ payout, discrepancies }) => ({ id: payout.id, amount: payout.amount, currency: payout.currency, arrivalDate: payout.arrivalDate, discrepancies: discrepancies.length })),
    discrepancies: summary.discrepancies.slice(0, MAX_KEPT_DISCREPANCIES),
  };
  await deps.store.saveCheck(
    check,
    options.by ? auditEntry(deps, { by: options.by, action: 'check.run', subject: check.window.to.slice(0, 10), before: null, after: { status: check.status, payouts: check.payouts, counts: check.counts } }) : undefined,
  );
  if (check.status === 'discrepancies' && deps.financeEmail) {
    await deps.mailer.send(reconciliationEmail(check, results, { to: deps.financeEmail, consoleUrl: `${deps.publicUrl}/console/#finance` }));
  }
  return check;
}
