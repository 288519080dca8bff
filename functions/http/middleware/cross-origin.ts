import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../domain/shared/errors.js';

/**
 * CORS, on purpose: none. The site, the console and the API share one origin (CloudFront sends
 * `/api/*` to the API; `npm start` serves both on one port), so no page of ours ever reads the API
 * cross-origin, and no response carries `Access-Control-Allow-Origin`: a browser lets no other
 * site read an answer (Fetch standard, CORS check). A browser asks first with an `OPTIONS`
 * preflight before any cross-origin request that is not "simple" (JSON bodies, Authorization),
 * and never for its own origin; this refuses every such question, with no Access-Control-*
 * header, so the request itself is never sent.
 */
export const refuseCrossOriginPreflight: MiddlewareHandler = (c, next) => {
  // No route of the API answers OPTIONS, so every OPTIONS request is treated as a preflight.
  if (c.req.method !== 'OPTIONS') return next();
  throw new AppError('forbidden', 'This API serves its own site only; other sites may not call it from a browser.');
};
