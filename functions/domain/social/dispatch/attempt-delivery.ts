import type { ConnectedAccount, Delivery, TargetKind } from '../social.js';
import { SocialError, type AccountCredentials, type OutgoingPost, type PublishedPost, type SocialErrorKind } from '../ports.js';
import { backoffMs } from './backoff.js';
import { DEFAULT_DISPATCH_POLICY, type DispatchDeps, type DispatchPolicy, type EmailChannel } from './ports.js';

/**
 * What one attempt did, for the worker that runs it:
 * - `posted`, `failed`, `skipped`: this attempt finished the delivery (the record says how).
 * - `retry`: released for another attempt at `at` (429, 5xx, no answer).
 * - `busy`: not claimable now (not due yet, or another attempt holds it): look again at `at`.
 * - `done`: finished before this attempt (a job handed out twice).
 * - `lost`: the claim ran out during the attempt and another attempt holds it now.
 * - `missing`: no such delivery.
 */
export type AttemptOutcome =
  | { kind: 'posted' | 'failed' | 'skipped'; delivery: Delivery }
  | { kind: 'retry'; at: Date; reason: string }
  | { kind: 'busy'; at: Date }
  | { kind: 'done'; delivery: Delivery }
  | { kind: 'lost'; reason: string }
  | { kind: 'missing' };

export const EXPIRED_TOKEN: Record<TargetKind, string> = {
  supporter: 'token expired: the supporter was asked to reconnect',
  organisation: "token expired: a manager was asked to reconnect the organisation's account",
  email: 'the mail service refused the platform’s credentials',
};

export const REVOKED: Record<TargetKind, string> = {
  supporter: 'revoked by the supporter',
  organisation: 'disconnected by a manager',
  email: 'no longer subscribed',
};

export const policyOf = (deps: DispatchDeps): DispatchPolicy => ({ ...DEFAULT_DISPATCH_POLICY, ...deps.policy });

/**
 * One attempt at one (message, target), safe to run any number of times, concurrently or after a
 * crash: it claims the record (only one attempt holds it; a crashed holder's lease runs out), and
 * - if an earlier attempt's outcome is unknown (`uncertain`: it timed out, or its worker died
 *   holding the claim), looks for the post on the account first and finishes as posted if it is
 *   there;
 * - otherwise publishes, and records the post, or why not: a 429 waits for Retry-After (not
 *   counted as a failed attempt), a 5xx or an unanswered call retries with backoff (an unanswered
 *   one looks first next time), an expired token fails without retrying and asks the owner to
 *   reconnect, a refusal fails with the platform's words, and after `maxAttempts` it fails.
 * Only the claim's holder can write the outcome, so a worker whose lease ran out cannot
 * overwrite its successor's.
 */
export async function attemptDelivery(deps: DispatchDeps, messageId: string, targetId: string): Promise<AttemptOutcome> {
  const policy = policyOf(deps);
  const now = deps.clock.now();
  const token = deps.newToken();
  const claimed = await deps.deliveries.claim(messageId, targetId, token, now, policy.leaseMs);
  if (!claimed) return whyNotClaimed(deps, messageId, targetId, now);
  return new Attempt(deps, policy, claimed, token).run();
}

async function whyNotClaimed(deps: DispatchDeps, messageId: string, targetId: string, now: Date): Promise<AttemptOutcome> {
  const current = await deps.deliveries.get(messageId, targetId);
  if (!current) return { kind: 'missing' };
  if (current.state === 'pending') {
    const notBefore = current.notBefore ? new Date(current.notBefore) : now;
    return { kind: 'busy', at: notBefore > now ? notBefore : now };
  }
  if (current.state === 'claimed') {
    // If its holder dies, the claim can be taken over once it expires.
    const until = current.claim ? new Date(new Date(current.claim.until).getTime() + 1) : now;
    return { kind: 'busy', at: until > now ? until : now };
  }
  return { kind: 'done', delivery: current };
}

/** Which call failed: a failed look leaves the uncertainty as it was; a failed publish may have posted. */
type Phase = 'prepare' | 'look' | 'publish';

class Attempt {
  private readonly leaseEnds: number;

  constructor(
    private readonly deps: DispatchDeps,
    private readonly policy: DispatchPolicy,
    private readonly delivery: Delivery,
    private readonly token: string,
  ) {
    this.leaseEnds = new Date(delivery.claim?.until ?? deps.clock.now()).getTime();
  }

  async run(): Promise<AttemptOutcome> {
    const delivery = this.delivery;
    const now = this.deps.clock.now();
    if (now.getTime() - new Date(delivery.dueAt).getTime() > this.policy.giveUpAfterMs) {
      const hours = Math.round(this.policy.giveUpAfterMs / 3_600_000);
      return this.finish('failed', {
        error: `not delivered within ${hours} h of its time${delivery.error ? ` (last: ${delivery.error})` : ''}`,
        uncertain: delivery.uncertain,
      });
    }
    if (delivery.target.kind === 'email') return this.email((channel) => channel.send(delivery));

    const account = await this.deps.accounts.get(delivery.target.id);
    if (!account || account.status === 'revoked') return this.finish('skipped', { error: REVOKED[delivery.target.kind] });
    // Before any network is looked up: the organisation's own account on X posts through an
    // adapter, a supporter's share-only account on X never does.
    if (account.shareOnly) {
      return this.email(
        (channel) => channel.sendShareLink?.(delivery, account) ?? Promise.reject(new SocialError('rejected', 'no share-link email is configured')),
        account.followers,
      );
    }
    if (account.status === 'expired') return this.finish('failed', { error: EXPIRED_TOKEN[delivery.target.kind] });
    const network = this.deps.networks(account.platform);
    if (!network) return this.finish('failed', { error: `no ${account.platform} adapter is configured` });

    let uncertain = delivery.uncertain === true;
    let phase: Phase = 'prepare';
    try {
      const credentials: AccountCredentials = { handle: account.handle, server: account.server, token: await this.deps.tokens.open(account.encryptedToken) };
      const post: OutgoingPost = await this.deps.posts.postFor(delivery, account);
      if (uncertain) {
        phase = 'look';
        if (!this.leaseLeft()) return this.releaseEarly(uncertain);
        const found = await this.call(() => network.findPost(credentials, post), 'findPost');
        if (found) return this.posted(found, account.followers);
        uncertain = false;
      }
      phase = 'publish';
      if (!this.leaseLeft()) return this.releaseEarly(uncertain);
      const published = await this.call(() => network.publish(credentials, post), 'publish');
      return this.posted(published, account.followers);
    } catch (error) {
      const failure = classify(error, phase);
      if (phase === 'publish' && failure.kind === 'uncertain') uncertain = true;
      return this.failed(failure, uncertain, account, phase);
    }
  }

  /** One email (a pledger's message, a share-only supporter's link): claimed, sent once, recorded like a post. */
  private async email(send: (channel: EmailChannel) => Promise<{ id: string } | { skipped: string }>, reach = 1): Promise<AttemptOutcome> {
    const channel = this.deps.email;
    if (!channel) return this.finish('failed', { error: 'no email channel is configured' });
    let uncertain = this.delivery.uncertain === true;
    let phase: Phase = 'prepare';
    try {
      if (uncertain) {
        if (!channel.wasSent) {
          return this.finish('failed', {
            error: 'the mail service did not answer an earlier attempt: not sent again, so that nobody gets it twice',
            uncertain: true,
          });
        }
        phase = 'look';
        const found = await this.call(() => channel.wasSent!(this.delivery), 'wasSent');
        if (found) return this.posted({ postId: found.id }, reach);
        uncertain = false;
      }
      phase = 'publish';
      if (!this.leaseLeft()) return this.releaseEarly(uncertain);
      const sent = await this.call(() => send(channel), 'send');
      if ('skipped' in sent) return this.finish('skipped', { error: sent.skipped });
      return this.posted({ postId: sent.id }, reach);
    } catch (error) {
      const failure = classify(error, phase);
      if (phase === 'publish' && failure.kind === 'uncertain') uncertain = true;
      if (uncertain && !channel.wasSent && failure.kind === 'uncertain') {
        return this.finish('failed', { error: `no answer from the mail service (${failure.message}): not sent again, so that nobody gets it twice`, uncertain: true });
      }
      return this.failed(failure, uncertain, undefined, phase);
    }
  }

  private async failed(failure: SocialError, uncertain: boolean, account: ConnectedAccount | undefined, phase: Phase): Promise<AttemptOutcome> {
    const now = this.deps.clock.now();
    const maybePosted = uncertain ? ' (an earlier attempt had no answer: the post may have gone out)' : '';
    const platform = account?.platform ?? 'the mail service';
    switch (failure.kind) {
      case 'rate_limited': {
        const wait = failure.details.retryAfterMs ?? this.policy.defaultRetryAfterMs;
        // Refused before posting: waiting is not a failed attempt.
        return this.release(new Date(now.getTime() + wait), uncertain, `rate limited by ${platform}: retrying after ${Math.ceil(wait / 1000)} s`, this.delivery.attempts - 1);
      }
      case 'auth':
        if (account) await this.deps.accounts.tokenExpired(account, now);
        return this.finish('failed', { error: `${account ? EXPIRED_TOKEN[this.delivery.target.kind] : EXPIRED_TOKEN.email}${maybePosted}`, uncertain: uncertain || undefined });
      case 'rejected':
        if (phase === 'prepare') return this.finish('failed', { error: `nothing to post: ${failure.message}` });
        // The email channel says itself whether the mail service refused it or there was nothing to send.
        if (!account) return this.finish('failed', { error: `not sent: ${failure.message}${maybePosted}`, uncertain: uncertain || undefined });
        return this.finish('failed', { error: `${platform} refused the post: ${failure.message}${maybePosted}`, uncertain: uncertain || undefined });
      case 'unavailable':
      case 'uncertain': {
        const what = failure.kind === 'uncertain' ? `no answer from ${platform}` : `${platform} unavailable`;
        if (this.delivery.attempts >= this.policy.maxAttempts) {
          return this.finish('failed', { error: `gave up after ${this.delivery.attempts} attempts: ${what} (${failure.message})${maybePosted}`, uncertain: uncertain || undefined });
        }
        const wait = backoffMs(this.delivery.attempts, this.policy, this.deps.random);
        return this.release(new Date(now.getTime() + wait), uncertain, `${what} (${failure.message}): retrying`);
      }
    }
  }

  /** Platform calls are bounded: a call that outlives `callTimeoutMs` counts as unanswered. */
  private call<T>(run: () => Promise<T>, name: string): Promise<T> {
    const limit = this.policy.callTimeoutMs;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new SocialError('uncertain', `${name} had no answer within ${Math.round(limit / 1000)} s`)), limit);
    });
    return Promise.race([run(), timeout]).finally(() => clearTimeout(timer));
  }

  /** Room for one more platform call before the lease ends (else another attempt could overlap it). */
  private leaseLeft(): boolean {
    return this.deps.clock.now().getTime() + this.policy.callTimeoutMs < this.leaseEnds;
  }

  private releaseEarly(uncertain: boolean): Promise<AttemptOutcome> {
    return this.release(this.deps.clock.now(), uncertain, 'the attempt ran out of time before posting: retrying', this.delivery.attempts - 1);
  }

  private async posted(post: Partial<PublishedPost> & { postId: string }, reach: number): Promise<AttemptOutcome> {
    const change: Partial<Delivery> = {
      state: 'posted',
      postId: post.postId,
      postUrl: post.postUrl || undefined,
      reach,
      finishedAt: this.deps.clock.now().toISOString(),
      error: undefined,
      uncertain: undefined,
      notBefore: undefined,
    };
    if (await this.update(change)) return { kind: 'posted', delivery: { ...this.delivery, ...change } };
    this.deps.warn?.('posted, but the claim had run out: the next holder will find the post', this.where());
    return { kind: 'lost', reason: 'the claim ran out after posting' };
  }

  private async finish(state: 'failed' | 'skipped', fields: { error: string; uncertain?: boolean | undefined }): Promise<AttemptOutcome> {
    const change: Partial<Delivery> = {
      state,
      error: fields.error,
      uncertain: fields.uncertain || undefined,
      finishedAt: this.deps.clock.now().toISOString(),
      notBefore: undefined,
    };
    if (await this.update(change)) return { kind: state, delivery: { ...this.delivery, ...change } };
    return { kind: 'lost', reason: 'the claim ran out before the outcome was recorded' };
  }

  private async release(at: Date, uncertain: boolean, reason: string, attempts?: number): Promise<AttemptOutcome> {
    const change: Partial<Delivery> = {
      state: 'pending',
      claim: undefined,
      notBefore: at.toISOString(),
      uncertain: uncertain || undefined,
      error: reason,
      ...(attempts === undefined ? {} : { attempts: Math.max(0, attempts) }),
    };
    if (await this.update(change)) return { kind: 'retry', at, reason };
    return { kind: 'lost', reason: 'the claim ran out before it was released' };
  }

  private update(change: Partial<Delivery>): Promise<boolean> {
    return this.deps.deliveries.update(this.delivery.messageId, this.delivery.target.id, this.token, change);
  }

  private where() {
    return { messageId: this.delivery.messageId, targetId: this.delivery.target.id, attempts: this.delivery.attempts };
  }
}

/**
 * A platform's error as the dispatcher needs it. Anything that is not a `SocialError` (a bug in
 * an adapter, a socket error it did not map) is `unavailable` before the request could leave and
 * `uncertain` once it may have: never assume a failed publish did not post.
 */
function classify(error: unknown, phase: Phase): SocialError {
  if (error instanceof SocialError) {
    // A look that failed says nothing about the post; it cannot have posted either.
    if (phase === 'look' && (error.kind === 'uncertain' || error.kind === 'rejected')) return new SocialError('unavailable', error.message, error.details);
    return error;
  }
  const message = error instanceof Error ? error.message : String(error);
  const kind: SocialErrorKind = phase === 'publish' ? 'uncertain' : 'unavailable';
  return new SocialError(kind, message, { cause: error });
}
