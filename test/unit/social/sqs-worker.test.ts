import { describe, expect, it } from 'vitest';
import type { Logger } from '../../../functions/adapters/log/logger.js';
import { jobBody, parseJobBody, SqsDeliveryQueue } from '../../../functions/adapters/sqs/sqs-delivery-queue.js';
import { sqsWorker, type SqsEvent } from '../../../functions/handlers/social-worker.js';
import { newDelivery } from '../../../functions/domain/social/dispatch/fan-out.js';
import { MemoryDeliveryStore } from '../../../functions/domain/social/dispatch/memory-delivery-store.js';
import type { DeliveryJob, DispatchDeps } from '../../../functions/domain/social/dispatch/ports.js';
import { SocialError, type OutgoingPost, type PublishedPost, type SocialNetwork } from '../../../functions/domain/social/ports.js';
import type { ConnectedAccount, DeliveryTarget } from '../../../functions/domain/social/social.js';
import { interceptedSqs, QUEUE_URL, type EntryAnswer, type SeenEntry } from './sqs-intercept.js';

const T0 = new Date('2026-07-30T09:00:00.000Z');
const MESSAGE = 'msg-1';

const account = (id: string): ConnectedAccount => ({
  id,
  owner: 'supporter',
  platform: 'mastodon',
  handle: `@${id}@m.example`,
  server: 'https://m.example',
  followers: 100,
  language: 'en',
  timeZone: 'UTC',
  encryptedToken: `sealed:${id}`,
  campaignYear: 2026,
  connectedAt: '2026-07-01T00:00:00.000Z',
  status: 'active',
});
const target = (id: string): DeliveryTarget => ({ kind: 'supporter', id, platform: 'mastodon', language: 'en', timeZone: 'UTC', followers: 100 });

class FakeNetwork implements SocialNetwork {
  readonly platform = 'mastodon' as const;
  readonly published: OutgoingPost[] = [];
  /** What publish throws for an account's post, if anything. */
  readonly failures = new Map<string, Error>();
  async publish(_account: unknown, post: OutgoingPost): Promise<PublishedPost> {
    const failure = [...this.failures].find(([ref]) => post.clientRef.includes(ref))?.[1];
    if (failure) throw failure;
    this.published.push(post);
    return { postId: `p${this.published.length}`, postUrl: `https://m.example/p${this.published.length}` };
  }
  async findPost(): Promise<PublishedPost | undefined> {
    return undefined;
  }
  async followers(): Promise<number> {
    return 100;
  }
}

interface LogLine {
  level: string;
  message: string;
  fields?: Record<string, unknown>;
}

/** A worker over the in-memory store, a fake network and the real SQS queue adapter on an intercepted client. */
async function setup(options: { due?: Record<string, Date>; sqsAnswer?: (entry: SeenEntry, call: number) => EntryAnswer; throwingTargets?: string[] } = {}) {
  let now = new Date(T0);
  const clock = { now: () => new Date(now) };
  const store = new MemoryDeliveryStore();
  const ids = ['acct-1', 'acct-2', 'acct-3'];
  await store.createAll(ids.map((id) => newDelivery({ id: MESSAGE }, target(id), (options.due?.[id] ?? T0).toISOString())));
  const network = new FakeNetwork();
  const { sqs, calls, taken } = interceptedSqs(options.sqsAnswer);
  const throwing = new Set(options.throwingTargets ?? []);
  const deps: DispatchDeps = {
    deliveries: {
      createAll: (deliveries) => store.createAll(deliveries),
      get: (messageId, targetId) => store.get(messageId, targetId),
      claim: async (messageId, targetId, token, at, leaseMs) => {
        if (throwing.has(targetId)) throw Object.assign(new Error('connect ETIMEDOUT dynamodb.eu-west-1.amazonaws.com'), { name: 'TimeoutError' });
        return store.claim(messageId, targetId, token, at, leaseMs);
      },
      update: (messageId, targetId, token, change) => store.update(messageId, targetId, token, change),
      list: (messageId) => store.list(messageId),
    },
    accounts: { get: async (id) => account(id), tokenExpired: async () => {} },
    tokens: { seal: async (text) => `sealed:${text}`, open: async (sealed) => sealed.replace(/^sealed:/, '') },
    networks: (platform) => (platform === 'mastodon' ? network : undefined),
    posts: { postFor: async (delivery) => ({ text: 'Human trafficking hides in plain sight. #BlueHeart', media: [], clientRef: delivery.clientRef }) },
    clock,
    newToken: (() => {
      let n = 0;
      return () => `claim-${++n}`;
    })(),
    random: () => 0.5,
  };
  const lines: LogLine[] = [];
  const log = (level: string) => (message: string, fields?: Record<string, unknown>) => void lines.push({ level, message, ...(fields ? { fields } : {}) });
  const logger: Logger = { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
  const queue = new SqsDeliveryQueue(sqs, QUEUE_URL, { sleep: async () => {}, random: () => 0.5 });
  const worker = sqsWorker(deps, queue, logger);
  let seq = 0;
  const record = (body: string) => ({ messageId: `sqs-${++seq}`, body, attributes: { ApproximateReceiveCount: '1' } });
  const event = (...bodies: string[]): SqsEvent => ({ Records: bodies.map(record) });
  const job = (targetId: string): DeliveryJob => ({ messageId: MESSAGE, targetId });
  return {
    store,
    network,
    calls,
    taken,
    lines,
    worker,
    event,
    job,
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };
}

describe('the SQS social worker (functions/handlers/social-worker.ts)', () => {
  it('reports only the records whose attempt threw, and a body that is not a job; the others are done', async () => {
    const world = await setup({ throwingTargets: ['acct-2'] });
    const event = world.event(jobBody(world.job('acct-1')), jobBody(world.job('acct-2')), 'not a job', jobBody(world.job('acct-3')));
    const response = await world.worker(event);
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: event.Records[1]!.messageId }, { itemIdentifier: event.Records[2]!.messageId }] });
    expect(world.network.published.map((post) => post.clientRef).sort()).toEqual(
      [(await world.store.get(MESSAGE, 'acct-1'))!.clientRef, (await world.store.get(MESSAGE, 'acct-3'))!.clientRef].sort(),
    );
    expect((await world.store.get(MESSAGE, 'acct-1'))!.state).toBe('posted');
    // The job that threw is left to SQS (visible again after the visibility timeout), not re-sent here.
    expect((await world.store.get(MESSAGE, 'acct-2'))!.state).toBe('pending');
    expect(world.calls).toEqual([]);
    // The records run at once: their lines come in any order.
    expect(world.lines.filter((line) => line.level !== 'debug').map((line) => `${line.level} ${line.message}`).sort()).toEqual([
      'error social worker: the message is not a delivery job; it goes to the dead-letter queue',
      'warn social worker: attempt failed; SQS hands the job out again after the visibility timeout',
    ]);
    expect(world.lines.find((line) => line.level === 'warn')!.fields).toMatchObject({ messageId: MESSAGE, targetId: 'acct-2', error: 'TimeoutError', receiveCount: 1 });
  });

  it('does nothing more for a job handed out twice (SQS is at least once)', async () => {
    const world = await setup();
    expect(await world.worker(world.event(jobBody(world.job('acct-1'))))).toEqual({ batchItemFailures: [] });
    expect(await world.worker(world.event(jobBody(world.job('acct-1'))))).toEqual({ batchItemFailures: [] });
    expect(world.network.published).toHaveLength(1);
    expect(world.calls).toEqual([]);
  });

  it('sends a job that arrived early back with the remaining delay (at most 900 s), until its time comes, and then posts', async () => {
    const world = await setup({ due: { 'acct-1': new Date(T0.getTime() + 40 * 60_000), 'acct-2': new Date(T0.getTime() + 90_000) } });
    const response = await world.worker(world.event(jobBody(world.job('acct-1')), jobBody(world.job('acct-2'))));
    expect(response).toEqual({ batchItemFailures: [] });
    expect(world.network.published).toEqual([]);
    const resent = world.calls.flatMap((call) => call.entries).map((entry) => [parseJobBody(entry.MessageBody)?.targetId, entry.DelaySeconds]);
    expect(resent.sort()).toEqual([
      ['acct-1', 900],
      ['acct-2', 90],
    ]);
    // Arriving early is not an attempt.
    expect((await world.store.get(MESSAGE, 'acct-1'))!).toMatchObject({ state: 'pending', attempts: 0 });

    // 15 minutes later SQS hands acct-1's job out again: still 25 minutes early, so 15 more (the cap).
    world.advance(15 * 60_000);
    await world.worker(world.event(world.taken.find((entry) => entry.MessageBody.includes('acct-1'))!.MessageBody));
    expect(world.calls.at(-1)!.entries.map((entry) => entry.DelaySeconds)).toEqual([900]);
    // Then 10 minutes early: exactly those 10 minutes.
    world.advance(15 * 60_000);
    await world.worker(world.event(jobBody(world.job('acct-1'))));
    expect(world.calls.at(-1)!.entries.map((entry) => entry.DelaySeconds)).toEqual([10 * 60]);
    world.advance(10 * 60_000);
    expect(await world.worker(world.event(jobBody(world.job('acct-1'))))).toEqual({ batchItemFailures: [] });
    expect((await world.store.get(MESSAGE, 'acct-1'))!).toMatchObject({ state: 'posted', attempts: 1 });
    expect(world.network.published).toHaveLength(1);
  });

  it('sends a rate-limited job back after Retry-After, and one that failed on a 5xx after backoff: neither is a failed record', async () => {
    const world = await setup();
    const clientRef = (await world.store.get(MESSAGE, 'acct-1'))!.clientRef;
    world.network.failures.set(clientRef, new SocialError('rate_limited', '429 Too Many Requests', { status: 429, retryAfterMs: 120_000 }));
    world.network.failures.set((await world.store.get(MESSAGE, 'acct-2'))!.clientRef, new SocialError('unavailable', '503 Service Unavailable', { status: 503 }));
    expect(await world.worker(world.event(jobBody(world.job('acct-1')), jobBody(world.job('acct-2'))))).toEqual({ batchItemFailures: [] });
    const delays = Object.fromEntries(world.calls.flatMap((call) => call.entries).map((entry) => [parseJobBody(entry.MessageBody)!.targetId, entry.DelaySeconds]));
    // Backoff after a first failed attempt: base 2 s, half fixed and half jittered (random 0.5): 1.5 s, rounded up.
    expect(delays).toEqual({ 'acct-1': 120, 'acct-2': 2 });
    expect((await world.store.get(MESSAGE, 'acct-1'))!).toMatchObject({ state: 'pending', notBefore: new Date(T0.getTime() + 120_000).toISOString() });
  });

  it('reports a record whose job SQS would not take back, so that SQS hands it out again', async () => {
    const world = await setup({
      due: { 'acct-1': new Date(T0.getTime() + 5 * 60_000) },
      sqsAnswer: () => ({ code: 'InternalError', senderFault: false, message: 'We encountered an internal error.' }),
    });
    const event = world.event(jobBody(world.job('acct-1')));
    expect(await world.worker(event)).toEqual({ batchItemFailures: [{ itemIdentifier: event.Records[0]!.messageId }] });
    expect(world.calls.length).toBeGreaterThan(1);
    expect(world.lines.find((line) => line.level === 'warn')!.fields).toMatchObject({ targetId: 'acct-1', error: 'QueueSendError' });
  });
});
