import { AppError } from '../../shared/errors.js';
import type { DeliveryStore } from '../ports.js';
import type { Delivery, DeliveryTarget, MessageSchedule, SocialMessage } from '../social.js';
import { dueAt as scheduledDueAt } from '../schedule.js';
import { clientRefOf } from './client-ref.js';
import type { DeliveryQueue } from './ports.js';

export interface FanOutDeps {
  deliveries: DeliveryStore;
  queue: DeliveryQueue;
  /**
   * When a target's post is due: the instant, or the schedule's local time in the target's zone.
   * Defaults to functions/domain/social/schedule.ts's `dueAt`.
   */
  dueAt?: (schedule: MessageSchedule, timeZone: string) => string | Date;
}

/** Targets are written and queued this many at a time, so 100,000 targets never sit in memory twice. */
export const FAN_OUT_CHUNK = 1_000;

/**
 * Creates the idempotency record of every (message, target) and queues one job per target, due
 * at its time (`notBefore` = `dueAt`, so no attempt can post early, whatever the queue does).
 * Safe to run again after a crash half-way: records that exist are left as they are (a second
 * fan-out never resets a delivery), and queuing a job twice is harmless. A target listed twice
 * gets one record. Move the message to `sending` only once this returns: a restarted worker
 * rebuilds its queue from the records of `sending` messages, so they must all exist; whatever
 * starts due messages runs the fan-out again for a message still `scheduled` (EventBridge
 * Scheduler's retry on AWS, the next scheduler tick locally).
 */
export async function fanOut(
  deps: FanOutDeps,
  message: SocialMessage,
  targets: Iterable<DeliveryTarget> | AsyncIterable<readonly DeliveryTarget[]>,
  now: Date,
): Promise<{ targets: number; created: number }> {
  if (message.status !== 'scheduled' && message.status !== 'sending') {
    throw new AppError('conflict', `Only a scheduled or sending message goes out; this one is ${message.status}.`);
  }
  const dueAt = deps.dueAt ?? scheduledDueAt;
  const seen = new Set<string>();
  let count = 0;
  let created = 0;
  let chunk: Delivery[] = [];
  const flush = async () => {
    if (chunk.length === 0) return;
    const deliveries = chunk;
    chunk = [];
    created += await deps.deliveries.createAll(deliveries);
    await enqueue(deps.queue, deliveries, now);
  };
  const add = async (target: DeliveryTarget) => {
    if (seen.has(target.id)) return;
    seen.add(target.id);
    count++;
    chunk.push(newDelivery(message, target, message.schedule ? toIso(dueAt(message.schedule, target.timeZone)) : now.toISOString()));
    if (chunk.length >= FAN_OUT_CHUNK) await flush();
  };
  if (Symbol.asyncIterator in targets) {
    for await (const page of targets) for (const target of page) await add(target);
  } else {
    for (const target of targets) await add(target);
  }
  await flush();
  return { targets: count, created };
}

export function newDelivery(message: Pick<SocialMessage, 'id'>, target: DeliveryTarget, dueAt: string): Delivery {
  return {
    messageId: message.id,
    target,
    dueAt,
    state: 'pending',
    attempts: 0,
    notBefore: dueAt,
    clientRef: clientRefOf(message.id, target.id),
  };
}

/** One send per distinct due time (one for an instant, one per zone offset for "09:00 everywhere"). */
async function enqueue(queue: DeliveryQueue, deliveries: readonly Delivery[], now: Date): Promise<void> {
  const byDue = new Map<string, Delivery[]>();
  for (const delivery of deliveries) {
    const group = byDue.get(delivery.dueAt) ?? [];
    group.push(delivery);
    byDue.set(delivery.dueAt, group);
  }
  for (const [dueAt, group] of byDue) {
    const delayMs = Math.max(0, new Date(dueAt).getTime() - now.getTime());
    await queue.send(
      group.map((delivery) => ({ messageId: delivery.messageId, targetId: delivery.target.id })),
      delayMs > 0 ? { delayMs } : undefined,
    );
  }
}

const toIso = (at: string | Date): string => (typeof at === 'string' ? new Date(at).toISOString() : at.toISOString());
