import { lambdaObservability } from '../../adapters/lambda/observability.js';
import { scheduledRunKeys } from '../../adapters/lambda/scheduled-run.js';
import { createSendDueDeps, loadSocialDispatchEnv } from '../../config/social-dispatch.js';
import { sendDueMessages } from '../../domain/social/send-due-messages.js';

/**
 * EventBridge Scheduler, every minute (functions/config/schedules.ts): fan out the scheduled
 * messages whose first moment has come (one record and one SQS job per target), and finish the
 * messages being sent that have nothing left to attempt. A run that fails or times out half-way
 * is repeated by the next minute's run, which creates only what is missing; two runs at once are
 * harmless for the same reason (the second one's `start_sending` meets a newer version and fails,
 * and Lambda's retry then finds the message sending).
 */
const env = loadSocialDispatchEnv();
const observability = lambdaObservability({ stage: env.STAGE, logLevel: env.LOG_LEVEL });
const { deps, logger } = createSendDueDeps(env, { logger: observability.logger });

export const handler = observability.handler(async (): Promise<{ started: string[]; finished: string[] }> => {
  const result = await sendDueMessages(deps);
  if (result.started.length > 0 || result.finished.length > 0) logger.info('social messages', result);
  return result;
}, scheduledRunKeys);
