import type { LentAccount, SupporterAccountStore } from '../../../functions/domain/social/ports.js';
import type { ConnectedAccount } from '../../../functions/domain/social/social.js';

/**
 * The account store's rules in memory, for unit tests of what uses it (the token health check,
 * asking to reconnect): the same decisions as DynamoAccountStore (test/integration checks that
 * one against DynamoDB Local), with every call counted.
 */
export class MemoryAccountStore implements Pick<SupporterAccountStore, 'get' | 'targetsOf' | 'markExpired' | 'refreshFollowers' | 'claimReconnect' | 'finishReconnect'> {
  readonly accounts = new Map<string, LentAccount>();
  readonly writes: Array<{ method: string; id: string }> = [];

  put(account: LentAccount): void {
    this.accounts.set(account.id, structuredClone(account));
  }

  async get(id: string): Promise<LentAccount | undefined> {
    const account = this.accounts.get(id);
    return account && structuredClone(account);
  }

  /** The organisation's accounts, then the campaign's supporters (revoked ones are no targets), without secrets. */
  async *targetsOf(campaignYear: number): AsyncIterable<ConnectedAccount[]> {
    const all = [...this.accounts.values()].filter((account) => account.status !== 'revoked');
    const strip = (account: LentAccount) => {
      const { sealedEmail: _email, ownerKey: _key, ...rest } = structuredClone(account);
      return { ...rest, encryptedToken: '' };
    };
    yield all.filter((account) => account.owner === 'organisation').map(strip);
    yield all.filter((account) => account.owner === 'supporter' && account.campaignYear === campaignYear).map(strip);
  }

  async markExpired(id: string, at: Date): Promise<LentAccount | undefined> {
    const account = this.accounts.get(id);
    if (account?.status !== 'active') return account && structuredClone(account);
    return this.write('markExpired', { ...account, status: 'expired', expiredAt: at.toISOString() });
  }

  async refreshFollowers(id: string, followers: number): Promise<LentAccount | undefined> {
    const account = this.accounts.get(id);
    if (account?.status !== 'active' || account.followers === followers) return account && structuredClone(account);
    return this.write('refreshFollowers', { ...account, followers });
  }

  async claimReconnect(id: string, token: string, at: Date, leaseMs: number): Promise<LentAccount | undefined> {
    const account = this.accounts.get(id);
    if (account?.status !== 'expired' || account.reconnectAsked?.expiredAt === account.expiredAt) return undefined;
    if (account.reconnectClaim && Date.parse(account.reconnectClaim.until) > at.getTime()) return undefined;
    return this.write('claimReconnect', { ...account, reconnectClaim: { token, until: new Date(at.getTime() + leaseMs).toISOString() } });
  }

  async finishReconnect(id: string, token: string, at: Date, asked: boolean): Promise<void> {
    const account = this.accounts.get(id);
    if (account?.status !== 'expired' || account.reconnectClaim?.token !== token) return;
    const next: LentAccount = { ...account };
    delete next.reconnectClaim;
    if (asked) next.reconnectAsked = { at: at.toISOString(), expiredAt: account.expiredAt ?? at.toISOString() };
    this.write('finishReconnect', next);
  }

  private write(method: string, next: LentAccount): LentAccount {
    this.writes.push({ method, id: next.id });
    this.accounts.set(next.id, next);
    return structuredClone(next);
  }
}
