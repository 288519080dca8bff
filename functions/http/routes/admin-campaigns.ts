import { OpenAPIHono, z } from '@hono/zod-openapi';
import { translationStatus } from '../../domain/campaigns/campaign.js';
import { getCampaignRecord, hasUnpublishedChanges, saveCampaignDraft } from '../../domain/campaigns/edit-campaign.js';
import type { CampaignRecord } from '../../domain/campaigns/ports.js';
import { publishCampaign, restoreCampaign, scheduleCampaign, unpublishCampaign } from '../../domain/campaigns/publish-campaign.js';
import type { AppDeps } from '../../config/deps.js';
import { renderCampaignPreview } from '../../../web/publish-pages.js';
import type { AppEnv } from '../app-env.js';
import { requireRole } from '../middleware/require-role.js';
import { documentRoute } from '../openapi.js';
import { readValidBody } from '../read-body.js';
import { validate } from '../validate.js';
import {
  CampaignDraftSchema,
  CampaignEditorViewSchema,
  CampaignSummaryListSchema,
  CampaignYearSchema,
  HistorySchema,
  PreviewQuerySchema,
  PublishedSchema,
  RestoreSchema,
  ScheduleSchema,
  UploadRequestSchema,
  UploadResponseSchema,
} from './admin-campaigns.schemas.js';
import { requestMediaUpload } from '../../domain/campaigns/media.js';
import { AppError } from '../../domain/shared/errors.js';

/** What the editor shows: the draft, what is live, the schedule, and translation coverage. */
const editorView = (record: CampaignRecord) => ({
  draft: record.draft,
  ...(record.live ? { live: record.live } : {}),
  ...(record.publishAt ? { publishAt: record.publishAt } : {}),
  translation: translationStatus(record.draft),
});

/** Console routes for managers: draft, preview, publish, schedule, unpublish, history, restore. */
export function adminCampaignRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const campaigns = deps.campaigns;
  app.use('*', requireRole(deps.auth, ['manager']));
  const yearOf = (value: string) => validate(CampaignYearSchema, { year: value }).year;
  const who = (c: { get(key: 'principal'): { username: string } }) => c.get('principal').username;
  const doc = (method: 'get' | 'post' | 'put', path: string, summary: string, responses: Parameters<typeof documentRoute>[1]['responses'], body?: Parameters<typeof documentRoute>[1]['body']) =>
    documentRoute(app, { method, path, tag: 'Console: campaigns', summary, secured: true, responses, ...(path.includes('{year}') ? { params: CampaignYearSchema } : {}), ...(body ? { body } : {}) });

  doc('get', '/', 'Every campaign with its state and translation coverage, newest first.', { 200: { description: 'Campaigns', schema: CampaignSummaryListSchema } });
  app.get('/', async (c) => {
    const records = await campaigns.repository.list();
    return c.json({
      campaigns: records.map((record) => ({
        year: record.year,
        ...(record.draft.theme ? { theme: record.draft.theme } : {}),
        status: record.live ? ('published' as const) : ('draft' as const),
        hasUnpublishedChanges: hasUnpublishedChanges(record),
        ...(record.publishAt ? { publishAt: record.publishAt } : {}),
        updatedAt: record.draft.updatedAt,
        translation: translationStatus(record.draft),
      })),
    });
  });

  doc('get', '/{year}', "A year's draft, live version, schedule and translation coverage.", { 200: { description: 'The campaign', schema: CampaignEditorViewSchema }, 404: { description: 'No campaign that year' } });
  app.get('/:year', async (c) => c.json(editorView(await getCampaignRecord(campaigns, yearOf(c.req.param('year'))))));

  doc('put', '/{year}', 'Create or update the draft. Nothing changes on the site until it is published.', { 200: { description: 'Saved', schema: CampaignEditorViewSchema } }, CampaignDraftSchema);
  app.put('/:year', async (c) => {
    const year = yearOf(c.req.param('year'));
    const input = await readValidBody(c, CampaignDraftSchema);
    return c.json(editorView(await saveCampaignDraft(campaigns, year, input, who(c))));
  });

  documentRoute(app, {
    method: 'get', path: '/{year}/preview', tag: 'Console: campaigns', params: CampaignYearSchema, query: PreviewQuerySchema, secured: true,
    summary: 'The campaign page rendered from the draft, exactly as it would be published.',
    responses: { 200: { description: 'HTML', html: true } },
  });
  app.get('/:year/preview', async (c) => {
    const record = await getCampaignRecord(campaigns, yearOf(c.req.param('year')));
    const { lang } = validate(PreviewQuerySchema, c.req.query());
    return c.html(renderCampaignPreview(record.draft, lang), 200, { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' });
  });

  doc('post', '/{year}/publish', 'Publish the draft now; the site is re-rendered.', { 200: { description: 'Published', schema: PublishedSchema } });
  app.post('/:year/publish', async (c) => {
    const { record, published } = await publishCampaign(campaigns, yearOf(c.req.param('year')), who(c));
    return c.json({ view: editorView(record), published });
  });

  doc('post', '/{year}/unpublish', 'Take the campaign off the site; the draft stays.', { 200: { description: 'Unpublished', schema: PublishedSchema } });
  app.post('/:year/unpublish', async (c) => {
    const { record, published } = await unpublishCampaign(campaigns, yearOf(c.req.param('year')), who(c));
    return c.json({ view: editorView(record), published });
  });

  doc('put', '/{year}/schedule', 'Publish the draft at a given time (checked every minute); null clears it.', { 200: { description: 'Scheduled', schema: CampaignEditorViewSchema } }, ScheduleSchema);
  app.put('/:year/schedule', async (c) => {
    const { publishAt } = await readValidBody(c, ScheduleSchema);
    const record = await scheduleCampaign(campaigns, yearOf(c.req.param('year')), publishAt ? new Date(publishAt) : null, who(c));
    return c.json(editorView(record));
  });

  doc('get', '/{year}/history', 'Every change: who, when, what; published versions can be restored.', { 200: { description: 'Newest first', schema: HistorySchema } });
  app.get('/:year/history', async (c) => {
    const entries = await campaigns.repository.history(yearOf(c.req.param('year')));
    return c.json({
      entries: entries.map(({ snapshot, year: _year, version: _version, ...entry }) => ({ ...entry, ...(snapshot ? { publishedVersion: true } : {}) })),
    });
  });

  doc('post', '/{year}/restore', 'Bring back a published version: it becomes the draft and goes live again.', { 200: { description: 'Restored', schema: PublishedSchema } }, RestoreSchema);
  app.post('/:year/restore', async (c) => {
    const { revision } = await readValidBody(c, RestoreSchema);
    const { record, published } = await restoreCampaign(campaigns, yearOf(c.req.param('year')), revision, who(c));
    return c.json({ view: editorView(record), published });
  });

  doc('post', '/{year}/media', "Ask to upload a file to the year's media kit; the answer says where to PUT the bytes.", { 200: { description: 'Where to send the file', schema: UploadResponseSchema } }, UploadRequestSchema);
  app.post('/:year/media', async (c) => {
    const year = yearOf(c.req.param('year'));
    const request = await readValidBody(c, UploadRequestSchema);
    return c.json(await requestMediaUpload(campaigns.media, year, request, { now: campaigns.clock.now(), newId: campaigns.newId }));
  });

  return app;
}

/**
 * Where the local media storage takes uploads (on AWS the browser PUTs to S3 instead). The
 * signed ticket in the path is the authorisation: it names the file, its type and its size.
 */
export function mediaUploadRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const media = deps.campaigns.media;
  documentRoute(app, {
    method: 'put', path: '/{ticket}', tag: 'Console: campaigns', summary: 'Local platform only: the file itself, to the URL a media upload request returned.',
    params: z.object({ ticket: z.string() }),
    responses: { 201: { description: 'Stored' }, 400: { description: 'Invalid or expired ticket' }, 413: { description: 'Larger than announced' }, 415: { description: 'Not the announced type' } },
  });
  app.put('/:ticket', async (c) => {
    if (!media.receive) throw new AppError('not_found', 'Uploads go straight to storage on this deployment.');
    await media.receive(c.req.param('ticket'), c.req.header('content-type'), c.req.raw.body, deps.campaigns.clock.now());
    return c.body(null, 201);
  });
  return app;
}
