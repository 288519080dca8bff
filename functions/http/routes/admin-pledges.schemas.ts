import { z } from '@hono/zod-openapi';
import { CountryCode } from './pledges.schemas.js';

const isoDate = z.iso.datetime({ message: 'must be an ISO 8601 date-time, e.g. 2026-07-30T00:00:00Z', offset: true }).transform((value) => new Date(value));

/** Review covers at most 31 days at once: each day is a handful of index partitions to read. */
const MAX_WINDOW_MS = 31 * 24 * 3_600_000;

export const ReviewFilterSchema = z
  .strictObject({
    from: isoDate,
    to: isoDate,
    review: z.enum(['ok', 'suspect', 'invalidated']).optional(),
    country: CountryCode.optional(),
    emailDomain: z.string().trim().toLowerCase().min(3).max(253).optional(),
    ipHash: z.string().regex(/^[A-Za-z0-9_-]{12}$/, 'must be an IP hash as shown in the review list').optional(),
    limit: z.coerce.number().int().min(1).max(1000).optional(),
  })
  .refine((f) => f.from < f.to, { message: 'must be before `to`', path: ['from'] })
  .refine((f) => f.to.getTime() - f.from.getTime() <= MAX_WINDOW_MS, { message: 'the window may span 31 days at most', path: ['to'] })
  .openapi('ReviewFilter');

export const ReviewActionSchema = z
  .strictObject({
    action: z.enum(['invalidate', 'restore'], { message: 'must be invalidate or restore' }),
    filter: ReviewFilterSchema,
  })
  .openapi('ReviewAction');

export const ReviewOutcomeSchema = z.object({ matched: z.number().int(), changed: z.number().int() }).openapi('ReviewOutcome');

export const PledgeSummarySchema = z
  .object({
    id: z.string(),
    status: z.enum(['pending', 'confirmed']),
    review: z.enum(['ok', 'suspect', 'invalidated']),
    counted: z.boolean(),
    country: z.string(),
    language: z.string(),
    chapter: z.string().optional(),
    emailDomain: z.string().optional(),
    ipHash: z.string().optional(),
    suspectReasons: z.array(z.string()),
    createdAt: z.string(),
    confirmedAt: z.string().optional(),
  })
  .openapi('PledgeSummary');

export const ReviewListSchema = z.object({ pledges: z.array(PledgeSummarySchema) }).openapi('ReviewList');

export const PledgeIdSchema = z.object({ id: z.uuid({ message: 'must be a pledge id' }) });

export const WallVisibilitySchema = z.strictObject({ hidden: z.boolean({ message: 'must be true or false' }) }).openapi('WallVisibility');
