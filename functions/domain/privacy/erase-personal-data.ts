import { erasePledge } from '../pledges/manage-own-data.js';
import type { EmailHash, ErasureChannel, ErasureCounts, ErasureLogEntry, PrivacyDeps } from './ports.js';

/**
 * Erases everything the platform holds about the owner of an address (found by its keyed hash),
 * then records that it did, without the address:
 *
 * 1. Pledges: the pledge's own erase (name, address, organisation, IP hash gone; it still counts,
 *    so the counters stay right; the address hash stays so it is not counted twice).
 * 2. Lent social accounts: revoked (sealed credential and sealed email deleted, off the targets,
 *    out of the reach figures), then deleted by TTL after `RETENTION.revokedAccount`.
 * 3. Stripe customers who paid the address's gifts: deleted through the payment gateway, which
 *    also ends a monthly gift at once (we could not send its receipts any more).
 * 4. Ledger entries: the donor's name, email, display name, dedication and key removed. What
 *    accounting law needs stays: amounts, dates, currencies, settlement, campaign, donor
 *    category, earmark, frequency, the receipt number and Stripe's ids (which tie each entry to
 *    the payout it was paid in).
 *
 * Every step is safe to repeat, and the steps run in an order that a retry can always finish:
 * Stripe customers are found through the ledger entries that still carry donor data, so they
 * are deleted before those entries lose it. A crash half-way leaves what is left to a retry (the
 * same link again, or the admin route); erasing twice finds nothing more to do.
 */
export async function erasePersonalData(
  deps: PrivacyDeps,
  request: { emailHash: EmailHash; channel: ErasureChannel; by: string; reason?: string },
): Promise<ErasureLogEntry> {
  const now = deps.clock.now();
  const erased: ErasureCounts = { pledges: 0, lentAccounts: 0, donationRecords: 0, stripeCustomers: 0 };

  const pledge = await deps.pledges.store.findByEmailHash(request.emailHash);
  if (pledge && (await erasePledge(deps.pledges, pledge.id, now))?.erased) erased.pledges++;

  for (const id of await deps.personalData.lentAccountsOf(request.emailHash)) {
    const before = await deps.accounts.get(id);
    if (before && before.status !== 'revoked' && (await deps.accounts.revoke(id, now))) erased.lentAccounts++;
  }

  const records = await deps.personalData.donorRecordsOf(request.emailHash);
  for (const customerId of new Set(records.flatMap((record) => (record.customerId ? [record.customerId] : [])))) {
    if ((await deps.gateway.deleteCustomer(customerId)) === 'deleted') erased.stripeCustomers++;
  }
  for (const record of records) {
    await deps.personalData.eraseDonorRecord(request.emailHash, record, now);
    erased.donationRecords++;
  }

  const entry: ErasureLogEntry = {
    id: deps.newId(),
    at: now.toISOString(),
    channel: request.channel,
    by: request.by,
    emailHash: request.emailHash,
    erased,
    ...(request.reason ? { reason: request.reason } : {}),
  };
  await deps.personalData.recordErasure(entry);
  return entry;
}

/** Whether anything is held for an address (an erasure request is only emailed then). */
export async function holdsPersonalData(deps: PrivacyDeps, emailHash: EmailHash): Promise<boolean> {
  const [pledge, accounts, records] = await Promise.all([
    deps.pledges.store.findByEmailHash(emailHash),
    deps.personalData.lentAccountsOf(emailHash),
    deps.personalData.donorRecordsOf(emailHash),
  ]);
  return Boolean(pledge && !pledge.erasedAt) || accounts.length > 0 || records.length > 0;
}
