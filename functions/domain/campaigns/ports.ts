import type { Campaign } from './campaign.js';

/** A campaign as managers work on it: the draft they edit and the snapshot the site shows. */
export interface CampaignRecord {
  year: number;
  draft: Campaign;
  /** Absent until published, and again after unpublishing. */
  live?: Campaign;
  /** A scheduled publish of the draft. */
  publishAt?: string;
  /** Optimistic concurrency, as for pledges. */
  version: number;
}

export type CampaignAction = 'edit' | 'publish' | 'unpublish' | 'schedule' | 'restore';

export interface FieldChange {
  field: string;
  before?: unknown;
  after?: unknown;
}

/** One line of a campaign's audit log: who did what, when; publishes keep what they published. */
export interface CampaignAuditEntry {
  id: string;
  year: number;
  /** The record version this change produced: the log's order, whatever the clock says. */
  version: number;
  at: string;
  by: string;
  action: CampaignAction;
  changes?: FieldChange[];
  /** The version that went live (publish, restore): what "restore" brings back. */
  snapshot?: Campaign;
}

export interface CampaignRepository {
  list(): Promise<CampaignRecord[]>;
  get(year: number): Promise<CampaignRecord | undefined>;
  /**
   * Writes the record and its audit entry together, conditional on `previous` (absent: the
   * year must be new); a `conflict` AppError when someone else wrote first.
   */
  save(previous: CampaignRecord | undefined, next: CampaignRecord, entry: CampaignAuditEntry): Promise<void>;
  history(year: number): Promise<CampaignAuditEntry[]>;
  historyEntry(year: number, id: string): Promise<CampaignAuditEntry | undefined>;
}

export interface PublishResult {
  files: number;
  ms: number;
}

/**
 * Renders the pages that depend on campaigns from the live campaigns and puts them where the
 * public site is served (a local folder with `npm start`; S3 + a CloudFront invalidation on AWS).
 */
export interface SitePublisher {
  publishSite(liveCampaigns: Campaign[]): Promise<PublishResult>;
}
