import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HASHED_ASSETS_DIR, STABLE_ASSETS, type SiteAssets } from './assets.js';

/** Where every build records the content-hashed URLs its pages link to. */
export const ASSET_MANIFEST_PATH = `${HASHED_ASSETS_DIR}/manifest.json`;

/**
 * Checks a manifest's shape: every asset must be a site path. A manifest written before the
 * donate script existed links its stable name, which every build writes.
 */
export function parseAssetManifest(json: string): SiteAssets {
  const value = JSON.parse(json) as Partial<Record<keyof SiteAssets, unknown>>;
  value.donateJs ??= STABLE_ASSETS.donateJs;
  const keys: (keyof SiteAssets)[] = ['css', 'siteJs', 'pledgeJs', 'donateJs', 'favicon'];
  for (const key of keys) {
    const url = value[key];
    if (typeof url !== 'string' || !url.startsWith('/') || url.startsWith('//')) throw new Error(`asset manifest: bad ${key}`);
  }
  const lendJs = typeof value.lendJs === 'string' && value.lendJs.startsWith('/') && !value.lendJs.startsWith('//') ? value.lendJs : STABLE_ASSETS.lendJs;
  return { css: value.css, siteJs: value.siteJs, pledgeJs: value.pledgeJs, donateJs: value.donateJs, lendJs, favicon: value.favicon } as SiteAssets;
}

/** The hashed asset URLs of the build in `siteDir` (the local site folder), for `renderCampaignSiteFiles`. */
export async function readAssetManifest(siteDir: string): Promise<SiteAssets> {
  return parseAssetManifest(await readFile(join(siteDir, ASSET_MANIFEST_PATH), 'utf8'));
}
