import { SocialError } from '../../domain/social/ports.js';

export interface SendRateOptions {
  /** Longest a send waits here for its turn; past it, it is refused as rate limited (and retried later). */
  maxWaitMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/**
 * Paces one process's emails to `perSecond`, evenly (SES counts its maximum send rate per second,
 * and refuses what goes over it). A send waits for its turn when it is near; one whose turn is
 * further than `maxWaitMs` away is refused before anything is sent (`rate_limited`, with a
 * spread-out `retryAfterMs`), so the dispatcher releases the delivery for later instead of
 * holding its claim, and the wait never comes near the dispatcher's call timeout.
 */
export class SendRate {
  private readonly intervalMs: number;
  private readonly maxWaitMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private next = 0;

  constructor(
    readonly perSecond: number,
    options: SendRateOptions = {},
  ) {
    if (!(perSecond > 0)) throw new RangeError('perSecond must be above 0');
    this.intervalMs = 1_000 / perSecond;
    this.maxWaitMs = options.maxWaitMs ?? 2_000;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
  }

  /** Resolves at this send's turn, or throws `rate_limited` when the turn is too far off. */
  async take(): Promise<void> {
    const now = this.now();
    const turn = Math.max(now, this.next);
    const wait = turn - now;
    if (wait > this.maxWaitMs) {
      throw new SocialError('rate_limited', `over this worker's sending rate (${this.perSecond} emails a second)`, {
        retryAfterMs: Math.ceil(wait + this.random() * 1_000),
      });
    }
    this.next = turn + this.intervalMs;
    if (wait > 0) await this.sleep(wait);
  }
}
