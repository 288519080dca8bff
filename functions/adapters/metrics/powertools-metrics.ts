import { MetricUnit, type Metrics as PowertoolsMetrics } from '@aws-lambda-powertools/metrics';
import type { Metrics } from '../../domain/shared/metrics.js';

/**
 * The metrics port over Powertools Metrics: counts are stored and written as one embedded metric
 * format line when the invocation ends (`publishStoredMetrics`, in the Lambda shell), with the
 * dimensions stage and service. An amount is written at once as a single metric with its own
 * `currency` dimension (one EMF line per amount: a line's metrics share one dimension set).
 */
export function powertoolsMetrics(metrics: PowertoolsMetrics): Metrics {
  return {
    count: (event, by = 1) => {
      metrics.addMetric(event, MetricUnit.Count, by);
    },
    amount: (metric, value, currency) => {
      const single = metrics.singleMetric();
      single.addDimension('currency', currency);
      single.addMetric(metric, MetricUnit.NoUnit, value);
    },
  };
}
