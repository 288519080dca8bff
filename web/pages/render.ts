import type { JSX } from 'hono/jsx/jsx-runtime';

/**
 * Serialises a page to an HTML document. hono/jsx escapes every text child and attribute value;
 * the site never uses `dangerouslySetInnerHTML`/`raw()`, so no message or user value can become
 * markup. Components are synchronous, so the element is a string, never a promise.
 */
export function renderDocument(page: JSX.Element): string {
  if (page instanceof Promise) throw new Error('renderDocument: a page component returned a promise');
  return `<!doctype html>\n${page.toString()}`;
}
