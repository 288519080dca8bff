/**
 * The organisation's accounts in the Messages area, without the DOM: which fields the connect
 * form shows for each platform (the domain's own rules, so the form asks what the API checks),
 * the body it sends, and accounts and audit entries in words.
 */
import {
  CONNECT_RULES,
  X_KEY_FIELDS,
  type AccountAuditEntry,
  type OrganisationAccountView,
} from '../../functions/domain/social/organisation-accounts.js';
import { PLATFORM_RULES } from '../../functions/domain/social/platform-rules.js';
import { PLATFORMS, type Platform } from '../../functions/domain/social/social.js';

export type { AccountAuditEntry, OrganisationAccountView, Platform };
export { CONNECT_RULES, PLATFORMS, X_KEY_FIELDS };

/** The connect form's fields that only some platforms take (each wrapped in `[data-only="…"]`). */
export type OptionalField = 'server' | 'pageId' | 'authorUrn' | 'xKeys';

export function fieldsFor(platform: Platform): Record<OptionalField, boolean> {
  const rule = CONNECT_RULES[platform];
  return { server: rule.server !== undefined, pageId: rule.accountRef?.field === 'pageId', authorUrn: rule.accountRef?.field === 'authorUrn', xKeys: rule.oauth1Keys === true };
}

const CONNECT_FIELDS = ['platform', 'handle', 'server', 'pageId', 'authorUrn', 'secret', 'accessSecret', 'appKey', 'appSecret', 'language', 'timeZone'] as const;

/** The connect request from the form's values: only the fields the platform takes, empty ones left out. */
export function connectBody(values: Record<string, string>): Record<string, string> {
  const platform = values.platform as Platform;
  const shown = fieldsFor(platform);
  const takes = (field: (typeof CONNECT_FIELDS)[number]): boolean => {
    if (field === 'server' || field === 'pageId' || field === 'authorUrn') return shown[field];
    if (X_KEY_FIELDS.some((key) => key.field === field)) return shown.xKeys;
    return true;
  };
  const body: Record<string, string> = {};
  for (const field of CONNECT_FIELDS) {
    const value = values[field]?.trim();
    if (value && takes(field)) body[field] = value;
  }
  return body;
}

/** `@blueheart@mastodon.social on Mastodon`, `Blue Heart Campaign on Facebook Page`. */
export const describeAccount = (account: Pick<OrganisationAccountView, 'platform' | 'handle'>): string => `${account.handle} on ${PLATFORM_RULES[account.platform].name}`;

export const platformName = (platform: Platform): string => PLATFORM_RULES[platform].name;

export const STATUS_WORDS: Record<OrganisationAccountView['status'], string> = {
  active: 'Active',
  expired: 'Expired: reconnect',
};

export const AUDIT_WORDS: Record<AccountAuditEntry['action'], string> = {
  'account.connect': 'Connected',
  'account.reconnect': 'Reconnected',
  'account.disconnect': 'Disconnected',
};

/** One line of the audit log: when, who, what, to which account. */
export const describeAuditEntry = (entry: AccountAuditEntry, when: string): string => `${when} · ${entry.by} · ${AUDIT_WORDS[entry.action]} ${describeAccount(entry)}`;
