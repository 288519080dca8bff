import { AppError } from '../shared/errors.js';
import { auditEntry } from './audit.js';
import { periodOf, periodsBetween, type Period, type PeriodLock } from './finance.js';
import type { FinanceDeps } from './ports.js';

/** The months of a year up to the current one, each with its lock (open when never locked). */
export async function periodsOfYear(deps: FinanceDeps, year: number): Promise<Array<{ period: Period; lock: PeriodLock | null }>> {
  const current = periodOf(deps.clock.now().toISOString());
  const last = `${year}-12` < current ? `${year}-12` : current;
  const periods = `${year}-01` > last ? [] : periodsBetween(`${year}-01`, last);
  const locks = await deps.store.locks(periods);
  return periods.map((period) => ({ period, lock: locks.get(period) ?? null }));
}

/**
 * Locks a closed month: nothing in it changes (payout sign-offs, offline receipts) until a
 * finance user unlocks it with a reason. The current month cannot be locked: it is not closed.
 */
export async function lockPeriod(deps: FinanceDeps, period: Period, by: string, reason?: string): Promise<PeriodLock> {
  if (period >= periodOf(deps.clock.now().toISOString())) throw new AppError('validation_failed', `${period} is not over yet; only a closed month can be locked.`, { fields: [{ field: 'period', message: 'must be a past month' }] });
  return setLock(deps, period, true, by, reason);
}

export function unlockPeriod(deps: FinanceDeps, period: Period, by: string, reason: string): Promise<PeriodLock> {
  return setLock(deps, period, false, by, reason);
}

async function setLock(deps: FinanceDeps, period: Period, locked: boolean, by: string, reason: string | undefined): Promise<PeriodLock> {
  const before = (await deps.store.lock(period)) ?? null;
  if (Boolean(before?.locked) === locked) throw new AppError('conflict', `${period} is already ${locked ? 'locked' : 'open'}.`);
  const lock: PeriodLock = { period, locked, by, at: deps.clock.now().toISOString(), ...(reason ? { reason } : {}) };
  await deps.store.setLock(lock, auditEntry(deps, { by, action: locked ? 'period.lock' : 'period.unlock', subject: period, before, after: lock, reason }));
  return lock;
}
