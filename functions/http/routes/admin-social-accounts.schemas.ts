import { z } from '@hono/zod-openapi';
import { LANGUAGES } from '../../domain/shared/languages.js';
import { normaliseAccountName } from '../../domain/social/lend-handles.js';
import { accountRefIssues, CONNECT_RULES, credentialIssues } from '../../domain/social/organisation-accounts.js';
import { PLATFORMS } from '../../domain/social/social.js';
import { LanguageCode } from './pledges.schemas.js';
import { Handle, Server, TimeZone } from './social-accounts.schemas.js';

const PlatformCode = z
  .enum(PLATFORMS, { message: `must be one of ${PLATFORMS.join(', ')}` })
  .openapi({ example: 'mastodon', description: 'Each platform needs its adapter on the deployment (the sandbox serves every one with `npm start`); one without answers 400 on `platform`' });

/** Never logged, never answered: sealed before it is stored. */
const Secret = z
  .string({ message: 'must be text' })
  .trim()
  .max(2_000, 'is too long')
  .openapi({ description: 'Mastodon: an access token. Bluesky: an app password (xxxx-xxxx-xxxx-xxxx). X, LinkedIn, Threads: an access token. Facebook: a Page access token.' });

/** X's OAuth 1.0a keys, sealed with the access token. */
const XKey = (description: string) => z.string({ message: 'must be text' }).trim().max(500, 'is too long').optional().openapi({ description: `X only, with the other two: ${description}` });
const XKeys = { accessSecret: XKey('the access token secret'), appKey: XKey('the developer app’s API key'), appSecret: XKey('the developer app’s API key secret') };

const PageId = z.string({ message: 'must be text' }).trim().max(40, 'is too long').openapi({ description: 'Facebook only: the Page’s numeric id', example: '104857600123456' });
const AuthorUrn = z.string({ message: 'must be text' }).trim().max(200, 'is too long').openapi({ description: 'LinkedIn only: who posts (urn:li:organization:… or urn:li:person:…)', example: 'urn:li:organization:2414183' });

export const ConnectAccountSchema = z
  .strictObject({
    platform: PlatformCode,
    handle: Handle.openapi({ example: '@blueheart@mastodon.social', description: 'The account’s handle (X, Mastodon, Bluesky, Threads) or name (Facebook Page, LinkedIn)' }),
    server: Server.optional().openapi({ description: 'Mastodon: the server when the handle has none. Bluesky: a self-hosted PDS.' }),
    secret: Secret,
    pageId: PageId.optional(),
    authorUrn: AuthorUrn.optional(),
    ...XKeys,
    language: LanguageCode.openapi({ description: 'The language this account posts in' }),
    timeZone: TimeZone,
  })
  .superRefine((input, context) => {
    if (!input.handle) context.addIssue({ code: 'custom', path: ['handle'], message: `is required, e.g. ${CONNECT_RULES[input.platform].handleExample}` });
    else {
      const named = normaliseAccountName(input.platform, input.handle, input.server);
      if (!named.ok) for (const issue of named.issues) context.addIssue({ code: 'custom', path: [issue.field], message: issue.message });
    }
    if (input.server && input.platform !== 'mastodon' && input.platform !== 'bluesky') context.addIssue({ code: 'custom', path: ['server'], message: 'is only for Mastodon and Bluesky' });
    for (const issue of [...credentialIssues(input.platform, input), ...accountRefIssues(input.platform, input)]) context.addIssue({ code: 'custom', path: [issue.field], message: issue.message });
  })
  .openapi('ConnectOrganisationAccount', { example: { platform: 'mastodon', handle: '@blueheart@mastodon.social', secret: 'token-from-the-application-settings', language: 'en', timeZone: 'Europe/Vienna' } });

export type ConnectAccountBody = z.infer<typeof ConnectAccountSchema>;

export const ReconnectAccountSchema = z
  .strictObject({ secret: Secret, ...XKeys })
  .openapi('ReconnectOrganisationAccount', { example: { secret: 'abcd-efgh-ijkl-mnop' } });

export const AccountParamsSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'is not an account id'),
});

export const OrganisationAccountSchema = z
  .object({
    id: z.string(),
    platform: z.enum(PLATFORMS),
    handle: z.string(),
    server: z.string().optional(),
    accountRef: z.string().optional().openapi({ description: 'The Facebook Page id or LinkedIn author URN it posts as' }),
    followers: z.number().int().openapi({ description: 'When it was (re)connected: the expected reach' }),
    language: z.enum(LANGUAGES),
    timeZone: z.string(),
    status: z.enum(['active', 'expired']).openapi({ description: '`expired`: the network refused its credential; a manager must reconnect it before it posts again' }),
    connectedAt: z.string(),
    connectedBy: z.string(),
    reconnectedAt: z.string().optional(),
    reconnectedBy: z.string().optional(),
    expiredAt: z.string().optional(),
  })
  .openapi('OrganisationAccount');

const AuditState = z.object({ status: z.string(), followers: z.number().int(), language: z.enum(LANGUAGES), timeZone: z.string() }).nullable();

export const AccountAuditEntrySchema = z
  .object({
    id: z.string(),
    at: z.string(),
    by: z.string(),
    action: z.enum(['account.connect', 'account.reconnect', 'account.disconnect']),
    accountId: z.string(),
    platform: z.enum(PLATFORMS),
    handle: z.string(),
    before: AuditState,
    after: AuditState,
  })
  .openapi('OrganisationAccountAuditEntry');
