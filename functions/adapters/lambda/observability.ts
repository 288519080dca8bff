import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import { Metrics as PowertoolsMetrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import type { Metrics } from '../../domain/shared/metrics.js';
import { traceAwsClients } from '../aws/traced-client.js';
import { withLogKeys } from '../log/log-context.js';
import type { Logger, LogLevel } from '../log/logger.js';
import { powertoolsLogger } from '../log/powertools-logger.js';
import { METRICS_NAMESPACE } from '../metrics/namespace.js';
import { powertoolsMetrics } from '../metrics/powertools-metrics.js';

/** The parts of Lambda's context object the shells pass on (Powertools reads the rest). */
export interface LambdaContext {
  awsRequestId: string;
  functionName: string;
  functionVersion: string;
  invokedFunctionArn: string;
  memoryLimitInMB: string;
}

/** What identifies one unit of work in the logs and the trace: `correlationId`, and any other id (undefined ones are left out). */
export type CorrelationKeys = Record<string, string | undefined>;

/**
 * Share of invocations that log at debug level whatever LOG_LEVEL says (Powertools' sampling),
 * so a rare problem leaves a detailed trail without every invocation paying for one.
 */
export const DEBUG_LOG_SAMPLE_RATE = 0.01;

export interface LambdaObservability {
  /** Every function's `Logger` (Powertools: one JSON line per call, with the invocation's keys). */
  logger: Logger;
  /** Business metrics (functions/domain/shared/metrics.ts), written when each invocation ends. */
  metrics: Metrics;
  /**
   * `run`, with, for each invocation: the Lambda context on every log line (function name and
   * version, request id, cold start) and the event's `correlate` keys too, also as X-Ray
   * annotations on a `## handler` subsegment (searchable: `annotation.correlationId = "…"`);
   * an error thrown recorded on the trace; the metrics counted during it flushed as one EMF line.
   */
  handler<E, R, C extends LambdaContext>(run: (event: E, context: C) => Promise<R>, correlate?: (event: E, context: C) => CorrelationKeys): (event: E, context: C) => Promise<R>;
}

/**
 * Powertools for AWS Lambda behind the platform's ports, built once per execution environment,
 * first thing in a Lambda entry point (before any AWS SDK client exists, so that `traced`
 * captures them all). The service name is POWERTOOLS_SERVICE_NAME (infra/constructs/app-function.ts
 * sets it per function); the stage and log level come from STAGE and LOG_LEVEL, as for the rest
 * of the configuration. Outside Lambda the tracer switches itself off.
 */
export function lambdaObservability(settings: { stage?: string; logLevel?: LogLevel } = {}): LambdaObservability {
  const stage = settings.stage ?? process.env.STAGE ?? 'unknown';
  const logLevel = (settings.logLevel ?? process.env.LOG_LEVEL ?? 'info').toUpperCase() as 'INFO';
  const sampleRate = Number(process.env.POWERTOOLS_LOGGER_SAMPLE_RATE ?? DEBUG_LOG_SAMPLE_RATE);
  const logger = new PowertoolsLogger({ logLevel, sampleRateValue: sampleRate });
  const metrics = new PowertoolsMetrics({ namespace: METRICS_NAMESPACE, defaultDimensions: { stage } });
  const tracer = new Tracer();
  if (tracer.isTracingEnabled()) traceAwsClients((client) => tracer.captureAWSv3Client(client));

  return {
    logger: powertoolsLogger(logger),
    metrics: powertoolsMetrics(metrics),
    handler: (run, correlate) => async (event, context) => {
      logger.refreshSampleRateCalculation();
      logger.addContext(context);
      const keys = correlate?.(event, context) ?? {};
      const parent = tracer.getSegment();
      const segment = parent?.addNewSubsegment(`## ${process.env._HANDLER ?? 'handler'}`);
      if (segment) tracer.setSegment(segment);
      tracer.annotateColdStart();
      tracer.addServiceNameAnnotation();
      for (const [key, value] of Object.entries(keys)) if (value !== undefined) tracer.putAnnotation(key, value);
      try {
        return await withLogKeys(keys, () => run(event, context));
      } catch (error) {
        tracer.addErrorAsMetadata(error as Error);
        throw error;
      } finally {
        if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
        if (segment && parent) {
          segment.close();
          tracer.setSegment(parent);
        }
      }
    },
  };
}
