import { loadEnv } from '../../config/env.js';
import { createDeps } from '../../config/deps.js';
import { publishDueCampaigns } from '../../domain/campaigns/publish-campaign.js';

/** EventBridge Scheduler, every minute (functions/config/schedules.ts): publish what is due. */
const deps = await createDeps(loadEnv());

export const handler = async (): Promise<{ published: number[] }> => ({ published: await publishDueCampaigns(deps.campaigns) });
