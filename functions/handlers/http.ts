import type { Context } from 'hono';
import { handle, type LambdaContext, type LambdaEvent } from 'hono/aws-lambda';
import { lambdaObservability } from '../adapters/lambda/observability.js';
import { loadEnv } from '../config/env.js';
import { createDeps } from '../config/deps.js';
import { createApp } from '../http/app.js';

/**
 * The visitor's IP behind CloudFront: CloudFront-Viewer-Address ("ip:port", forwarded by the
 * origin request policy), else the address API Gateway saw.
 */
function clientIp(c: Context): string | undefined {
  const viewer = c.req.header('cloudfront-viewer-address');
  if (viewer) return viewer.slice(0, viewer.lastIndexOf(':')).replace(/^\[|\]$/g, '');
  const env = c.env as { requestContext?: { http?: { sourceIp?: string } } } | undefined;
  return env?.requestContext?.http?.sourceIp;
}

/**
 * API Gateway (HTTP API, payload v2) → the same Hono app `npm start` serves.
 * Module scope runs once per cold start: configuration is validated and clients are built here,
 * after Powertools (logs, metrics, traces), so that every AWS SDK client is traced. Every log line
 * of a request carries API Gateway's request id (the access log's `requestId`) and the app's
 * correlation id (X-Request-Id, which the caller gets back).
 */
const env = loadEnv();
const observability = lambdaObservability({ stage: env.STAGE, logLevel: env.LOG_LEVEL });
const deps = await createDeps(env, { logger: observability.logger, metrics: observability.metrics });
const app = handle(createApp(deps, { clientIp }));
export const handler = observability.handler(
  (event: LambdaEvent, context: LambdaContext) => app(event, context),
  // A direct invoke (a test from the console) has no request context.
  (event) => ({ apiGatewayRequestId: event.requestContext && 'requestId' in event.requestContext ? event.requestContext.requestId : undefined }),
);
