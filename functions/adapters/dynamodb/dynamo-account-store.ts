import { GetCommand, QueryCommand, TransactWriteCommand, paginateQuery, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CursorPage } from '../../domain/shared/cursor-page.js';
import { AppError, isAppError } from '../../domain/shared/errors.js';
import { expiresAfter, RETENTION } from '../../domain/shared/retention.js';
import type { LentAccount, ReachTotals, SupporterAccountStore } from '../../domain/social/ports.js';
import type { ConnectedAccount } from '../../domain/social/social.js';
import { conflictOr } from './errors.js';

/**
 * Connected accounts (supporters' lent accounts and the organisation's own) in the single table.
 *
 *   SOCIAL-ACCOUNT#<id>                       / ACCOUNT        the account, with its sealed credential
 *   SOCIAL-TARGETS#<year> | #organisation     / ACCOUNT#<id>   the same account without its secrets:
 *                                                              one item per target of a campaign's blast
 *   SOCIAL-REACH#<year> | #organisation       / SHARD#<0..7>   accounts and followers of the active ones
 *
 * - Get an account (the dispatcher, at each target's turn; revoke): GetItem, consistent.
 * - A campaign's targets (the fan-out): Query `SOCIAL-TARGETS#organisation`, then
 *   `SOCIAL-TARGETS#<year>`, page by page. The target item carries everything the fan-out needs
 *   (platform, language, time zone, followers, status) but never the sealed token or email:
 *   `targetsOf` yields accounts whose `encryptedToken` is '' — the dispatcher reads the account
 *   itself when it posts, which also sees a revoke made during the blast. Revoked accounts have
 *   no target item; expired ones keep theirs (status `expired`), so the report can list them.
 * - Expected reach: Query `SOCIAL-REACH#<year>` and `SOCIAL-REACH#organisation` (8 shard items
 *   each), summed. Every write that changes an account's contribution (lend, re-lend, revoke,
 *   expire, a new follower count) ADDs the difference to a shard picked at random, in the same transaction as the
 *   account and target items, so the totals never drift from the accounts and no item is hot.
 * - Lend / re-lend: TransactWriteItems: Put account **if its store version is the one read**
 *   (or it is absent) + Put target + ADD to reach. Revoke: Update account SET status revoked
 *   REMOVE encryptedToken, sealedEmail, ownerKey + Delete target + ADD to reach, in one
 *   transaction. A conflict (another write between the read and the write) reads again.
 * - An owner's accounts (erasure by address): Query `SOCIAL-OWNER#<ownerKey>`. The owner item
 *   (`ACCOUNT#<id>`, nothing else in it) is put and deleted in the same transaction as the
 *   account whenever its `ownerKey` comes or goes, so a revoked account is never listed.
 * - A revoked account keeps its handle, language and time zone for RETENTION.revokedAccount
 *   (`expiresAt`, deleted by TTL), so the revoke link and a blast under way still see it revoked.
 * - Ask an expired account's owner to reconnect (the token health check, the worker): the same
 *   conditional transaction sets `reconnectClaim` (a lease), then `reconnectAsked` once the email
 *   went out, so one expiry is asked about once however many runs and attempts meet it.
 * The campaign partition takes one write per lending, far below a partition's 1,000 writes/s.
 */
const REACH_SHARDS = 8;
export type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];
const SECRETS = ['encryptedToken', 'sealedEmail', 'ownerKey'] as const;
const INTERNAL = ['PK', 'SK', 'type', 'storeVersion', 'expiresAt'] as const;

type Scope = number | 'organisation';
const scopeOf = (account: Pick<ConnectedAccount, 'owner' | 'campaignYear'>): Scope => {
  if (account.owner === 'organisation') return 'organisation';
  if (account.campaignYear === undefined) throw new Error('a supporter account belongs to a campaign (campaignYear)');
  return account.campaignYear;
};
const accountKey = (id: string) => ({ PK: `SOCIAL-ACCOUNT#${id}`, SK: 'ACCOUNT' });
const targetKey = (scope: Scope, id: string) => ({ PK: `SOCIAL-TARGETS#${scope}`, SK: `ACCOUNT#${id}` });
const reachPartition = (scope: Scope) => `SOCIAL-REACH#${scope}`;
/** The lookup of a supporter's accounts by the keyed hash of their email (erasure by address). */
export const ownerPartition = (ownerKey: string) => `SOCIAL-OWNER#${ownerKey}`;
const ownerItemKey = (ownerKey: string, id: string) => ({ PK: ownerPartition(ownerKey), SK: `ACCOUNT#${id}` });

interface Stored {
  account: LentAccount;
  storeVersion: number;
}

/** An account item as the domain sees it (keys and store version removed). */
export function fromItem(item: Record<string, unknown>): LentAccount {
  const account: Record<string, unknown> = { ...item };
  for (const key of INTERNAL) delete account[key];
  account.encryptedToken ??= '';
  return account as unknown as LentAccount;
}

/** What the target item keeps: the account without its secrets. */
function targetItem(account: LentAccount): Record<string, unknown> {
  const item: Record<string, unknown> = { ...account };
  for (const key of SECRETS) delete item[key];
  return { ...targetKey(scopeOf(account), account.id), type: 'social-target', ...item };
}

/** What an account adds to its campaign's reach. */
const contribution = (account: LentAccount | undefined): ReachTotals =>
  account?.status === 'active' ? { accounts: 1, followers: Math.max(0, Math.round(account.followers)) } : { accounts: 0, followers: 0 };

export interface DynamoAccountStoreOptions {
  /** Items per page of `targetsOf` (DynamoDB also stops a page at 1 MB). */
  pageSize?: number;
  /** [0, 1): picks the reach shard a write goes to. */
  random?: () => number;
}

export class DynamoAccountStore implements SupporterAccountStore {
  private readonly pageSize: number | undefined;
  private readonly random: () => number;

  constructor(
    protected readonly client: DynamoDBDocumentClient,
    protected readonly tableName: string,
    options: DynamoAccountStoreOptions = {},
  ) {
    this.pageSize = options.pageSize;
    this.random = options.random ?? Math.random;
  }

  async get(id: string): Promise<LentAccount | undefined> {
    return (await this.read(id))?.account;
  }

  /** Creates or replaces an account (a re-lend replaces the credential and the follower count). */
  async save(account: ConnectedAccount): Promise<void> {
    const next = account as LentAccount;
    await this.write(next.id, () => next);
  }

  async revoke(id: string, at: Date): Promise<LentAccount | undefined> {
    let result: LentAccount | undefined;
    await this.write(id, (previous) => {
      if (!previous) return undefined;
      if (previous.status === 'revoked') {
        result = previous;
        return undefined;
      }
      result = { ...stripSecrets(previous), encryptedToken: '', status: 'revoked', revokedAt: at.toISOString() };
      return result;
    });
    return result;
  }

  async markExpired(id: string, at: Date): Promise<LentAccount | undefined> {
    let result: LentAccount | undefined;
    await this.write(id, (previous) => {
      result = previous;
      if (previous?.status !== 'active') return undefined;
      result = { ...previous, status: 'expired', expiredAt: at.toISOString() };
      return result;
    });
    return result;
  }

  async refreshFollowers(id: string, followers: number): Promise<LentAccount | undefined> {
    let result: LentAccount | undefined;
    await this.write(id, (previous) => {
      result = previous;
      if (previous?.status !== 'active' || previous.followers === followers) return undefined;
      result = { ...previous, followers };
      return result;
    });
    return result;
  }

  async claimReconnect(id: string, token: string, at: Date, leaseMs: number): Promise<LentAccount | undefined> {
    let result: LentAccount | undefined;
    await this.write(id, (previous) => {
      result = undefined;
      if (previous?.status !== 'expired' || previous.reconnectAsked?.expiredAt === previous.expiredAt) return undefined;
      if (previous.reconnectClaim && Date.parse(previous.reconnectClaim.until) > at.getTime()) return undefined;
      result = { ...previous, reconnectClaim: { token, until: new Date(at.getTime() + leaseMs).toISOString() } };
      return result;
    });
    return result;
  }

  async finishReconnect(id: string, token: string, at: Date, asked: boolean): Promise<void> {
    await this.write(id, (previous) => {
      // A revoke or a new lending meanwhile ended the claim with everything else.
      if (previous?.status !== 'expired' || previous.reconnectClaim?.token !== token) return undefined;
      const next: LentAccount = { ...previous };
      delete next.reconnectClaim;
      if (asked) next.reconnectAsked = { at: at.toISOString(), expiredAt: previous.expiredAt ?? at.toISOString() };
      return next;
    });
  }

  async *targetsOf(campaignYear: number): AsyncIterable<ConnectedAccount[]> {
    for (const scope of ['organisation', campaignYear] as const) {
      const pages = paginateQuery(
        { client: this.client, ...(this.pageSize ? { pageSize: this.pageSize } : {}) },
        { TableName: this.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': `SOCIAL-TARGETS#${scope}` } },
      );
      for await (const page of pages) {
        const accounts = (page.Items ?? []).map(fromItem);
        if (accounts.length > 0) yield accounts;
      }
    }
  }

  /**
   * `targetsOf` resumable: the cursor is `<scope>:<account id>` (scope 0 the organisation's, 1 the
   * campaign's), which increases as the Query's sort keys do, and a page starts after it
   * (ExclusiveStartKey built from it).
   */
  async targetPage(campaignYear: number, after: string | undefined, limit: number): Promise<CursorPage<ConnectedAccount>> {
    const scopes = ['organisation', campaignYear] as const;
    const [scopeIndex, afterId] = after === undefined ? [0, ''] : [Number(after.slice(0, after.indexOf(':'))), after.slice(after.indexOf(':') + 1)];
    const scope = scopes[scopeIndex];
    if (scope === undefined) throw new Error(`Not a cursor of the targets: ${after}`);
    const { Items = [], LastEvaluatedKey } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': targetKey(scope, '').PK },
        ...(afterId ? { ExclusiveStartKey: targetKey(scope, afterId) } : {}),
        Limit: limit,
      }),
    );
    const items = Items.map(fromItem);
    const last = items[items.length - 1];
    const next = LastEvaluatedKey && last ? `${scopeIndex}:${last.id}` : scopeIndex + 1 < scopes.length ? `${scopeIndex + 1}:` : undefined;
    return { items, ...(next !== undefined ? { next } : {}) };
  }

  async reach(campaignYear: number): Promise<{ supporters: ReachTotals; organisation: ReachTotals }> {
    const [supporters, organisation] = await Promise.all([this.totals(campaignYear), this.totals('organisation')]);
    return { supporters, organisation };
  }

  private async totals(scope: Scope): Promise<ReachTotals> {
    const { Items = [] } = await this.client.send(
      new QueryCommand({ TableName: this.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': reachPartition(scope) } }),
    );
    return Items.reduce<ReachTotals>(
      (sum, item) => ({ accounts: sum.accounts + Number(item.accounts ?? 0), followers: sum.followers + Number(item.followers ?? 0) }),
      { accounts: 0, followers: 0 },
    );
  }

  private async read(id: string): Promise<Stored | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: accountKey(id), ConsistentRead: true }));
    return Item ? { account: fromItem(Item), storeVersion: Number(Item.storeVersion ?? 0) } : undefined;
  }

  /**
   * Read, decide, write the account, its target item and the reach difference in one
   * transaction, conditional on the account not having changed since the read; again on conflict.
   * `alongside` adds items to the same transaction (an audit entry of what was decided).
   */
  protected async write(
    id: string,
    decide: (previous: LentAccount | undefined) => LentAccount | undefined,
    alongside: () => TransactItem[] = () => [],
  ): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const stored = await this.read(id);
      const next = decide(stored?.account);
      if (!next) return;
      try {
        await this.client.send(new TransactWriteCommand({ TransactItems: [...this.writes(stored, next), ...alongside()] }));
        return;
      } catch (error) {
        const mapped = conflictOr(error);
        if (isAppError(mapped) && mapped.code === 'conflict') continue;
        throw mapped;
      }
    }
    throw new AppError('unavailable', 'This account is being changed by another request; please try again.', { retryable: true });
  }

  private writes(stored: Stored | undefined, next: LentAccount) {
    const table = this.tableName;
    const previous = stored?.account;
    const storeVersion = (stored?.storeVersion ?? 0) + 1;
    const condition = stored
      ? { ConditionExpression: 'storeVersion = :read', ExpressionAttributeValues: { ':read': stored.storeVersion } }
      : { ConditionExpression: 'attribute_not_exists(PK)' };
    const items: TransactItem[] = [];

    const accountItem: Record<string, unknown> = { ...accountKey(next.id), type: 'social-account', ...next, storeVersion };
    if (!next.encryptedToken) delete accountItem.encryptedToken;
    if (stored && next.status === 'revoked') {
      // An update, not a Put, so the removal of the secrets is explicit: REMOVE encryptedToken.
      items.push({
        Update: {
          TableName: table,
          Key: accountKey(next.id),
          UpdateExpression: 'SET #status = :revoked, revokedAt = :at, storeVersion = :next, expiresAt = :expires REMOVE encryptedToken, sealedEmail, ownerKey',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ...condition.ExpressionAttributeValues,
            ':revoked': 'revoked',
            ':at': next.revokedAt ?? new Date().toISOString(),
            ':next': storeVersion,
            ':expires': expiresAfter(next.revokedAt ?? new Date(), RETENTION.revokedAccount.duration),
          },
          ConditionExpression: condition.ConditionExpression,
        },
      });
    } else {
      items.push({ Put: { TableName: table, Item: accountItem, ...condition } });
    }

    // The owner lookup follows the account's ownerKey (a revoked account has none).
    const previousOwner = previous?.status === 'revoked' ? undefined : previous?.ownerKey;
    const nextOwner = next.status === 'revoked' ? undefined : next.ownerKey;
    if (previousOwner && previousOwner !== nextOwner) items.push({ Delete: { TableName: table, Key: ownerItemKey(previousOwner, next.id) } });
    if (nextOwner && nextOwner !== previousOwner) items.push({ Put: { TableName: table, Item: { ...ownerItemKey(nextOwner, next.id), type: 'social-owner' } } });

    const nextScope = scopeOf(next);
    const previousScope = previous ? scopeOf(previous) : undefined;
    if (previousScope !== undefined && previousScope !== nextScope) items.push({ Delete: { TableName: table, Key: targetKey(previousScope, next.id) } });
    if (next.status === 'revoked') {
      if (previous) items.push({ Delete: { TableName: table, Key: targetKey(nextScope, next.id) } });
    } else {
      items.push({ Put: { TableName: table, Item: targetItem(next) } });
    }

    // The reach difference, per campaign (or the organisation), on one random shard each.
    const deltas = new Map<Scope, ReachTotals>();
    const add = (scope: Scope, totals: ReachTotals, sign: 1 | -1) => {
      const current = deltas.get(scope) ?? { accounts: 0, followers: 0 };
      deltas.set(scope, { accounts: current.accounts + sign * totals.accounts, followers: current.followers + sign * totals.followers });
    };
    add(nextScope, contribution(next), 1);
    if (previousScope !== undefined) add(previousScope, contribution(previous), -1);
    for (const [scope, delta] of deltas) {
      if (delta.accounts === 0 && delta.followers === 0) continue;
      items.push({
        Update: {
          TableName: table,
          Key: { PK: reachPartition(scope), SK: `SHARD#${Math.floor(this.random() * REACH_SHARDS)}` },
          UpdateExpression: 'ADD accounts :accounts, followers :followers SET #type = :type',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: { ':accounts': delta.accounts, ':followers': delta.followers, ':type': 'social-reach' },
        },
      });
    }
    return items;
  }
}

function stripSecrets(account: LentAccount): LentAccount {
  const copy: Record<string, unknown> = { ...account };
  for (const key of SECRETS) delete copy[key];
  return copy as unknown as LentAccount;
}
