import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Campaign } from '../../domain/campaigns/campaign.js';
import type { PublishResult, SitePublisher } from '../../domain/campaigns/ports.js';
import type { PledgeStats } from '../../domain/pledges/pledge.js';
import type { Clock } from '../../domain/shared/clock.js';
import { LANGUAGES } from '../../domain/shared/languages.js';
import { renderCampaignSiteFiles } from '../../../web/publish-pages.js';

export interface LocalSitePublisherOptions {
  /** The folder the local server serves the site from. */
  siteDir: string;
  publicUrl: string;
  clock: Clock;
  /** Figures for the pages' no-JavaScript snapshot. */
  stats: () => Promise<PledgeStats>;
}

/**
 * `npm start`'s publisher: renders the campaign pages in-process and writes them into the
 * folder the local server serves, so a publish is visible on the next request. Pages of years
 * no longer live are removed.
 */
export class LocalSitePublisher implements SitePublisher {
  constructor(private readonly options: LocalSitePublisherOptions) {}

  async publishSite(liveCampaigns: Campaign[]): Promise<PublishResult> {
    const started = performance.now();
    const files = renderCampaignSiteFiles({
      campaigns: liveCampaigns,
      now: this.options.clock.now(),
      publicUrl: this.options.publicUrl,
      stats: await this.options.stats(),
    });
    const live = new Set(liveCampaigns.map((campaign) => String(campaign.year)));
    await Promise.all(
      LANGUAGES.map(async (language) => {
        const dir = join(this.options.siteDir, language, 'campaigns');
        const years = await readdir(dir).catch(() => [] as string[]);
        await Promise.all(years.filter((year) => /^\d{4}$/.test(year) && !live.has(year)).map((year) => rm(join(dir, year), { recursive: true, force: true })));
      }),
    );
    await Promise.all(
      files.map(async (file) => {
        const target = join(this.options.siteDir, file.path);
        await mkdir(dirname(target), { recursive: true });
        // Write beside, then rename: a visitor reading the page meanwhile gets the old or the
        // new file whole, never a half-written one (rename is atomic on one file system).
        const temporary = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
        await writeFile(temporary, file.contents);
        await rename(temporary, target);
      }),
    );
    return { files: files.length, ms: Math.round(performance.now() - started) };
  }
}
