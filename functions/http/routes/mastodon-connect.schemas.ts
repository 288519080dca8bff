import { z } from '@hono/zod-openapi';
import { LendInputSchema } from './social-accounts.schemas.js';

/** The choices of the lend form, as for a pasted token (the same fields, the same rules), with the server instead of handle and token. */
const lend = LendInputSchema.shape;

export const MastodonConnectStartSchema = z
  .strictObject({
    server: z
      .string({ message: 'is required, e.g. mastodon.social' })
      .trim()
      .min(1, 'is required, e.g. mastodon.social')
      .max(200, 'must be 200 characters or fewer')
      .openapi({ description: 'The supporter’s Mastodon server (or their handle, which names it)', example: 'mastodon.social' }),
    language: lend.language,
    timeZone: lend.timeZone,
    email: lend.email,
    consent: lend.consent,
  })
  .openapi('MastodonConnectStart', { example: { server: 'mastodon.social', language: 'es', timeZone: 'America/Mexico_City', email: 'ana@example.org', consent: true } });

export const MastodonConnectStartedSchema = z
  .object({
    authorizeUrl: z.string().openapi({ description: 'The instance’s authorization page: send the supporter there' }),
    instance: z.string().openapi({ example: 'mastodon.social' }),
  })
  .openapi('MastodonConnectStarted');

/**
 * The callback's query (RFC 6749 §4.1.2 and §4.1.2.1): `code` and `state`, or `error` and
 * `state`. Read leniently (an instance may add parameters); anything unreadable is a bad link,
 * never a 500.
 */
export const MastodonCallbackQuerySchema = z
  .object({
    code: z.string().max(1_000).optional(),
    state: z.string().max(4_000).optional(),
    error: z.string().max(200).optional(),
    error_description: z.string().max(2_000).optional(),
  })
  .openapi('MastodonCallbackQuery');
