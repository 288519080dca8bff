import type { Pledge } from './pledge.js';
import { pledgeNotFound, updatePledge, type PledgeDeps } from './pledge-service.js';
import type { TokenPurpose } from './ports.js';

/** The pledger a signed link from their email points at. */
export async function pledgeForLink(deps: PledgeDeps, purpose: TokenPurpose, token: string): Promise<Pledge> {
  const pledge = await deps.store.get(deps.tokens.verify(purpose, token, deps.clock.now()));
  if (!pledge) throw pledgeNotFound();
  return pledge;
}

/** Stop all emails (RFC 8058 one-click unsubscribe lands here too). */
export async function unsubscribePledger(deps: PledgeDeps, token: string): Promise<Pledge> {
  const now = deps.clock.now();
  const id = deps.tokens.verify('unsubscribe', token, now);
  const result = await updatePledge(deps.store, id, (pledge) =>
    pledge.wantsUpdates ? { ...pledge, wantsUpdates: false, unsubscribedAt: now.toISOString() } : undefined,
  );
  if (!result) throw pledgeNotFound();
  return result.after;
}

/**
 * Erase a pledger's personal data. The pledge still counts (the aggregate stays honest), and
 * the keyed hash of the address stays so the same address cannot be counted twice; the name,
 * address, organisation and IP hash are gone, and the pledge leaves the wall.
 */
export async function erasePledger(deps: PledgeDeps, token: string): Promise<Pledge> {
  const now = deps.clock.now();
  const result = await erasePledge(deps, deps.tokens.verify('erase', token, now), now);
  if (!result) throw pledgeNotFound();
  return result.pledge;
}

/** The erase itself, by pledge id (also for erasure requests by address); `erased` is false when it was erased already. */
export async function erasePledge(deps: Pick<PledgeDeps, 'store'>, id: string, now: Date): Promise<{ pledge: Pledge; erased: boolean } | undefined> {
  const result = await updatePledge(deps.store, id, (pledge) => {
    if (pledge.erasedAt) return undefined;
    const { name: _name, email: _email, organisation: _organisation, ipHash: _ip, emailDomain: _domain, ...rest } = pledge;
    return { ...rest, showOnWall: false, wantsUpdates: false, erasedAt: now.toISOString() };
  });
  return result && { pledge: result.after, erased: result.changed };
}
