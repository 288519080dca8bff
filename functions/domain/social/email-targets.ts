import type { Pledge } from '../pledges/pledge.js';
import type { PledgeStore } from '../pledges/ports.js';
import { timeZoneOfCountry } from './country-time-zone.js';
import type { DeliveryTarget } from './social.js';

/**
 * The email list of a coordinated message: every confirmed pledger whose pledge counts, who
 * asked for updates and has not unsubscribed or erased their data since. Checked at the fan-out
 * and again just before each email is sent (a pledger may unsubscribe in between).
 */

/** Why this pledger may not be mailed a message now, or undefined when they may. */
export function whyNotMailable(pledge: Pledge | undefined): string | undefined {
  if (!pledge || pledge.erasedAt) return 'the pledger erased their data';
  if (pledge.unsubscribedAt || !pledge.wantsUpdates) return 'no longer subscribed';
  if (pledge.status !== 'confirmed' || !pledge.counted) return 'the pledge no longer counts';
  if (!pledge.email) return 'the pledger erased their data';
  return undefined;
}

/** One email target per pledger: the pledge's id, its language, a zone for its country, reach 1. */
export const emailTargetOf = (pledge: Pledge): DeliveryTarget => ({
  kind: 'email',
  id: pledge.id,
  platform: 'email',
  language: pledge.language,
  timeZone: timeZoneOfCountry(pledge.country),
  followers: 1,
});

/** The message's email targets, page by page (the store reads confirmed pledges a page at a time). */
export async function* emailTargets(store: Pick<PledgeStore, 'confirmedPledges'>): AsyncIterable<DeliveryTarget[]> {
  for await (const page of store.confirmedPledges()) {
    const targets = page.filter((pledge) => !whyNotMailable(pledge)).map(emailTargetOf);
    if (targets.length > 0) yield targets;
  }
}
