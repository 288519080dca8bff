/**
 * A DynamoDB document client for the real DynamoDB Local that fails some calls on purpose:
 * before the call reaches the engine (nothing written) or after the engine answered (written,
 * but the caller sees an error, as after a timeout or a crash). Failing at the SDK call rather
 * than at the repository method also hits the gaps inside one repository method (a write that
 * follows another one).
 */
import { createHash } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export class InjectedFailureError extends Error {
  constructor(readonly when: 'before' | 'after', command: string) {
    super(`injected failure ${when} ${command}`);
    this.name = 'InjectedFailureError';
  }
}

/** Picks a call to fail (by command name and input), and when. */
export type FailureRule = (command: string, input: Record<string, unknown>) => 'before' | 'after' | undefined;

export interface FlakyStats {
  calls: number;
  before: number;
  after: number;
  byCommand: Record<string, number>;
}

/**
 * `rate` is the share of calls that fail, half before and half after the write. Whether a call
 * fails depends on the seed, the command, its key and how often that key was used before, not
 * on the order concurrent calls happen to run in.
 */
export function flakyDocumentClient(
  endpoint: string,
  options: { seed: number; rate: number; /** Instead of chance: fail exactly the calls this picks. */ rule?: FailureRule },
): { client: DynamoDBDocumentClient; stats: FlakyStats; enabled: { value: boolean } } {
  const raw = new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 });
  const client = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });
  const stats: FlakyStats = { calls: 0, before: 0, after: 0, byCommand: {} };
  const enabled = { value: true };
  const seen = new Map<string, number>();
  const roll = (label: string): number => {
    const n = seen.get(label) ?? 0;
    seen.set(label, n + 1);
    return createHash('sha256').update(`${options.seed}|${label}|${n}`).digest().readUInt32BE(0) / 2 ** 32;
  };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (!enabled.value) return next(args);
      const command = context.commandName ?? 'command';
      const input = args.input as { Key?: unknown; Item?: { PK?: unknown }; TransactItems?: Array<{ Put?: { Item?: { PK?: unknown } } }> };
      const key = JSON.stringify(input.Key ?? input.Item?.PK ?? input.TransactItems?.[0]?.Put?.Item?.PK ?? '');
      stats.calls++;
      const r = options.rule ? 0.5 : roll(`${command}|${key}`);
      const when = options.rule ? options.rule(command, args.input as Record<string, unknown>) : r < options.rate / 2 ? 'before' : r >= 1 - options.rate / 2 ? 'after' : undefined;
      const fail = (when: 'before' | 'after') => {
        stats[when]++;
        stats.byCommand[`${command} ${when}`] = (stats.byCommand[`${command} ${when}`] ?? 0) + 1;
        throw new InjectedFailureError(when, command);
      };
      if (when === 'before') fail('before');
      const output = await next(args);
      if (when === 'after') fail('after');
      return output;
    },
    { step: 'initialize', name: 'injectFailures' },
  );
  return { client, stats, enabled };
}
