import { isCounted, type Pledge } from './pledge.js';
import { updatePledge, type PledgeDeps } from './pledge-service.js';
import type { PledgeSummary, ReviewFilter } from './ports.js';

export type ReviewAction = 'invalidate' | 'restore';

export interface ReviewOutcome {
  matched: number;
  changed: number;
}

/** Suspect and invalidated pledges for managers to look at, newest first. */
export const findPledgesForReview = (deps: PledgeDeps, filter: ReviewFilter): Promise<PledgeSummary[]> =>
  deps.store.findForReview(filter);

/**
 * Invalidate or restore every pledge matching a filter (an IP, an email domain, a country, a
 * time window). Each pledge changes in its own conditional write with the counters, so a bulk
 * action that stops half-way leaves every pledge and every counter consistent, and running it
 * again finishes the job.
 */
export async function reviewPledges(
  deps: PledgeDeps,
  action: ReviewAction,
  filter: ReviewFilter,
): Promise<ReviewOutcome> {
  const matches = await deps.store.findForReview(filter);
  let changed = 0;
  for (const match of matches) {
    const result = await updatePledge(deps.store, match.id, (pledge) => applyReview(pledge, action));
    if (result?.changed) changed++;
  }
  return { matched: matches.length, changed };
}

function applyReview(pledge: Pledge, action: ReviewAction): Pledge | undefined {
  const review = action === 'invalidate' ? 'invalidated' : 'ok';
  if (pledge.review === review) return undefined;
  const next: Pledge = { ...pledge, review, suspectReasons: action === 'restore' ? [] : pledge.suspectReasons };
  return { ...next, counted: isCounted(next) };
}

/** Managers can take an entry off the public wall (or put it back) without touching the count. */
export async function setWallVisibility(deps: PledgeDeps, id: string, hidden: boolean): Promise<Pledge | undefined> {
  const result = await updatePledge(deps.store, id, (pledge) =>
    pledge.hiddenFromWall === hidden ? undefined : { ...pledge, hiddenFromWall: hidden },
  );
  return result?.after;
}
