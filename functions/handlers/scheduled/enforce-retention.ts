import { loadEnv } from '../../config/env.js';
import { createDeps } from '../../config/deps.js';
import { enforceRetention, type RetentionReport } from '../../domain/privacy/enforce-retention.js';

/**
 * EventBridge Scheduler, daily (functions/config/schedules.ts), in the API stack: revokes the
 * accounts still lent to campaigns that are over. Safe to run twice: a revoked account is no
 * longer among its campaign's targets.
 */
const deps = await createDeps(loadEnv());

export const handler = async (): Promise<RetentionReport> => {
  const report = await enforceRetention(deps.privacy);
  deps.logger.info('retention enforced', { ...report });
  return report;
};
