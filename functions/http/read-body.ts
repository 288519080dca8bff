import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError, isAppError } from '../domain/shared/errors.js';
import { isLanguage } from '../domain/shared/languages.js';
import type { AppEnv } from './app-env.js';
import { validate } from './validate.js';

export type BodyFormat = 'json' | 'form';

/** Which format a request body is in, from its Content-Type; anything else is a 415. */
export function bodyFormat(c: Context): BodyFormat {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json') return 'json';
  if (type === 'application/x-www-form-urlencoded') return 'form';
  throw new AppError(
    'unsupported_media_type',
    'Send the request body as application/json (or as an HTML form, application/x-www-form-urlencoded).',
  );
}

/** Reads a JSON or form body into a plain object; malformed JSON is a readable 400. */
export async function readBody(c: Context, format: BodyFormat): Promise<unknown> {
  if (format === 'form') {
    const form = await c.req.parseBody({ all: false });
    return Object.fromEntries(Object.entries(form).map(([key, value]) => [key, typeof value === 'string' ? value : '']));
  }
  const text = await c.req.text();
  try {
    return JSON.parse(text, refuseLoneSurrogates);
  } catch (error) {
    if (isAppError(error)) throw error;
    throw new AppError('validation_failed', 'The request body is not valid JSON.', {
      fields: [{ field: 'body', message: 'is not valid JSON' }],
    });
  }
}

/** Half of a UTF-16 pair on its own: JSON can spell one (`"\ud83d"`), but it is not text. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * A JSON.parse reviver that refuses text that is not valid Unicode: it cannot be stored, emailed
 * or sent on as it is (Stripe's client, for one, throws on it), so it is a 400 at the door.
 */
function refuseLoneSurrogates(key: string, value: unknown): unknown {
  if (LONE_SURROGATE.test(key) || (typeof value === 'string' && LONE_SURROGATE.test(value))) {
    throw new AppError('validation_failed', 'The request holds text that is not valid Unicode (a broken character): please type it again.', {
      fields: [{ field: key || 'body', message: 'is not valid Unicode text' }],
    });
  }
  return value;
}

/**
 * The body of a route that takes JSON or a plain HTML form. A form post marks the request so
 * errors come back as a page in the visitor's language (the form's `language` field).
 */
export async function readJsonOrForm(c: Context<AppEnv>): Promise<{ format: BodyFormat; body: unknown; form?: Record<string, string> }> {
  const format = bodyFormat(c);
  const body = await readBody(c, format);
  if (format !== 'form') return { format, body };
  const form = body as Record<string, string>;
  c.set('respondWithHtml', true);
  if (form.language && isLanguage(form.language)) c.set('language', form.language);
  return { format, body, form };
}

/** A JSON (or form) body, validated: the parsed value, or a 400 naming every bad field. */
export async function readValidBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  return validate(schema, await readBody(c, bodyFormat(c)));
}
