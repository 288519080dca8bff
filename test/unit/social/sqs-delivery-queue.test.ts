import { describe, expect, it } from 'vitest';
import { delaySecondsOf, jobBody, parseJobBody, QueueSendError, SqsDeliveryQueue } from '../../../functions/adapters/sqs/sqs-delivery-queue.js';
import type { DeliveryJob } from '../../../functions/domain/social/dispatch/ports.js';
import { interceptedSqs, QUEUE_URL } from './sqs-intercept.js';

const jobs = (count: number, messageId = 'msg-1'): DeliveryJob[] => Array.from({ length: count }, (_, i) => ({ messageId, targetId: `acct-${String(i).padStart(3, '0')}` }));
const noWait = { sleep: async () => {}, random: () => 0.5 };

describe('SqsDeliveryQueue (shape, no network)', () => {
  it('sends 25 jobs as SendMessageBatch calls of 10, 10 and 5, one body per job, signed, to the queue URL', async () => {
    const { sqs, calls, taken } = interceptedSqs();
    await new SqsDeliveryQueue(sqs, QUEUE_URL, { concurrency: 1 }).send(jobs(25));
    expect(calls.map((call) => call.entries.length)).toEqual([10, 10, 5]);
    for (const call of calls) {
      expect(call.target).toBe('AmazonSQS.SendMessageBatch');
      expect(call.queueUrl).toBe(QUEUE_URL);
      expect(call.hostname).toBe('sqs.eu-west-1.amazonaws.com');
      expect(call.headers['content-type']).toBe('application/x-amz-json-1.0');
      expect(call.headers['authorization']).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/sqs\/aws4_request/);
      // Ids are unique within a call (SQS requires it).
      expect(new Set(call.entries.map((entry) => entry.Id)).size).toBe(call.entries.length);
      for (const entry of call.entries) expect(entry.DelaySeconds).toBeUndefined();
    }
    expect(taken.map((entry) => parseJobBody(entry.MessageBody))).toEqual(jobs(25));
    expect(JSON.parse(taken[0]!.MessageBody)).toEqual({ messageId: 'msg-1', targetId: 'acct-000' });
  });

  it('sends calls in parallel, up to its concurrency, and every job exactly once', async () => {
    const { sqs, calls, taken } = interceptedSqs();
    await new SqsDeliveryQueue(sqs, QUEUE_URL, { concurrency: 4 }).send(jobs(1_000));
    expect(calls).toHaveLength(100);
    expect(calls.every((call) => call.entries.length === 10)).toBe(true);
    expect(new Set(taken.map((entry) => entry.MessageBody)).size).toBe(1_000);
  });

  it('makes no call for no jobs', async () => {
    const { sqs, calls } = interceptedSqs();
    await new SqsDeliveryQueue(sqs, QUEUE_URL).send([]);
    expect(calls).toEqual([]);
  });

  it.each([
    [undefined, undefined],
    [0, undefined],
    [-5_000, undefined],
    [1, 1],
    [2_500, 3],
    [60_000, 60],
    [899_001, 900],
    [900_000, 900],
    [3_600_000, 900],
  ])('delays %s ms as DelaySeconds %s (rounded up, at most SQS’s 900 s)', async (delayMs, expected) => {
    const { sqs, calls } = interceptedSqs();
    await new SqsDeliveryQueue(sqs, QUEUE_URL).send(jobs(12), delayMs === undefined ? undefined : { delayMs });
    for (const entry of calls.flatMap((call) => call.entries)) expect(entry.DelaySeconds).toBe(expected);
    expect(delaySecondsOf(delayMs)).toBe(expected ?? 0);
  });

  it('sends again only the entries of a batch that failed, with backoff, until SQS takes them', async () => {
    const waits: number[] = [];
    // Call 1 refuses two entries, call 2 (their retry) refuses one, call 3 takes it.
    const { sqs, calls, taken } = interceptedSqs((entry, call) => {
      if (call === 1 && (entry.Id === '3' || entry.Id === '7')) return { code: 'InternalError', senderFault: false, message: 'try again' };
      if (call === 2 && entry.Id === '7') return { code: 'ServiceUnavailable', senderFault: false };
      return 'ok';
    });
    await new SqsDeliveryQueue(sqs, QUEUE_URL, { concurrency: 1, retryBaseMs: 100, sleep: async (ms) => void waits.push(ms), random: () => 1 }).send(jobs(10), { delayMs: 30_000 });
    expect(calls.map((call) => call.entries.map((entry) => entry.Id))).toEqual([['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'], ['3', '7'], ['7']]);
    // The retried entries are the same jobs with the same delay.
    expect(calls[1]!.entries.map((entry) => parseJobBody(entry.MessageBody)?.targetId)).toEqual(['acct-003', 'acct-007']);
    expect(calls[2]!.entries[0]!.DelaySeconds).toBe(30);
    expect(waits).toEqual([100, 200]);
    expect(taken.map((entry) => parseJobBody(entry.MessageBody)!.targetId).sort()).toEqual(jobs(10).map((job) => job.targetId));
  });

  it('gives up after its attempts and says which jobs SQS did not take', async () => {
    const { sqs, calls } = interceptedSqs((entry) => (entry.Id === '1' ? { code: 'InternalError', senderFault: false, message: 'still failing' } : 'ok'));
    const queue = new SqsDeliveryQueue(sqs, QUEUE_URL, { maxAttempts: 3, ...noWait });
    const error = await queue.send(jobs(12)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(QueueSendError);
    expect((error as QueueSendError).message).toBe('SQS did not take 2 of 12 delivery jobs (first: InternalError: still failing)');
    expect((error as QueueSendError).failed.map((failure) => failure.job.targetId).sort()).toEqual(['acct-001', 'acct-011']);
    // Each of the two batches (entry 1 of each always fails): its first call and two retries.
    expect(calls.filter((call) => call.entries.length === 1)).toHaveLength(4);
    expect(calls).toHaveLength(6);
  });

  it('does not retry an entry SQS blames on the sender, but retries the others of the batch', async () => {
    const { sqs, calls } = interceptedSqs((entry, call) => {
      if (entry.Id === '1') return { code: 'InvalidParameterValue', senderFault: true, message: 'bad body' };
      if (call === 1 && entry.Id === '2') return { code: 'InternalError', senderFault: false };
      return 'ok';
    });
    const error = await new SqsDeliveryQueue(sqs, QUEUE_URL, noWait).send(jobs(3)).catch((caught: unknown) => caught);
    expect(calls.map((call) => call.entries.map((entry) => entry.Id))).toEqual([['0', '1', '2'], ['2']]);
    expect((error as QueueSendError).failed).toEqual([{ job: jobs(3)[1], code: 'InvalidParameterValue', message: 'bad body', senderFault: true }]);
  });

  it('reads back only bodies that are jobs', () => {
    expect(parseJobBody(jobBody({ messageId: 'm', targetId: 't' }))).toEqual({ messageId: 'm', targetId: 't' });
    for (const body of ['', 'not json', 'null', '[]', '{"messageId":"m"}', '{"messageId":"","targetId":"t"}', '{"messageId":1,"targetId":"t"}']) {
      expect(parseJobBody(body), body).toBeUndefined();
    }
  });
});
