import type { LambdaClient } from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import { withLogKeys } from '../../../functions/adapters/log/log-context.js';
import { LambdaSitePublisher } from '../../../functions/adapters/site/lambda-site-publisher.js';
import { AppError } from '../../../functions/domain/shared/errors.js';

const clientAnswering = (answer: () => unknown, calls: unknown[] = []) =>
  ({
    send: async (command: { input: unknown }) => {
      calls.push(command.input);
      return answer();
    },
  }) as unknown as LambdaClient;
const payload = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('LambdaSitePublisher', () => {
  it('invokes the publish function by name and waits for its result', async () => {
    const calls: unknown[] = [];
    const publisher = new LambdaSitePublisher({ functionName: 'publish', client: clientAnswering(() => ({ StatusCode: 200, Payload: payload({ files: 64, ms: 900 }) }), calls) });
    await expect(publisher.publishSite([])).resolves.toEqual({ files: 64, ms: 900 });
    expect(calls).toEqual([{ FunctionName: 'publish', InvocationType: 'RequestResponse' }]);
  });

  it("sends the caller's correlation id, so the publish's log lines carry it", async () => {
    const calls: Array<{ Payload?: Uint8Array }> = [];
    const publisher = new LambdaSitePublisher({ functionName: 'publish', client: clientAnswering(() => ({ StatusCode: 200, Payload: payload({ files: 1, ms: 5 }) }), calls) });
    await withLogKeys({ correlationId: 'req-42' }, () => publisher.publishSite([]));
    expect(JSON.parse(new TextDecoder().decode(calls[0]!.Payload))).toEqual({ correlationId: 'req-42' });
  });

  it.each([
    ['a function error', () => ({ StatusCode: 200, FunctionError: 'Unhandled', Payload: payload({ errorMessage: 'boom' }) })],
    ['a non-200 status', () => ({ StatusCode: 500 })],
    ['an unexpected payload', () => ({ StatusCode: 200, Payload: payload({ ok: true }) })],
    ['a refused call', () => Promise.reject(new Error('TooManyRequestsException'))],
  ])('turns %s into a retryable unavailable error', async (_case, answer) => {
    const error = await new LambdaSitePublisher({ functionName: 'publish', client: clientAnswering(answer) }).publishSite([]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'unavailable', message: 'The site could not be published just now; publish again in a minute.', retryable: true });
  });
});
