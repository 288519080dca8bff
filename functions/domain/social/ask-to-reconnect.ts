import type { Mailer, TokenSigner } from '../pledges/ports.js';
import type { Clock } from '../shared/clock.js';
import type { Language } from '../shared/languages.js';
import { revokePageUrl } from './lend-service.js';
import type { LentAccount, SupporterAccountStore, TokenBox } from './ports.js';
import { organisationReconnectEmail, reconnectEmail } from './reconnect-emails.js';

/** How long one ask may hold its claim: past it (the asker crashed), the next run asks again. */
export const RECONNECT_CLAIM_MS = 10 * 60_000;

/** What asking an owner to reconnect needs: the token health check (daily) and the worker (at the moment) wire the same. */
export interface ReconnectDeps {
  accounts: Pick<SupporterAccountStore, 'claimReconnect' | 'finishReconnect'>;
  /** Opens the supporter's sealed email. */
  tokenBox: Pick<TokenBox, 'open'>;
  mailer: Mailer;
  /** Signs the revoke link (purpose `revoke-social`) with the key the API verifies it with (read once, when first needed, on AWS). */
  signer: () => Promise<Pick<TokenSigner, 'sign'>>;
  clock: Clock;
  newToken: () => string;
  /** Absolute URL of the public site and API. */
  publicUrl: string;
  /** The managers' mailbox, told when an organisation account must be connected again; without it they see it in the console only. */
  managersEmail?: string | undefined;
}

/**
 * - `asked`: the email went out (and is recorded: never again for this expiry).
 * - `already`: asked before for this expiry, being asked by another run right now, or no longer
 *   expired (revoked, or lent again).
 * - `no-address`: nobody to write to: a supporter who gave no email, or no managers' mailbox.
 */
export type ReconnectOutcome = 'asked' | 'already' | 'no-address';

/** `campaigns/2026/lend-your-voice/` in a language: where a supporter connects again (web/site/paths.ts `lendPath`). */
export const lendPageUrl = (publicUrl: string, language: Language, campaignYear: number): string =>
  `${publicUrl}/${language}/campaigns/${campaignYear}/lend-your-voice/`;

/**
 * Asks an expired account's owner to connect it again, once per expiry however many callers
 * meet it: the account is claimed (a conditional write; a lease, so a crashed asker's claim runs
 * out), the email sent, and the ask recorded with the expiry it was for. Supporters get it at
 * their sealed email, in their language, with the campaign's "Lend your voice" page and their
 * revoke link; for the organisation's accounts, the managers' mailbox. An email that cannot be
 * sent releases the claim and throws, so the next run asks again.
 */
export async function askToReconnect(deps: ReconnectDeps, accountId: string): Promise<ReconnectOutcome> {
  const now = deps.clock.now();
  const token = deps.newToken();
  const account = await deps.accounts.claimReconnect(accountId, token, now, RECONNECT_CLAIM_MS);
  if (!account) return 'already';
  try {
    const email = await emailFor(deps, account, now);
    if (!email) {
      await deps.accounts.finishReconnect(accountId, token, now, false);
      return 'no-address';
    }
    await deps.mailer.send(email);
  } catch (error) {
    await deps.accounts.finishReconnect(accountId, token, now, false).catch(() => undefined);
    throw error;
  }
  await deps.accounts.finishReconnect(accountId, token, deps.clock.now(), true);
  return 'asked';
}

async function emailFor(deps: ReconnectDeps, account: LentAccount, now: Date) {
  if (account.owner === 'organisation') {
    if (!deps.managersEmail) return undefined;
    return organisationReconnectEmail({ to: deps.managersEmail, platform: account.platform, handle: account.handle, consoleUrl: `${deps.publicUrl}/console/#messages` });
  }
  if (!account.sealedEmail || account.campaignYear === undefined) return undefined;
  return reconnectEmail({
    to: await deps.tokenBox.open(account.sealedEmail),
    language: account.language,
    campaignYear: account.campaignYear,
    platform: account.platform,
    handle: account.handle,
    lendUrl: lendPageUrl(deps.publicUrl, account.language, account.campaignYear),
    revokeUrl: revokePageUrl(deps, (await deps.signer()).sign('revoke-social', account.id, now)),
  });
}
