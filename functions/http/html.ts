import type { Context } from 'hono';
import { renderServerPage, type ServerPage } from '../../web/render-server-page.js';

/** Server-rendered pages (confirmation, unsubscribe, errors for form posts) share the site's look. */
export const htmlPage = (c: Context, page: ServerPage, status: 200 | 400 | 404 | 410 | 413 | 415 | 429 | 500 | 503 = 200) =>
  c.html(renderServerPage(page), status, { 'Cache-Control': 'no-store' });
