import { describe, expect, it } from 'vitest';
import type { DeliveryTotals } from '../../../functions/domain/social/dispatch/summary.js';
import {
  describeProgress, describeReach, errorInWords, expectedRows, reportStage, resultOf, targetLabel, totalCells, totalRows, type DeliveryReport,
} from '../../../web/console/messages-report-rules.js';

const totals = (over: Partial<DeliveryTotals> = {}): DeliveryTotals => ({
  total: 0, pending: 0, claimed: 0, posted: 0, failed: 0, skipped: 0, uncertain: 0, expectedReach: 0, deliveredReach: 0, ...over,
});

describe("the console's delivery report in words (web/console)", () => {
  it('shows the expected reach before the moment, the report from it on, nothing for drafts and cancelled messages', () => {
    expect(reportStage('approved')).toBe('expected');
    expect(reportStage('scheduled')).toBe('expected');
    for (const status of ['sending', 'sent', 'partly_failed'] as const) expect(reportStage(status)).toBe('report');
    for (const status of ['draft', 'in_review', 'cancelled'] as const) expect(reportStage(status)).toBeUndefined();
  });

  it('lists totals per network (in the platforms’ order) then per kind of target, pending including the claimed', () => {
    const summary: DeliveryReport['summary'] = {
      ...totals({ total: 4 }),
      byPlatform: { mastodon: totals({ total: 1, posted: 1 }), bluesky: totals({ total: 2, pending: 1, claimed: 1 }), email: totals({ total: 1, skipped: 1 }) },
      byKind: { supporter: totals({ total: 3 }), email: totals({ total: 1 }) },
      published: { posts: 1, reach: 10 },
    };
    expect(totalRows(summary).map((row) => row.label)).toEqual(['Mastodon', 'Bluesky', "Supporters' accounts", 'Pledgers by email']);
    expect(totalCells(totals({ total: 12_000, posted: 10_500, failed: 3, skipped: 2, pending: 1_490, claimed: 5, expectedReach: 1_234_567, deliveredReach: 1_000_000 }))).toEqual([
      '12,000', '10,500', '3', '2', '1,495', '1,234,567', '1,000,000',
    ]);
  });

  it('says how far sending has come, and how it ended', () => {
    expect(describeProgress('sending', totals())).toBe('Sending: the targets are being prepared.');
    expect(describeProgress('sending', totals({ total: 3, posted: 1, failed: 1, claimed: 1 }))).toBe('Sending: 2 of 3 targets done (1 posted, 1 failed, 0 skipped); 1 still to go.');
    expect(describeProgress('sending', totals({ total: 1, posted: 1 }))).toBe('Sending: every target is done (1 posted, 0 failed, 0 skipped); the message is marked finished within a minute.');
    expect(describeProgress('sent', totals({ total: 2_000, posted: 1_998, skipped: 2 }))).toBe('Sent: 1,998 posted, 0 failed, 2 skipped of 2,000 targets.');
    expect(describeProgress('partly_failed', totals({ total: 3, posted: 2, failed: 1, uncertain: 1 }))).toBe(
      'Partly failed: 2 posted, 1 failed, 0 skipped of 3 targets. 1 failure had no answer: the post may have gone out.',
    );
  });

  it('puts delivered reach against the expected, with the share when there is one', () => {
    expect(describeReach({ expectedReach: 2_000, deliveredReach: 1_234 })).toBe('Delivered reach: 1,234 of 2,000 expected (62%).');
    expect(describeReach({ expectedReach: 0, deliveredReach: 0 })).toBe('Delivered reach: 0 of 0 expected.');
  });

  it('splits the expected reach into the organisation’s accounts and the supporters’', () => {
    const reach = { campaignYear: 2026, supporters: 1_204, supporterFollowers: 98_765, organisationAccounts: 2, organisationFollowers: 150_000, expectedReach: 248_765, messagesSent: 0, postsDelivered: 0, deliveredReach: 0 };
    expect(expectedRows(reach)).toEqual([
      { label: "Organisation's accounts", accounts: '2', followers: '150,000' },
      { label: "Supporters' accounts lent", accounts: '1,204', followers: '98,765' },
    ]);
  });

  it('names each target and its result, and writes the error as a sentence', () => {
    expect(targetLabel({ kind: 'supporter', id: '3f2a9c1e-77aa-4bbb-8ccc-0123456789ab', platform: 'bluesky', language: 'es', timeZone: 'UTC', followers: 1 })).toBe('Supporter 3f2a9c1e');
    expect(resultOf({ state: 'failed', uncertain: true })).toBe('Failed: may have posted');
    expect(resultOf({ state: 'failed' })).toBe('Failed');
    expect(resultOf({ state: 'skipped' })).toBe('Skipped');
    expect(errorInWords('token expired: the supporter was asked to reconnect')).toBe('Token expired: the supporter was asked to reconnect.');
    expect(errorInWords('Bluesky refused the post: 400 Bad request (it may have posted)')).toBe('Bluesky refused the post: 400 Bad request (it may have posted)');
    expect(errorInWords(undefined)).toBe('No reason was recorded.');
  });
});
