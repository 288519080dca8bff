import { describe, expect, it } from 'vitest';
import { newDelivery } from '../../../functions/domain/social/dispatch/fan-out.js';
import type { DeliveryTarget } from '../../../functions/domain/social/social.js';
import { deliveryTable } from './dispatch-harness.js';

const target = (id: string): DeliveryTarget => ({ kind: 'supporter', id, platform: 'mastodon', language: 'en', timeZone: 'UTC', followers: 5 });
const T0 = new Date('2026-07-30T07:00:00.000Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

/** The rules of the delivery records, held by DynamoDB conditions whatever callers do. */
describe('the DynamoDB delivery store', () => {
  it('creates only what is absent and counts it, as Puts and as transactions', async () => {
    for (const createWith of ['puts', 'transactions'] as const) {
      const { store } = await deliveryTable({ createWith });
      const first = Array.from({ length: 250 }, (_, i) => newDelivery({ id: 'm' }, target(`t${i}`), T0.toISOString()));
      expect(await store.createAll(first)).toBe(250);
      await store.claim('m', 't3', 'w', T0, 60_000);
      // A repeated fan-out: 250 known (one of them claimed) and 50 new, in chunks that mix both.
      const again = Array.from({ length: 300 }, (_, i) => newDelivery({ id: 'm' }, target(`t${i}`), T0.toISOString()));
      expect(await store.createAll(again)).toBe(50);
      expect((await store.get('m', 't3'))?.state).toBe('claimed');
      // The same target twice in one call is one record.
      expect(await store.createAll([newDelivery({ id: 'm' }, target('dup'), T0.toISOString()), newDelivery({ id: 'm' }, target('dup'), T0.toISOString())])).toBe(1);
    }
  });

  it('lets one claim in at a time, never before notBefore, and a new one only once the lease has run out', async () => {
    const { store } = await deliveryTable();
    await store.createAll([{ ...newDelivery({ id: 'm' }, target('a'), T0.toISOString()) }]);
    expect(await store.claim('m', 'a', 'early', later(-1), 60_000)).toBeUndefined();
    expect(await store.claim('m', 'missing', 'w', T0, 60_000)).toBeUndefined();
    expect(await store.get('m', 'missing')).toBeUndefined();

    const claims = await Promise.all(Array.from({ length: 20 }, (_, i) => store.claim('m', 'a', `w${i}`, T0, 60_000)));
    const winners = claims.filter((claim) => claim !== undefined);
    expect(winners).toHaveLength(1);
    expect(winners[0]).toMatchObject({ state: 'claimed', attempts: 1, claim: { until: later(60_000).toISOString() } });
    expect(winners[0]!.uncertain).toBeUndefined();
    const holder = winners[0]!.claim!.token;

    expect(await store.claim('m', 'a', 'thief', later(60_000), 60_000)).toBeUndefined();
    const takeover = await store.claim('m', 'a', 'successor', later(60_001), 60_000);
    // The holder may have posted before it died: the successor must look first.
    expect(takeover).toMatchObject({ state: 'claimed', attempts: 2, uncertain: true, claim: { token: 'successor' } });
    expect(await store.update('m', 'a', holder, { state: 'failed', error: 'late' })).toBe(false);
    expect(await store.get('m', 'a')).toMatchObject({ state: 'claimed', attempts: 2, claim: { token: 'successor' } });
  });

  it('writes an outcome only for the claim holder, and removes what the change leaves undefined', async () => {
    const { store } = await deliveryTable();
    await store.createAll([newDelivery({ id: 'm' }, target('a'), T0.toISOString())]);
    await store.claim('m', 'a', 'w1', T0, 60_000);
    expect(await store.update('m', 'a', 'w1', { state: 'pending', claim: undefined, notBefore: later(30_000).toISOString(), uncertain: true, error: 'no answer', attempts: 0 })).toBe(true);
    const released = await store.get('m', 'a');
    expect(released).toMatchObject({ state: 'pending', attempts: 0, uncertain: true, notBefore: later(30_000).toISOString(), error: 'no answer' });
    expect(released?.claim).toBeUndefined();
    expect(await store.update('m', 'a', 'w1', { state: 'posted' })).toBe(false);
    expect(await store.claim('m', 'a', 'w2', later(29_999), 60_000)).toBeUndefined();
    expect(await store.claim('m', 'a', 'w2', later(30_000), 60_000)).toMatchObject({ attempts: 1, uncertain: true });
    expect(await store.update('m', 'a', 'w2', { state: 'posted', postId: '42', postUrl: 'https://m.example/42', reach: 5, uncertain: undefined, notBefore: undefined, error: undefined })).toBe(true);
    const posted = await store.get('m', 'a');
    expect(posted).toMatchObject({ messageId: 'm', target: target('a'), clientRef: 'bh-m-a', state: 'posted', postId: '42', reach: 5 });
    expect(posted).not.toHaveProperty('uncertain');
    expect(posted).not.toHaveProperty('notBefore');
    expect(posted).not.toHaveProperty('PK');
    // Finished is final: no claim takes it again.
    expect(await store.claim('m', 'a', 'w3', later(10 * 60_000), 60_000)).toBeUndefined();
  });

  it('lists every record of a message, page by page, and nothing of another', async () => {
    const { store } = await deliveryTable();
    // Long ids make ~800-byte items: 3,000 of them span three 1 MB pages.
    const many = Array.from({ length: 3_000 }, (_, i) => newDelivery({ id: 'big' }, target(`t${String(i).padStart(5, '0')}`.padEnd(200, '-')), T0.toISOString()));
    expect(await store.createAll(many)).toBe(3_000);
    await store.createAll([newDelivery({ id: 'bigger' }, target('x'), T0.toISOString())]);
    const pages: number[] = [];
    const ids = new Set<string>();
    for await (const page of store.list('big')) {
      pages.push(page.length);
      for (const delivery of page) ids.add(delivery.target.id);
    }
    expect(pages.length).toBeGreaterThan(1);
    expect(ids.size).toBe(3_000);
    expect(ids.has('x')).toBe(false);
  });

  it('writes fresh records in batches (a repeated target once), and keeps the fan-out progress beside them, outside the list, each save conditional on the last', async () => {
    const { store } = await deliveryTable();
    const fresh = Array.from({ length: 260 }, (_, i) => newDelivery({ id: 'f' }, target(`t${i}`), T0.toISOString()));
    expect(await store.createAll([...fresh, fresh[3]!], { fresh: true })).toBe(260);
    expect(await store.get('f', 't259')).toMatchObject({ state: 'pending', attempts: 0 });

    expect(await store.hasDeliveries('f')).toBe(true);
    expect(await store.hasDeliveries('other')).toBe(false);
    expect(await store.fanOutProgress('f')).toBeUndefined();
    const progress = { messageId: 'f', targets: 0, created: 0, runs: 0, startedAt: T0.toISOString(), version: 1 };
    expect(await store.saveFanOutProgress(progress, undefined)).toBe(true);
    expect(await store.saveFanOutProgress(progress, undefined)).toBe(false);
    const held = { ...progress, holder: { token: 'run-1', until: later(360_000).toISOString() }, runs: 1, version: 2 };
    expect(await store.saveFanOutProgress(held, 1)).toBe(true);
    // A run that read version 1 is too late.
    expect(await store.saveFanOutProgress({ ...progress, runs: 1, version: 2 }, 1)).toBe(false);
    const { holder: _holder, ...released } = { ...held, cursor: '1:t99', targets: 100, created: 100, version: 3 };
    expect(await store.saveFanOutProgress(released, 2)).toBe(true);
    expect(await store.fanOutProgress('f')).toEqual(released);
    let listed = 0;
    for await (const page of store.list('f')) listed += page.length;
    expect(listed).toBe(260);
  });
});
