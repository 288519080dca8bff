import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The keys every log line of one unit of work carries (a request's correlation id, an SQS
 * message id, a scheduled run's id), without passing a logger down: the HTTP middleware and the
 * Lambda shells open a context, and every `Logger` of the process (functions/adapters/log/)
 * adds its keys to the lines written inside it, so domain code keeps taking the plain port.
 *
 * AsyncLocalStorage rather than a logger's mutable keys: `npm start` serves many requests at
 * once, and the social worker runs the records of one SQS batch concurrently, so per-process
 * keys would mix one request's id into another's lines.
 */
const context = new AsyncLocalStorage<Readonly<Record<string, unknown>>>();

/** Runs `work` with `keys` added to every log line written inside it (nested contexts add to the outer keys). */
export function withLogKeys<T>(keys: Record<string, unknown>, work: () => T): T {
  const defined = Object.fromEntries(Object.entries(keys).filter(([, value]) => value !== undefined));
  return context.run({ ...context.getStore(), ...defined }, work);
}

/** The keys of the context this code runs in; empty outside any. */
export const currentLogKeys = (): Readonly<Record<string, unknown>> => context.getStore() ?? {};
