import { lambdaObservability } from '../../adapters/lambda/observability.js';
import { scheduledRunKeys } from '../../adapters/lambda/scheduled-run.js';
import { createSendDueDeps, loadSocialDispatchEnv } from '../../config/social-dispatch.js';
import { sendDueMessages } from '../../domain/social/send-due-messages.js';

/**
 * EventBridge Scheduler, every minute (functions/config/schedules.ts): fan out the scheduled
 * messages whose first moment has come (one record and one SQS job per target), for at most
 * SOCIAL_FAN_OUT_BUDGET_SECONDS a run, the next run going on where it stopped; and finish the
 * messages being sent whose fan-out is done and that have nothing left to attempt. A run that
 * fails or times out half-way leaves its progress behind: the next one writes the unfinished chunk
 * again with conditions, so nothing is reset or missed. Two runs at once are harmless: one holds
 * the fan-out (a lease that outlasts the function's timeout), the other leaves it alone.
 */
const env = loadSocialDispatchEnv();
const observability = lambdaObservability({ stage: env.STAGE, logLevel: env.LOG_LEVEL });
const { deps, logger } = createSendDueDeps(env, { logger: observability.logger });

export const handler = observability.handler(async (): Promise<{ started: string[]; finished: string[] }> => {
  const result = await sendDueMessages(deps);
  if (result.started.length > 0 || result.finished.length > 0) logger.info('social messages', result);
  return result;
}, scheduledRunKeys);
