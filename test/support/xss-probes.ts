import type { Browser, Page, Response } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Stored-XSS probes: payloads that would run script if any page or email ever turned user text
 * into markup, and the checks that they did not. Each payload names where it was put, so a
 * failure says which field leaked.
 */
export const payloads = {
  /** For fields that take any text (messages, finance notes, names at Stripe). */
  tag: (where: string) => `<img src=x onerror="window.__xss='${where}';alert('${where}')">`,
  script: (where: string) => `"><script>window.__xss='${where}';alert('${where}')</script>`,
  textarea: (where: string) => `</textarea><svg onload="window.__xss='${where}'">`,
  /** For fields that refuse < and >: breaking out of an attribute instead. */
  quotes: (where: string) => `" autofocus onfocus="window.__xss='${where}'" x='`,
  /** One word (a first name): no spaces, `/` separates attributes as well. */
  word: (where: string) => `"autofocus/onfocus="window.__xss='${where}'"`,
  /** Where a link is made of user text. */
  url: (where: string) => `javascript:window.__xss='${where}'`,
};

/**
 * A page in a context with the Content-Security-Policy switched off: escaping, not only the
 * policy, must stop every payload, so a payload that became markup here would run and be seen.
 * Dialogs are recorded (and dismissed).
 */
export async function probePage(browser: Browser): Promise<{ page: Page; dialogs: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { page, dialogs, close: () => context.close() };
}

/** What on the page came from a payload: a flag it set, event-handler attributes, inline scripts, javascript: links. */
export function markupOnPage(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const flag = (window as unknown as { __xss?: unknown }).__xss;
    if (flag !== undefined) found.push(`a payload ran: window.__xss = ${String(flag)}`);
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        if (/^on/i.test(attribute.name)) found.push(`<${element.localName} ${attribute.name}="${attribute.value.slice(0, 60)}">`);
        if (/^(href|src|action|formaction|xlink:href)$/i.test(attribute.name) && /^\s*javascript:/i.test(attribute.value)) found.push(`<${element.localName} ${attribute.name}="${attribute.value.slice(0, 60)}">`);
        if (attribute.name === 'autofocus' && element.hasAttribute('x')) found.push(`<${element.localName} autofocus x>`);
      }
    }
    for (const script of document.querySelectorAll('script')) if (!script.src && !/json/.test(script.type)) found.push(`an inline script: ${script.textContent?.slice(0, 60) ?? ''}`);
    if (document.querySelector('img[src="x"], svg[onload]')) found.push('an element made of a payload');
    return found;
  });
}

/** Whether `text` is on the page as text: in an element's text, a form field's value, or an attribute's value (alt, title). */
export function showsAsText(page: Page, text: string): Promise<boolean> {
  return page.evaluate((wanted) => {
    if (document.documentElement.textContent?.includes(wanted)) return true;
    for (const field of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')) if (field.value.includes(wanted)) return true;
    for (const element of document.querySelectorAll('[alt], [title], [aria-label]')) {
      for (const name of ['alt', 'title', 'aria-label']) if (element.getAttribute(name)?.includes(wanted)) return true;
    }
    return false;
  }, text);
}

/**
 * The page shows every text as text (waiting for the scripts that fetch it), and nothing of
 * any of them became markup or ran; no dialog opened.
 */
export async function expectShownSafely(probe: { page: Page; dialogs: string[] }, texts: string[], where: string): Promise<void> {
  for (const text of texts) await expect.poll(() => showsAsText(probe.page, text), { message: `${where} shows ${text} as text`, timeout: 10_000 }).toBe(true);
  expect(await markupOnPage(probe.page), where).toEqual([]);
  expect(probe.dialogs, where).toEqual([]);
}

/** The page was served with a policy that allows no inline script (a browser's answer, or fetch's). */
export function expectStrictPolicy(response: Response | globalThis.Response | null, where: string): void {
  const headers = response?.headers;
  const policy = (typeof headers === 'function' ? headers.call(response)['content-security-policy'] : headers?.get('content-security-policy')) ?? '';
  expect(policy, `${where}: Content-Security-Policy`).toContain("script-src 'self'");
  expect(policy, where).not.toContain('unsafe-inline');
  expect(policy, where).toContain("object-src 'none'");
}

const decodeEntities = (html: string): string =>
  html
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** At the HTML level: the text is in the document, but only escaped (never as it was typed). */
export function expectOnlyEscaped(html: string, text: string, where: string): void {
  expect(html.includes(text), `${where} holds ${text} unescaped`).toBe(false);
  expect(decodeEntities(html).includes(text), `${where} holds ${text} (escaped)`).toBe(true);
}

/** No payload at all appears unescaped in the HTML. */
export function expectNoRawPayload(html: string, texts: string[], where: string): void {
  for (const text of texts) expect(html.includes(text), `${where} holds ${text} unescaped`).toBe(false);
}
