import { describe, expect, it } from 'vitest';
import type { OfflineReceipt } from '../../../functions/domain/finance/finance.js';
import { receiptLineOfEntry, receiptLineOfOffline } from '../../../functions/domain/finance/receipt-lines.js';
import type { LedgerEntry } from '../../../functions/domain/donations/ledger.js';

const gift: LedgerEntry = {
  id: 'gift:ch_1',
  kind: 'gift',
  occurredAt: '2026-07-30T23:59:00.000Z',
  amount: 5000,
  currency: 'eur',
  settlement: { amount: 5412, fee: 187, net: 5225, currency: 'usd', exchangeRate: 1.0824, balanceTransactionId: 'txn_1' },
  stripe: { chargeId: 'ch_1', customerId: 'cus_1' },
  campaignYear: 2026,
  donorCategory: 'foundation',
  earmark: 'shelters',
  frequency: 'once',
  language: 'ar',
  anonymous: false,
  receiptNumber: 'BH-2026-000123',
  donor: { name: 'محمد', email: 'm@example.org' },
};

const offline: OfflineReceipt = {
  id: 'off_1',
  status: 'approved',
  donorName: 'Ministry of Foreign Affairs',
  donorCategory: 'government',
  campaignYear: 2026,
  amount: 10_000_000,
  currency: 'jpy',
  settledAmount: 6_702_000,
  settledCurrency: 'USD',
  valueDate: '2026-07-15',
  bankReference: 'MOFA/2026/117',
  recordedBy: 'maker',
  recordedAt: '2026-07-16T09:00:00.000Z',
  decidedBy: 'checker',
  decidedAt: '2026-07-16T10:00:00.000Z',
  version: 2,
};

describe('receiptLineOfEntry', () => {
  it('takes a gift’s receipt number, settlement and classification, and no contact details', () => {
    expect(receiptLineOfEntry(gift)).toEqual({
      source: 'stripe',
      id: 'gift:ch_1',
      kind: 'gift',
      date: '2026-07-30T23:59:00.000Z',
      donorCategory: 'foundation',
      campaignYear: 2026,
      earmark: 'shelters',
      amount: 5000,
      currency: 'eur',
      settled: { amount: 5412, fee: 187, currency: 'usd' },
      reference: 'BH-2026-000123',
    });
  });

  it('refers to refunds and disputes by Stripe’s id, or the entry id when there is none', () => {
    const refund = { ...gift, id: 'refund:re_9', kind: 'refund' as const, amount: -5000, receiptNumber: undefined, stripe: { chargeId: 'ch_1', refundId: 're_9' } };
    const dispute = { ...gift, id: 'dispute:dp_4', kind: 'dispute' as const, amount: -5000, receiptNumber: undefined, stripe: { chargeId: 'ch_1', disputeId: 'dp_4' } };
    const bare = { ...refund, stripe: { chargeId: 'ch_1' } };
    expect(receiptLineOfEntry(refund).reference).toBe('re_9');
    expect(receiptLineOfEntry(dispute).reference).toBe('dp_4');
    expect(receiptLineOfEntry(bare).reference).toBe('refund:re_9');
  });

  it('leaves out a campaign it does not have', () => {
    const { campaignYear: _, ...noCampaign } = gift;
    expect(receiptLineOfEntry(noCampaign)).not.toHaveProperty('campaignYear');
  });
});

describe('receiptLineOfOffline', () => {
  it('is a bank gift at its value date, settled as the statement says, without fee', () => {
    expect(receiptLineOfOffline(offline)).toEqual({
      source: 'bank',
      id: 'off_1',
      kind: 'gift',
      date: '2026-07-15',
      donorCategory: 'government',
      campaignYear: 2026,
      amount: 10_000_000,
      currency: 'jpy',
      settled: { amount: 6_702_000, fee: 0, currency: 'usd' },
      reference: 'MOFA/2026/117',
    });
  });

  it.each(['pending', 'rejected'] as const)('refuses a %s receipt', (status) => {
    expect(() => receiptLineOfOffline({ ...offline, status })).toThrow(/only approved/);
  });
});
