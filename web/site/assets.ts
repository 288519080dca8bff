/**
 * The stylesheet and scripts a page links to. The static build links content-hashed files in
 * `/assets/` (never change: cache for a year, keep across deploys). Pages the API renders at
 * request time cannot know the hashes, so every build also writes the same files under stable
 * names at the root (`/site.css` …), which are revalidated like pages.
 */
export interface SiteAssets {
  css: string;
  /** Quick exit, live counter, map, wall: every page. */
  siteJs: string;
  /** Pledge form enhancement (proof of work, inline errors): pages with the form. */
  pledgeJs: string;
  /** The donate form (currency switching, amount checks, JSON post to the checkout): the donate page. */
  donateJs: string;
  /** "Lend your voice" (the message preview, the JSON post): its pages only. Older manifests lack it: the stable name then. */
  lendJs?: string;
  favicon: string;
}

/** The folder of content-hashed, immutable files inside the built site. */
export const HASHED_ASSETS_DIR = 'assets';

export const STABLE_ASSETS: SiteAssets = {
  css: '/site.css',
  siteJs: '/site.js',
  pledgeJs: '/pledge.js',
  donateJs: '/donate.js',
  lendJs: '/lend.js',
  favicon: '/favicon.svg',
};
