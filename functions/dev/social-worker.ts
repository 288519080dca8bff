import { describeError, silentLogger, type Logger } from '../adapters/log/logger.js';
import type { AttemptOutcome } from '../domain/social/dispatch/attempt-delivery.js';
import { processJob, retryAfterThrowMs } from '../domain/social/dispatch/process-job.js';
import type { DeliveryJob, DeliveryQueue, DispatchDeps } from '../domain/social/dispatch/ports.js';
import type { DeliveryStore, SocialNetwork } from '../domain/social/ports.js';
import type { Platform } from '../domain/social/social.js';

/**
 * The local stand-in for SQS and the worker Lambdas (`npm start`, tests, the blast benchmark):
 * an in-process queue with delays, and N concurrent consumers running the same `processJob` a
 * worker Lambda runs for each SQS record.
 *
 * The queue lives in memory and dies with the process; the records do not. On start the worker
 * queues again every unfinished delivery of the messages being sent (pending: at `notBefore`;
 * claimed: when the claim expires, so a crashed worker's deliveries are taken over, looking for
 * the post first). A restart therefore loses nothing and, because every attempt claims first,
 * posts nothing twice.
 *
 * On AWS (to come, with the infrastructure): EventBridge Scheduler → a fan-out Lambda
 * (`fanOut` with an SQS `DeliveryQueue`) → SQS → a worker Lambda calling `processJob` per record
 * (partial batch failures; visibility timeout > `leaseMs`) → a dead-letter queue with an alarm.
 * The restart scan has no Lambda counterpart: SQS keeps the jobs.
 */
export interface LocalSocialWorkerOptions {
  deps: DispatchDeps;
  /** Attempts running at once (the number of "workers"). */
  concurrency: number;
  /** Ids of messages in `sending` state: their unfinished deliveries are queued again on start. */
  sendingMessages: () => Promise<readonly string[]>;
  /**
   * Nothing of this message is queued or running in this worker right now: the workflow reads the
   * totals (`summarizeDeliveries`) and, when nothing is pending or claimed (`finalStatus`), moves
   * the message to `sent` or `partly_failed`. It may be called more than once (e.g. during a restart scan).
   */
  onDrained?: (messageId: string) => void | Promise<void>;
  logger?: Logger;
}

export interface LocalSocialWorker {
  /** Where the fan-out sends jobs (`fanOut({ ...deps, queue: worker.queue }, …)`). */
  readonly queue: DeliveryQueue;
  /**
   * The restart scan: queues every unfinished delivery of the messages being sent (pending at
   * `notBefore`, claimed when the claim expires). Returns how many. A message is `sending` from
   * its fan-out's first chunk on: the scan queues the records that exist, and the fan-out (going
   * on from its saved progress, run after run) queues the others as it creates them.
   */
  recover(): Promise<number>;
  /** Resolves once nothing is queued or running (delayed retries included). */
  idle(): Promise<void>;
  /** Stops taking jobs and waits for the attempts in flight; what is queued is dropped (the next start finds it). */
  stop(): Promise<void>;
  /**
   * Dies on the spot, as a crashed process would: attempts in flight never hear back from the
   * store or the platform (a publish already sent still lands on the platform), claims stay
   * held until their leases run out, the queue is gone.
   */
  kill(): void;
  readonly stats: WorkerStats;
}

export interface WorkerStats {
  /** Deliveries queued again by restart scans. */
  recovered: number;
  queued: number;
  running: number;
  outcomes: Record<AttemptOutcome['kind'] | 'threw', number>;
}

interface Entry {
  at: number;
  seq: number;
  job: DeliveryJob;
}

/** A binary min-heap on (at, seq): the earliest due job first, in arrival order. */
class JobHeap {
  private readonly items: Entry[] = [];
  get size() {
    return this.items.length;
  }
  peek(): Entry | undefined {
    return this.items[0];
  }
  clear() {
    this.items.length = 0;
  }
  push(entry: Entry) {
    const items = this.items;
    items.push(entry);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }
  pop(): Entry | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < items.length && before(items[left]!, items[smallest]!)) smallest = left;
        if (right < items.length && before(items[right]!, items[smallest]!)) smallest = right;
        if (smallest === i) break;
        [items[i], items[smallest]] = [items[smallest]!, items[i]!];
        i = smallest;
      }
    }
    return top;
  }
}
const before = (a: Entry, b: Entry) => a.at < b.at || (a.at === b.at && a.seq < b.seq);

const NEVER = new Promise<never>(() => {});

/** A worker that has queued again what the records say is unfinished (the way `npm start` starts it). */
export async function startSocialWorker(options: LocalSocialWorkerOptions): Promise<LocalSocialWorker> {
  const worker = createSocialWorker(options);
  await worker.recover();
  return worker;
}

/** A worker taking jobs at once, before (or without) the restart scan: `recover()` runs it. */
export function createSocialWorker(options: LocalSocialWorkerOptions): LocalSocialWorker {
  const logger = options.logger ?? silentLogger;
  const heap = new JobHeap();
  const perMessage = new Map<string, number>();
  const stats: WorkerStats = {
    recovered: 0,
    queued: 0,
    running: 0,
    outcomes: { posted: 0, failed: 0, skipped: 0, retry: 0, busy: 0, done: 0, lost: 0, missing: 0, threw: 0 },
  };
  let seq = 0;
  let stopped = false;
  let killed = false;
  let wake: Array<() => void> = [];
  let idleWaiters: Array<() => void> = [];

  const notify = () => {
    const waiting = wake;
    wake = [];
    for (const resolve of waiting) resolve();
  };
  const checkIdle = () => {
    if (heap.size > 0 || stats.running > 0) return;
    const waiting = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiting) resolve();
  };

  const queue: DeliveryQueue = {
    async send(jobs, sendOptions) {
      if (stopped) return;
      const at = Date.now() + (sendOptions?.delayMs ?? 0);
      for (const job of jobs) {
        heap.push({ at, seq: seq++, job });
        perMessage.set(job.messageId, (perMessage.get(job.messageId) ?? 0) + 1);
      }
      stats.queued = heap.size;
      notify();
    },
  };

  // After kill(), every call the worker makes hangs forever, as if the process had died.
  const gate = <T>(run: () => Promise<T>): Promise<T> =>
    killed ? NEVER : run().then((value) => (killed ? NEVER : value), (error: unknown) => (killed ? NEVER : Promise.reject(error)));
  const deps = gatedDeps(options.deps, gate, () => killed);

  async function take(): Promise<Entry | undefined> {
    for (;;) {
      if (stopped) return undefined;
      const top = heap.peek();
      const now = Date.now();
      if (top && top.at <= now) {
        const entry = heap.pop();
        stats.queued = heap.size;
        return entry;
      }
      let timer: ReturnType<typeof setTimeout> | undefined;
      await new Promise<void>((resolve) => {
        wake.push(resolve);
        if (top) timer = setTimeout(resolve, Math.max(1, top.at - now));
      });
      clearTimeout(timer);
    }
  }

  async function consume(): Promise<void> {
    for (;;) {
      const entry = await take();
      if (!entry) return;
      stats.running++;
      try {
        const outcome = await processJob(deps, queue, entry.job);
        stats.outcomes[outcome.kind]++;
      } catch (error) {
        stats.outcomes.threw++;
        logger.warn('delivery attempt failed; queued again after the lease', { messageId: entry.job.messageId, targetId: entry.job.targetId, ...describeError(error) });
        await queue.send([entry.job], { delayMs: retryAfterThrowMs(deps) });
      } finally {
        stats.running--;
      }
      if (killed) return;
      const left = (perMessage.get(entry.job.messageId) ?? 1) - 1;
      if (left > 0) perMessage.set(entry.job.messageId, left);
      else {
        perMessage.delete(entry.job.messageId);
        await Promise.resolve(options.onDrained?.(entry.job.messageId)).catch((error: unknown) => logger.error('onDrained failed', describeError(error)));
      }
      checkIdle();
    }
  }

  async function recover(): Promise<number> {
    let recovered = 0;
    for (const messageId of await options.sendingMessages()) {
      for await (const page of deps.deliveries.list(messageId)) {
        for (const delivery of page) {
          const at =
            delivery.state === 'pending' ? Date.parse(delivery.notBefore ?? delivery.dueAt) : delivery.state === 'claimed' ? Date.parse(delivery.claim?.until ?? '') + 1 : undefined;
          if (at === undefined) continue;
          recovered++;
          await queue.send([{ messageId, targetId: delivery.target.id }], { delayMs: Math.max(0, (Number.isNaN(at) ? 0 : at) - Date.now()) });
        }
      }
    }
    stats.recovered += recovered;
    if (recovered > 0) logger.info('social worker: unfinished deliveries queued again', { deliveries: recovered });
    return recovered;
  }

  const consumers = Array.from({ length: options.concurrency }, () => consume());

  return {
    queue,
    stats,
    recover,
    idle: () =>
      new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        checkIdle();
      }),
    async stop() {
      stopped = true;
      notify();
      await Promise.all(consumers);
      heap.clear();
    },
    kill() {
      killed = true;
      stopped = true;
      heap.clear();
      stats.queued = 0;
      notify();
    },
  };
}

/** The same deps, with every call to the store, the accounts, the tokens, the composer, the email channel and the networks passed through `gate`. */
function gatedDeps(deps: DispatchDeps, gate: <T>(run: () => Promise<T>) => Promise<T>, isKilled: () => boolean): DispatchDeps {
  const wrap = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(object, property, receiver) {
        const value = Reflect.get(object, property, receiver) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => gate(() => Promise.resolve((value as (...a: unknown[]) => unknown).apply(object, args)));
      },
    });
  const store = deps.deliveries;
  const deliveries: DeliveryStore = {
    createAll: (items) => gate(() => store.createAll(items)),
    get: (messageId, targetId) => gate(() => store.get(messageId, targetId)),
    claim: (messageId, targetId, token, now, leaseMs) => gate(() => store.claim(messageId, targetId, token, now, leaseMs)),
    update: (messageId, targetId, token, change) => gate(() => store.update(messageId, targetId, token, change)),
    async *list(messageId) {
      for await (const page of store.list(messageId)) {
        if (isKilled()) await NEVER;
        yield page;
      }
    },
  };
  const networks = new Map<Platform, SocialNetwork | undefined>();
  return {
    ...deps,
    deliveries,
    accounts: wrap(deps.accounts),
    tokens: wrap(deps.tokens),
    posts: wrap(deps.posts),
    email: deps.email && wrap(deps.email),
    networks: (platform) => {
      if (!networks.has(platform)) {
        const network = deps.networks(platform);
        networks.set(platform, network && wrap(network));
      }
      return networks.get(platform);
    },
  };
}
