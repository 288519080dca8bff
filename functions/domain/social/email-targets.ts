import type { Pledge } from '../pledges/pledge.js';
import type { PledgeStore, UpdateSubscriber } from '../pledges/ports.js';
import type { CursorPage } from '../shared/cursor-page.js';
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

/** Whether the pledge belongs on the updates list (the index `PledgeStore.updateSubscribers` reads is kept by this rule). */
export const isOnUpdatesList = (pledge: Pledge): boolean => whyNotMailable(pledge) === undefined;

/** One email target per pledger: the pledge's id, its language, a zone for its country, reach 1. */
export const emailTargetOf = (pledger: UpdateSubscriber): DeliveryTarget => ({
  kind: 'email',
  id: pledger.id,
  platform: 'email',
  language: pledger.language,
  timeZone: timeZoneOfCountry(pledger.country),
  followers: 1,
});

/**
 * The message's email list, a page at a time from the pledge store's updates index (never a read
 * of every pledge). The index is eventually consistent: a pledger who left a second ago may still
 * be listed, and is then skipped by the check before each email.
 */
export async function emailTargetPage(store: Pick<PledgeStore, 'updateSubscribers'>, after: string | undefined, limit: number): Promise<CursorPage<DeliveryTarget>> {
  const page = await store.updateSubscribers(after, limit);
  return { items: page.items.map(emailTargetOf), ...(page.next !== undefined ? { next: page.next } : {}) };
}
