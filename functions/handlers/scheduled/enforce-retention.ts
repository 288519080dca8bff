import { lambdaObservability } from '../../adapters/lambda/observability.js';
import { scheduledRunKeys } from '../../adapters/lambda/scheduled-run.js';
import { loadEnv } from '../../config/env.js';
import { createDeps } from '../../config/deps.js';
import { enforceRetention, type RetentionReport } from '../../domain/privacy/enforce-retention.js';

/**
 * EventBridge Scheduler, daily (functions/config/schedules.ts), in the API stack: revokes the
 * accounts still lent to campaigns that are over. Safe to run twice: a revoked account is no
 * longer among its campaign's targets.
 */
const env = loadEnv();
const observability = lambdaObservability({ stage: env.STAGE, logLevel: env.LOG_LEVEL });
const deps = await createDeps(env, { logger: observability.logger, metrics: observability.metrics });

export const handler = observability.handler(async (): Promise<RetentionReport> => {
  const report = await enforceRetention(deps.privacy);
  deps.logger.info('retention enforced', { ...report });
  return report;
}, scheduledRunKeys);
