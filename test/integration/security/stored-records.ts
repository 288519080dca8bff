import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, paginateScan } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { onWall } from '../../../functions/adapters/dynamodb/pledge-items.js';
import { CHAPTER_SLUGS } from '../../../functions/domain/chapters/chapters.js';
import type { Pledge } from '../../../functions/domain/pledges/pledge.js';
import { isCountryCode } from '../../../functions/domain/shared/countries.js';
import { isLanguage } from '../../../functions/domain/shared/languages.js';
import { isOnUpdatesList } from '../../../functions/domain/social/email-targets.js';
import { PLATFORM_RULES } from '../../../functions/domain/social/platform-rules.js';
import type { LentAccount } from '../../../functions/domain/social/ports.js';
import { PLATFORMS } from '../../../functions/domain/social/social.js';
import { PledgeInputSchema } from '../../../functions/http/routes/pledges.schemas.js';
import { isTimeZone } from '../../../functions/http/routes/social-accounts.schemas.js';

export type Item = Record<string, unknown> & { PK: string; SK: string };

/** Every item of the table, read straight from DynamoDB (not through the code under test). */
export async function scanTable(tableName: string): Promise<Item[]> {
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
  );
  try {
    const items: Item[] = [];
    for await (const page of paginateScan({ client }, { TableName: tableName, ConsistentRead: true })) items.push(...((page.Items ?? []) as Item[]));
    return items;
  } finally {
    client.destroy();
  }
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const isInstant = (value: unknown) => typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value));
const isCount = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;

/** The rules a stored pledge keeps, whatever was posted: what the API accepted, whole, and counted once. */
function pledgeProblems(pledge: Pledge & Item): string[] {
  const problems: string[] = [];
  const expect = (ok: boolean, what: string) => ok || problems.push(what);
  expect(UUID.test(pledge.id) && pledge.PK === `PLEDGE#${pledge.id}`, 'id and key agree');
  expect(pledge.status === 'pending' || pledge.status === 'confirmed', 'status');
  expect(['ok', 'suspect', 'invalidated'].includes(pledge.review), 'review');
  expect(pledge.counted === (pledge.status === 'confirmed' && pledge.review === 'ok'), 'counted = confirmed and ok');
  expect(isCountryCode(pledge.country) && pledge.country === pledge.country.toUpperCase(), 'country');
  expect(isLanguage(pledge.language), 'language');
  expect(pledge.chapter === undefined || CHAPTER_SLUGS.includes(pledge.chapter), 'chapter');
  for (const flag of ['showOnWall', 'hiddenFromWall', 'wantsUpdates'] as const) expect(typeof pledge[flag] === 'boolean', flag);
  expect(Array.isArray(pledge.suspectReasons) && (pledge.review !== 'suspect' || pledge.suspectReasons.length > 0), 'suspect reasons');
  expect(typeof pledge.emailHash === 'string' && pledge.emailHash.length > 10, 'email hash');
  expect(isInstant(pledge.createdAt), 'createdAt');
  expect((pledge.status === 'confirmed') === isInstant(pledge.confirmedAt), 'confirmedAt when confirmed');
  expect(Number.isInteger(pledge.version) && pledge.version >= 1, 'version');
  expect(!pledge.counted || (Number.isInteger(pledge.countedShard) && typeof pledge.countedHour === 'string'), 'where it was counted');
  expect(typeof pledge.GSI2PK === 'string' && typeof pledge.GSI2SK === 'string', 'in the review index');
  expect((pledge.GSI1PK !== undefined) === onWall(pledge), 'on the wall exactly when shown');
  expect((pledge.GSI4PK !== undefined) === isOnUpdatesList(pledge), 'on the updates list exactly when it may be emailed');
  expect(pledge.status !== 'pending' || typeof pledge.expiresAt === 'number', 'a pending pledge expires');
  if (pledge.erasedAt) {
    expect(isInstant(pledge.erasedAt), 'erasedAt');
    expect(pledge.name === undefined && pledge.email === undefined && pledge.organisation === undefined && pledge.ipHash === undefined, 'erased means erased');
  } else {
    // What is stored is what the API accepts: the same schema, field by field.
    const fields = PledgeInputSchema.safeParse({ name: pledge.name, email: pledge.email, country: pledge.country, language: pledge.language, showOnWall: pledge.showOnWall, wantsUpdates: pledge.wantsUpdates, organisation: pledge.organisation, chapter: pledge.chapter });
    expect(fields.success, `fields the API accepts (${fields.error?.issues.map((i) => i.path.join('.')).join(', ')})`);
    expect(typeof pledge.emailDomain === 'string' && pledge.email?.endsWith(`@${pledge.emailDomain}`) === true, 'email domain');
  }
  return problems.map((problem) => `pledge ${pledge.id}: ${problem}`);
}

function accountProblems(account: LentAccount & Item, targets: Map<string, Item>): string[] {
  const problems: string[] = [];
  const expect = (ok: boolean, what: string) => ok || problems.push(what);
  const api = PLATFORM_RULES[account.platform]?.supporterPosting === 'api';
  expect(account.PK === `SOCIAL-ACCOUNT#${account.id}`, 'id and key agree');
  expect(account.owner === 'supporter' && Number.isInteger(account.campaignYear), 'a supporter lending for a campaign');
  expect(PLATFORMS.includes(account.platform), 'platform');
  expect(typeof account.handle === 'string' && (account.handle.length > 0 || !api) && !/[<>\u0000]/.test(account.handle), 'handle');
  expect(isLanguage(account.language) && isTimeZone(account.timeZone), 'language and time zone');
  expect(isCount(account.followers), 'followers');
  expect(isInstant(account.connectedAt), 'connectedAt');
  expect(typeof account.consent?.messageId === 'string' && Number.isInteger(account.consent.messageVersion), 'consent to a message');
  const target = targets.get(account.id);
  if (account.status === 'revoked') {
    expect(isInstant(account.revokedAt), 'revokedAt');
    expect(!account.encryptedToken && account.sealedEmail === undefined && account.ownerKey === undefined, 'a revoked lending keeps no secret');
    expect(target === undefined, 'a revoked lending is no target');
  } else {
    expect(account.status === 'active' || account.status === 'expired', 'status');
    expect(api ? Boolean(account.encryptedToken) : Boolean(account.sealedEmail), api ? 'a sealed credential' : 'a sealed email for the share link');
    expect(target !== undefined, 'a target of its campaign');
    expect(target === undefined || (!target.encryptedToken && target.sealedEmail === undefined && target.ownerKey === undefined), 'its target holds no secret');
  }
  return problems.map((problem) => `lending ${account.id}: ${problem}`);
}

/** Kinds the test's own setup writes and public endpoints must leave as they were. */
const SETUP_KINDS = new Set(['campaign', 'campaign-audit', 'social-message', 'social-message-audit']);

/**
 * What a fuzz run may have left in the table, checked item by item and as a whole: every
 * record is complete and valid, no item points at a missing one, and every counter equals what
 * it counts. `before` is the table before the run (setup items must be unchanged).
 */
export function storedRecordProblems(items: Item[], before: Item[]): string[] {
  const problems: string[] = [];
  const keyOf = (item: Item) => `${item.PK} ${item.SK}`;
  const earlier = new Map(before.map((item) => [keyOf(item), JSON.stringify(item)]));
  const pledges = new Map<string, Pledge & Item>();
  const accounts: Array<LentAccount & Item> = [];
  const targets = new Map<string, Item>();
  const counters: Item[] = [];
  const reach: Item[] = [];
  const owners: Item[] = [];
  for (const item of items) {
    const kind = typeof item.type === 'string' ? item.type : item.PK.split('#')[0];
    if (kind === 'pledge') pledges.set(String(item.id), item as Pledge & Item);
    else if (kind === 'social-account') accounts.push(item as LentAccount & Item);
    else if (kind === 'social-target') targets.set(String(item.id), item);
    else if (kind === 'COUNTER') counters.push(item);
    else if (kind === 'social-reach') reach.push(item);
    else if (kind === 'social-owner') owners.push(item);
    else if (kind === 'claim' || kind === 'RATE' || kind === 'POW' || kind === 'mastodon-app' || kind === 'mastodon-connect' || kind === 'erasure-log') continue;
    else if (SETUP_KINDS.has(String(kind))) {
      if (earlier.get(keyOf(item)) !== JSON.stringify(item)) problems.push(`${keyOf(item)}: a ${kind} changed, and no public endpoint writes those`);
    } else problems.push(`${keyOf(item)}: a kind of item (${String(kind)}) this check does not know: add its rules`);
  }
  for (const item of items) {
    const kind = item.type ?? item.PK.split('#')[0];
    if (kind === 'claim') {
      const pledge = pledges.get(String(item.pledgeId));
      if (!pledge || `EMAIL#${pledge.emailHash}` !== item.PK) problems.push(`${keyOf(item)}: a claim without its pledge`);
    }
    if (kind === 'RATE' && !isCount(item.count)) problems.push(`${keyOf(item)}: a rate window without a count`);
    if (kind === 'POW' && typeof item.expiresAt !== 'number') problems.push(`${keyOf(item)}: a spent proof that never expires`);
    if (kind === 'mastodon-app' && !(item.clientId && item.sealedClientSecret && item.redirectUri && item.scopes && item.host)) problems.push(`${keyOf(item)}: an incomplete Mastodon app`);
    if (kind === 'erasure-log' && !(isInstant(item.at) && typeof item.emailHash === 'string' && ['email-link', 'admin'].includes(String(item.channel)) && typeof item.erased === 'object' && Object.values(item.erased as object).every(isCount))) {
      problems.push(`${keyOf(item)}: an incomplete erasure record`);
    }
    if (kind === 'mastodon-connect' && !(typeof item.verifier === 'string' && item.verifier.length >= 43 && typeof item.expiresAt === 'number')) problems.push(`${keyOf(item)}: an incomplete Connect with Mastodon flow`);
  }
  for (const pledge of pledges.values()) problems.push(...pledgeProblems(pledge));
  for (const account of accounts) problems.push(...accountProblems(account, targets));
  // An owner's index (erasure by address) lists exactly the lendings that still carry the owner.
  for (const owner of owners) {
    const id = owner.SK.slice('ACCOUNT#'.length);
    if (!accounts.some((a) => a.id === id && a.ownerKey !== undefined && owner.PK === `SOCIAL-OWNER#${a.ownerKey}`)) problems.push(`${keyOf(owner)}: an owner entry without its lending`);
  }
  for (const account of accounts) {
    if (account.ownerKey !== undefined && !owners.some((o) => o.PK === `SOCIAL-OWNER#${account.ownerKey}` && o.SK === `ACCOUNT#${account.id}`)) problems.push(`lending ${account.id}: missing from its owner's index`);
  }
  for (const target of targets.values()) if (!accounts.some((a) => a.id === target.id && a.status !== 'revoked')) problems.push(`${keyOf(target)}: a target without its lending`);

  // Counters equal what they count: every counted pledge once, in TOTAL, its country, its chapter and its hour.
  const counted = [...pledges.values()].filter((pledge) => pledge.counted);
  const sum = (prefix: string) => counters.filter((item) => item.SK.startsWith(prefix)).reduce((total, item) => total + Number(item.count ?? 0), 0);
  const expectCount = (what: string, actual: number, wanted: number) => actual === wanted || problems.push(`counter ${what} is ${actual}, but ${wanted} pledges count`);
  expectCount('TOTAL', sum('TOTAL'), counted.length);
  expectCount('HOUR#*', sum('HOUR#'), counted.length);
  for (const country of new Set([...counted.map((p) => p.country), ...counters.filter((c) => c.SK.startsWith('COUNTRY#')).map((c) => c.SK.slice(8))])) {
    expectCount(`COUNTRY#${country}`, sum(`COUNTRY#${country}`), counted.filter((p) => p.country === country).length);
  }
  for (const chapter of new Set([...counted.flatMap((p) => (p.chapter ? [p.chapter] : [])), ...counters.filter((c) => c.SK.startsWith('CHAPTER#')).map((c) => c.SK.slice(8))])) {
    expectCount(`CHAPTER#${chapter}`, sum(`CHAPTER#${chapter}`), counted.filter((p) => p.chapter === chapter).length);
  }
  // Expected reach equals the active lendings of each campaign, and their followers.
  for (const scope of new Set([...reach.map((r) => r.PK.slice('SOCIAL-REACH#'.length)), ...accounts.map((a) => String(a.campaignYear))])) {
    const shards = reach.filter((r) => r.PK === `SOCIAL-REACH#${scope}`);
    const active = accounts.filter((a) => String(a.campaignYear) === scope && a.status === 'active');
    const shardSum = (field: string) => shards.reduce((total, shard) => total + Number(shard[field] ?? 0), 0);
    if (shardSum('accounts') !== active.length) problems.push(`reach of ${scope}: ${shardSum('accounts')} accounts, but ${active.length} lendings are active`);
    const followers = active.reduce((total, a) => total + Math.max(0, Math.round(a.followers)), 0);
    if (shardSum('followers') !== followers) problems.push(`reach of ${scope}: ${shardSum('followers')} followers, but the active lendings have ${followers}`);
  }
  return problems;
}
