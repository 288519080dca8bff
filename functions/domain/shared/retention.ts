import { DAY_MS, HOUR_MS, epochSeconds } from './clock.js';

/**
 * How long the platform keeps each kind of personal data, written down once. The privacy notice
 * renders this table (web/pages/privacy.tsx, in every language) and the code that stores the data
 * takes its lifetime from here, so the two cannot disagree.
 *
 * Enforcement, preferred in this order:
 * - `ttl`: the item carries `expiresAt` (epoch seconds) from the moment it is written, and
 *   DynamoDB's TTL (enabled on the table, functions/adapters/dynamodb/table-definition.ts) deletes
 *   it, usually within a few days of that moment; reads treat an expired item as gone at once.
 * - `daily-job`: what TTL cannot do alone (ending a lending moves the campaign's reach and its
 *   targets in one transaction) is done by the `enforce-retention` job (functions/config/schedules.ts).
 * - `token-expiry`: nothing is stored; the signed link itself stops working.
 * - `log-retention`: CloudWatch deletes log events (infra/stacks/stage.ts).
 * - `kept`: not deleted by the platform (accounting law, or until the person asks).
 */
export type Enforcement = 'ttl' | 'daily-job' | 'token-expiry' | 'log-retention' | 'kept';

export interface Duration {
  amount: number;
  unit: 'minute' | 'hour' | 'day' | 'month' | 'year';
}

export interface RetentionRule {
  /** What is kept (the privacy notice says it in each language, by the rule's key). */
  what: string;
  /** How long; undefined when kept until the person asks for erasure. */
  duration?: Duration;
  /** From when the duration counts. */
  from: string;
  enforcement: Enforcement;
  /** Where the rule is enforced in the code. */
  where: string;
  why: string;
}

export const RETENTION = {
  unconfirmedPledge: {
    what: 'An unconfirmed pledge (name, email address, organisation, choices) and the claim on its address',
    duration: { amount: 7, unit: 'day' },
    from: 'the pledge',
    enforcement: 'ttl',
    where: 'adapters/dynamodb/pledge-items.ts (PENDING_LIFETIME_MS)',
    why: 'Long enough to find and press the confirmation link; an unconfirmed pledge is never counted.',
  },
  confirmationLink: {
    what: 'The link that confirms a pledge',
    duration: { amount: 7, unit: 'day' },
    from: 'the email',
    enforcement: 'token-expiry',
    where: 'domain/pledges/pledge-service.ts (CONFIRMATION_TTL_SECONDS)',
    why: 'As long as the unconfirmed pledge itself.',
  },
  confirmedPledge: {
    what: "A confirmed pledge's name, email address and organisation",
    from: 'confirmation',
    enforcement: 'kept',
    where: 'until erased: domain/pledges/manage-own-data.ts, domain/privacy/erase-personal-data.ts',
    why: 'The pledge is a public commitment the person may be emailed about; every email carries the link to erase it. The anonymous count stays.',
  },
  erasureLink: {
    what: 'The link that confirms a request to erase your data',
    duration: { amount: 24, unit: 'hour' },
    from: 'the email',
    enforcement: 'token-expiry',
    where: 'domain/privacy/request-erasure.ts (ERASURE_LINK_TTL_SECONDS)',
    why: 'Erasure cannot be undone: a short-lived link limits what a leaked mailbox can do.',
  },
  abuseCounters: {
    what: 'Keyed hashes of IP addresses and email addresses in rate limits',
    duration: { amount: 1, unit: 'hour' },
    from: 'the start of the counting window (plus one minute)',
    enforcement: 'ttl',
    where: 'adapters/dynamodb/dynamo-rate-limiter.ts',
    why: 'Rate limits only need the current window.',
  },
  lentAccount: {
    what: "A lent social account's sealed credential and sealed email address",
    duration: { amount: 31, unit: 'day' },
    from: "World Day (30 July) of the campaign it was lent for, or earlier when revoked; later only while one of the campaign's messages is still scheduled or being sent",
    enforcement: 'daily-job',
    where: 'domain/privacy/enforce-retention.ts (revokes), adapters/dynamodb/dynamo-account-store.ts',
    why: 'The account was lent for one campaign; after it, the platform must not be able to post for anyone.',
  },
  revokedAccount: {
    what: "A revoked account's handle, language and time zone",
    duration: { amount: 30, unit: 'day' },
    from: 'revocation',
    enforcement: 'ttl',
    where: 'adapters/dynamodb/dynamo-account-store.ts (revoke)',
    why: 'So a blast under way and the revoke link still see the account as revoked, then nothing is left.',
  },
  mastodonConnection: {
    what: 'A Mastodon connection under way (sealed email address, one-time verifier)',
    duration: { amount: 15, unit: 'minute' },
    from: 'the start of the connection',
    enforcement: 'ttl',
    where: 'config/deps.ts (flowTtlSeconds), adapters/dynamodb/dynamo-mastodon-connect-store.ts',
    why: 'Only needed until the person comes back from their server.',
  },
  socialDeliveries: {
    what: 'Delivery records of a message (which lent account or pledger it went to, the post link)',
    duration: { amount: 90, unit: 'day' },
    from: 'the moment the post was due',
    enforcement: 'ttl',
    where: 'adapters/dynamodb/dynamo-delivery-store.ts',
    why: "Managers read the delivery report in the weeks after a campaign; the message keeps only its totals.",
  },
  donorDetails: {
    what: "A donor's name, email address, public display name and dedication",
    from: 'the gift',
    enforcement: 'kept',
    where: 'until erased: domain/privacy/erase-personal-data.ts (the gift stays, without them)',
    why: 'For receipts and the yearly statement; erased on request while the gift itself is kept.',
  },
  donationRecords: {
    what: 'Gifts, refunds and disputes: amounts, dates, currencies, campaign, donor category, receipt numbers and Stripe ids',
    duration: { amount: 10, unit: 'year' },
    from: 'the end of the financial year',
    enforcement: 'kept',
    where: 'not deleted by the platform: adapters/dynamodb/dynamo-ledger.ts',
    why: 'Accounting law: bookkeeping records must be kept for 6 (UK) to 10 years (France, Germany; also common in UN financial rules). 10 years covers the longest; the finance office deletes after that, under its own law.',
  },
  financeRecords: {
    what: 'The finance audit log, payout records and bank transfers (a bank transfer keeps the donor name the bank gave)',
    duration: { amount: 10, unit: 'year' },
    from: 'the end of the financial year',
    enforcement: 'kept',
    where: 'not deleted by the platform: adapters/dynamodb/dynamo-finance-store.ts',
    why: 'Accounting law, as for gifts: who approved what and when is part of the books.',
  },
  erasureRecords: {
    what: 'The record of an erasure: when, by whom, a keyed hash of the address and how many records were erased',
    duration: { amount: 3, unit: 'year' },
    from: 'the erasure',
    enforcement: 'ttl',
    where: 'adapters/dynamodb/dynamo-personal-data.ts',
    why: 'To show the person or a data protection authority that the request was honoured; it holds no address.',
  },
  applicationLogs: {
    what: 'Application logs (request ids and errors; never names, full email addresses, tokens or card data)',
    duration: { amount: 6, unit: 'month' },
    from: 'the event (1 month outside production)',
    enforcement: 'log-retention',
    where: 'infra/stacks/stage.ts (logRetention)',
    why: 'To investigate failures.',
  },
  accessLogs: {
    what: 'Access logs of the API, the firewall and the CDN (IP address, browser, page)',
    duration: { amount: 3, unit: 'month' },
    from: 'the request (1 month outside production)',
    enforcement: 'log-retention',
    where: 'infra/stacks/stage.ts (accessLogRetention, accessLogRetentionDays)',
    why: 'To stop attacks and abuse.',
  },
} as const satisfies Record<string, RetentionRule>;

export type RetentionRuleId = keyof typeof RETENTION;
export const RETENTION_RULE_IDS = Object.keys(RETENTION) as RetentionRuleId[];

const UNIT_MS: Record<Exclude<Duration['unit'], 'month' | 'year'>, number> = { minute: 60_000, hour: HOUR_MS, day: DAY_MS };

/** `from` plus a duration (calendar months and years in UTC). */
export function addDuration(from: Date, duration: Duration): Date {
  if (duration.unit === 'month' || duration.unit === 'year') {
    const at = new Date(from);
    if (duration.unit === 'month') at.setUTCMonth(at.getUTCMonth() + duration.amount);
    else at.setUTCFullYear(at.getUTCFullYear() + duration.amount);
    return at;
  }
  return new Date(from.getTime() + duration.amount * UNIT_MS[duration.unit]);
}

/** The `expiresAt` (epoch seconds) of an item kept for `duration` from `from`. */
export const expiresAfter = (from: Date | string, duration: Duration): number => epochSeconds(addDuration(new Date(from), duration));

/** A duration in seconds from now (calendar months and years vary: measured from `from`). */
export const durationSeconds = (duration: Duration, from: Date = new Date(0)): number => Math.round((addDuration(from, duration).getTime() - from.getTime()) / 1000);
