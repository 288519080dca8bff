import type { FieldIssue } from '../shared/errors.js';
import type { ConnectedAccount, Platform } from './social.js';

/**
 * The organisation's own accounts: connected once by a manager, they post every campaign's
 * messages (no `campaignYear`), in the language and time zone the manager chose. Stored like a
 * supporter's lent account (`SOCIAL-ACCOUNT#<id>`, owner `organisation`), so the fan-out, the
 * dispatcher and the reach totals treat them alike. Browser-safe: the console reads the
 * credential rules below to change its form with the platform.
 */
export interface OrganisationAccount extends ConnectedAccount {
  owner: 'organisation';
  /** The manager who connected it. */
  connectedBy: string;
  reconnectedAt?: string;
  reconnectedBy?: string;
  /** When the network refused its credential (status `expired`: a manager must reconnect it). */
  expiredAt?: string;
  /** When it was disconnected (status `revoked`; the credential is gone). */
  revokedAt?: string;
}

/** An organisation account as the console sees it: never the credential. */
export type OrganisationAccountView = Pick<OrganisationAccount, 'id' | 'platform' | 'handle' | 'followers' | 'language' | 'timeZone' | 'connectedAt' | 'connectedBy'> &
  Partial<Pick<OrganisationAccount, 'server' | 'accountRef' | 'reconnectedAt' | 'reconnectedBy' | 'expiredAt'>> & { status: 'active' | 'expired' };

export type AccountAuditAction = 'account.connect' | 'account.reconnect' | 'account.disconnect';

/** What an audit entry keeps of the account before and after: never the credential. */
export interface AccountAuditState {
  status: ConnectedAccount['status'];
  followers: number;
  language: ConnectedAccount['language'];
  timeZone: string;
}

/** Who connected, reconnected or disconnected which account, when. Append-only, written with the change. */
export interface AccountAuditEntry {
  id: string;
  at: string;
  by: string;
  action: AccountAuditAction;
  accountId: string;
  platform: Platform;
  handle: string;
  before: AccountAuditState | null;
  after: AccountAuditState | null;
}

/** A change the domain decides on the account as it is stored at the moment of writing. */
export interface AccountChange {
  next: OrganisationAccount;
  audit: AccountAuditEntry;
}

export interface OrganisationAccountStore {
  /** The organisation's accounts that are connected (active or expired), without their credentials. */
  list(): Promise<OrganisationAccount[]>;
  get(id: string): Promise<OrganisationAccount | undefined>;
  /**
   * Reads the account, lets `decide` choose the change (or throw), and writes it with its audit
   * entry, its target item and the reach difference in one transaction, conditional on the
   * account being as read; on a conflict it reads and decides again. A `revoked` next deletes
   * the credential in the same write. Returns what was written (undefined: nothing to do).
   */
  change(id: string, decide: (previous: OrganisationAccount | undefined) => AccountChange | undefined): Promise<OrganisationAccount | undefined>;
  /** The audit log, newest first. */
  history(limit: number): Promise<AccountAuditEntry[]>;
}

/** The id a network gives what is posted as, for networks whose handle does not name it. */
export interface AccountRefRule {
  /** The request field that carries it. */
  field: 'pageId' | 'authorUrn';
  label: string;
  hint: string;
  pattern: RegExp;
  message: string;
}

/** The keys that go with X's OAuth 1.0a access token (given all three, the connection does not expire). */
export const X_KEY_FIELDS = [
  { field: 'accessSecret', label: 'Access token secret' },
  { field: 'appKey', label: 'API key' },
  { field: 'appSecret', label: 'API key secret' },
] as const;
export type XKeyField = (typeof X_KEY_FIELDS)[number]['field'];

/** What a manager gives to connect an account on each network. */
export interface ConnectRule {
  /** The credential's name on the network (the form's label of `secret`). */
  credential: string;
  /** Where a manager finds the credential. */
  credentialHint: string;
  handleLabel: string;
  handleExample: string;
  /** Mastodon instance or self-hosted PDS. */
  server?: { label: string; hint: string };
  accountRef?: AccountRefRule;
  /** X: the OAuth 1.0a keys that may go with the access token. */
  oauth1Keys?: boolean;
  /** The credential's shape, checked before the network is called. */
  secretPattern: RegExp;
  secretMessage: string;
}

const TOKEN = /^[\x21-\x7e]{20,2000}$/;

export const CONNECT_RULES: Readonly<Record<Platform, ConnectRule>> = {
  mastodon: {
    credential: 'Access token',
    credentialHint: 'In Mastodon: Preferences → Development → New application (scopes write:statuses and read:accounts), then “Your access token”.',
    handleLabel: 'Handle', handleExample: '@blueheart@mastodon.social',
    server: { label: 'Server', hint: 'Only if the handle has no server, e.g. mastodon.social.' },
    secretPattern: /^[A-Za-z0-9_-]{20,200}$/,
    secretMessage: 'must be the access token Mastodon shows for your application (letters, digits, - and _)',
  },
  bluesky: {
    credential: 'App password',
    credentialHint: 'In Bluesky: Settings → Privacy and security → App passwords. Never the account’s own password.',
    handleLabel: 'Handle', handleExample: 'blueheart.bsky.social',
    server: { label: 'PDS server', hint: 'Only for a self-hosted PDS, e.g. https://pds.example.org; leave it empty for bsky.social.' },
    secretPattern: /^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/i,
    secretMessage: 'must be a Bluesky app password (xxxx-xxxx-xxxx-xxxx), not the account password',
  },
  x: {
    credential: 'Access token',
    credentialHint:
      'From the X developer app set to Read and Write, “Keys and tokens”: the access token, its secret and the app’s API key and secret — a connection that does not expire. An OAuth 2.0 user token alone (tweet.write, tweet.read, users.read) lasts two hours.',
    handleLabel: 'Handle', handleExample: '@BlueHeartUN',
    oauth1Keys: true,
    secretPattern: TOKEN,
    secretMessage: 'must be the access token X issued (20 or more characters, no spaces)',
  },
  facebook: {
    credential: 'Page access token',
    credentialHint: 'A long-lived Page access token with pages_manage_posts and pages_read_engagement.',
    handleLabel: 'Page name', handleExample: 'Blue Heart Campaign',
    accountRef: { field: 'pageId', label: 'Page id', hint: 'The Page’s numeric id (the Page’s About → Page transparency).', pattern: /^\d{5,30}$/, message: 'must be the Page’s numeric id, e.g. 104857600123456' },
    secretPattern: TOKEN,
    secretMessage: 'must be the Page access token Meta issued (20 or more characters, no spaces)',
  },
  linkedin: {
    credential: 'Access token',
    credentialHint: 'A member access token with w_organization_social and r_organization_social (a Page the member administers) or w_member_social (a person). It lasts 60 days: reconnect before then.',
    handleLabel: 'Name', handleExample: 'Blue Heart Campaign',
    accountRef: { field: 'authorUrn', label: 'Author URN', hint: 'Who posts: urn:li:organization:… for a Page, urn:li:person:… for a member.', pattern: /^urn:li:(?:person|organization):[A-Za-z0-9_-]{1,100}$/, message: 'must be a LinkedIn author URN, e.g. urn:li:organization:2414183' },
    secretPattern: TOKEN,
    secretMessage: 'must be the access token LinkedIn issued (20 or more characters, no spaces)',
  },
  threads: {
    credential: 'Access token',
    credentialHint: 'A Threads user access token with threads_basic and threads_content_publish.',
    handleLabel: 'Handle', handleExample: '@blueheart',
    secretPattern: TOKEN,
    secretMessage: 'must be the access token Threads issued (20 or more characters, no spaces)',
  },
};

/** The parts of a credential a manager types: the secret, X's OAuth 1.0a keys. Never logged, never answered. */
export type CredentialParts = { secret: string } & Partial<Record<XKeyField, string | undefined>>;

/** The account's identifier besides its handle, where the platform needs one. */
export type AccountRefInput = { pageId?: string | undefined; authorUrn?: string | undefined };

const trimmed = (value: string | undefined): string => value?.trim() ?? '';

/** What is wrong with the credential a manager typed for a network (connecting or reconnecting; the API and the console alike). */
export function credentialIssues(platform: Platform, input: Partial<CredentialParts>): FieldIssue[] {
  const rule = CONNECT_RULES[platform];
  const issues: FieldIssue[] = [];
  const secret = trimmed(input.secret);
  if (!secret) issues.push({ field: 'secret', message: 'is required' });
  else if (!rule.secretPattern.test(secret)) issues.push({ field: 'secret', message: rule.secretMessage });
  const keys = X_KEY_FIELDS.filter(({ field }) => trimmed(input[field]));
  if (!rule.oauth1Keys) {
    for (const { field } of keys) issues.push({ field, message: 'is only for X' });
  } else if (keys.length > 0 && keys.length < X_KEY_FIELDS.length) {
    for (const { field, label } of X_KEY_FIELDS) if (!trimmed(input[field])) issues.push({ field, message: `is required with the other OAuth 1.0a keys (${label})` });
  }
  for (const { field } of keys) if (!TOKEN.test(trimmed(input[field]))) issues.push({ field, message: 'must be 20 or more characters without spaces, as X shows it' });
  return issues;
}

/** What is wrong with the Page id or author URN (connecting only: a reconnect keeps the account's). */
export function accountRefIssues(platform: Platform, input: AccountRefInput): FieldIssue[] {
  const rule = CONNECT_RULES[platform].accountRef;
  const issues: FieldIssue[] = [];
  for (const field of ['pageId', 'authorUrn'] as const) {
    const value = trimmed(input[field]);
    if (rule?.field === field) {
      if (!value) issues.push({ field, message: `is required for ${platform === 'facebook' ? 'a Facebook Page' : 'LinkedIn'}` });
      else if (!rule.pattern.test(value)) issues.push({ field, message: rule.message });
    } else if (value) {
      issues.push({ field, message: 'is not used for this platform' });
    }
  }
  return issues;
}

/** The account ref a request carries for its platform (the Page id, the author URN), if the platform takes one. */
export function accountRefOf(platform: Platform, input: AccountRefInput): string | undefined {
  const field = CONNECT_RULES[platform].accountRef?.field;
  return field ? trimmed(input[field]) || undefined : undefined;
}

/**
 * The credential as the platform's adapter reads it once sealed (its own format: Facebook's Page
 * id with the Page token, LinkedIn's author with the token, X's OAuth 1.0a keys). Wired from the
 * adapters in the composition root.
 */
export type CredentialFormat = (platform: Platform, parts: { secret: string; accountRef?: string | undefined; xKeys?: Record<XKeyField, string> | undefined }) => string;

/** X's OAuth 1.0a keys when all three are given. */
export function xKeysOf(parts: Partial<CredentialParts>): Record<XKeyField, string> | undefined {
  const values = X_KEY_FIELDS.map(({ field }) => [field, trimmed(parts[field])] as const);
  return values.every(([, value]) => value) ? (Object.fromEntries(values) as Record<XKeyField, string>) : undefined;
}

/** One account however often it is connected: the platform and what names it there. */
export const organisationAccountKey = (platform: Platform, handle: string, accountRef: string | undefined): string =>
  `social-account|organisation|${platform}|${(accountRef ?? handle).toLowerCase()}`;
