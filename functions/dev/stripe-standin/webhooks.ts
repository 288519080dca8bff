import Stripe from 'stripe';
import { nowSeconds, stripeId } from './ids.js';

/** The API version the installed `stripe` package is pinned to; events carry it like Stripe's do. */
export const API_VERSION: string = Stripe.API_VERSION;

export type EventType = Stripe.Event['type'];
export type EventOf<T extends EventType> = Extract<Stripe.Event, { type: T }>;
export type EventObject<T extends EventType> = EventOf<T>['data']['object'];

export interface DeliveryAttempt {
  eventId: string;
  at: number;
  status: number | null;
  error?: string;
}

export interface WebhookOptions {
  url: string;
  secret: string;
  /** Waits between attempts after a failure. Stripe backs off over three days; locally 1 s, 2 s, 4 s, 8 s, 16 s. */
  retryDelaysMs?: number[];
  timeoutMs?: number;
  onFailure?: (attempt: DeliveryAttempt) => void;
}

interface Pending {
  event: Stripe.Event;
  attempt: number;
  timer?: NodeJS.Timeout;
}

const signer = new Stripe('sk_test_signer_only');

/**
 * Events and their delivery to one endpoint, as Stripe does it: each event is POSTed as JSON
 * with a `Stripe-Signature` header (`t=…,v1=HMAC-SHA256("t.payload")`, re-signed per attempt);
 * any non-2xx answer or network error is retried with backoff. Events leave in creation order,
 * but a retried event goes back in line behind newer ones, so order is not guaranteed.
 */
export class WebhookOutbox {
  readonly log: Stripe.Event[] = [];
  readonly attempts: DeliveryAttempt[] = [];
  private readonly queue: Pending[] = [];
  private readonly waiting = new Set<Pending>();
  private sending = false;
  private idleWaiters: Array<() => void> = [];
  private drainWaiters: Array<() => void> = [];
  private stopped = false;
  private readonly delays: number[];
  private muting = 0;

  constructor(private readonly options: WebhookOptions) {
    this.delays = options.retryDelaysMs ?? [1000, 2000, 4000, 8000, 16000];
  }

  /**
   * Records an event whose `data.object` is a snapshot of `object` now; the event type decides
   * the object's type, so `emit('charge.refunded', charge)` only accepts a `Stripe.Charge`.
   */
  emit<T extends EventType>(
    type: T,
    object: EventObject<T>,
    context: { requestId?: string | null; idempotencyKey?: string | null; previous?: Record<string, unknown> } = {},
  ): EventOf<T> {
    // The envelope is checked against Stripe.EventBase; the object against the event type's own.
    const base: Stripe.EventBase = {
      id: stripeId('evt'),
      object: 'event',
      api_version: API_VERSION,
      created: nowSeconds(),
      data: { object: structuredClone(object), ...(context.previous && { previous_attributes: context.previous }) },
      livemode: false,
      pending_webhooks: 1,
      request: { id: context.requestId ?? null, idempotency_key: context.idempotencyKey ?? null },
      type,
    };
    const event = base as unknown as EventOf<T>;
    if (this.muting > 0) return event;
    this.log.push(event);
    this.enqueue({ event, attempt: 0 });
    return event;
  }

  /**
   * Runs `work` (synchronously) with its events dropped: not logged, not listed, never sent, as
   * if Stripe's webhook never reached the endpoint and nobody resent it.
   */
  muted<T>(work: () => T): T {
    this.muting += 1;
    try {
      return work();
    } finally {
      this.muting -= 1;
    }
  }

  /** Sends an event again (Stripe's "Resend" in the dashboard): the handler must be idempotent. */
  redeliver(eventId: string): Promise<void> {
    const event = this.log.find((candidate) => candidate.id === eventId);
    if (!event) return Promise.reject(new Error(`No such event: ${eventId}`));
    this.enqueue({ event, attempt: 0 });
    return this.idle();
  }

  /**
   * Sends everything now: queued events, then every waiting retry without its backoff, until
   * each event is delivered or out of retries.
   */
  async deliverAll(): Promise<void> {
    for (;;) {
      await this.drained();
      if (this.waiting.size === 0 || this.stopped) return;
      for (const pending of this.waiting) {
        clearTimeout(pending.timer);
        this.waiting.delete(pending);
        this.enqueue(pending);
      }
    }
  }

  /** Resolves when nothing is queued or in flight (retries may still be waiting). */
  private drained(): Promise<void> {
    if (this.queue.length === 0 && !this.sending) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  /** Resolves when nothing is queued, in flight or waiting to be retried. */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  stop(): void {
    this.stopped = true;
    for (const pending of this.waiting) clearTimeout(pending.timer);
    this.waiting.clear();
    this.queue.length = 0;
    this.settle();
  }

  private isIdle() {
    return this.queue.length === 0 && this.waiting.size === 0 && !this.sending;
  }

  private settle() {
    if (this.queue.length === 0 && !this.sending) {
      const drained = this.drainWaiters;
      this.drainWaiters = [];
      for (const resolve of drained) resolve();
    }
    if (!this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private enqueue(pending: Pending) {
    if (this.stopped) return;
    this.queue.push(pending);
    void this.pump();
  }

  private async pump() {
    if (this.sending) return;
    this.sending = true;
    // Delivery is asynchronous, as on Stripe: the API call that caused the event has answered first.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      for (let next = this.queue.shift(); next && !this.stopped; next = this.queue.shift()) await this.send(next);
    } finally {
      this.sending = false;
      this.settle();
    }
  }

  private async send(pending: Pending) {
    const { event } = pending;
    const payload = JSON.stringify(event, null, 2);
    const header = signer.webhooks.generateTestHeaderString({ payload, secret: this.options.secret, timestamp: nowSeconds() });
    const attempt: DeliveryAttempt = { eventId: event.id, at: Date.now(), status: null };
    try {
      const response = await fetch(this.options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': header, 'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)' },
        body: payload,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
      attempt.status = response.status;
      await response.arrayBuffer().catch(() => undefined);
    } catch (error) {
      attempt.error = error instanceof Error ? error.message : String(error);
    }
    this.attempts.push(attempt);
    if (attempt.status !== null && attempt.status >= 200 && attempt.status < 300) {
      event.pending_webhooks = 0;
      return;
    }
    this.options.onFailure?.(attempt);
    const delay = this.delays[pending.attempt];
    if (delay === undefined) return; // Stripe gives up and disables nothing locally; the event stays in events().
    const retry: Pending = { event, attempt: pending.attempt + 1 };
    retry.timer = setTimeout(() => {
      this.waiting.delete(retry);
      this.enqueue(retry);
    }, delay);
    this.waiting.add(retry);
  }
}
