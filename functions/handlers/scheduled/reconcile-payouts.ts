import { loadEnv } from '../../config/env.js';
import { createDeps } from '../../config/deps.js';
import { checkRecentPayouts } from '../../domain/finance/reconcile-payouts.js';

/** EventBridge Scheduler, nightly (functions/config/schedules.ts): reconcile recent payouts, email finance. */
const deps = await createDeps(loadEnv());

export const handler = async () => {
  const check = await checkRecentPayouts(deps.finance, { trigger: 'nightly' });
  deps.logger.info('reconciliation check', { status: check.status, payouts: check.payouts, newPayouts: check.newPayouts.length, awaitingPayout: check.awaitingPayout });
  return { status: check.status, payouts: check.payouts.total, discrepancies: check.payouts.withDiscrepancies + check.discrepancies.length };
};
