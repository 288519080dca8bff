import { z } from '@hono/zod-openapi';
import { LANGUAGES } from '../../domain/shared/languages.js';
import { CampaignSchema, CampaignYearSchema } from './campaigns.schemas.js';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be ${max} characters or fewer`).refine((v) => !/[<>]/.test(v), 'must not contain < or >');

/** English is required (it is every other language's fallback); other languages are optional. */
const localized = (max: number) =>
  z.strictObject(
    Object.fromEntries(LANGUAGES.map((language) => [language, language === 'en' ? text(max) : text(max).optional()])) as Record<string, z.ZodType>,
  ) as unknown as z.ZodType<{ en: string } & Partial<Record<(typeof LANGUAGES)[number], string>>>;

/** https:// links, or a path on this site (`/pledge/` is localised by the page). */
const url = z
  .string()
  .trim()
  .max(2_000)
  .refine((value) => /^\/[^/]/.test(value) || value === '/' || /^https:\/\/[^\s]+$/.test(value), 'must start with https:// or be a path on this site starting with /');

export const HASHTAG = /^#[\p{L}\p{N}_]{2,100}$/u;

export const CampaignDraftSchema = z
  .strictObject({
    day: z.iso.date({ message: 'must be a date, e.g. 2027-07-30' }).optional(),
    theme: localized(200).optional(),
    summary: localized(1_000),
    keyMessages: z.array(localized(500)).max(20),
    callsToAction: z.array(z.strictObject({ text: localized(120), url })).max(10),
    hashtags: z.array(z.string().trim().regex(HASHTAG, 'must be # followed by 2–100 letters, digits or underscores, e.g. #EndHumanTrafficking')).max(20),
    links: z.array(z.strictObject({ label: localized(200), url })).max(30),
    partners: z.array(z.strictObject({ name: text(200), url: url.optional() })).max(100),
    fundraising: z
      .strictObject({
        target: z.strictObject({ amount: z.number().int().positive(), currency: z.string().length(3).toLowerCase() }),
        endsAt: z.iso.datetime({ offset: true }),
        matcher: z
          .strictObject({
            name: text(120),
            cap: z.strictObject({ amount: z.number().int().positive(), currency: z.string().length(3).toLowerCase() }),
            startsAt: z.iso.datetime({ offset: true }),
            endsAt: z.iso.datetime({ offset: true }),
          })
          .optional(),
      })
      .optional(),
    mediaKit: z
      .array(
        z.strictObject({
          id: z.string().min(1).max(100),
          kind: z.enum(['image', 'gif', 'video', 'pdf']),
          file: z.string().regex(/^[A-Za-z0-9._-]{1,200}$/, 'must be a plain file name'),
          contentType: z.string().max(100),
          bytes: z.number().int().nonnegative(),
          title: localized(200),
          alt: localized(500).optional(),
          language: z.enum(LANGUAGES).optional(),
        }),
      )
      .max(200),
  })
  .openapi('CampaignDraft');

const TranslationSchema = z.record(z.string(), z.object({ complete: z.number(), missing: z.array(z.string()) }));

export const CampaignEditorViewSchema = z
  .object({ draft: CampaignSchema, live: CampaignSchema.optional(), publishAt: z.string().optional(), translation: TranslationSchema })
  .openapi('CampaignEditorView');

export const CampaignSummaryListSchema = z
  .object({
    campaigns: z.array(
      z.object({
        year: z.number(), theme: CampaignSchema.shape.theme, status: z.enum(['draft', 'published']), hasUnpublishedChanges: z.boolean(),
        publishAt: z.string().optional(), updatedAt: z.string(), translation: TranslationSchema,
      }),
    ),
  })
  .openapi('CampaignSummaryList');

export const PublishedSchema = z
  .object({ view: CampaignEditorViewSchema, published: z.object({ files: z.number(), ms: z.number() }) })
  .openapi('CampaignPublished');

export const ScheduleSchema = z
  .strictObject({ publishAt: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time, or null to clear' }).nullable() })
  .openapi('CampaignSchedule');

export const RestoreSchema = z.strictObject({ revision: z.string().min(1).max(100) }).openapi('CampaignRestore');

export const PreviewQuerySchema = z.strictObject({ lang: z.enum(LANGUAGES, { message: `must be one of ${LANGUAGES.join(', ')}` }).default('en') });

export const HistorySchema = z
  .object({
    entries: z.array(
      z.object({
        id: z.string(), at: z.string(), by: z.string(), action: z.enum(['edit', 'publish', 'unpublish', 'schedule', 'restore']),
        changes: z.array(z.object({ field: z.string(), before: z.unknown().optional(), after: z.unknown().optional() })).optional(),
        publishedVersion: z.boolean().optional(),
      }),
    ),
  })
  .openapi('CampaignHistory');

export { CampaignYearSchema };

export const UploadRequestSchema = z
  .strictObject({
    fileName: z.string().trim().min(1, 'is required').max(255, 'is too long'),
    contentType: z.string().trim().min(3).max(100),
    bytes: z.number({ message: 'must be the file size in bytes' }).int().positive('must be more than 0'),
  })
  .openapi('MediaUploadRequest');

export const UploadResponseSchema = z
  .object({
    item: z.object({ id: z.string(), kind: z.enum(['image', 'gif', 'video', 'pdf']), file: z.string(), contentType: z.string(), bytes: z.number() }),
    upload: z.object({ url: z.string(), method: z.literal('PUT'), headers: z.record(z.string(), z.string()), expiresAt: z.string() }),
  })
  .openapi('MediaUploadTicket');
