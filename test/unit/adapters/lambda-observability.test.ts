import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { traced } from '../../../functions/adapters/aws/traced-client.js';
import { lambdaObservability, type LambdaContext } from '../../../functions/adapters/lambda/observability.js';
import { scheduledRunInput, scheduledRunKeys } from '../../../functions/adapters/lambda/scheduled-run.js';
import { MemoryMetrics } from '../../../functions/adapters/metrics/memory-metrics.js';
import { powertoolsOutput } from './powertools-output.js';

const context = (awsRequestId: string): LambdaContext => ({
  awsRequestId,
  functionName: 'BlueHeart-dev-Payments-Webhook',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-1:111122223333:function:BlueHeart-dev-Payments-Webhook',
  memoryLimitInMB: '1024',
});

interface Emf {
  _aws: { CloudWatchMetrics: Array<{ Namespace: string; Dimensions: string[][]; Metrics: Array<{ Name: string; Unit: string }> }> };
  [key: string]: unknown;
}
const isEmf = (line: Record<string, unknown>): line is Emf => '_aws' in line;

afterEach(() => vi.unstubAllEnvs());

describe('Powertools on Lambda (functions/adapters/lambda/observability.ts)', () => {
  it("puts the invocation's correlation id on every log line, and writes the invocation's metrics once, at its end", async () => {
    vi.stubEnv('POWERTOOLS_SERVICE_NAME', 'webhook');
    vi.stubEnv('AWS_LAMBDA_INITIALIZATION_TYPE', 'on-demand');
    const output = await powertoolsOutput(async () => {
      const { logger, metrics, handler } = lambdaObservability({ stage: 'dev', logLevel: 'info' });
      const run = handler(
        async (event: { id: string }) => {
          logger.info('payment event', { eventId: event.id });
          metrics.count('WebhookEventProcessed');
          metrics.count('DonationRecorded');
          metrics.amount('DonationAmount', 25.5, 'usd');
          await new Promise((resolve) => setTimeout(resolve, 2));
          logger.warn('receipt sent late');
          return 'ok';
        },
        (event) => ({ correlationId: event.id }),
      );
      await expect(run({ id: 'evt_1' }, context('aws-1'))).resolves.toBe('ok');
      // An invocation that counts nothing writes no metrics line (and no warning about it).
      await run({ id: 'evt_2' }, context('aws-2')).catch(() => undefined);
    });
    const logs = output.filter((line) => !isEmf(line));
    const emf = output.filter(isEmf);
    expect(logs.map((line) => [line.message, line.correlationId, line.function_request_id, line.service])).toEqual([
      ['payment event', 'evt_1', 'aws-1', 'webhook'],
      ['receipt sent late', 'evt_1', 'aws-1', 'webhook'],
      ['payment event', 'evt_2', 'aws-2', 'webhook'],
      ['receipt sent late', 'evt_2', 'aws-2', 'webhook'],
    ]);
    expect(logs[0]).toMatchObject({ cold_start: true });
    expect(logs[2]).toMatchObject({ cold_start: false });

    // The amount: at once, its own line, split by currency. The counts: one line per invocation.
    const amounts = emf.filter((line) => 'DonationAmount' in line);
    const counts = emf.filter((line) => 'WebhookEventProcessed' in line);
    expect(amounts).toHaveLength(2);
    expect(counts).toHaveLength(2);
    expect(emf).toHaveLength(4);
    expect(amounts[0]!._aws.CloudWatchMetrics[0]).toMatchObject({ Namespace: 'BlueHeart', Dimensions: [expect.arrayContaining(['service', 'stage', 'currency'])] });
    expect(amounts[0]).toMatchObject({ DonationAmount: 25.5, currency: 'usd', service: 'webhook', stage: 'dev' });
    expect(counts[0]!._aws.CloudWatchMetrics[0]).toMatchObject({ Namespace: 'BlueHeart', Dimensions: [['service', 'stage']] });
    expect(counts[0]!._aws.CloudWatchMetrics[0]!.Metrics.map((metric) => [metric.Name, metric.Unit]).sort()).toEqual([
      ['DonationRecorded', 'Count'],
      ['WebhookEventProcessed', 'Count'],
    ]);
    expect(counts[0]).toMatchObject({ WebhookEventProcessed: 1, DonationRecorded: 1, service: 'webhook', stage: 'dev' });
  });

  it('writes what was counted even when the invocation throws, and throws on', async () => {
    vi.stubEnv('POWERTOOLS_SERVICE_NAME', 'worker');
    const output = await powertoolsOutput(async () => {
      const { metrics, handler } = lambdaObservability({ stage: 'prod' });
      const run = handler(async () => {
        metrics.count('PostDelivered', 3);
        throw new Error('DynamoDB unreachable');
      });
      await expect(run({}, context('aws-3'))).rejects.toThrow('DynamoDB unreachable');
    });
    expect(output.filter(isEmf)).toEqual([expect.objectContaining({ PostDelivered: 3, service: 'worker', stage: 'prod' })]);
    expect(output.filter((line) => !isEmf(line))).toEqual([]);
  });

  it('traces nothing outside Lambda: AWS SDK clients are passed through as they are', () => {
    lambdaObservability({ stage: 'test' });
    const client = new DynamoDBClient({ region: 'local' });
    expect(traced(client)).toBe(client);
    expect(client.middlewareStack.identify().join(',')).not.toContain('XRay');
  });

  it("gives a scheduled run its Scheduler execution id as the correlation id (Lambda's request id for a manual invoke)", () => {
    const input = JSON.parse(scheduledRunInput('publish-due-campaigns')) as Record<string, string>;
    expect(input).toEqual({ job: 'publish-due-campaigns', executionId: '<aws.scheduler.execution-id>', scheduledTime: '<aws.scheduler.scheduled-time>' });
    expect(scheduledRunKeys({ job: 'publish-due-campaigns', executionId: 'exec-1', scheduledTime: '2026-07-30T09:00:00Z' }, context('aws-4'))).toEqual({
      correlationId: 'exec-1',
      job: 'publish-due-campaigns',
      scheduledTime: '2026-07-30T09:00:00Z',
    });
    expect(scheduledRunKeys({}, context('aws-5'))).toMatchObject({ correlationId: 'aws-5' });
    expect(scheduledRunKeys(null, context('aws-6'))).toMatchObject({ correlationId: 'aws-6' });
  });
});

describe('the memory metrics (tests)', () => {
  it('adds counts and amounts per currency', () => {
    const metrics = new MemoryMetrics();
    metrics.count('PledgeSubmitted');
    metrics.count('PledgeSubmitted', 2);
    metrics.amount('DonationAmount', 10, 'usd');
    metrics.amount('DonationAmount', 5.5, 'usd');
    metrics.amount('DonationAmount', 1000, 'jpy');
    expect(metrics.countOf('PledgeSubmitted')).toBe(3);
    expect(metrics.countOf('PledgeConfirmed')).toBe(0);
    expect(Object.fromEntries(metrics.amounts)).toEqual({ 'DonationAmount:usd': 15.5, 'DonationAmount:jpy': 1000 });
  });
});
