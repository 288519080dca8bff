import { z } from '@hono/zod-openapi';
import { LANGUAGES } from '../../domain/shared/languages.js';

const LocalizedTextSchema = z
  .object(Object.fromEntries(LANGUAGES.map((language) => [language, language === 'en' ? z.string() : z.string().optional()])))
  .openapi('LocalizedText', { description: 'Text per language; English is always present and is the fallback.' });

export const CampaignSchema = z
  .object({
    year: z.number().int().min(2014),
    day: z.string().openapi({ example: '2026-07-30' }),
    theme: LocalizedTextSchema.optional(),
    summary: LocalizedTextSchema,
    keyMessages: z.array(LocalizedTextSchema),
    callsToAction: z.array(z.object({ text: LocalizedTextSchema, url: z.string() })),
    hashtags: z.array(z.string()).openapi({ example: ['#EndHumanTrafficking', '#HumanTrafficking'] }),
    links: z.array(z.object({ label: LocalizedTextSchema, url: z.string() })),
    partners: z.array(z.object({ name: z.string(), url: z.string().optional() })),
    mediaKit: z.array(
      z.object({
        id: z.string(), kind: z.enum(['image', 'gif', 'video', 'pdf']), file: z.string(), contentType: z.string(), bytes: z.number().int(),
        title: LocalizedTextSchema, alt: LocalizedTextSchema.optional(), language: z.enum(LANGUAGES).optional(),
      }),
    ),
    status: z.enum(['draft', 'published']),
    updatedAt: z.string(),
  })
  .openapi('Campaign');

export const CampaignListSchema = z.object({ campaigns: z.array(CampaignSchema) }).openapi('CampaignList');

export const CampaignYearSchema = z.object({
  year: z.coerce.number({ message: 'must be a year, e.g. 2026' }).int('must be a year, e.g. 2026').min(2014, 'World Days began in 2014').max(2100, 'must be a year, e.g. 2026'),
});
