import type { Context } from 'hono';
import { handle } from 'hono/aws-lambda';
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
 * Module scope runs once per cold start: configuration is validated and clients are built here.
 */
const deps = await createDeps(loadEnv());
export const handler = handle(createApp(deps, { clientIp }));
