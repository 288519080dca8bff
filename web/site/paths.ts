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
  campaigns: 'campaigns/',
  mediaKit: 'media-kit/',
  donate: 'donate/',
  donateThanks: 'donate/thanks/',
  /** Where a plain form post asking for a year's statement lands (not indexed). */
  statementRequested: 'donate/statement-requested/',
  trustFund: 'trust-fund/',
} as const;

export const chapterPath = (slug: string): string => `chapters/${encodeURIComponent(slug)}/`;

/** `campaigns/2026/`: one World Day campaign, below `/{lang}/`. */
export const campaignPath = (year: number): string => `campaigns/${year}/`;

/** `campaigns/2026/lend-your-voice/`: where supporters lend an account for a campaign's message. */
export const lendPath = (year: number): string => `campaigns/${year}/lend-your-voice/`;

/** The yearly World Day event for calendar apps, with its title in the language. */
export const calendarHref = (language: Language): string => `/${language}/world-day.ics`;

/** A media-kit file as uploaded by a manager: `/media/2026/blue-heart-square.png`. */
export const mediaHref = (year: number, file: string): string => `/media/${year}/${encodeURIComponent(file)}`;

/** The Open Graph / X card image, copied from `web/static/` at every build (1200 × 630). */
export const SOCIAL_CARD = { path: '/social-card.png', width: 1200, height: 630 } as const;

/**
 * A campaign's call-to-action target in the visitor's language: a site path such as `/pledge/`
 * (or `/en/pledge/`) becomes `/{lang}/pledge/`; an absolute https URL is kept; anything else
 * (`javascript:`, `//host`) falls back to the home page.
 */
export function localisedHref(language: Language, url: string): string {
  if (/^https:\/\/[^/\\]/i.test(url)) return url;
  const local = safeLocalHref(url, '');
  if (!local) return pageHref(language);
  const rest = local.replace(/^\/(en|fr|es|ar|zh|ru|pt)(?=\/|$)/, '').replace(/^\//, '');
  return `/${language}/${rest}`;
}

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
  donationsCheckout: '/api/donations/checkout',
  donationsProgress: '/api/donations/progress',
  donationsAnnualReceipt: '/api/donations/annual-receipt',
  socialRevoke: '/api/social/accounts/revoke',
  /** Erasure by address: ask (the privacy page's form), then confirm from the emailed link. */
  erasureRequests: '/api/privacy/erasure-requests',
  erasure: '/api/privacy/erasure',
} as const;

/** "Lend your voice": the endpoints of one campaign year. */
export const lendApi = (year: number) => ({
  preview: `/api/social/${year}/preview`,
  accounts: `/api/social/${year}/accounts`,
  reach: `/api/social/${year}/reach`,
  /** "Connect with Mastodon": answers the instance's authorization page (functions/http/routes/mastodon-connect.ts). */
  mastodonConnect: `/api/social/${year}/oauth/mastodon/start`,
});

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
