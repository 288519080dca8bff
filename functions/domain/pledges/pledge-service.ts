import type { Clock } from '../shared/clock.js';
import type { Metrics } from '../shared/metrics.js';
import { AppError, isAppError } from '../shared/errors.js';
import type { AbusePolicy } from './abuse-policy.js';
import type { Pledge } from './pledge.js';
import type { Hasher, Mailer, PledgeStore, ProofOfWork, RateLimiter, TokenSigner } from './ports.js';

/** Everything the pledge use cases need, wired once in the composition root. */
export interface PledgeDeps {
  store: PledgeStore;
  limiter: RateLimiter;
  proofOfWork: ProofOfWork;
  mailer: Mailer;
  hasher: Hasher;
  tokens: TokenSigner;
  clock: Clock;
  newId: () => string;
  policy: AbusePolicy;
  /** Absolute URL of the public site and API (same origin), e.g. https://blueheart.example.org */
  publicUrl: string;
  /** Pledges submitted and confirmed, as business metrics; absent: not counted. */
  metrics?: Metrics;
}

/** Confirmation links live as long as a pending pledge does. */
export const CONFIRMATION_TTL_SECONDS = 7 * 24 * 3600;

/**
 * Read, change, write with optimistic concurrency: on a version conflict read again and
 * re-apply `change`, a few times. `change` returns undefined when there is nothing to do.
 */
export async function updatePledge(
  store: PledgeStore,
  id: string,
  change: (current: Pledge) => Pledge | undefined,
): Promise<{ before: Pledge; after: Pledge; changed: boolean } | undefined> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const before = await store.get(id);
    if (!before) return undefined;
    const changed = change(before);
    if (!changed) return { before, after: before, changed: false };
    const after = { ...changed, version: before.version + 1 };
    try {
      await store.save(before, after);
      return { before, after, changed: true };
    } catch (error) {
      if (isAppError(error) && error.code === 'conflict') continue;
      throw error;
    }
  }
  throw new AppError('unavailable', 'The pledge is busy; please try again.', { retryable: true });
}

export const pledgeNotFound = () =>
  new AppError('not_found', 'This pledge no longer exists. It may have expired or been erased.');
