import type { Language } from '../../functions/domain/shared/languages.js';

/**
 * Every URL the site links to, in one place. Pages live at `/{lang}/{path}` with a trailing
 * slash (each is an `index.html` in its folder, which S3+CloudFront and the local server both
 * serve for the folder URL). Shared with the browser bundle.
 */
export const PAGE_PATHS = {
  home: '',
  pledge: 'pledge/',
  checkEmail: 'pledge/check-email/',
  thanks: 'pledge/thanks/',
  help: 'help/',
  privacy: 'privacy/',
} as const;

export const chapterPath = (slug: string): string => `chapters/${encodeURIComponent(slug)}/`;

/** The URL of a page in a language: `pageHref('es', 'pledge/')` → `/es/pledge/`. */
export const pageHref = (language: Language, path = ''): string => `/${language}/${path}`;

export const API = {
  stats: '/api/pledges/stats',
  wall: '/api/pledges/wall?limit=20',
  challenge: '/api/pledges/challenge',
  pledges: '/api/pledges',
  confirm: '/api/pledges/confirm',
  unsubscribe: '/api/pledges/unsubscribe',
  erase: '/api/pledges/erase',
} as const;

/** A busy, neutral site: leaving for it looks like an ordinary search. */
export const QUICK_EXIT_URL = 'https://www.google.com/';

/**
 * Only same-site paths may be used as a link target taken from a request (`backHref` on the
 * form-errors page): `javascript:` URLs and `//other.example` would pass HTML escaping untouched.
 */
export function safeLocalHref(href: string | undefined, fallback: string): string {
  if (!href || !href.startsWith('/') || href.startsWith('//') || href.includes('\\')) return fallback;
  return /[\u0000-\u001f\u007f]/.test(href) ? fallback : href;
}
