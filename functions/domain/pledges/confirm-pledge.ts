import { isCounted, type Pledge } from './pledge.js';
import { pledgeNotFound, updatePledge, type PledgeDeps } from './pledge-service.js';

/**
 * The pledger follows the link in their email. Confirming twice is harmless: the second time
 * changes nothing and counts nothing.
 */
export async function confirmPledge(deps: PledgeDeps, token: string): Promise<Pledge> {
  const now = deps.clock.now();
  const id = deps.tokens.verify('confirm', token, now);
  const result = await updatePledge(deps.store, id, (pledge) => {
    if (pledge.status === 'confirmed') return undefined;
    const confirmed: Pledge = { ...pledge, status: 'confirmed', confirmedAt: now.toISOString() };
    return { ...confirmed, counted: isCounted(confirmed) };
  });
  if (!result || result.after.erasedAt) throw pledgeNotFound();
  if (result.changed) deps.metrics?.count('PledgeConfirmed');
  return result.after;
}

/** Who a confirmation link is for, to show the page in their language before they confirm. */
export async function describeConfirmation(deps: PledgeDeps, token: string): Promise<Pledge> {
  const id = deps.tokens.verify('confirm', token, deps.clock.now());
  const pledge = await deps.store.get(id);
  if (!pledge || pledge.erasedAt) throw pledgeNotFound();
  return pledge;
}
