import { describe, expect, it } from 'vitest';
import { campaignProgress } from '../../../functions/domain/donations/campaign-progress.js';
import type { CampaignTotals, LedgerRepository } from '../../../functions/domain/donations/ledger.js';

const ledgerWith = (totals: Partial<CampaignTotals>) =>
  ({ totals: async (campaignYear: number) => ({ campaignYear, raised: {}, donors: 0, byCurrency: {}, matchable: {}, ...totals }) }) as unknown as LedgerRepository;

describe('campaign progress', () => {
  const fundraising = {
    target: { amount: 5_000_000, currency: 'usd' },
    endsAt: '2026-08-30T00:00:00Z',
    matcher: { name: 'A Foundation', cap: { amount: 1_000_000, currency: 'usd' }, startsAt: '2026-07-01T00:00:00Z', endsAt: '2026-07-31T00:00:00Z' },
  };

  it('reports raised against the target, days left and the match so far', async () => {
    const progress = await campaignProgress(ledgerWith({ raised: { usd: 1_234_500, eur: 9_000 }, donors: 87, matchable: { usd: 400_000 } }), fundraising, 2026, new Date('2026-07-30T12:00:00Z'));
    expect(progress).toEqual({
      campaignYear: 2026,
      target: { amount: 5_000_000, currency: 'usd' },
      raised: { amount: 1_234_500, currency: 'usd' },
      donors: 87,
      endsAt: '2026-08-30T00:00:00Z',
      daysLeft: 31,
      matched: { amount: 400_000, currency: 'usd', cap: 1_000_000, remaining: 600_000, matcher: 'A Foundation' },
    });
  });

  it('never matches beyond the cap, and stops counting days at zero', async () => {
    const progress = await campaignProgress(ledgerWith({ matchable: { usd: 3_000_000 } }), fundraising, 2026, new Date('2026-09-30T00:00:00Z'));
    expect(progress.matched).toMatchObject({ amount: 1_000_000, remaining: 0 });
    expect(progress.daysLeft).toBe(0);
  });

  it('has just the totals for a campaign without a target', async () => {
    expect(await campaignProgress(ledgerWith({ donors: 3 }), undefined, 2026, new Date())).toEqual({ campaignYear: 2026, raised: { amount: 0, currency: 'usd' }, donors: 3 });
    expect((await campaignProgress(ledgerWith({ raised: { eur: 500, usd: 100 } }), undefined, 2026, new Date())).raised).toEqual({ amount: 500, currency: 'eur' });
  });
});
