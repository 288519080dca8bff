import { liveCampaigns } from '../domain/campaigns/campaign-service.js';
import type { PublishResult } from '../domain/campaigns/ports.js';
import { createDocumentClient } from '../adapters/dynamodb/client.js';
import { DynamoCampaignRepository } from '../adapters/dynamodb/dynamo-campaign-repository.js';
import { DynamoPledgeStore } from '../adapters/dynamodb/dynamo-pledge-store.js';
import { lambdaObservability } from '../adapters/lambda/observability.js';
import { S3SiteWriter } from '../adapters/site/s3-site-writer.js';
import { loadPublishEnv } from '../config/env.js';
import { renderCampaignSiteFiles } from '../../web/publish-pages.js';

/**
 * The publish function, invoked by the API (publish, unpublish, restore) and by the scheduled
 * job: reads what is live, renders every campaign-dependent page, writes what changed to the
 * site bucket and invalidates it. Idempotent, so a retry or a second publish is harmless.
 * It links the stable asset names (`/site.css` …), which every build writes.
 */
const env = loadPublishEnv();
const observability = lambdaObservability({ stage: env.STAGE, logLevel: env.LOG_LEVEL });
const documents = createDocumentClient({ region: env.AWS_REGION, endpoint: env.DYNAMODB_ENDPOINT });
const repository = new DynamoCampaignRepository(documents, env.TABLE_NAME);
const pledges = new DynamoPledgeStore(documents, env.TABLE_NAME);
const writer = new S3SiteWriter({ bucket: env.SITE_BUCKET, distributionId: env.DISTRIBUTION_ID });
const logger = observability.logger;

/** What the invoker sends: its correlation id (an API request's, a scheduled run's), for the log lines. */
interface PublishEvent {
  correlationId?: string;
}

export const handler = observability.handler(async (): Promise<PublishResult> => {
  const started = performance.now();
  const now = new Date();
  const [campaigns, stats] = await Promise.all([liveCampaigns(repository), pledges.stats(now)]);
  const files = renderCampaignSiteFiles({ campaigns, now, publicUrl: env.PUBLIC_URL, stats });
  const result = await writer.write(files, new Set(campaigns.map((campaign) => campaign.year)));
  const ms = Math.round(performance.now() - started);
  logger.info('site published', { files: files.length, written: result.written.length, deleted: result.deleted.length, invalidated: result.invalidated, ms });
  return { files: files.length, ms };
}, (event: PublishEvent | null, context) => ({ correlationId: typeof event?.correlationId === 'string' ? event.correlationId : context.awsRequestId }));
