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
 * at its time (`notBefore` = `dueAt`, so no attempt can post early, whatever the queue does), in
 * one go over targets in hand. Safe to run again after a crash half-way: records that exist are
 * left as they are (a second fan-out never resets a delivery), and queuing a job twice is
 * harmless. A target listed twice gets one record. The every-minute step does not use it: its
 * fan-outs outlast a run and go on where they stopped (resume-fan-out.ts), over the same chunks
 * (`writeDeliveries`).
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
  const seen = new Set<string>();
  let count = 0;
  let created = 0;
  let chunk: DeliveryTarget[] = [];
  const flush = async () => {
    if (chunk.length === 0) return;
    const targets = chunk;
    chunk = [];
    created += await writeDeliveries(deps, message, targets, { fresh: false, now });
  };
  const add = async (target: DeliveryTarget) => {
    if (seen.has(target.id)) return;
    seen.add(target.id);
    count++;
    chunk.push(target);
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

/**
 * One chunk of a fan-out: the records of `targets` (distinct), each due at its time, then one job
 * per target, queued whether its record is new or was there (a run that died between the two left
 * records without jobs). `fresh` is `DeliveryStore.createAll`'s: only when none can exist yet.
 * Returns how many records were new.
 */
export async function writeDeliveries(
  deps: FanOutDeps,
  message: Pick<SocialMessage, 'id' | 'schedule'>,
  targets: readonly DeliveryTarget[],
  options: { fresh: boolean; now: Date },
): Promise<number> {
  if (targets.length === 0) return 0;
  const dueAt = deps.dueAt ?? scheduledDueAt;
  const { now } = options;
  const deliveries = targets.map((target) => newDelivery(message, target, message.schedule ? toIso(dueAt(message.schedule, target.timeZone)) : now.toISOString()));
  const created = await deps.deliveries.createAll(deliveries, options.fresh ? { fresh: true } : undefined);
  await enqueue(deps.queue, deliveries, now);
  return created;
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
