import { AppError } from '../shared/errors.js';
import type { LendDeps } from './lend-service.js';
import type { LentAccount } from './ports.js';

const noSuchAccount = () => new AppError('not_found', 'This lent account no longer exists on this site.');

/** The account a revoke link points at, to show the page (in the supporter's language) before they press the button. */
export async function describeRevoke(deps: Pick<LendDeps, 'accounts' | 'tokens' | 'clock'>, token: string): Promise<LentAccount> {
  const id = deps.tokens.verify('revoke-social', token, deps.clock.now());
  const account = await deps.accounts.get(id);
  if (!account) throw noSuchAccount();
  return account;
}

/**
 * The supporter takes their account back: in one write the account is marked revoked, its sealed
 * credential and email are deleted, and it leaves the campaign's targets (a blast under way skips
 * it at its turn). Revoking twice is harmless and answers the same.
 */
export async function revokeAccount(deps: Pick<LendDeps, 'accounts' | 'tokens' | 'clock'>, token: string): Promise<LentAccount> {
  const now = deps.clock.now();
  const id = deps.tokens.verify('revoke-social', token, now);
  const account = await deps.accounts.revoke(id, now);
  if (!account) throw noSuchAccount();
  return account;
}
