import { describe, expect, it } from 'vitest';
import { MemoryDeliveryStore } from '../../../functions/domain/social/dispatch/memory-delivery-store.js';
import type { DeliveryJob, DeliveryQueue } from '../../../functions/domain/social/dispatch/ports.js';
import { beginFanOut, continueFanOut, type ResumableFanOutDeps, type TargetSource } from '../../../functions/domain/social/dispatch/resume-fan-out.js';
import type { DeliveryTarget, SocialMessage } from '../../../functions/domain/social/social.js';

const T0 = new Date('2026-07-30T09:00:00.000Z');
const message: Pick<SocialMessage, 'id' | 'schedule'> = { id: 'msg-1', schedule: { kind: 'instant', at: T0.toISOString() } };

/** A listing of `count` targets named `<prefix>0000…`, resumable by the last id (ids sort as they are listed). */
function source(name: string, count: number, kind: DeliveryTarget['kind'] = 'supporter'): TargetSource & { pages: number } {
  const ids = Array.from({ length: count }, (_, i) => `${name}-${String(i).padStart(4, '0')}`);
  const listing = {
    name,
    pages: 0,
    async page(after: string | undefined, limit: number) {
      listing.pages++;
      const from = after === undefined ? 0 : ids.findIndex((id) => id > after);
      const start = from === -1 ? ids.length : from;
      const items = ids.slice(start, start + limit).map((id): DeliveryTarget => ({ kind, id, platform: kind === 'email' ? 'email' : 'mastodon', language: 'en', timeZone: 'UTC', followers: 1 }));
      const more = start + limit < ids.length;
      return { items, ...(more ? { next: items[items.length - 1]!.id } : {}) };
    },
  };
  return listing;
}

/** A clock that moves one second each time it is read (twice a chunk), so a budget of 5 seconds allows two chunks. */
function steppingClock(start = T0) {
  let at = start.getTime();
  return { now: () => new Date((at += 1_000)), jump: (ms: number) => void (at += ms) };
}

function world(options: { chunk?: number; budgetMs?: number } = {}) {
  const store = new MemoryDeliveryStore();
  const queued: DeliveryJob[] = [];
  let failNext: 'throw' | 'hang' | undefined;
  const queue: DeliveryQueue = {
    async send(jobs) {
      const failure = failNext;
      failNext = undefined;
      // Half the chunk goes, then the queue fails: mid-chunk, after its records were written.
      queued.push(...jobs.slice(0, failure ? Math.floor(jobs.length / 2) : jobs.length));
      if (failure === 'throw') throw new Error('SQS is down');
      if (failure === 'hang') await new Promise(() => {});
    },
  };
  const clock = steppingClock();
  let ids = 0;
  const deps: ResumableFanOutDeps = { deliveries: store, queue, clock, newId: () => `run-${++ids}`, fanOutPolicy: { chunk: options.chunk ?? 100, budgetMs: options.budgetMs ?? 5_000 } };
  const sources = [source('accounts', 250), source('emails', 430, 'email')];
  const all = async () => {
    const records = [];
    for await (const page of store.list(message.id)) records.push(...page);
    return records;
  };
  return { store, queued, deps, clock, sources, all, fail: (how: 'throw' | 'hang') => void (failNext = how) };
}

const runUntilDone = async (w: ReturnType<typeof world>, limit = 100) => {
  for (let run = 0; run < limit; run++) {
    const result = await continueFanOut(w.deps, message, w.sources, w.clock.now().getTime() + (w.deps.fanOutPolicy?.budgetMs ?? 0));
    if (result.kind === 'done') return run;
  }
  throw new Error('the fan-out never finished');
};

describe('a fan-out over many runs', () => {
  it('goes on where the last run stopped, source after source, and ends with one record and one job per target', async () => {
    const w = world();
    await beginFanOut(w.deps, message.id);
    const first = await continueFanOut(w.deps, message, w.sources, w.clock.now().getTime() + 5_000);
    expect(first.kind).toBe('ran');
    expect(first.progress).toMatchObject({ cursor: 'accounts-0199', targets: 200, created: 200, runs: 1 });
    expect(first.progress.holder).toBeUndefined();
    // The first records' jobs are queued already: they are posted while the fan-out goes on.
    expect(w.queued).toHaveLength(200);

    await runUntilDone(w);
    const progress = (await w.store.fanOutProgress(message.id))!;
    expect(progress).toMatchObject({ targets: 680, created: 680, doneAt: expect.any(String) });
    expect(progress.runs).toBeGreaterThan(3);
    const records = await w.all();
    expect(records).toHaveLength(680);
    expect(new Set(w.queued.map((job) => job.targetId)).size).toBe(680);
    expect(w.queued).toHaveLength(680);
    // A done fan-out stays done.
    expect((await continueFanOut(w.deps, message, w.sources, Infinity)).kind).toBe('done');
  });

  it('does at least one chunk per run, however small the budget', async () => {
    const w = world({ budgetMs: 0 });
    await beginFanOut(w.deps, message.id);
    // 3 chunks of accounts (the last one ends the source), 5 of emails.
    expect(await runUntilDone(w)).toBe(7);
  });

  it('after a run whose queue failed half-way, writes the chunk again with conditions: nothing reset, nothing missed', async () => {
    const w = world();
    await beginFanOut(w.deps, message.id);
    await continueFanOut(w.deps, message, w.sources, 0);
    // One record of the first chunk is posted meanwhile: a blind write would reset it (the memory store throws if one is tried).
    await w.store.claim(message.id, 'accounts-0042', 'worker', T0, 60_000);
    await w.store.update(message.id, 'accounts-0042', 'worker', { state: 'posted', postId: '42' });
    w.fail('throw');
    await expect(continueFanOut(w.deps, message, w.sources, 0)).rejects.toThrow('SQS is down');
    const stopped = (await w.store.fanOutProgress(message.id))!;
    // The lease was given back, the cursor stayed before the chunk, which may exist in part.
    expect(stopped).toMatchObject({ cursor: 'accounts-0099', mayExistUntil: 'accounts-0199' });
    expect(stopped.holder).toBeUndefined();

    await runUntilDone(w);
    const records = await w.all();
    expect(records).toHaveLength(680);
    expect(records.find((record) => record.target.id === 'accounts-0042')).toMatchObject({ state: 'posted', postId: '42' });
    expect(new Set(w.queued.map((job) => job.targetId)).size).toBe(680);
    // The chunk's records written by the run that failed are not counted as created by the run that wrote it again.
    expect(await w.store.fanOutProgress(message.id)).toMatchObject({ targets: 680, created: 580 });
  });

  it('lets nobody else in while a run holds it, and takes over a run that died once its lease has run out', async () => {
    const w = world({ budgetMs: 0 });
    await beginFanOut(w.deps, message.id);
    await continueFanOut(w.deps, message, w.sources, 0);
    w.fail('hang');
    // This run dies on the spot in the middle of its chunk: no answer, no finally.
    void continueFanOut(w.deps, message, w.sources, 0);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const busy = await continueFanOut(w.deps, message, w.sources, 0);
    expect(busy.kind).toBe('busy');
    expect(busy.progress.holder?.token).toBe('run-2');

    w.clock.jump(360_000);
    await runUntilDone(w);
    expect(await w.all()).toHaveLength(680);
    expect(new Set(w.queued.map((job) => job.targetId)).size).toBe(680);
  });

  it('writes everything with conditions when records existed before its progress (an earlier version fanned out)', async () => {
    const w = world();
    await w.store.createAll([{ messageId: message.id, target: { kind: 'supporter', id: 'accounts-0007', platform: 'mastodon', language: 'en', timeZone: 'UTC', followers: 1 }, dueAt: T0.toISOString(), state: 'posted', attempts: 1, clientRef: 'x' }]);
    expect(await beginFanOut(w.deps, message.id)).toMatchObject({ conditionalOnly: true });
    await runUntilDone(w);
    expect(await w.all()).toHaveLength(680);
    expect((await w.store.get(message.id, 'accounts-0007'))?.state).toBe('posted');
  });
});
