import { OpenAPIHono } from '@hono/zod-openapi';
import { liveCampaigns } from '../../domain/campaigns/campaign-service.js';
import { AppError } from '../../domain/shared/errors.js';
import type { AppDeps } from '../../config/deps.js';
import type { AppEnv } from '../app-env.js';
import { documentRoute } from '../openapi.js';
import { validate } from '../validate.js';
import { CampaignListSchema, CampaignSchema, CampaignYearSchema } from './campaigns.schemas.js';

/** Published World Day campaigns, newest first (read-only until the campaigns issue adds editing). */
export function campaignRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const cache = { 'Cache-Control': 'public, max-age=60, s-maxage=60' };

  documentRoute(app, {
    method: 'get', path: '/', tag: 'Campaigns', summary: 'Published World Day campaigns, newest first.',
    responses: { 200: { description: 'Campaigns', schema: CampaignListSchema } },
  });
  app.get('/', async (c) => {
    return c.json({ campaigns: await liveCampaigns(deps.campaigns.repository) }, 200, cache);
  });

  documentRoute(app, {
    method: 'get', path: '/{year}', tag: 'Campaigns', params: CampaignYearSchema, summary: "One year's published campaign.",
    responses: { 200: { description: 'The campaign', schema: CampaignSchema }, 404: { description: 'No published campaign that year' } },
  });
  app.get('/:year', async (c) => {
    const { year } = validate(CampaignYearSchema, { year: c.req.param('year') });
    const live = (await deps.campaigns.repository.get(year))?.live;
    if (!live) throw new AppError('not_found', `There is no published campaign for ${year}.`);
    return c.json(live, 200, cache);
  });

  return app;
}
