import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { currentLogKeys, withLogKeys } from '../../../functions/adapters/log/log-context.js';
import { createLogger, describeError, maskEmail } from '../../../functions/adapters/log/logger.js';
import { powertoolsLogger } from '../../../functions/adapters/log/powertools-logger.js';
import { powertoolsOutput } from './powertools-output.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function capturing(level: Parameters<typeof createLogger>[0] = 'debug') {
  const lines: string[] = [];
  return { logger: createLogger(level, (line) => lines.push(line)), lines, parsed: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

afterEach(() => vi.unstubAllEnvs());

describe('the local logger (npm start, tests)', () => {
  it("writes one JSON line per call in Powertools' shape: level, message, timestamp, then the fields", () => {
    const { logger, lines } = capturing('info');
    logger.info('pledge stored', { country: 'MX' });
    logger.debug('not written below the level');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(Object.keys(line).slice(0, 3)).toEqual(['level', 'message', 'timestamp']);
    expect(line).toMatchObject({ level: 'INFO', message: 'pledge stored', country: 'MX' });
    expect(new Date(line.timestamp as string).toISOString()).toBe(line.timestamp);
  });

  it("adds the log context's correlation id to every line written inside it, across awaits, and none outside", async () => {
    const { logger, parsed } = capturing();
    logger.info('before');
    await withLogKeys({ correlationId: 'req-1' }, async () => {
      logger.info('first');
      await pause(1);
      logger.warn('after an await');
      await Promise.all([1, 2].map(async (n) => logger.debug(`in a callback ${n}`)));
      setTimeout(() => logger.error('in a timer'), 0);
      await pause(5);
    });
    logger.info('after');
    const lines = parsed();
    expect(lines.map((line) => [line.message, line.correlationId])).toEqual([
      ['before', undefined],
      ['first', 'req-1'],
      ['after an await', 'req-1'],
      ['in a callback 1', 'req-1'],
      ['in a callback 2', 'req-1'],
      ['in a timer', 'req-1'],
      ['after', undefined],
    ]);
  });

  it('keeps concurrent contexts apart (two requests at once; an SQS batch’s records)', async () => {
    const { logger, parsed } = capturing();
    await Promise.all(
      ['a', 'b', 'c'].map((id, i) =>
        withLogKeys({ correlationId: id }, async () => {
          await pause(3 - i);
          logger.info('step 1', { id });
          await pause(i + 1);
          logger.info('step 2', { id });
        }),
      ),
    );
    const lines = parsed();
    expect(lines).toHaveLength(6);
    for (const line of lines) expect(line.correlationId).toBe(line.id);
  });

  it('nests contexts (a run inside a request keeps the outer keys) and leaves out undefined keys', () => {
    withLogKeys({ correlationId: 'outer', apiGatewayRequestId: 'gw-1' }, () => {
      withLogKeys({ job: 'publish', correlationId: 'inner', absent: undefined }, () => {
        expect(currentLogKeys()).toEqual({ correlationId: 'inner', apiGatewayRequestId: 'gw-1', job: 'publish' });
      });
      expect(currentLogKeys()).toEqual({ correlationId: 'outer', apiGatewayRequestId: 'gw-1' });
    });
    expect(currentLogKeys()).toEqual({});
  });

  it('masks emails and describes errors by name, code and message only', () => {
    expect(maskEmail('ana.lopez@example.org')).toBe('a***@example.org');
    expect(maskEmail('no-at-sign')).toBe('***');
    const error = Object.assign(new Error('ConditionalCheckFailed'), { code: 'conflict', request: { email: 'ana@example.org' } });
    const described = describeError(error);
    expect(Object.keys(described)).toEqual(['error', 'code', 'detail', 'stack']);
    expect(JSON.stringify(described)).not.toContain('ana@example.org');
  });
});

describe('the Powertools logger adapter (Lambda)', () => {
  it("writes Powertools' lines with the service, the invocation's context and the log context's keys", async () => {
    vi.stubEnv('POWERTOOLS_SERVICE_NAME', 'http');
    const lines = await powertoolsOutput(async () => {
      const powertools = new PowertoolsLogger({ logLevel: 'INFO' });
      powertools.addContext({ awsRequestId: 'aws-req-1', functionName: 'BlueHeart-dev-Http', functionVersion: '$LATEST', invokedFunctionArn: 'arn:aws:lambda:eu-west-1:1:function:x', memoryLimitInMB: '1024' } as never);
      const logger = powertoolsLogger(powertools);
      await withLogKeys({ correlationId: 'req-9', apiGatewayRequestId: 'gw-9' }, async () => {
        logger.info('payment event', { eventId: 'evt_1', type: 'checkout.session.completed' });
        await pause(1);
        logger.error('unhandled error', { email: maskEmail('ana@example.org') });
      });
      logger.debug('below the level');
    });
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).toMatchObject({ service: 'http', function_request_id: 'aws-req-1', function_name: 'BlueHeart-dev-Http', correlationId: 'req-9', apiGatewayRequestId: 'gw-9' });
      expect(Object.keys(line)).toEqual(expect.arrayContaining(['level', 'message', 'timestamp', 'cold_start']));
    }
    expect(lines[0]).toMatchObject({ level: 'INFO', message: 'payment event', eventId: 'evt_1' });
    expect(lines[1]).toMatchObject({ level: 'ERROR', email: 'a***@example.org' });
  });
});
