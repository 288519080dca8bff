import { lambdaObservability } from '../../adapters/lambda/observability.js';
import { scheduledRunKeys } from '../../adapters/lambda/scheduled-run.js';
import { createTokenHealthDeps, loadTokenHealthEnv } from '../../config/token-health.js';
import { checkTokenHealth, type TokenHealthReport } from '../../domain/social/check-token-health.js';

/**
 * EventBridge Scheduler, daily (functions/config/schedules.ts), in the social stack: tries every
 * account that will post a message due in the next few days with its network, marks the refused
 * ones expired and asks their owners to reconnect. Safe to run twice (Lambda's retry, a manual
 * run): every write is conditional and an owner is asked once per expiry.
 */
const env = loadTokenHealthEnv();
const observability = lambdaObservability({ stage: env.STAGE, logLevel: env.LOG_LEVEL });
const { deps, logger } = await createTokenHealthDeps(env, { logger: observability.logger });

export const handler = observability.handler(async (): Promise<Omit<TokenHealthReport, 'upcoming'> & { upcoming: number }> => {
  const report = await checkTokenHealth(deps);
  const summary = { ...report, upcoming: report.upcoming.length };
  logger.info('token health check', summary);
  return summary;
}, scheduledRunKeys);
