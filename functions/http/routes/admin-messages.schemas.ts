import { z } from '@hono/zod-openapi';
import { LANGUAGES } from '../../domain/shared/languages.js';
import { mediaShapeIssues } from '../../domain/social/message-media.js';
import { MAX_ALT_TEXT, MAX_MEDIA } from '../../domain/social/media-rules.js';
import { PLATFORMS } from '../../domain/social/social.js';

const hashtag = z
  .string()
  .trim()
  .transform((tag) => tag.replace(/^#/, ''))
  .pipe(z.string().regex(/^[\p{L}\p{N}_]{1,100}$/u, 'must be letters, digits or _ (without spaces), e.g. EndHumanTrafficking'));

export const MessageVariantSchema = z
  .strictObject({
    language: z.enum(LANGUAGES, { message: `must be one of ${LANGUAGES.join(', ')}` }),
    platform: z.enum(PLATFORMS, { message: `must be one of ${PLATFORMS.join(', ')}` }),
    text: z.string().trim().min(1, 'is required').max(10_000, 'is longer than any platform takes'),
    hashtags: z.array(hashtag).max(30).default([]),
    link: z.url({ protocol: /^https$/, message: 'must be an https:// address' }).optional(),
    /** Ids of the campaign's media kit items; the service checks them against the kit. */
    mediaIds: z.array(z.string().min(1).max(100)).max(MAX_MEDIA, `may attach at most ${MAX_MEDIA} media`).default([]),
    /** Per media id; an image without one takes the kit's text alternative in the variant's language, else is refused. */
    altText: z.record(z.string(), z.string().trim().max(MAX_ALT_TEXT, `must be at most ${MAX_ALT_TEXT.toLocaleString('en')} characters`)).default({}),
    alternatives: z.array(z.string().trim().min(1).max(10_000)).max(20, 'may have at most 20 rewordings').default([]),
  })
  // The network's count and alt text length (media-rules.ts); what needs the kit is the service's.
  .superRefine((variant, context) => {
    for (const issue of mediaShapeIssues(variant)) context.addIssue({ code: 'custom', path: issue.field.split('.'), message: issue.message });
  })
  .openapi('MessageVariant');

export const MessageDraftSchema = z
  .strictObject({
    title: z.string().trim().min(1, 'is required').max(200),
    variants: z
      .array(MessageVariantSchema)
      .max(42, 'may have at most one variant per language and platform')
      .refine((variants) => new Set(variants.map((v) => `${v.language}/${v.platform}`)).size === variants.length, 'has two variants for the same language and platform'),
  })
  .openapi('MessageDraft');

export const MessageUpdateSchema = MessageDraftSchema.extend({ version: z.number().int().positive() }).openapi('MessageUpdate');

export const MessageScheduleSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('instant'), at: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time, e.g. 2026-07-30T09:00:00Z' }) }),
    z.strictObject({
      kind: z.literal('local'),
      date: z.iso.date({ message: 'must be a date as YYYY-MM-DD' }),
      time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time as HH:MM, e.g. 09:00'),
    }),
  ])
  .openapi('MessageSchedule');

export const ScheduleBodySchema = z.strictObject({ schedule: MessageScheduleSchema, version: z.number().int().positive() }).openapi('ScheduleMessage');
export const VersionBodySchema = z.strictObject({ version: z.number().int().positive() }).openapi('MessageVersion');
export const CancelBodySchema = z.strictObject({ version: z.number().int().positive(), reason: z.string().trim().min(3).max(1000).optional() }).openapi('CancelMessage');
export const MessageParamsSchema = z.strictObject({ year: z.coerce.number().int().min(2014).max(2100), id: z.uuid('must be a message id') });
export const CampaignParamsSchema = z.strictObject({ year: z.coerce.number().int().min(2014).max(2100) });
export const ReasonBodySchema = z.strictObject({ version: z.number().int().positive(), reason: z.string().trim().min(3).max(1000).optional() }).openapi('MessageStepReason');

export const SocialMessageSchema = z
  .object({
    id: z.string(),
    campaignYear: z.number().int(),
    title: z.string(),
    variants: z.array(MessageVariantSchema),
    schedule: MessageScheduleSchema.optional(),
    status: z.enum(['draft', 'in_review', 'approved', 'scheduled', 'sending', 'sent', 'partly_failed', 'cancelled']),
    createdBy: z.string(),
    createdAt: z.string(),
    editedBy: z.string().optional(),
    submittedBy: z.string().optional(),
    approvedBy: z.string().optional(),
    cancelledBy: z.string().optional(),
    version: z.number().int(),
  })
  .openapi('SocialMessage');

const TotalsSchema = z.object({
  total: z.number().int(), pending: z.number().int(), claimed: z.number().int(), posted: z.number().int(), failed: z.number().int(),
  skipped: z.number().int(), uncertain: z.number().int(), expectedReach: z.number().int(), deliveredReach: z.number().int(),
});
const DeliveryTargetSchema = z.object({ kind: z.string(), id: z.string(), platform: z.string(), language: z.string(), timeZone: z.string(), followers: z.number() });
export const DeliveryReportSchema = z
  .object({
    summary: TotalsSchema.extend({
      byPlatform: z.record(z.string(), TotalsSchema),
      byKind: z.record(z.string(), TotalsSchema),
      published: z.object({ posts: z.number().int(), reach: z.number().int() }).openapi({ description: 'Posts that went out on a network (with a link) and their followers; emails and share links are not posts' }),
    }),
    problems: z.array(
      z.object({
        messageId: z.string(),
        target: DeliveryTargetSchema,
        dueAt: z.string(),
        state: z.string(),
        attempts: z.number().int(),
        uncertain: z.boolean().optional(),
        error: z.string().optional(),
        finishedAt: z.string().optional(),
      }),
    ),
    posts: z.array(
      z.object({
        messageId: z.string(),
        target: DeliveryTargetSchema,
        dueAt: z.string(),
        postUrl: z.string().optional(),
        finishedAt: z.string().optional(),
        reach: z.number().int().optional(),
      }),
    ).openapi({ description: 'The posts that went out on a network, with the link to each (first 500; the CSV has every target)' }),
  })
  .openapi('DeliveryReport');

const HealthCountSchema = z.object({ accounts: z.number().int(), followers: z.number().int() });
export const TargetHealthSchema = z
  .object({
    campaignYear: z.number().int(),
    active: HealthCountSchema,
    expired: HealthCountSchema.extend({ asked: z.number().int().openapi({ description: 'Expired accounts whose owner was asked to reconnect (for this expiry)' }) }),
    organisation: z.object({ active: z.number().int(), expired: z.number().int() }),
    supporters: z.object({ active: z.number().int(), expired: z.number().int(), shareOnly: z.number().int() }),
    byPlatform: z.record(z.string(), z.object({ active: z.number().int(), expired: z.number().int() })),
    expiredOrganisationAccounts: z.array(
      z.object({ id: z.string(), platform: z.enum(PLATFORMS), handle: z.string(), expiredAt: z.string().optional(), reconnectAskedAt: z.string().optional() }),
    ),
    mastodonLimits: z
      .array(z.object({ instance: z.string().openapi({ example: 'mastodon.example' }), maxCharacters: z.number().int(), accounts: z.number().int() }))
      .openapi({ description: "Active Mastodon accounts by instance and the post length the instance takes (read when lent or connected), shortest first: counts only" }),
  })
  .openapi('TargetHealth');
