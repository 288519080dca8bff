/**
 * The finance area's words and numbers, with no DOM (unit-tested): money from minor units,
 * amounts typed in major units, discrepancy kinds and audit actions in words, months and days.
 */
import { CURRENCIES, isCurrency, parseMajorAmount, type Currency } from '../../functions/domain/donations/currencies.js';
import { formatMinor } from '../../functions/domain/finance/money-format.js';

export { CURRENCIES, isCurrency, type Currency };

/** The Finance area's parts, in the order of its section nav (`#finance-payouts`, …). */
export const FINANCE_PARTS = [
  ['payouts', 'Payouts'],
  ['check', 'Latest check'],
  ['periods', 'Periods'],
  ['receipts', 'Bank receipts'],
  ['reports', 'Reports'],
  ['audit', 'Audit log'],
] as const;

/** 123456 usd → `1,234.56`; -2500 usd → `-25.00`; 1000000 jpy → `1,000,000` (string arithmetic). */
export function groupedMinor(minor: number, currency: string): string {
  const plain = formatMinor(minor, currency);
  const [whole = '', fraction] = plain.replace('-', '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${plain.startsWith('-') ? '−' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** `1,234.56 USD`. */
export const money = (minor: number, currency: string): string => `${groupedMinor(minor, currency)} ${currency.toUpperCase()}`;

/**
 * What a finance user types from a bank statement, in major units → minor units, or undefined:
 * `1 250,50`, `1,250.50`, `1.250,50`, `1'250.50`, `1250.5`, `1250`. Spaces and apostrophes
 * group thousands; of `.` and `,` the last one is the decimal separator when both appear, and a
 * lone one followed by exactly three digits groups thousands (`1,250` is 1250, as typed in JPY).
 */
export function parseTypedAmount(text: string, currency: Currency): number | undefined {
  let value = text.trim().replace(/[\s\u00a0\u202f'’]/g, '');
  if (value === '') return undefined;
  const lastDot = value.lastIndexOf('.');
  const lastComma = value.lastIndexOf(',');
  const thousands = /^[1-9]\d{0,2}([.,]\d{3})*$/;
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const [whole = '', fraction, ...rest] = value.split(decimal);
    if (rest.length > 0 || !thousands.test(whole)) return undefined;
    value = `${whole.replace(/[.,]/g, '')}.${fraction}`;
  } else if (thousands.test(value) && /[.,]/.test(value)) {
    value = value.replace(/[.,]/g, ''); // 1,250 or 1.250.000: groups of three, never three decimals
  }
  return parseMajorAmount(value, currency);
}

/** The decimals a currency is typed with, for hints: `1250.50` or `1250`. */
export const amountExample = (currency: Currency): string => (currency === 'jpy' ? '125000' : '1250.50');

export const DISCREPANCY_WORDS: Record<string, { title: string; meaning: string }> = {
  missing_from_ledger: { title: 'Missing from the ledger', meaning: 'Stripe paid this out, but the ledger has no entry for it (a webhook that never arrived?).' },
  missing_from_stripe: { title: 'Missing from Stripe’s payouts', meaning: 'The ledger records it, but no reconciled payout lists it.' },
  amount_mismatch: { title: 'Amounts differ', meaning: 'Stripe and the ledger disagree on the amount.' },
  currency_mismatch: { title: 'Currencies differ', meaning: 'Stripe settled it in another currency than the ledger says.' },
  fee_difference: { title: 'Fees differ', meaning: 'Stripe’s fee is not the fee the ledger recorded.' },
  kind_mismatch: { title: 'Recorded as the wrong kind', meaning: 'The ledger entry is not the kind this transaction needs (e.g. a refund recorded as a gift).' },
  unbalanced_line: { title: 'Stripe’s line does not add up', meaning: 'Amount − fee is not the net Stripe gives.' },
  paid_out_twice: { title: 'Paid out twice', meaning: 'The same transaction is listed by two payouts.' },
  duplicate_in_ledger: { title: 'Recorded twice in the ledger', meaning: 'Two ledger entries name the same Stripe transaction.' },
  net_differs_from_payout: { title: 'Net differs from the payout', meaning: 'The transactions’ net does not add up to the amount paid to the bank.' },
  payout_transaction_mismatch: { title: 'Payout’s own transaction differs', meaning: 'The payout’s own balance transaction is not minus the payout amount.' },
};

export const discrepancyTitle = (kind: string): string => DISCREPANCY_WORDS[kind]?.title ?? kind.replace(/_/g, ' ');

/** What Stripe and the ledger say, readable: amounts with their currency, other values as given. */
export function discrepancyValue(value: number | string | undefined, currency: string | undefined): string {
  if (value === undefined) return '—';
  if (typeof value === 'number') return currency ? money(value, currency) : String(value);
  return value;
}

export const OUTCOME_WORDS: Record<string, string> = {
  matched: 'Matched',
  stripe_only: 'Stripe only (no ledger entry needed)',
  payout: 'The payout itself',
  discrepancy: 'Discrepancy',
};

export const AUDIT_WORDS: Record<string, string> = {
  'payout.reconcile': 'Payout reconciled',
  'payout.mark-reconciled': 'Payout marked reconciled',
  'payout.reopen': 'Payout reopened',
  'period.lock': 'Month locked',
  'period.unlock': 'Month unlocked',
  'offline-receipt.record': 'Bank receipt recorded',
  'offline-receipt.approve': 'Bank receipt approved',
  'offline-receipt.reject': 'Bank receipt rejected',
};

export const CATEGORY_WORDS: Record<string, string> = {
  individual: 'Individual',
  'private-sector': 'Private sector',
  foundation: 'Foundation',
  government: 'Government',
};

const show = (value: unknown): string => {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
};

/**
 * An audit entry's before → after as lines: `state: unreviewed → reconciled` for each field that
 * changed; a record created from nothing lists its fields (`status: pending`).
 */
export function describeChange(before: unknown, after: unknown): string[] {
  const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isObject(before) && !isObject(after)) return before === after ? [] : [`${show(before)} → ${show(after)}`];
  const was = isObject(before) ? before : {};
  const is = isObject(after) ? after : {};
  const keys = [...new Set([...Object.keys(was), ...Object.keys(is)])];
  const changed = keys.filter((key) => JSON.stringify(was[key]) !== JSON.stringify(is[key]));
  if (!isObject(before)) return changed.map((key) => `${key}: ${show(is[key])}`);
  return changed.map((key) => `${key}: ${show(was[key])} → ${show(is[key])}`);
}

/** Today as YYYY-MM-DD (UTC) and days before it. */
export const dayOf = (date: Date): string => date.toISOString().slice(0, 10);
export const daysAgo = (days: number, now = new Date()): string => dayOf(new Date(now.getTime() - days * 86_400_000));
export const monthOf = (date: Date): string => date.toISOString().slice(0, 7);
/** The month `months` before the given one: monthsBefore('2026-02', 2) → '2025-12'. */
export function monthsBefore(period: string, months: number): string {
  const [year, month] = period.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) - months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** `2026-07-30T09:15:00.000Z` → `2026-07-30`; an arrival date is a day. */
export const dateOnly = (iso: string): string => iso.slice(0, 10);
