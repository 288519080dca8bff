import { lambdaObservability } from '../../adapters/lambda/observability.js';
import { scheduledRunKeys } from '../../adapters/lambda/scheduled-run.js';
import { loadEnv } from '../../config/env.js';
import { createDeps } from '../../config/deps.js';
import { publishDueCampaigns } from '../../domain/campaigns/publish-campaign.js';

/** EventBridge Scheduler, every minute (functions/config/schedules.ts): publish what is due. */
const env = loadEnv();
const observability = lambdaObservability({ stage: env.STAGE, logLevel: env.LOG_LEVEL });
const deps = await createDeps(env, { logger: observability.logger, metrics: observability.metrics });

export const handler = observability.handler(async (): Promise<{ published: number[] }> => ({ published: await publishDueCampaigns(deps.campaigns) }), scheduledRunKeys);
