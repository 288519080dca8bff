/**
 * A message's reach and delivery report in words, without the DOM (unit-tested): which part a
 * message shows (expected reach before the moment, the report from the moment on), the rows of
 * totals per platform and per kind of target, progress and reach in sentences, each target's
 * result and error.
 */
import type { CampaignReach } from '../../functions/domain/social/campaign-reach.js';
import type { DeliveryReport } from '../../functions/domain/social/delivery-report.js';
import type { DeliveryTotals } from '../../functions/domain/social/dispatch/summary.js';
import { PLATFORM_RULES } from '../../functions/domain/social/platform-rules.js';
import { PLATFORMS, type Delivery, type DeliveryTarget, type MessageStatus, type TargetKind } from '../../functions/domain/social/social.js';

export type { CampaignReach, DeliveryReport, DeliveryTotals };
/** A delivery as the report lists it (`claim` and the like are the dispatcher's). */
export type ReportedDelivery = Pick<Delivery, 'target' | 'state' | 'attempts' | 'uncertain' | 'error' | 'finishedAt' | 'postUrl' | 'reach'>;

/** While a message is sending, its report refreshes this often. */
export const AUTO_REFRESH_MS = 5_000;

/** Before the moment, the expected reach; from the moment on, the delivery report; nothing for drafts and cancelled ones. */
export function reportStage(status: MessageStatus): 'expected' | 'report' | undefined {
  if (status === 'approved' || status === 'scheduled') return 'expected';
  if (status === 'sending' || status === 'sent' || status === 'partly_failed') return 'report';
  return undefined;
}

export const figure = (n: number): string => n.toLocaleString('en');

const KIND_LABELS: Record<TargetKind, string> = { organisation: "Organisation's accounts", supporter: "Supporters' accounts", email: 'Pledgers by email' };
const KIND_SHORT: Record<TargetKind, string> = { organisation: 'Organisation', supporter: 'Supporter', email: 'Pledger' };
const platformName = (platform: DeliveryTarget['platform']): string => (platform === 'email' ? 'Email' : PLATFORM_RULES[platform].name);

/** The rows of the totals table: each network that has targets, then each kind of target (pledgers' emails among them). */
export function totalRows(summary: DeliveryReport['summary']): Array<{ label: string; totals: DeliveryTotals }> {
  const platforms = PLATFORMS.flatMap((platform) => {
    const totals = summary.byPlatform[platform];
    return totals ? [{ label: platformName(platform), totals }] : [];
  });
  const kinds = (['organisation', 'supporter', 'email'] as const).flatMap((kind) => {
    const totals = summary.byKind[kind];
    return totals ? [{ label: KIND_LABELS[kind], totals }] : [];
  });
  return [...platforms, ...kinds];
}

/** Targets, posted, failed, skipped, pending (claimed ones are being attempted: still pending), expected and delivered reach. */
export const totalCells = (t: DeliveryTotals): string[] =>
  [t.total, t.posted, t.failed, t.skipped, t.pending + t.claimed, t.expectedReach, t.deliveredReach].map(figure);

const plural = (n: number, one: string, many = `${one}s`) => `${figure(n)} ${n === 1 ? one : many}`;

/** `Sending: 2 of 3 targets done (1 posted, 1 failed); 1 still to go.` · `Partly failed: 2 posted, 1 failed, 0 skipped of 3 targets.` */
export function describeProgress(status: MessageStatus, t: DeliveryTotals): string {
  const outcome = `${figure(t.posted)} posted, ${figure(t.failed)} failed, ${figure(t.skipped)} skipped`;
  if (status === 'sending') {
    const left = t.pending + t.claimed;
    const done = t.total - left;
    if (t.total === 0) return 'Sending: the targets are being prepared.';
    return left === 0
      ? `Sending: every target is done (${outcome}); the message is marked finished within a minute.`
      : `Sending: ${figure(done)} of ${plural(t.total, 'target')} done (${outcome}); ${figure(left)} still to go.`;
  }
  const word = status === 'partly_failed' ? 'Partly failed' : 'Sent';
  const uncertain = t.uncertain > 0 ? ` ${plural(t.uncertain, 'failure')} had no answer: the post may have gone out.` : '';
  return `${word}: ${outcome} of ${plural(t.total, 'target')}.${uncertain}`;
}

/** `Delivered reach: 1,234 of 2,000 expected (62%).` */
export function describeReach(t: Pick<DeliveryTotals, 'expectedReach' | 'deliveredReach'>): string {
  const share = t.expectedReach > 0 ? ` (${Math.round((100 * t.deliveredReach) / t.expectedReach)}%)` : '';
  return `Delivered reach: ${figure(t.deliveredReach)} of ${figure(t.expectedReach)} expected${share}.`;
}

/** The expected reach before the moment: the organisation's accounts and the supporters', with their followers. */
export function expectedRows(reach: CampaignReach): Array<{ label: string; accounts: string; followers: string }> {
  return [
    { label: KIND_LABELS.organisation, accounts: figure(reach.organisationAccounts), followers: figure(reach.organisationFollowers) },
    { label: "Supporters' accounts lent", accounts: figure(reach.supporters), followers: figure(reach.supporterFollowers) },
  ];
}

/** `Supporter 3f2a9c1e · Bluesky · es` (the CSV has the full id). */
export const targetLabel = (target: DeliveryTarget): string => `${KIND_SHORT[target.kind]} ${target.id.slice(0, 8)}`;
export const targetPlatform = (target: DeliveryTarget): string => platformName(target.platform);

export function resultOf(delivery: Pick<ReportedDelivery, 'state' | 'uncertain'>): string {
  if (delivery.state === 'failed') return delivery.uncertain ? 'Failed: may have posted' : 'Failed';
  return delivery.state === 'skipped' ? 'Skipped' : delivery.state === 'posted' ? 'Posted' : 'Pending';
}

/** `token expired: the supporter was asked to reconnect` → `Token expired: the supporter was asked to reconnect.` */
export function errorInWords(error: string | undefined): string {
  const text = (error ?? '').trim();
  if (!text) return 'No reason was recorded.';
  const sentence = text[0]!.toUpperCase() + text.slice(1);
  return /[.!?)]$/.test(sentence) ? sentence : `${sentence}.`;
}
