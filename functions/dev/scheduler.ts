import type { ScheduledJob } from '../config/schedules.js';
import type { Logger } from '../adapters/log/logger.js';

/**
 * The local stand-in for EventBridge Scheduler: runs each job at its rate, never two runs of
 * one job at once, and logs failures instead of crashing the platform. `stop()` waits for runs
 * in flight.
 */
export function startScheduler(jobs: Array<{ job: ScheduledJob; run: () => Promise<unknown> }>, logger: Logger) {
  const running = new Map<string, Promise<void>>();
  const timers = jobs.map(({ job, run }) =>
    setInterval(() => {
      if (running.has(job.name)) return;
      const execution = run()
        .then(() => undefined)
        .catch((error: unknown) => logger.error('scheduled job failed', { job: job.name, detail: error instanceof Error ? error.message : String(error) }))
        .finally(() => running.delete(job.name));
      running.set(job.name, execution);
    }, job.rate.everyMs),
  );
  return {
    async stop(): Promise<void> {
      for (const timer of timers) clearInterval(timer);
      await Promise.all(running.values());
    },
  };
}
