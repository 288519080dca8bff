import { DAY_MS } from '../shared/clock.js';
import { forEachConcurrently } from '../shared/concurrency.js';
import { askToReconnect, type ReconnectDeps } from './ask-to-reconnect.js';
import { SocialError, type LentAccount, type MessageRepository, type SocialNetwork, type SupporterAccountStore, type TokenBox } from './ports.js';
import { firstAndLastDue } from './schedule.js';
import { sendingCampaignYears } from './send-due-messages.js';
import type { Platform, SocialMessage } from './social.js';

export interface TokenHealthPolicy {
  /** Accounts are checked for the messages whose first moment is at most this many days ahead. */
  windowDays: number;
  /** Accounts checked at once (each check is one read, one KMS call and one network call). */
  concurrency: number;
  /** Longest wait for a network's answer; past it the account is left for the next run. */
  callTimeoutMs: number;
}

export const DEFAULT_TOKEN_HEALTH_POLICY: TokenHealthPolicy = { windowDays: 3, concurrency: 8, callTimeoutMs: 20_000 };

export interface TokenHealthDeps extends ReconnectDeps {
  messages: Pick<MessageRepository, 'listByCampaign'>;
  accounts: ReconnectDeps['accounts'] & Pick<SupporterAccountStore, 'get' | 'targetsOf' | 'markExpired' | 'refreshFollowers'>;
  /** Opens credentials (and supporters' emails): KMS on AWS. */
  tokenBox: Pick<TokenBox, 'open'>;
  networks: (platform: Platform) => SocialNetwork | undefined;
  policy?: Partial<TokenHealthPolicy>;
  /** Where what is left for the next run is told (never a token or an address). */
  warn?: (message: string, fields: Record<string, unknown>) => void;
}

export interface TokenHealthReport {
  /** The messages checked for: scheduled (or approved with a schedule), first moment within the window. */
  upcoming: Array<{ campaignYear: number; messageId: string; first: string }>;
  /** Accounts whose network was asked. */
  checked: number;
  /** The network took the token. */
  healthy: number;
  /** Of those, the follower count changed (the stored count and the campaign's reach were updated). */
  refreshed: number;
  /** The network refused the token: marked expired. */
  expired: number;
  /** No answer, a 429, a 5xx: left as they are for the next run. */
  unreachable: number;
  /** Reconnect emails sent (for accounts expired now, or earlier and not yet asked). */
  asked: number;
  /** Expired accounts with nobody to write to (a supporter who gave no email; no managers' mailbox). */
  noAddress: number;
  /** Reconnect emails that could not be sent: asked again next run. */
  askFailed: number;
  /** Nothing to check: share-link accounts, platforms without an adapter, accounts revoked meanwhile. */
  skipped: number;
}

const upcomingStatuses: ReadonlySet<SocialMessage['status']> = new Set(['scheduled', 'approved']);

const askedForThisExpiry = (account: LentAccount): boolean => account.reconnectAsked !== undefined && account.reconnectAsked.expiredAt === account.expiredAt;

/**
 * The token health check, daily (EventBridge Scheduler in the social stack, the in-process
 * scheduler locally): a few days before a message's moment, every active account that will post
 * it (the organisation's, and the campaign's supporters') is tried with its network through a
 * cheap authenticated call (its follower count).
 * - Taken: the follower count is stored if it changed, with the campaign's expected reach.
 * - Refused (`auth`): the account is marked expired and its owner asked to reconnect (supporters
 *   by email in their language; the managers for the organisation's accounts).
 * - No answer, 429, 5xx: left as it is; tomorrow's run tries again.
 * Expired accounts of those campaigns (and of campaigns sending now) whose owner was not asked
 * yet (an email that failed, an expiry found at the moment) are asked too. Safe to run twice:
 * every write is conditional, and an owner is asked once per expiry.
 */
export async function checkTokenHealth(deps: TokenHealthDeps): Promise<TokenHealthReport> {
  const policy = { ...DEFAULT_TOKEN_HEALTH_POLICY, ...deps.policy };
  const now = deps.clock.now();
  const until = now.getTime() + policy.windowDays * DAY_MS;
  const report: TokenHealthReport = { upcoming: [], checked: 0, healthy: 0, refreshed: 0, expired: 0, unreachable: 0, asked: 0, noAddress: 0, askFailed: 0, skipped: 0 };

  const toCheck: number[] = [];
  const askOnly: number[] = [];
  for (const campaignYear of sendingCampaignYears(now)) {
    const messages = await deps.messages.listByCampaign(campaignYear);
    for (const message of messages) {
      if (!upcomingStatuses.has(message.status) || !message.schedule) continue;
      const first = firstAndLastDue(message.schedule).first;
      if (Date.parse(first) > now.getTime() && Date.parse(first) <= until) report.upcoming.push({ campaignYear, messageId: message.id, first });
    }
    if (report.upcoming.some((upcoming) => upcoming.campaignYear === campaignYear)) toCheck.push(campaignYear);
    else if (messages.some((message) => message.status === 'sending')) askOnly.push(campaignYear);
  }

  await forEachConcurrently(accountsOf(deps, toCheck, askOnly), policy.concurrency, async ({ account, check }) => {
    if (account.status === 'active' && check) await checkAccount(deps, policy, account, report, now);
    else if (account.status === 'expired' && !askedForThisExpiry(account)) await ask(deps, account, report);
  });
  return report;
}

/** The targets of the campaigns, each account once (the organisation's serve every campaign); checked campaigns first. */
async function* accountsOf(deps: TokenHealthDeps, toCheck: number[], askOnly: number[]): AsyncIterable<{ account: LentAccount; check: boolean }> {
  const seen = new Set<string>();
  for (const [campaignYear, check] of [...toCheck.map((year) => [year, true] as const), ...askOnly.map((year) => [year, false] as const)]) {
    for await (const page of deps.accounts.targetsOf(campaignYear)) {
      for (const account of page as LentAccount[]) {
        if (seen.has(account.id)) continue;
        seen.add(account.id);
        yield { account, check };
      }
    }
  }
}

async function checkAccount(deps: TokenHealthDeps, policy: TokenHealthPolicy, target: LentAccount, report: TokenHealthReport, now: Date): Promise<void> {
  const network = deps.networks(target.platform);
  // Target items carry no secrets: the account itself has the sealed token (and may have changed).
  const account = network && !target.shareOnly ? await deps.accounts.get(target.id) : undefined;
  if (!network || !account || account.status !== 'active' || !account.encryptedToken) {
    report.skipped++;
    return;
  }
  const token = await deps.tokenBox.open(account.encryptedToken);
  report.checked++;
  let followers: number;
  try {
    const credentials = { handle: account.handle, ...(account.server ? { server: account.server } : {}), ...(account.accountRef ? { accountRef: account.accountRef } : {}), token };
    followers = await withTimeout(network.followers(credentials), policy.callTimeoutMs);
  } catch (error) {
    if (error instanceof SocialError && error.kind === 'auth') {
      const after = await deps.accounts.markExpired(account.id, now);
      if (after?.status !== 'expired') {
        report.skipped++; // revoked meanwhile
        return;
      }
      report.expired++;
      if (!askedForThisExpiry(after)) await ask(deps, after, report);
      return;
    }
    report.unreachable++;
    deps.warn?.('token health: the network did not answer; the account is checked again next run', {
      accountId: account.id, platform: account.platform, kind: error instanceof SocialError ? error.kind : 'error', detail: error instanceof Error ? error.message : String(error),
    });
    return;
  }
  report.healthy++;
  const current = Number.isFinite(followers) && followers > 0 ? Math.round(followers) : 0;
  if (current !== account.followers && (await deps.accounts.refreshFollowers(account.id, current))?.followers === current) report.refreshed++;
}

async function ask(deps: TokenHealthDeps, account: LentAccount, report: TokenHealthReport): Promise<void> {
  try {
    const outcome = await askToReconnect(deps, account.id);
    if (outcome === 'asked') report.asked++;
    else if (outcome === 'no-address') report.noAddress++;
  } catch (error) {
    report.askFailed++;
    deps.warn?.('token health: the reconnect email could not be sent; asked again next run', { accountId: account.id, owner: account.owner, detail: error instanceof Error ? error.message : String(error) });
  }
}

function withTimeout<T>(call: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SocialError('unavailable', `no answer within ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([call, timeout]).finally(() => clearTimeout(timer));
}
