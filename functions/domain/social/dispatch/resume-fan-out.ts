import type { Clock } from '../../shared/clock.js';
import type { CursorPage } from '../../shared/cursor-page.js';
import type { DeliveryStore } from '../ports.js';
import type { DeliveryTarget, SocialMessage } from '../social.js';
import { writeDeliveries, type FanOutDeps } from './fan-out.js';
import type { FanOutProgress, FanOutProgressStore } from './fan-out-progress.js';

/** One listing of targets, resumable from any cursor it gave (cursors increase in string order). */
export interface TargetSource {
  /** Kept in the progress: which listing its cursor belongs to. */
  readonly name: string;
  page(after: string | undefined, limit: number): Promise<CursorPage<DeliveryTarget>>;
}

export interface FanOutPolicy {
  /** How long a run keeps starting chunks; it then saves where it got to and stops (the next run goes on). */
  budgetMs: number;
  /**
   * How long a run holds a fan-out. Longer than a run can live (the budget, the chunk in hand,
   * the function's timeout), so a run killed on the spot is taken over only once it is dead.
   */
  leaseMs: number;
  /** Targets read, written and queued at a time; the progress is saved around each chunk. */
  chunk: number;
}

/** On AWS the step's function times out after 5 minutes: 4 of them fanning out, the lease past the timeout. */
export const DEFAULT_FAN_OUT_POLICY: FanOutPolicy = { budgetMs: 240_000, leaseMs: 360_000, chunk: 1_000 };

export interface ResumableFanOutDeps extends FanOutDeps {
  deliveries: DeliveryStore & FanOutProgressStore;
  clock: Clock;
  /** The lease's token. */
  newId: () => string;
  fanOutPolicy?: Partial<FanOutPolicy>;
}

export const fanOutPolicyOf = (deps: Pick<ResumableFanOutDeps, 'fanOutPolicy'>): FanOutPolicy => {
  const policy = { ...DEFAULT_FAN_OUT_POLICY, ...deps.fanOutPolicy };
  // A budget given alone keeps its lease beyond it: the run stops starting chunks at the budget.
  if (deps.fanOutPolicy?.budgetMs !== undefined && deps.fanOutPolicy.leaseMs === undefined) policy.leaseMs = Math.max(policy.leaseMs, policy.budgetMs + 120_000);
  return policy;
};

/** After the last page of a source: beyond every cursor of it. */
const END = '\uffff';

/** The fan-out's progress was taken over by another run (this one outlived its lease): it stops at once. */
export class FanOutTakenOverError extends Error {
  constructor(messageId: string) {
    super(`The fan-out of message ${messageId} was taken over by another run`);
    this.name = 'FanOutTakenOverError';
  }
}

/**
 * The progress of a message's fan-out, created if it has none. A message that already has
 * delivery records without a progress (fanned out, in part, by an earlier version) is fanned out
 * with conditional writes only. Create it before the message becomes `sending`: a `sending`
 * message without a progress is one whose fan-out finished before progress was kept.
 */
export async function beginFanOut(deps: Pick<ResumableFanOutDeps, 'deliveries' | 'clock'>, messageId: string): Promise<FanOutProgress> {
  const existing = await deps.deliveries.fanOutProgress(messageId);
  if (existing) return existing;
  const conditionalOnly = await deps.deliveries.hasDeliveries(messageId);
  const progress: FanOutProgress = {
    messageId,
    targets: 0,
    created: 0,
    runs: 0,
    startedAt: deps.clock.now().toISOString(),
    ...(conditionalOnly ? { conditionalOnly } : {}),
    version: 1,
  };
  if (await deps.deliveries.saveFanOutProgress(progress, undefined)) return progress;
  // Another run created it first.
  const created = await deps.deliveries.fanOutProgress(messageId);
  if (!created) throw new Error(`The fan-out progress of message ${messageId} could not be created`);
  return created;
}

export type FanOutRun =
  | { kind: 'done' | 'ran'; progress: FanOutProgress }
  /** Another run holds the fan-out (its lease has not run out). */
  | { kind: 'busy'; progress: FanOutProgress };

/**
 * Goes on with a message's fan-out from where its progress says, a chunk at a time (read a page,
 * create the records, queue the jobs, save the cursor), until every source is done or `deadline`
 * (epoch ms) has passed; at least one chunk with targets, so every run makes progress. Jobs go out with each
 * chunk: the deliveries created first are posted at their time while the fan-out goes on.
 *
 * Records are written blindly (`fresh`) only past `mayExistUntil`: before writing a chunk the run
 * raises it to the chunk's end, and after queueing it moves the cursor there. A run killed in
 * between leaves the cursor behind `mayExistUntil`, and the next run writes that stretch again
 * with conditions, so no record is ever reset and none is missed.
 */
export async function continueFanOut(deps: ResumableFanOutDeps, message: Pick<SocialMessage, 'id' | 'schedule'>, sources: readonly TargetSource[], deadline: number): Promise<FanOutRun> {
  const policy = fanOutPolicyOf(deps);
  let progress = await deps.deliveries.fanOutProgress(message.id);
  if (!progress) throw new Error(`Message ${message.id} has no fan-out progress: beginFanOut first`);
  if (progress.doneAt) return { kind: 'done', progress };
  const now = deps.clock.now();
  if (progress.holder && progress.holder.until > now.toISOString()) return { kind: 'busy', progress };

  /** The last progress this run saved (what a release must be conditional on, even after a chunk threw half-way). */
  let latest = progress;
  const save: Save = async (from, next) => {
    const saved = { ...next, version: from.version + 1 };
    if (!(await deps.deliveries.saveFanOutProgress(saved, from.version))) throw new FanOutTakenOverError(message.id);
    return (latest = saved);
  };
  const holder = { token: deps.newId(), until: new Date(now.getTime() + policy.leaseMs).toISOString() };
  try {
    progress = await save(progress, { ...progress, holder, runs: progress.runs + 1 });
  } catch (error) {
    if (error instanceof FanOutTakenOverError) return { kind: 'busy', progress };
    throw error;
  }

  let failed = false;
  try {
    // A chunk that listed nothing (an empty source, a page of revoked accounts) does not count towards the one a run must do.
    let listed: number;
    do {
      const before = progress.targets;
      progress = await fanOutChunk(deps, message, sources, progress, policy.chunk, save);
      listed = progress.targets - before;
    } while (!progress.doneAt && (listed === 0 || deps.clock.now().getTime() < deadline));
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    // Let the next run go on at once. A run that threw tries, and gives up quietly: its lease runs out.
    const { holder: _holder, ...released } = latest;
    const release = save(latest, released).then((saved) => (progress = saved));
    if (failed) await release.catch(() => undefined);
    else await release;
  }
  return { kind: progress.doneAt ? 'done' : 'ran', progress };
}

/** Saves `next` over `from` (conditional on its version), or throws FanOutTakenOverError. */
type Save = (from: FanOutProgress, next: Omit<FanOutProgress, 'version'>) => Promise<FanOutProgress>;

/** One chunk: the next page of the current source, its records and jobs, and the progress saved around them. */
async function fanOutChunk(
  deps: ResumableFanOutDeps,
  message: Pick<SocialMessage, 'id' | 'schedule'>,
  sources: readonly TargetSource[],
  progress: FanOutProgress,
  limit: number,
  save: Save,
): Promise<FanOutProgress> {
  const index = progress.source === undefined ? 0 : sources.findIndex((source) => source.name === progress.source);
  const source = sources[index];
  if (!source) throw new Error(`The fan-out of message ${message.id} is at an unknown source ${progress.source}`);
  const page = await source.page(progress.cursor, limit);
  const until = page.next ?? END;
  const fresh = !progress.conditionalOnly && !(progress.mayExistUntil !== undefined && (progress.cursor ?? '') < progress.mayExistUntil);
  if (progress.mayExistUntil === undefined || progress.mayExistUntil < until) progress = await save(progress, { ...progress, mayExistUntil: until });

  const seen = new Set<string>();
  const targets = page.items.filter((target) => !seen.has(target.id) && Boolean(seen.add(target.id)));
  const created = await writeDeliveries(deps, message, targets, { fresh, now: deps.clock.now() });

  const counted = { ...progress, targets: progress.targets + targets.length, created: progress.created + created };
  if (page.next !== undefined) return save(progress, { ...counted, cursor: page.next });
  const next = sources[index + 1];
  const { cursor: _cursor, mayExistUntil: _until, ...atStart } = counted;
  return save(progress, next ? { ...atStart, source: next.name } : { ...counted, doneAt: deps.clock.now().toISOString() });
}
