/**
 * Small DOM helpers for the console. Text always goes in through textContent or value, never
 * innerHTML: everything the console shows comes from the API, and much of it is user input.
 */
export const $ = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from the console page`);
  return element as T;
};

type Attributes = Record<string, string | number | boolean | undefined>;

/** `el('td', { 'data-lang': 'ar' }, 'text', child)`: attributes set with setAttribute, text as text nodes. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  element.append(...children);
  return element;
}

/** The console's one live region, for outcomes ("Draft saved."). */
export function say(message: string): void {
  const status = $('status');
  status.textContent = message;
  status.hidden = false;
}

export function hush(): void {
  $('status').hidden = true;
}

export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** `2027-07-30T09:00:00.000Z` → `2027-07-30 09:00 UTC`: staff work across time zones. */
export const utc = (iso: string): string => `${iso.replace('T', ' ').slice(0, 16)} UTC`;

/** A Date as the value of a datetime-local input, in the browser's zone. */
export const toLocalInput = (date: Date): string => new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
