import type { Clock } from '../shared/clock.js';
import { AppError, type FieldIssue } from '../shared/errors.js';
import type { Language } from '../shared/languages.js';
import { checkAndSealCredential, type CredentialCheckDeps } from './check-credential.js';
import { NETWORK_NAMES } from './lend-emails.js';
import { normaliseAccountName, type AccountName } from './lend-handles.js';
import type { SocialNetworks } from './lend-service.js';
import {
  accountRefIssues,
  accountRefOf,
  credentialIssues,
  organisationAccountKey,
  xKeysOf,
  type AccountRefInput,
  type CredentialFormat,
  type CredentialParts,
  type AccountAuditAction,
  type AccountAuditEntry,
  type AccountAuditState,
  type OrganisationAccount,
  type OrganisationAccountStore,
  type OrganisationAccountView,
} from './organisation-accounts.js';
import type { SocialNetwork } from './ports.js';
import type { Platform } from './social.js';

/** What managers' connecting of the organisation's accounts needs, wired once in the composition root. */
export interface OrganisationAccountDeps extends CredentialCheckDeps {
  accounts: OrganisationAccountStore;
  /** The same networks the dispatcher posts through (the sandbox locally). */
  networks: SocialNetworks;
  clock: Clock;
  newId: () => string;
  /** A stable id from an account's key: one account however often it is connected. */
  accountIdOf: (key: string) => string;
  /** The credential in the format its network's adapter reads. */
  credentialFormat: CredentialFormat;
}

/** What a manager gives to connect an account: who it is, the credential, and what it posts in. */
export type ConnectInput = CredentialParts & AccountRefInput & {
  platform: Platform;
  handle: string;
  /** Mastodon instance, or a self-hosted Bluesky PDS. */
  server?: string | undefined;
  /** What the account posts in (the message's variant in this language). */
  language: Language;
  /** IANA zone, for "09:00 local time everywhere". */
  timeZone: string;
};

const invalid = (issues: FieldIssue[]) =>
  new AppError('validation_failed', `Please check the form: ${issues.map((i) => `${i.field} ${i.message}`).join('; ')}.`, { fields: issues });

const noSuchAccount = () => new AppError('not_found', 'The organisation has no connected account with that id (it may have been disconnected).');

/** The network a platform's accounts are checked and posted through, or a 400 on `platform`. */
function networkFor(deps: Pick<OrganisationAccountDeps, 'networks'>, platform: Platform): SocialNetwork {
  const network = deps.networks[platform];
  if (!network) throw invalid([{ field: 'platform', message: `cannot be connected on this deployment yet: it has no ${NETWORK_NAMES[platform]} adapter` }]);
  return network;
}

const stateOf = (account: OrganisationAccount | undefined): AccountAuditState | null =>
  account ? { status: account.status, followers: account.followers, language: account.language, timeZone: account.timeZone } : null;

function auditOf(deps: Pick<OrganisationAccountDeps, 'newId'>, action: AccountAuditAction, by: string, at: string, before: OrganisationAccount | undefined, after: OrganisationAccount): AccountAuditEntry {
  return { id: deps.newId(), at, by, action, accountId: after.id, platform: after.platform, handle: after.handle, before: stateOf(before), after: stateOf(after) };
}

/** The account as the console sees it: named fields only, so nothing stored beside them (the sealed credential) is ever answered. */
export function viewOf(account: OrganisationAccount): OrganisationAccountView {
  const optional = { server: account.server, accountRef: account.accountRef, reconnectedAt: account.reconnectedAt, reconnectedBy: account.reconnectedBy, expiredAt: account.expiredAt };
  return {
    id: account.id,
    platform: account.platform,
    handle: account.handle,
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
    followers: account.followers,
    language: account.language,
    timeZone: account.timeZone,
    status: account.status === 'expired' ? 'expired' : 'active',
    connectedAt: account.connectedAt,
    connectedBy: account.connectedBy,
  };
}

/** The credential checked with the network and sealed, in the format the network's adapter reads. */
function check(deps: OrganisationAccountDeps, platform: Platform, name: AccountName, credential: CredentialParts, accountRef: string | undefined) {
  const secret = deps.credentialFormat(platform, { secret: credential.secret.trim(), accountRef, xKeys: xKeysOf(credential) });
  return checkAndSealCredential(deps, networkFor(deps, platform), name, secret);
}

/** The organisation's connected accounts (active, and expired ones waiting to be reconnected), by platform and handle. */
export async function listOrganisationAccounts(deps: Pick<OrganisationAccountDeps, 'accounts'>): Promise<OrganisationAccountView[]> {
  const accounts = await deps.accounts.list();
  return accounts.map(viewOf).sort((a, b) => a.platform.localeCompare(b.platform) || a.handle.localeCompare(b.handle));
}

/**
 * A manager connects one of the organisation's accounts: the credential is checked with the
 * network (which also gives the followers), sealed, and stored with an audit entry; from then on
 * the account is a target of every campaign's messages. An account that is connected already is
 * a 409 (reconnect it to replace its credential); one that was disconnected connects anew.
 */
export async function connectOrganisationAccount(deps: OrganisationAccountDeps, input: ConnectInput, by: string): Promise<OrganisationAccountView> {
  const named = normaliseAccountName(input.platform, input.handle, input.server);
  if (!named.ok) throw invalid(named.issues);
  const issues = [...(named.name.handle ? [] : [{ field: 'handle', message: 'is required' }]), ...credentialIssues(input.platform, input), ...accountRefIssues(input.platform, input)];
  if (issues.length) throw invalid(issues);
  networkFor(deps, input.platform);
  const accountRef = accountRefOf(input.platform, input);
  const id = deps.accountIdOf(organisationAccountKey(input.platform, named.name.handle, accountRef));
  const alreadyConnected = (account: OrganisationAccount) =>
    new AppError('conflict', `${account.handle} on ${NETWORK_NAMES[account.platform]} is connected already (by ${account.connectedBy}). To replace its credential, reconnect it.`);

  const existing = await deps.accounts.get(id);
  if (existing && existing.status !== 'revoked') throw alreadyConnected(existing);
  const { followers, encryptedToken, maxCharacters } = await check(deps, input.platform, named.name, input, accountRef);
  const at = deps.clock.now().toISOString();
  const account: OrganisationAccount = {
    id,
    owner: 'organisation',
    platform: input.platform,
    handle: named.name.handle,
    ...(named.name.server ? { server: named.name.server } : {}),
    ...(accountRef ? { accountRef } : {}),
    followers,
    ...(maxCharacters ? { maxCharacters } : {}),
    language: input.language,
    timeZone: input.timeZone,
    encryptedToken,
    connectedAt: at,
    connectedBy: by,
    status: 'active',
  };
  const written = await deps.accounts.change(id, (previous) => {
    if (previous && previous.status !== 'revoked') throw alreadyConnected(previous);
    return { next: account, audit: auditOf(deps, 'account.connect', by, at, previous, account) };
  });
  return viewOf(written ?? account);
}

/**
 * A manager replaces the credential of a connected account (an expired one must be reconnected
 * before it posts again; an active one may be, to rotate its token). Checked with the network
 * like a new one; the account becomes active with the follower count it has now.
 */
export async function reconnectOrganisationAccount(deps: OrganisationAccountDeps, id: string, credential: CredentialParts, by: string): Promise<OrganisationAccountView> {
  const current = await deps.accounts.get(id);
  if (!current || current.status === 'revoked') throw noSuchAccount();
  const issues = credentialIssues(current.platform, credential);
  if (issues.length) throw invalid(issues);
  const { followers, encryptedToken, maxCharacters } = await check(deps, current.platform, { handle: current.handle, ...(current.server ? { server: current.server } : {}) }, credential, current.accountRef);
  const at = deps.clock.now().toISOString();
  const written = await deps.accounts.change(id, (previous) => {
    if (!previous || previous.status === 'revoked') throw noSuchAccount();
    const { expiredAt: _expired, ...rest } = previous;
    // The instance's limit as it says now (kept as it was when it did not say).
    const next: OrganisationAccount = { ...rest, followers, ...(maxCharacters ? { maxCharacters } : {}), encryptedToken, status: 'active', reconnectedAt: at, reconnectedBy: by };
    return { next, audit: auditOf(deps, 'account.reconnect', by, at, previous, next) };
  });
  return viewOf(written!);
}

/**
 * A manager disconnects an account: in one write it is marked revoked, its sealed credential is
 * deleted, it leaves every campaign's targets (a blast under way skips it at its turn) and the
 * reach totals, and the audit log records who did it.
 */
export async function disconnectOrganisationAccount(deps: OrganisationAccountDeps, id: string, by: string): Promise<void> {
  const at = deps.clock.now().toISOString();
  await deps.accounts.change(id, (previous) => {
    if (!previous || previous.status === 'revoked') throw noSuchAccount();
    const { encryptedToken: _token, ...rest } = previous;
    const next: OrganisationAccount = { ...rest, encryptedToken: '', status: 'revoked', revokedAt: at };
    return { next, audit: auditOf(deps, 'account.disconnect', by, at, previous, next) };
  });
}

/** Who connected, reconnected and disconnected the organisation's accounts, newest first. */
export function organisationAccountHistory(deps: Pick<OrganisationAccountDeps, 'accounts'>, limit = 200): Promise<AccountAuditEntry[]> {
  return deps.accounts.history(limit);
}
