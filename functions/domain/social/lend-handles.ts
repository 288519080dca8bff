import type { FieldIssue } from '../shared/errors.js';
import { PLATFORM_RULES } from './platform-rules.js';
import type { Platform } from './social.js';

/**
 * What a supporter types to name their account, made into one spelling per account, so that
 * lending the same account twice finds the same account (and posts once), and the server we
 * call is one we are willing to call.
 *
 * - Mastodon: `@ana@mastodon.social`, `ana@mastodon.social`, or `ana` with the server
 *   `mastodon.social` → handle `@ana@mastodon.social`, server `https://mastodon.social`.
 * - Bluesky: `@ana.bsky.social` → `ana.bsky.social`; a server (PDS) only for self-hosted accounts.
 * - Networks that take a share link (X, Threads, LinkedIn, Facebook): the handle is optional and
 *   only shown back to the supporter; nothing is ever called with it.
 *
 * A server is a public https origin named by a domain: no IP address, no `localhost`, no port
 * but 443, no path, no credentials. The API calls it on the supporter's behalf, so it must not be
 * able to point the platform at its own network (SSRF); a name that resolves to a private address
 * is the remaining risk, for the network layer (egress rules) to close.
 */

const DOMAIN = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const MASTODON_USER = /^[a-z0-9_]+(?:[.-][a-z0-9_]+)*$/i;

export interface AccountName {
  handle: string;
  server?: string;
}

export type NameCheck = { ok: true; name: AccountName } | { ok: false; issues: FieldIssue[] };

/** `https://mastodon.social` from `mastodon.social`, `https://mastodon.social/`, …; undefined if it is not a public https origin. */
export function publicOrigin(input: string): string | undefined {
  const text = input.trim();
  if (!text) return undefined;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.username || url.password || (url.port && url.port !== '443')) return undefined;
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) return undefined;
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (!DOMAIN.test(host) || host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) return undefined;
  return `https://${host}`;
}

const issue = (field: string, message: string): NameCheck => ({ ok: false, issues: [{ field, message }] });

/** The account's one spelling on `platform`, or what is wrong with what was typed. */
export function normaliseAccountName(platform: Platform, handle: string | undefined, server: string | undefined): NameCheck {
  const typed = (handle ?? '').trim().replace(/^[@＠]+/, '');
  const typedServer = server?.trim() ? server.trim() : undefined;
  switch (platform) {
    case 'mastodon': {
      if (!typed) return issue('handle', 'is required, e.g. @ana@mastodon.social');
      const [user = '', domain, extra] = typed.split('@');
      if (extra !== undefined || !MASTODON_USER.test(user) || user.length > 30) return issue('handle', 'must be a Mastodon handle, e.g. @ana@mastodon.social');
      const origin = typedServer !== undefined ? publicOrigin(typedServer) : domain ? publicOrigin(domain) : undefined;
      if (typedServer !== undefined && !origin) return issue('server', 'must be your Mastodon server’s address, e.g. mastodon.social');
      if (domain !== undefined && !DOMAIN.test(domain.toLowerCase())) return issue('handle', 'must be a Mastodon handle, e.g. @ana@mastodon.social');
      if (!origin) return issue('server', 'is required when the handle has no server, e.g. mastodon.social');
      const accountDomain = (domain ?? new URL(origin).hostname).toLowerCase();
      return { ok: true, name: { handle: `@${user.toLowerCase()}@${accountDomain}`, server: origin } };
    }
    case 'bluesky': {
      if (!typed) return issue('handle', 'is required, e.g. ana.bsky.social');
      const name = typed.toLowerCase();
      if (!DOMAIN.test(name)) return issue('handle', 'must be a Bluesky handle, e.g. ana.bsky.social');
      if (typedServer === undefined) return { ok: true, name: { handle: name } };
      const origin = publicOrigin(typedServer);
      if (!origin) return issue('server', 'must be the https address of your PDS, e.g. https://pds.example.org (leave it empty for bsky.social)');
      return { ok: true, name: { handle: name, server: origin } };
    }
    default: {
      if (typed.length > 100) return issue('handle', 'must be 100 characters or fewer');
      if (/[<>]/.test(typed)) return issue('handle', 'must not contain < or >');
      // X and Threads name accounts @like_this; LinkedIn and Facebook by name or page.
      const at = platform === 'x' || platform === 'threads';
      return { ok: true, name: { handle: typed && at ? `@${typed}` : typed } };
    }
  }
}

/**
 * The key an account id is derived from: one per account and campaign, however often it is lent.
 * Accounts posting through the API are named by their handle (which names them on the whole
 * network); share-link supporters, who give no credential, by the keyed hash of their email.
 */
export function accountKeyOf(campaignYear: number, platform: Platform, name: AccountName, ownerKey: string | undefined): string {
  const who = PLATFORM_RULES[platform].supporterPosting === 'api' ? name.handle.toLowerCase() : `email:${ownerKey ?? ''}`;
  return `social-account|${campaignYear}|${platform}|${who}`;
}
