import { lambdaObservability } from '../../adapters/lambda/observability.js';
import { scheduledRunKeys } from '../../adapters/lambda/scheduled-run.js';
import { loadEnv } from '../../config/env.js';
import { createDeps } from '../../config/deps.js';
import { checkRecentPayouts } from '../../domain/finance/reconcile-payouts.js';

/** EventBridge Scheduler, nightly (functions/config/schedules.ts): reconcile recent payouts, email finance. */
const env = loadEnv();
const observability = lambdaObservability({ stage: env.STAGE, logLevel: env.LOG_LEVEL });
const deps = await createDeps(env, { logger: observability.logger, metrics: observability.metrics });

export const handler = observability.handler(async () => {
  const check = await checkRecentPayouts(deps.finance, { trigger: 'nightly' });
  deps.logger.info('reconciliation check', { status: check.status, payouts: check.payouts, newPayouts: check.newPayouts.length, awaitingPayout: check.awaitingPayout });
  return { status: check.status, payouts: check.payouts.total, discrepancies: check.payouts.withDiscrepancies + check.discrepancies.length };
}, scheduledRunKeys);
