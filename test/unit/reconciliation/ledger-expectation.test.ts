import { describe, expect, it } from 'vitest';
import { ledgerExpectation } from '../../../functions/domain/reconciliation/ledger-expectation.js';
import { txn } from './fixtures.js';

describe('ledgerExpectation', () => {
  it.each([
    ['charge', undefined, ['gift']],
    ['payment', undefined, ['gift']],
    ['refund', 'refund', ['refund']],
    ['payment_refund', undefined, ['refund']],
    ['payment_failure_refund', undefined, ['refund', 'dispute']],
    ['adjustment', 'dispute', ['dispute']],
    ['adjustment', 'dispute_reversal', ['dispute_reversal']],
    ['adjustment', 'other_adjustment', null],
    ['obligation_outbound', undefined, null],
  ] as const)('%s (%s) needs an entry of kind %j', (type, reportingCategory, kinds) => {
    expect(ledgerExpectation(txn('txn_1', type, -100, 0, reportingCategory ? { reportingCategory } : {}))).toEqual({ entry: true, kinds });
  });

  it.each(['stripe_fee', 'payout', 'payout_failure', 'reserve_transaction', 'stripe_fx_fee'])('%s needs no entry', (type) => {
    expect(ledgerExpectation(txn('txn_1', type, -100))).toEqual({ entry: false });
  });
});
