import type { AmountMetric, CountedEvent, Metrics } from '../../domain/shared/metrics.js';

/** The metrics port in memory, for tests: what was counted, and the amounts per currency. */
export class MemoryMetrics implements Metrics {
  readonly counts = new Map<CountedEvent, number>();
  readonly amounts = new Map<`${AmountMetric}:${string}`, number>();

  count(event: CountedEvent, by = 1): void {
    this.counts.set(event, (this.counts.get(event) ?? 0) + by);
  }

  amount(metric: AmountMetric, value: number, currency: string): void {
    const key = `${metric}:${currency}` as const;
    this.amounts.set(key, (this.amounts.get(key) ?? 0) + value);
  }

  /** How many of `event` were counted (0 if none). */
  countOf(event: CountedEvent): number {
    return this.counts.get(event) ?? 0;
  }
}
