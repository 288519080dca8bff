import type { Clock } from '../shared/clock.js';
import { AppError, isAppError } from '../shared/errors.js';
import type { Campaign } from './campaign.js';
import type { MediaStorage } from './media.js';
import type { CampaignAuditEntry, CampaignRecord, CampaignRepository, SitePublisher } from './ports.js';

export interface CampaignDeps {
  repository: CampaignRepository;
  publisher: SitePublisher;
  media: MediaStorage;
  clock: Clock;
  newId: () => string;
}

export const liveCampaigns = async (repository: CampaignRepository): Promise<Campaign[]> =>
  (await repository.list()).flatMap((record) => (record.live ? [record.live] : [])).sort((a, b) => b.year - a.year);

export const campaignNotFound = (year: number) => new AppError('not_found', `There is no campaign for ${year}.`);

/**
 * Read, change, write with its audit entry, retrying on a concurrent write. `change` returns the
 * next record and what to record, or throws an AppError when the change is not allowed.
 */
export async function changeCampaign(
  deps: CampaignDeps,
  year: number,
  by: string,
  change: (current: CampaignRecord | undefined, now: Date) => { next: CampaignRecord; entry: Omit<CampaignAuditEntry, 'id' | 'year' | 'version' | 'at' | 'by'> },
): Promise<CampaignRecord> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await deps.repository.get(year);
    const now = deps.clock.now();
    const { next, entry } = change(current, now);
    const stored = { ...next, version: (current?.version ?? 0) + 1 };
    try {
      await deps.repository.save(current, stored, { id: deps.newId(), year, version: stored.version, at: now.toISOString(), by, ...entry });
      return stored;
    } catch (error) {
      if (isAppError(error) && error.code === 'conflict') continue;
      throw error;
    }
  }
  throw new AppError('unavailable', 'Someone else is changing this campaign; please try again.', { retryable: true });
}
