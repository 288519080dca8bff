import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PledgeStats } from '../functions/domain/pledges/pledge.js';
import type { Campaign } from '../functions/domain/campaigns/campaign.js';
import { worldDayCampaigns } from '../functions/domain/campaigns/world-days.js';
import { LANGUAGES } from '../functions/domain/shared/languages.js';
import { buildAssets, type OutputFile } from './builder/assets.js';
import { EXTRA_DIRS, buildApiDocsAssets, buildConsole } from './builder/extras.js';
import { renderStaticPages } from './builder/pages.js';
import { renderCampaignSiteFiles } from './publish-pages.js';
import { ASSET_MANIFEST_PATH } from './site/asset-manifest.js';
import { HASHED_ASSETS_DIR, type SiteAssets } from './site/assets.js';
import { SOCIAL_CARD } from './site/paths.js';

const WEB_DIR = dirname(fileURLToPath(import.meta.url));

export interface BuildSiteOptions {
  outDir: string;
  /** Figures to render into the pages (counter, map, top countries); the browser refreshes them. */
  statsSnapshot?: PledgeStats;
  /**
   * The published campaigns: one page per year, the archive, the media kit; the current one
   * (`currentCampaign(campaigns, now)`) leads the home page. Drafts are ignored.
   */
  campaigns?: Campaign[] | undefined;
  /** @deprecated Pass `campaigns`; a single campaign is treated as `campaigns: [campaign]`. */
  campaign?: Campaign | undefined;
  /**
   * The build's moment: picks the current campaign, starts the World Day countdown, sets the
   * years of the statement form. Default: now.
   */
  now?: Date | undefined;
  /** The site's public origin, e.g. `https://blueheart.example.org`: absolute hreflang/canonical and share links. */
  publicUrl?: string;
}

export interface BuildSiteResult {
  pages: number;
  /** Every file written, relative to `outDir`. */
  files: string[];
  /** The URLs the static pages link to (content-hashed). */
  assets: SiteAssets;
  durationMs: number;
}

/**
 * Builds the public site into `outDir`: every page in every language, the bundled scripts and
 * the stylesheet. Runs in well under two seconds, so the local server rebuilds at every start.
 * Only what the build owns is replaced (the language folders, `assets/`, the root files), so
 * an `outDir` shared with other output is safe.
 */
export async function buildSite(options: BuildSiteOptions): Promise<BuildSiteResult> {
  const started = performance.now();
  const outDir = resolve(options.outDir);
  const publicUrl = options.publicUrl ? normalisePublicUrl(options.publicUrl) : undefined;

  const { assets, files: assetFiles } = await buildAssets(WEB_DIR);
  const campaigns = options.campaigns ?? (options.campaign ? [options.campaign] : []);
  const now = options.now ?? new Date();
  const pages = [
    ...renderStaticPages({ assets, stats: options.statsSnapshot, publicUrl, now }),
    ...renderCampaignSiteFiles({
      campaigns,
      now,
      assets,
      ...(publicUrl ? { publicUrl } : {}),
      ...(options.statsSnapshot ? { stats: options.statsSnapshot } : {}),
    }),
  ];
  const [consoleFiles, apiDocsFiles, socialCard] = await Promise.all([
    buildConsole(WEB_DIR, assets.css),
    buildApiDocsAssets(),
    readFile(join(WEB_DIR, 'static/social-card.png')),
  ]);
  const manifest: OutputFile = { path: ASSET_MANIFEST_PATH, contents: `${JSON.stringify(assets, null, 2)}\n` };

  await Promise.all([HASHED_ASSETS_DIR, ...EXTRA_DIRS, ...LANGUAGES].map((dir) => rm(join(outDir, dir), { recursive: true, force: true })));
  const files: OutputFile[] = [
    ...assetFiles,
    manifest,
    { path: SOCIAL_CARD.path.slice(1), contents: socialCard },
    ...pages,
    ...consoleFiles,
    ...apiDocsFiles,
  ];
  const dirs = new Set(files.map((file) => dirname(join(outDir, file.path))));
  await Promise.all([...dirs].map((dir) => mkdir(dir, { recursive: true })));
  await Promise.all(files.map((file) => writeFile(join(outDir, file.path), file.contents)));

  return {
    pages: pages.filter((file) => file.path.endsWith('.html')).length,
    files: files.map((file) => file.path),
    assets,
    durationMs: Math.round(performance.now() - started),
  };
}

function normalisePublicUrl(value: string): string {
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`publicUrl must be http(s): ${value}`);
  return url.origin;
}

/**
 * `npm run build:web [-- --stats=stats.json] [--campaigns=campaigns.json|seed] [--public-url=https://…]`
 * (or PUBLIC_URL). `--campaigns=seed` uses the World Days 2014–2018 and 2026 of the demo data.
 */
async function main(argv: string[]): Promise<void> {
  const arg = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const statsFile = arg('stats');
  const statsSnapshot = statsFile ? (JSON.parse(await readFile(statsFile, 'utf8')) as PledgeStats) : undefined;
  const publicUrl = arg('public-url') ?? process.env.PUBLIC_URL;
  const campaignsArg = arg('campaigns');
  const campaigns: Campaign[] | undefined =
    campaignsArg === 'seed'
      ? worldDayCampaigns(new Date().toISOString())
      : campaignsArg
        ? (JSON.parse(await readFile(campaignsArg, 'utf8')) as Campaign[])
        : undefined;
  const outDir = arg('out') ?? join(WEB_DIR, 'dist');
  const result = await buildSite({
    outDir,
    ...(statsSnapshot ? { statsSnapshot } : {}),
    ...(campaigns ? { campaigns } : {}),
    ...(publicUrl ? { publicUrl } : {}),
  });
  const shown = relative(process.cwd(), outDir) || '.';
  const assetCount = result.files.length - result.pages;
  console.log(`web: wrote ${result.pages} pages and ${assetCount} asset files to ${shown}/ in ${result.durationMs} ms`);
  console.log(`  languages: ${LANGUAGES.join(' ')}${statsSnapshot ? ` · stats snapshot: ${statsSnapshot.total} pledges` : ''}`);
  console.log(`  ${result.assets.css}  ${result.assets.siteJs}  ${result.assets.pledgeJs}  ${result.assets.donateJs}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
