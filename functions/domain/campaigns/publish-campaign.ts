import { AppError } from '../shared/errors.js';
import type { Campaign } from './campaign.js';
import { campaignNotFound, changeCampaign, liveCampaigns, type CampaignDeps } from './campaign-service.js';
import type { CampaignRecord, PublishResult } from './ports.js';

const withoutSchedule = ({ publishAt: _publishAt, ...record }: CampaignRecord): CampaignRecord => record;

/** Re-renders every campaign-dependent page from what is live now. Idempotent: safe to repeat. */
export async function republishSite(deps: CampaignDeps): Promise<PublishResult> {
  return deps.publisher.publishSite(await liveCampaigns(deps.repository));
}

/**
 * The draft goes live: recorded first (with the version that went live, for restoring), then the
 * site is re-rendered. If writing the site fails, publishing again finishes the job.
 */
export async function publishCampaign(deps: CampaignDeps, year: number, by: string): Promise<{ record: CampaignRecord; published: PublishResult }> {
  const record = await changeCampaign(deps, year, by, (current, now) => {
    if (!current) throw campaignNotFound(year);
    const live: Campaign = { ...current.draft, status: 'published', updatedAt: now.toISOString() };
    return { next: { ...withoutSchedule(current), live }, entry: { action: 'publish', snapshot: live } };
  });
  return { record, published: await republishSite(deps) };
}

export async function unpublishCampaign(deps: CampaignDeps, year: number, by: string): Promise<{ record: CampaignRecord; published: PublishResult }> {
  const record = await changeCampaign(deps, year, by, (current) => {
    if (!current) throw campaignNotFound(year);
    if (!current.live) throw new AppError('conflict', `The ${year} campaign is not published.`);
    const { live: _live, ...rest } = current;
    return { next: rest, entry: { action: 'unpublish' } };
  });
  return { record, published: await republishSite(deps) };
}

/** Publishes the draft at a given moment (the scheduler checks every minute); null clears it. */
export function scheduleCampaign(deps: CampaignDeps, year: number, publishAt: Date | null, by: string): Promise<CampaignRecord> {
  return changeCampaign(deps, year, by, (current, now) => {
    if (!current) throw campaignNotFound(year);
    if (publishAt && publishAt.getTime() <= now.getTime()) {
      throw new AppError('validation_failed', 'The publishing time must be in the future.', { fields: [{ field: 'publishAt', message: 'must be in the future' }] });
    }
    const next = publishAt ? { ...current, publishAt: publishAt.toISOString() } : withoutSchedule(current);
    return { next, entry: { action: 'schedule', changes: [{ field: 'publishAt', before: current.publishAt, after: next.publishAt }] } };
  });
}

/** Brings back a version that was published before: it becomes the draft and goes live again. */
export async function restoreCampaign(deps: CampaignDeps, year: number, revision: string, by: string): Promise<{ record: CampaignRecord; published: PublishResult }> {
  const entry = await deps.repository.historyEntry(year, revision);
  if (!entry?.snapshot) throw new AppError('not_found', 'There is no published version with that id for this campaign.', { fields: [{ field: 'revision', message: 'is not a published version' }] });
  const snapshot = entry.snapshot;
  const record = await changeCampaign(deps, year, by, (current, now) => {
    if (!current) throw campaignNotFound(year);
    const live: Campaign = { ...snapshot, status: 'published', updatedAt: now.toISOString() };
    return {
      next: { ...withoutSchedule(current), draft: { ...live, status: 'draft' }, live },
      entry: { action: 'restore', snapshot: live, changes: [{ field: 'revision', after: revision }] },
    };
  });
  return { record, published: await republishSite(deps) };
}

/** The scheduled job: publish every draft whose time has come. */
export async function publishDueCampaigns(deps: CampaignDeps): Promise<number[]> {
  const now = deps.clock.now().getTime();
  const due = (await deps.repository.list()).filter((record) => record.publishAt && new Date(record.publishAt).getTime() <= now);
  for (const record of due) await publishCampaign(deps, record.year, 'scheduler');
  return due.map((record) => record.year);
}
