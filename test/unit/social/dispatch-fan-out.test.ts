import { describe, expect, it } from 'vitest';
import { backoffMs } from '../../../functions/domain/social/dispatch/backoff.js';
import { clientRefOf, shortClientRef } from '../../../functions/domain/social/dispatch/client-ref.js';
import { fanOut, type FanOutDeps } from '../../../functions/domain/social/dispatch/fan-out.js';
import { MemoryDeliveryStore } from '../../../functions/domain/social/dispatch/memory-delivery-store.js';
import type { DeliveryJob } from '../../../functions/domain/social/dispatch/ports.js';
import { finalStatus, summarizeDeliveries } from '../../../functions/domain/social/dispatch/summary.js';
import type { DeliveryTarget, MessageSchedule, SocialMessage } from '../../../functions/domain/social/social.js';

const NOW = new Date('2026-07-29T12:00:00.000Z');

const message = (schedule: MessageSchedule | undefined, status: SocialMessage['status'] = 'sending'): SocialMessage => ({
  id: 'msg-1', campaignYear: 2026, title: 'World Day', variants: [], schedule, status, createdBy: 'a', createdAt: NOW.toISOString(), version: 3,
});

const target = (id: string, timeZone = 'UTC'): DeliveryTarget => ({ kind: 'supporter', id, platform: 'bluesky', language: 'en', timeZone, followers: 10 });

/** "09:00 local" for the two zones the tests use; the real function is schedule.ts's. */
const dueAt = (schedule: MessageSchedule, timeZone: string) =>
  schedule.kind === 'instant' ? schedule.at : timeZone === 'Asia/Tokyo' ? `${schedule.date}T00:00:00.000Z` : `${schedule.date}T09:00:00.000Z`;

function deps(store = new MemoryDeliveryStore()) {
  const sent: Array<{ jobs: DeliveryJob[]; delayMs: number | undefined }> = [];
  const fanOutDeps: FanOutDeps = { deliveries: store, queue: { send: async (jobs, options) => void sent.push({ jobs: [...jobs], delayMs: options?.delayMs }) }, dueAt };
  return { fanOutDeps, store, sent };
}

describe('fanning a message out', () => {
  it('creates one pending record per target, due at its time and not claimable before, and queues each once', async () => {
    const { fanOutDeps, store, sent } = deps();
    const result = await fanOut(fanOutDeps, message({ kind: 'local', date: '2026-07-30', time: '09:00' }), [target('a', 'Asia/Tokyo'), target('b'), target('a', 'Asia/Tokyo')], NOW);
    expect(result).toEqual({ targets: 2, created: 2 });
    const [records] = await collect(store.list('msg-1'));
    expect(records).toEqual([
      { messageId: 'msg-1', target: target('a', 'Asia/Tokyo'), dueAt: '2026-07-30T00:00:00.000Z', notBefore: '2026-07-30T00:00:00.000Z', state: 'pending', attempts: 0, clientRef: 'bh-msg-1-a' },
      { messageId: 'msg-1', target: target('b'), dueAt: '2026-07-30T09:00:00.000Z', notBefore: '2026-07-30T09:00:00.000Z', state: 'pending', attempts: 0, clientRef: 'bh-msg-1-b' },
    ]);
    expect(sent).toEqual([
      { jobs: [{ messageId: 'msg-1', targetId: 'a' }], delayMs: 12 * 3_600_000 },
      { jobs: [{ messageId: 'msg-1', targetId: 'b' }], delayMs: 21 * 3_600_000 },
    ]);
  });

  it('changes nothing when run again (after a crash half-way), and takes targets page by page', async () => {
    const { fanOutDeps, store } = deps();
    const pages = async function* () {
      yield Array.from({ length: 1_500 }, (_, i) => target(`t${i}`));
      yield Array.from({ length: 1_000 }, (_, i) => target(`t${1_000 + i}`));
    };
    const schedule: MessageSchedule = { kind: 'instant', at: '2026-07-30T09:00:00.000Z' };
    expect(await fanOut(fanOutDeps, message(schedule), pages(), NOW)).toEqual({ targets: 2_000, created: 2_000 });
    const claimed = await store.claim('msg-1', 't7', 'w', new Date('2026-07-30T09:00:00.000Z'), 60_000);
    expect(claimed?.state).toBe('claimed');
    expect(await fanOut(fanOutDeps, message(schedule), pages(), NOW)).toEqual({ targets: 2_000, created: 0 });
    expect((await store.get('msg-1', 't7'))?.state).toBe('claimed');
  });

  it('refuses a message that is not scheduled or sending', async () => {
    await expect(fanOut(deps().fanOutDeps, message(undefined, 'approved'), [target('a')], NOW)).rejects.toThrow('this one is approved');
  });

  it('sums a message’s records into the totals its report and status need', async () => {
    const { fanOutDeps, store } = deps();
    await fanOut(fanOutDeps, message(undefined), [target('a'), target('b'), target('c')], NOW);
    await store.claim('msg-1', 'a', 'w', NOW, 1_000);
    await store.update('msg-1', 'a', 'w', { state: 'posted', reach: 12 });
    await store.claim('msg-1', 'b', 'w', NOW, 1_000);
    await store.update('msg-1', 'b', 'w', { state: 'failed', uncertain: true });
    const summary = await summarizeDeliveries(store, 'msg-1');
    expect(summary).toMatchObject({ total: 3, posted: 1, failed: 1, pending: 1, uncertain: 1, expectedReach: 30, deliveredReach: 12 });
    expect(summary.byPlatform.bluesky).toMatchObject({ total: 3, posted: 1 });
    expect(finalStatus(summary)).toBeUndefined();
    await store.claim('msg-1', 'c', 'w', NOW, 1_000);
    await store.update('msg-1', 'c', 'w', { state: 'skipped' });
    expect(finalStatus(await summarizeDeliveries(store, 'msg-1'))).toBe('partly_failed');
  });
});

describe('references and backoff', () => {
  it('keeps one stable reference per (message, target), and a short stable form of it', () => {
    const ref = clientRefOf('8a1f0c52-4d0e-4c1e-9f34-0b1a2c3d4e5f', '1b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b');
    expect(ref).toBe('bh-8a1f0c52-4d0e-4c1e-9f34-0b1a2c3d4e5f-1b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b');
    expect(shortClientRef(ref)).toMatch(/^bh[0-9a-z]{1,13}$/);
    expect(shortClientRef(ref)).toBe(shortClientRef(`${ref}`));
    const shorts = new Set(Array.from({ length: 100_000 }, (_, i) => shortClientRef(clientRefOf('m', `t${i}`))));
    expect(shorts.size).toBe(100_000);
  });

  it('waits between half and all of base × 2^(n−1), capped', () => {
    const policy = { backoff: { baseMs: 1_000, maxMs: 10_000 } };
    expect(backoffMs(1, policy, () => 0)).toBe(500);
    expect(backoffMs(1, policy, () => 0.999_999)).toBe(1_000);
    expect(backoffMs(3, policy, () => 0)).toBe(2_000);
    expect(backoffMs(9, policy, () => 0.999_999)).toBe(10_000);
  });
});

async function collect<T>(pages: AsyncIterable<T[]>): Promise<T[][]> {
  const all: T[][] = [];
  for await (const page of pages) all.push(page);
  return all;
}
