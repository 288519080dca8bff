import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { stream } from 'hono/streaming';
import { deliveryReport, deliveryReportCsv } from '../../domain/social/delivery-report.js';
import { changeMessage, createMessage, getMessage } from '../../domain/social/message-service.js';
import { targetHealth } from '../../domain/social/target-health.js';
import type { MessageAction } from '../../domain/social/message-workflow.js';
import type { AppDeps } from '../../config/deps.js';
import type { AppEnv } from '../app-env.js';
import { requireRole } from '../middleware/require-role.js';
import { documentRoute } from '../openapi.js';
import { readValidBody } from '../read-body.js';
import { validate } from '../validate.js';
import {
  CampaignParamsSchema,
  CancelBodySchema,
  DeliveryReportSchema,
  MessageDraftSchema,
  MessageParamsSchema,
  MessageUpdateSchema,
  ReasonBodySchema,
  ScheduleBodySchema,
  SocialMessageSchema,
  TargetHealthSchema,
  VersionBodySchema,
} from './admin-messages.schemas.js';

const TAG = 'Console: social messages';

/** Managers compose coordinated messages, review each other's, schedule and cancel them. */
export function adminMessageRoutes(deps: AppDeps) {
  const social = deps.social;
  const app = new OpenAPIHono<AppEnv>();
  app.use('*', requireRole(deps.auth, ['manager']));
  const user = (c: Context<AppEnv>) => c.get('principal').username;
  const params = (c: Context<AppEnv>) => validate(MessageParamsSchema, { year: c.req.param('year'), id: c.req.param('id') });

  documentRoute(app, {
    method: 'get', path: '/{year}', tag: TAG, params: CampaignParamsSchema, secured: true,
    summary: "A campaign's messages, newest first.",
    responses: { 200: { description: 'Messages', schema: z.object({ messages: z.array(SocialMessageSchema) }) } },
  });
  app.get('/:year', async (c) => {
    const { year } = validate(CampaignParamsSchema, { year: c.req.param('year') });
    return c.json({ messages: await social.messages.listByCampaign(year) });
  });

  documentRoute(app, {
    method: 'post', path: '/{year}', tag: TAG, params: CampaignParamsSchema, body: MessageDraftSchema, secured: true,
    summary: 'A new draft message with its variants per language and platform.',
    responses: { 201: { description: 'Created', schema: SocialMessageSchema } },
  });
  app.post('/:year', async (c) => {
    const { year } = validate(CampaignParamsSchema, { year: c.req.param('year') });
    const draft = await readValidBody(c, MessageDraftSchema);
    return c.json(await createMessage(social, year, draft, user(c)), 201);
  });

  // Before `/{year}/{id}`, which would take `targets` for a message id.
  documentRoute(app, {
    method: 'get', path: '/{year}/targets', tag: TAG, params: CampaignParamsSchema, secured: true,
    summary: "The accounts the campaign's messages go out from, by health: active ones (and their followers), expired ones (refused by their network: they post nothing until reconnected; whether their owner was asked), per owner and platform, the organisation's expired accounts, and the Mastodon instances' post lengths (accounts per instance and limit).",
    responses: { 200: { description: 'Counts, and the organisation accounts to reconnect', schema: TargetHealthSchema } },
  });
  app.get('/:year/targets', async (c) => {
    const { year } = validate(CampaignParamsSchema, { year: c.req.param('year') });
    return c.json(await targetHealth(deps.lending.accounts, year), 200, { 'Cache-Control': 'no-store' });
  });

  documentRoute(app, {
    method: 'get', path: '/{year}/{id}', tag: TAG, params: MessageParamsSchema, secured: true,
    summary: 'One message.',
    responses: { 200: { description: 'The message', schema: SocialMessageSchema } },
  });
  app.get('/:year/:id', async (c) => {
    const { year, id } = params(c);
    return c.json(await getMessage(social, year, id));
  });

  documentRoute(app, {
    method: 'put', path: '/{year}/{id}', tag: TAG, params: MessageParamsSchema, body: MessageUpdateSchema, secured: true,
    summary: 'Edits the title and variants. Changing what is posted sends a message in review, approved or scheduled back to draft.',
    responses: { 200: { description: 'The message', schema: SocialMessageSchema }, 409: { description: 'Changed meanwhile, or already sending' } },
  });
  app.put('/:year/:id', async (c) => {
    const { year, id } = params(c);
    const { version, ...changes } = await readValidBody(c, MessageUpdateSchema);
    return c.json(await changeMessage(social, year, id, version, { type: 'edit', changes }, user(c)));
  });

  documentRoute(app, {
    method: 'get', path: '/{year}/{id}/history', tag: TAG, params: MessageParamsSchema, secured: true,
    summary: "The message's audit log: every step, who, when, and what changed.",
    responses: { 200: { description: 'Newest first', schema: z.object({ entries: z.array(z.object({ version: z.number(), at: z.string(), by: z.string(), action: z.string(), before: z.string().nullable(), after: z.string() })) }) } },
  });
  app.get('/:year/:id/history', async (c) => {
    const { year, id } = params(c);
    await getMessage(social, year, id);
    return c.json({ entries: await social.messages.history(year, id) });
  });

  documentRoute(app, {
    method: 'get', path: '/{year}/{id}/report', tag: TAG, params: MessageParamsSchema, secured: true,
    summary: 'The delivery report: totals, expected and delivered reach, overall, per platform and per kind of target; the deliveries that failed or were skipped, and the posts with their links (first 500 of each).',
    responses: { 200: { description: 'The report', schema: DeliveryReportSchema } },
  });
  app.get('/:year/:id/report', async (c) => {
    const { year, id } = params(c);
    await getMessage(social, year, id);
    return c.json(await deliveryReport(social.deliveries, id), 200, { 'Cache-Control': 'no-store' });
  });

  documentRoute(app, {
    method: 'get', path: '/{year}/{id}/report.csv', tag: TAG, params: MessageParamsSchema, secured: true,
    summary: "Every target's result (link to the post, or the error) as UTF-8 CSV (formula-safe).",
    responses: { 200: { description: 'CSV', csv: true } },
  });
  app.get('/:year/:id/report.csv', async (c) => {
    const { year, id } = params(c);
    await getMessage(social, year, id);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="blue-heart-message-${id}-deliveries.csv"`);
    c.header('Cache-Control', 'no-store');
    return stream(c, async (out) => {
      for await (const chunk of deliveryReportCsv(social.deliveries, id)) await out.write(chunk);
    });
  });

  /** The workflow steps a manager takes; each needs the version the manager saw. */
  const steps: Array<{ path: string; schema: z.ZodType; summary: string; action: (input: never) => MessageAction }> = [
    { path: 'submit', schema: VersionBodySchema, summary: 'Sends a draft to review (every variant must fit its platform).', action: () => ({ type: 'submit' }) },
    { path: 'request-changes', schema: ReasonBodySchema, summary: 'Sends a message in review back to draft, with an optional reason.', action: (input: { reason?: string }) => ({ type: 'request_changes', ...(input.reason ? { reason: input.reason } : {}) }) },
    { path: 'approve', schema: VersionBodySchema, summary: 'Approves a message in review; never by the manager who submitted it or last wrote it (403).', action: () => ({ type: 'approve' }) },
    { path: 'schedule', schema: ScheduleBodySchema, summary: 'Schedules an approved message: an instant, or the same local time in every target\'s time zone.', action: (input: { schedule: never }) => ({ type: 'schedule', schedule: input.schedule }) },
    { path: 'cancel', schema: CancelBodySchema, summary: 'Cancels a message any time before it starts sending.', action: (input: { reason?: string }) => ({ type: 'cancel', ...(input.reason ? { reason: input.reason } : {}) }) },
  ];
  for (const step of steps) {
    documentRoute(app, {
      method: 'post', path: `/{year}/{id}/${step.path}`, tag: TAG, params: MessageParamsSchema, body: step.schema, secured: true,
      summary: step.summary,
      responses: { 200: { description: 'The message after the step', schema: SocialMessageSchema }, 409: { description: 'Not allowed from its current state, or changed meanwhile' } },
    });
    app.post(`/:year/:id/${step.path}`, async (c) => {
      const { year, id } = params(c);
      const input = (await readValidBody(c, step.schema)) as { version: number };
      return c.json(await changeMessage(social, year, id, input.version, step.action(input as never), user(c)));
    });
  }

  return app;
}
