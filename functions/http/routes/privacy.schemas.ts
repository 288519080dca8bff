import { z } from '@hono/zod-openapi';
import { LanguageCode } from './pledges.schemas.js';

const Email = z
  .string({ message: 'must be an email address, e.g. ana@example.org' })
  .trim()
  .max(254, 'is too long')
  .pipe(z.email({ message: 'must be an email address, e.g. ana@example.org' }));

export const ErasureRequestSchema = z
  .strictObject({
    email: Email,
    /** The language of the email and of the pages the link opens. */
    language: LanguageCode,
  })
  .openapi('ErasureRequest');

export const ErasureRequestedSchema = z
  .object({ status: z.literal('sent-if-found').openapi({ description: 'The same answer whether or not the platform holds anything for the address.' }) })
  .openapi('ErasureRequested');

export const ErasureTokenSchema = z.strictObject({
  token: z.string({ message: 'is required' }).min(10, 'is not a valid link token').max(500, 'is not a valid link token'),
});

export const ErasureCountsSchema = z
  .object({
    pledges: z.number().int().nonnegative(),
    lentAccounts: z.number().int().nonnegative(),
    donationRecords: z.number().int().nonnegative(),
    stripeCustomers: z.number().int().nonnegative(),
  })
  .openapi('ErasureCounts');

export const ErasedSchema = z.object({ status: z.literal('erased'), erased: ErasureCountsSchema }).openapi('Erased');

export const AdminErasureSchema = z
  .strictObject({
    email: Email,
    /** Where the request came from (a letter's reference, a call's date); never the address. */
    reason: z.string().trim().min(1).max(300, 'must be 300 characters or fewer').optional(),
  })
  .openapi('AdminErasure');

export const ErasureLogEntrySchema = z
  .object({
    id: z.string(),
    at: z.string(),
    channel: z.enum(['email-link', 'admin']),
    by: z.string().openapi({ description: 'The admin, or `self` for the person’s own confirmed link' }),
    emailHash: z.string().openapi({ description: 'Keyed hash of the address (never the address)' }),
    erased: ErasureCountsSchema,
    reason: z.string().optional(),
  })
  .openapi('ErasureLogEntry');

export const ErasureLogQuerySchema = z.strictObject({
  month: z.string({ message: 'is required, as YYYY-MM' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM'),
});
