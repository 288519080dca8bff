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
export type OrganisationAccountView = Omit<OrganisationAccount, 'encryptedToken' | 'owner' | 'campaignYear' | 'ownerKey' | 'revokedAt'> & {
  status: 'active' | 'expired';
};

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
  /** The credential's shape, checked before the network is called. */
  secretPattern: RegExp;
  secretMessage: string;
}

export const CONNECT_RULES: Readonly<Record<Platform, ConnectRule>> = {
  mastodon: {
    credential: 'Access token',
    credentialHint: 'In Mastodon: Preferences → Development → New application (scope write:statuses and read:accounts), then "Your access token".',
    handleLabel: 'Handle', handleExample: '@blueheart@mastodon.social',
    server: { label: 'Server', hint: 'Only if the handle has no server, e.g. mastodon.social.' },
    secretPattern: /^[A-Za-z0-9_-]{20,200}$/,
    secretMessage: 'must be the access token Mastodon shows for your application (letters, digits, - and _)',
  },
  bluesky: {
    credential: 'App password',
    credentialHint: 'In Bluesky: Settings → Privacy and security → App passwords. Never the account’s own password.',
    handleLabel: 'Handle', handleExample: 'blueheart.bsky.social',
    server: { label: 'PDS server', hint: 'Only for a self-hosted PDS, e.g. https://pds.example.org; leave empty for bsky.social.' },
    secretPattern: /^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/i,
    secretMessage: 'must be a Bluesky app password (xxxx-xxxx-xxxx-xxxx), not the account password',
  },
  x: {
    credential: 'Access token',
    credentialHint: 'An OAuth 2.0 user access token of the account with the tweet.write, tweet.read and users.read scopes.',
    handleLabel: 'Handle', handleExample: '@BlueHeartUN',
    secretPattern: /^[\x21-\x7e]{20,2000}$/,
    secretMessage: 'must be the access token X issued (20 or more characters, no spaces)',
  },
  facebook: {
    credential: 'Page access token',
    credentialHint: 'A Page access token with pages_manage_posts and pages_read_engagement (Meta Business Suite or the Graph API).',
    handleLabel: 'Page name', handleExample: 'Blue Heart Campaign',
    accountRef: { field: 'pageId', label: 'Page id', hint: 'The Page’s numeric id (Page → About → Page transparency).', pattern: /^\d{5,30}$/, message: 'must be the Page’s numeric id, e.g. 104857600123456' },
    secretPattern: /^[\x21-\x7e]{20,2000}$/,
    secretMessage: 'must be the Page access token Meta issued (20 or more characters, no spaces)',
  },
  linkedin: {
    credential: 'Access token',
    credentialHint: 'An access token with w_member_social (a person) or w_organization_social (an organisation page).',
    handleLabel: 'Name', handleExample: 'Blue Heart Campaign',
    accountRef: { field: 'authorUrn', label: 'Author URN', hint: 'Who posts: urn:li:organization:… for a page, urn:li:person:… for a member.', pattern: /^urn:li:(?:person|organization):[A-Za-z0-9_-]{1,100}$/, message: 'must be a LinkedIn author URN, e.g. urn:li:organization:2414183' },
    secretPattern: /^[\x21-\x7e]{20,2000}$/,
    secretMessage: 'must be the access token LinkedIn issued (20 or more characters, no spaces)',
  },
  threads: {
    credential: 'Access token',
    credentialHint: 'A Threads user access token with threads_basic and threads_content_publish.',
    handleLabel: 'Handle', handleExample: '@blueheart',
    secretPattern: /^[\x21-\x7e]{20,2000}$/,
    secretMessage: 'must be the access token Threads issued (20 or more characters, no spaces)',
  },
};

/** What a manager typed for a network's credential, checked against its rule (the API and the console alike). */
export function credentialIssues(platform: Platform, input: { secret?: string | undefined; pageId?: string | undefined; authorUrn?: string | undefined }): FieldIssue[] {
  const rule = CONNECT_RULES[platform];
  const issues: FieldIssue[] = [];
  const secret = input.secret?.trim() ?? '';
  if (!secret) issues.push({ field: 'secret', message: 'is required' });
  else if (!rule.secretPattern.test(secret)) issues.push({ field: 'secret', message: rule.secretMessage });
  for (const field of ['pageId', 'authorUrn'] as const) {
    const value = input[field]?.trim() ?? '';
    if (rule.accountRef?.field === field) {
      if (!value) issues.push({ field, message: `is required for ${platform === 'facebook' ? 'a Facebook Page' : 'LinkedIn'}` });
      else if (!rule.accountRef.pattern.test(value)) issues.push({ field, message: rule.accountRef.message });
    } else if (value) {
      issues.push({ field, message: `is not used for this platform` });
    }
  }
  return issues;
}

/** The account ref a request carries for its platform (the Page id, the author URN), if the platform takes one. */
export function accountRefOf(platform: Platform, input: { pageId?: string | undefined; authorUrn?: string | undefined }): string | undefined {
  const field = CONNECT_RULES[platform].accountRef?.field;
  return field ? input[field]?.trim() || undefined : undefined;
}

/** One account however often it is connected: the platform and what names it there. */
export const organisationAccountKey = (platform: Platform, handle: string, accountRef: string | undefined): string =>
  `social-account|organisation|${platform}|${(accountRef ?? handle).toLowerCase()}`;
