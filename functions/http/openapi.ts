import type { OpenAPIHono } from '@hono/zod-openapi';
import type { z } from '@hono/zod-openapi';
import { ErrorSchema } from './routes/pledges.schemas.js';
import type { AppEnv } from './app-env.js';

export type Api = OpenAPIHono<AppEnv>;

interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  summary: string;
  tag: string;
  /** Request body schema; `form: true` documents the HTML form encoding too. */
  body?: z.ZodType;
  form?: boolean;
  query?: z.ZodObject;
  params?: z.ZodObject;
  /** Status → description and optional JSON schema (or `html`/`csv` for non-JSON answers). */
  responses: Record<number, { description: string; schema?: z.ZodType; html?: boolean; csv?: boolean }>;
  secured?: boolean;
}

/**
 * Documents a route in the OpenAPI 3.1 document from the same zod schemas the handler
 * validates with. Every route adds the shared error answers.
 */
export function documentRoute(app: Api, doc: RouteDoc): void {
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(doc.responses)) {
    const content = response.schema
      ? { 'application/json': { schema: response.schema } }
      : response.html
        ? { 'text/html': { schema: { type: 'string' } } }
        : response.csv
          ? { 'text/csv': { schema: { type: 'string' } } }
          : undefined;
    responses[status] = { description: response.description, ...(content ? { content } : {}) };
  }
  const error = (description: string) => ({ description, content: { 'application/json': { schema: ErrorSchema } } });
  if (doc.body) {
    responses['400'] ??= error('The request is not valid; `fields` names each problem.');
    responses['413'] ??= error('The body is larger than the API accepts.');
    responses['415'] ??= error('The body is not JSON (or a form, where accepted).');
  }
  if (doc.secured) {
    responses['401'] ??= error('No valid sign-in token.');
    responses['403'] ??= error('Signed in, but without the role this needs.');
  }
  responses['503'] ??= error('A temporary failure; try again.');
  app.openAPIRegistry.registerPath({
    method: doc.method,
    path: doc.path,
    summary: doc.summary,
    tags: [doc.tag],
    ...(doc.secured ? { security: [{ bearer: [] }] } : {}),
    request: {
      ...(doc.query ? { query: doc.query } : {}),
      ...(doc.params ? { params: doc.params } : {}),
      ...(doc.body
        ? {
            body: {
              required: true,
              content: {
                'application/json': { schema: doc.body },
                ...(doc.form ? { 'application/x-www-form-urlencoded': { schema: doc.body } } : {}),
              },
            },
          }
        : {}),
    },
    responses: responses as never,
  });
}
