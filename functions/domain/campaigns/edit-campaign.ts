import { worldDayOf, type Campaign } from './campaign.js';
import { campaignNotFound, changeCampaign, type CampaignDeps } from './campaign-service.js';
import type { CampaignRecord, FieldChange } from './ports.js';

/** What a manager sends for a draft: everything but the year (from the path) and bookkeeping. */
export type CampaignDraftInput = Omit<Campaign, 'year' | 'status' | 'updatedAt' | 'day'> & { day?: string };

/** Leaf values by dotted path: `theme.ar`, `keyMessages.1.fr`, `hashtags.0`. */
function flatten(value: unknown, prefix = '', into = new Map<string, unknown>()): Map<string, unknown> {
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, into);
  } else if (value !== undefined) {
    into.set(prefix, value);
  }
  return into;
}

/** Field-level changes between two drafts, for the audit log (bookkeeping fields left out). */
export function diffCampaigns(before: Campaign | undefined, after: Campaign): FieldChange[] {
  const ignore = (path: string) => path === 'updatedAt' || path === 'status';
  const old = flatten(before ?? {});
  const next = flatten(after);
  const changes: FieldChange[] = [];
  for (const path of new Set([...old.keys(), ...next.keys()])) {
    if (ignore(path) || old.get(path) === next.get(path)) continue;
    changes.push({ field: path, ...(old.has(path) ? { before: old.get(path) } : {}), ...(next.has(path) ? { after: next.get(path) } : {}) });
  }
  return changes;
}

/** Creates or updates a year's draft. The live campaign is untouched until it is published. */
export function saveCampaignDraft(deps: CampaignDeps, year: number, input: CampaignDraftInput, by: string): Promise<CampaignRecord> {
  return changeCampaign(deps, year, by, (current, now) => {
    // Fundraising settings are kept when an editor that does not show them saves the draft.
    const fundraising = input.fundraising ?? current?.draft.fundraising;
    const draft: Campaign = { ...input, ...(fundraising ? { fundraising } : {}), year, day: input.day ?? worldDayOf(year), status: 'draft', updatedAt: now.toISOString() };
    return {
      next: { year, draft, version: current?.version ?? 0, ...(current?.live ? { live: current.live } : {}), ...(current?.publishAt ? { publishAt: current.publishAt } : {}) },
      entry: { action: 'edit', changes: diffCampaigns(current?.draft, draft) },
    };
  });
}

export async function getCampaignRecord(deps: CampaignDeps, year: number): Promise<CampaignRecord> {
  const record = await deps.repository.get(year);
  if (!record) throw campaignNotFound(year);
  return record;
}

/** True when the draft differs from what is live (or nothing is live yet). */
export const hasUnpublishedChanges = (record: CampaignRecord): boolean =>
  !record.live || diffCampaigns(record.live, record.draft).length > 0;
