import type { DispatchPolicy } from './ports.js';

/**
 * Exponential backoff with "equal jitter": base × 2^(attempt − 1), capped at `maxMs`, of which a
 * random half is waited on top of the other half. Workers that failed together (a platform's
 * outage) come back spread out instead of all at once, and never sooner than half the step.
 */
export function backoffMs(attempt: number, policy: Pick<DispatchPolicy, 'backoff'>, random: () => number = Math.random): number {
  const step = Math.min(policy.backoff.maxMs, policy.backoff.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}
