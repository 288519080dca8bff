import { z } from '@hono/zod-openapi';
import { LANGUAGES } from '../../domain/shared/languages.js';
import { normaliseAccountName } from '../../domain/social/lend-handles.js';
import { CONNECT_RULES } from '../../domain/social/organisation-accounts.js';
import { PLATFORM_RULES } from '../../domain/social/platform-rules.js';
import { PLATFORMS } from '../../domain/social/social.js';
import { LanguageCode } from './pledges.schemas.js';

/** Whether the runtime knows an IANA zone (the same data the schedule is computed with). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const YearParamsSchema = z.strictObject({
  year: z.coerce.number({ message: 'must be a campaign year, e.g. 2026' }).int('must be a campaign year, e.g. 2026').min(2014, 'must be 2014 or later').max(2100, 'must be 2100 or earlier'),
});

const PlatformCode = z
  .enum(PLATFORMS, { message: `must be one of ${PLATFORMS.join(', ')}` })
  .openapi({ example: 'bluesky', description: `${PLATFORMS.filter((p) => PLATFORM_RULES[p].supporterPosting === 'api').join(' and ')} post from the lent account; the others take a share link emailed at the moment` });

export const TimeZone = z
  .string({ message: 'must be an IANA time zone, e.g. America/Mexico_City' })
  .trim()
  .max(64, 'must be an IANA time zone, e.g. America/Mexico_City')
  .refine(isTimeZone, 'must be an IANA time zone, e.g. America/Mexico_City')
  .openapi({ example: 'America/Mexico_City' });

export const Handle = z.string().trim().max(200, 'must be 200 characters or fewer');
export const Server = z.string().trim().max(200, 'must be 200 characters or fewer');

export const PreviewQuerySchema = z
  .strictObject({
    language: LanguageCode,
    platform: PlatformCode,
    /** With the handle, the preview is the exact wording this account will post. */
    handle: Handle.optional(),
    server: Server.optional(),
    timeZone: TimeZone.optional(),
  })
  .openapi('LendPreviewQuery');

export const LendInputSchema = z
  .strictObject({
    platform: PlatformCode,
    handle: Handle.optional(),
    server: Server.optional(),
    /** Bluesky: an app password (xxxx-xxxx-xxxx-xxxx), never the account's own password. Mastodon: an access token. */
    secret: z.string({ message: 'must be text' }).trim().max(500, 'is too long').optional(),
    language: LanguageCode,
    timeZone: TimeZone,
    email: z
      .string({ message: 'must be an email address, e.g. ana@example.org' })
      .trim()
      .max(254, 'is too long')
      .pipe(z.union([z.literal(''), z.email({ message: 'must be an email address, e.g. ana@example.org' })]))
      .optional(),
    consent: z.literal(true, { message: 'must be ticked: we post nothing from your account without your agreement' }),
  })
  .superRefine((input, context) => {
    const named = normaliseAccountName(input.platform, input.handle, input.server);
    if (!named.ok) for (const issue of named.issues) context.addIssue({ code: 'custom', path: [issue.field], message: issue.message });
    if (PLATFORM_RULES[input.platform].supporterPosting !== 'api' || !input.secret) return;
    if (input.platform === 'bluesky' && !CONNECT_RULES.bluesky.secretPattern.test(input.secret)) {
      context.addIssue({ code: 'custom', path: ['secret'], message: 'must be a Bluesky app password (xxxx-xxxx-xxxx-xxxx), not your account password' });
    }
    if (input.platform === 'mastodon' && !CONNECT_RULES.mastodon.secretPattern.test(input.secret)) {
      context.addIssue({ code: 'custom', path: ['secret'], message: 'must be the access token Mastodon shows for your application (letters, digits, - and _)' });
    }
  })
  .openapi('LendInput', { example: { platform: 'bluesky', handle: 'ana.bsky.social', secret: 'abcd-efgh-ijkl-mnop', language: 'es', timeZone: 'America/Mexico_City', email: 'ana@example.org', consent: true } });

export type LendInputBody = z.infer<typeof LendInputSchema>;

const LengthSchema = z.object({ length: z.number(), limit: z.number(), unit: z.string(), ok: z.boolean(), over: z.number(), problem: z.string().optional() });

const ScheduleSchema = z.union([
  z.object({ kind: z.literal('instant'), at: z.string() }),
  z.object({ kind: z.literal('local'), date: z.string(), time: z.string() }),
]);

export const LendPreviewSchema = z
  .object({
    messageId: z.string(),
    messageVersion: z.number().int(),
    campaignYear: z.number().int(),
    platform: z.enum(PLATFORMS),
    requestedLanguage: z.enum(LANGUAGES),
    language: z.enum(LANGUAGES).openapi({ description: 'The language of the text: English when the message is not translated into the requested one yet' }),
    text: z.string().openapi({ description: 'Exactly what will be posted from the account (or what the share link opens with)' }),
    length: LengthSchema,
    posting: z.enum(['api', 'share-link']),
    shareUrl: z.string().optional(),
    schedule: ScheduleSchema.optional(),
    dueAt: z.string().optional().openapi({ description: 'When it goes out in the given time zone' }),
  })
  .openapi('LendPreview');

export const LendResultSchema = z
  .object({
    account: z.object({
      id: z.string(),
      platform: z.enum(PLATFORMS),
      handle: z.string(),
      followers: z.number().int(),
      language: z.enum(LANGUAGES),
      timeZone: z.string(),
      status: z.string(),
      campaignYear: z.number().int().optional(),
      shareOnly: z.boolean(),
    }),
    preview: LendPreviewSchema,
    revokeToken: z.string(),
    revokeUrl: z.string(),
    emailSent: z.boolean(),
  })
  .openapi('LendResult');

export const RevokeTokenSchema = z.strictObject({
  token: z.string({ message: 'is required' }).trim().min(10, 'is not a complete link').max(2_000, 'is too long'),
});

export const RevokedSchema = z
  .object({ status: z.literal('revoked'), platform: z.enum(PLATFORMS), handle: z.string(), language: z.enum(LANGUAGES) })
  .openapi('LendingRevoked');

export const ReachSchema = z
  .object({
    campaignYear: z.number().int(),
    supporters: z.number().int().openapi({ description: "Supporters' accounts lent to the campaign" }),
    supporterFollowers: z.number().int(),
    organisationAccounts: z.number().int(),
    organisationFollowers: z.number().int(),
    expectedReach: z.number().int().openapi({ description: 'Followers of every active account when it connected' }),
    messagesSent: z.number().int().openapi({ description: "The campaign's messages that finished sending (sent or partly failed)" }),
    postsDelivered: z.number().int().openapi({ description: 'Posts those messages made from accounts' }),
    deliveredReach: z.number().int().openapi({ description: 'Followers of the accounts that posted, at the moment of posting' }),
  })
  .openapi('CampaignReach');
