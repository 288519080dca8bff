import { z } from '@hono/zod-openapi';
import { CHAPTER_SLUGS } from '../../domain/chapters/chapters.js';
import { isCountryCode } from '../../domain/shared/countries.js';
import { LANGUAGES } from '../../domain/shared/languages.js';

/** Names are shown on the wall and in emails: markup has no business in them. */
const noMarkup = (value: string) => !/[<>]/.test(value);

export const CountryCode = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'must be a two-letter ISO 3166-1 country code, e.g. MX')
  .transform((code) => code.toUpperCase())
  .refine(isCountryCode, 'is not an ISO 3166-1 country code')
  .openapi({ example: 'MX', description: 'ISO 3166-1 alpha-2' });

export const LanguageCode = z.enum(LANGUAGES, { message: `must be one of ${LANGUAGES.join(', ')}` }).openapi({ example: 'es' });

export const PledgeInputSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'is required').max(100, 'must be 100 characters or fewer').refine(noMarkup, 'must not contain < or >'),
    email: z.string({ message: 'must be an email address, e.g. ana@example.org' }).trim().max(254, 'is too long').pipe(z.email({ message: 'must be an email address, e.g. ana@example.org' })),
    country: CountryCode,
    language: LanguageCode,
    showOnWall: z.boolean({ message: 'must be true or false' }),
    wantsUpdates: z.boolean({ message: 'must be true or false' }),
    organisation: z.string().trim().max(120, 'must be 120 characters or fewer').refine(noMarkup, 'must not contain < or >').optional(),
    chapter: z.enum(CHAPTER_SLUGS as [string, ...string[]], { message: 'is not a chapter of the campaign' }).optional(),
    /** Honeypot: hidden from people, so it stays empty unless a bot fills every field. */
    website: z.string().max(500).optional(),
    /** ALTCHA proof-of-work payload (base64 JSON), when the browser solved the challenge. */
    altcha: z.string().max(8_000).optional(),
  })
  .openapi('PledgeInput');

export type PledgeInputBody = z.infer<typeof PledgeInputSchema>;

/** A plain HTML form sends strings, and leaves unticked checkboxes out. */
export function pledgeFormToInput(form: Record<string, string>): Record<string, unknown> {
  const input: Record<string, unknown> = { ...form };
  for (const key of ['showOnWall', 'wantsUpdates']) input[key] = form[key] === 'on' || form[key] === 'true';
  for (const key of ['organisation', 'chapter', 'website', 'altcha']) if (form[key] === '') delete input[key];
  return input;
}

export const PledgeAcceptedSchema = z.object({ status: z.literal('pending') }).openapi('PledgeAccepted');

export const PledgeStatsSchema = z
  .object({
    total: z.number().int().nonnegative(),
    byCountry: z.record(z.string(), z.number().int().nonnegative()).openapi({ example: { MX: 120, FR: 33 } }),
    byChapter: z.record(z.string(), z.number().int().nonnegative()).openapi({ example: { aquiestoy: 80 } }),
    last24h: z.number().int().nonnegative(),
  })
  .openapi('PledgeStats');

export const WallQuerySchema = z.strictObject({
  limit: z.coerce.number({ message: 'must be a number' }).int().min(1).max(50).default(20),
});

export const WallSchema = z
  .object({
    entries: z.array(z.object({ id: z.string(), firstName: z.string(), country: z.string(), confirmedAt: z.string() })),
  })
  .openapi('PledgeWall');

export const TokenSchema = z.strictObject({
  token: z.string({ message: 'is required' }).min(10, 'is not a complete link').max(2_000, 'is too long'),
});

/** RFC 8058 one-click unsubscribe posts `List-Unsubscribe=One-Click` with the token in the URL. */
export const OneClickSchema = z.object({ 'List-Unsubscribe': z.literal('One-Click').optional() }).passthrough();

export const ConfirmedSchema = z
  .object({ status: z.literal('confirmed'), country: z.string(), language: LanguageCode })
  .openapi('PledgeConfirmed');

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'validation_failed' }),
      message: z.string().openapi({ example: 'Please check the form: email must be an email address.' }),
      fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
      requestId: z.string().optional(),
    }),
  })
  .openapi('Error');
