import { CSV_BOM, csvCell, csvLine, csvNumber } from '../shared/csv.js';
import { type Account, type ChartOfAccounts, DEFAULT_CHART_OF_ACCOUNTS } from './accounts.js';
import type { PayoutLine, ReceiptLine } from './finance.js';
import { formatMinor } from './money-format.js';

/** One line of a double-entry journal, in minor units of the settlement `currency`. */
export interface JournalLine {
  /** YYYY-MM-DD (UTC for Stripe's timestamps). */
  date: string;
  account: string;
  accountName: string;
  /** Minor units, or 0 when the line is a credit. */
  debit: number;
  /** Minor units, or 0 when the line is a debit. */
  credit: number;
  currency: string;
  reference: string;
  description: string;
}

interface Posting {
  date: string;
  debit: Account;
  credit: Account;
  /** Signed: a negative amount posts the other way round (a refund undoes a gift). */
  amount: number;
  currency: string;
  reference: string;
  description: string;
}

/**
 * Receipts and payouts as a double-entry journal, in the currency the money actually moved in
 * (the settlement currency; nothing is converted). Every posting is a debit line and a credit
 * line of the same amount, so each currency balances; zero amounts post nothing.
 *
 * Stripe: gift Dr clearing / Cr contributions (its category); fee Dr fees / Cr clearing;
 * refunds and disputes are negative, so they post the reverse, and a dispute's fee is a fee.
 * Bank: Dr bank / Cr contributions. Payout: Dr bank / Cr clearing — so once a period's gifts
 * are paid out, clearing nets to zero.
 */
export function journalEntries(receipts: Iterable<ReceiptLine>, payouts: Iterable<PayoutLine>, accounts: ChartOfAccounts = DEFAULT_CHART_OF_ACCOUNTS): JournalLine[] {
  const postings: Posting[] = [];
  for (const line of receipts) {
    const date = dayOf(line.date);
    const currency = line.settled.currency.toLowerCase();
    const cash = line.source === 'stripe' ? accounts.stripeClearing : accounts.bank;
    const what = `${describeKind(line)} – ${line.donorCategory}${line.campaignYear === undefined ? '' : `, campaign ${line.campaignYear}`}`;
    const base = { date, currency, reference: line.reference };
    postings.push({ ...base, debit: cash, credit: accounts.contributions[line.donorCategory], amount: line.settled.amount, description: what });
    postings.push({ ...base, debit: accounts.fees, credit: cash, amount: line.settled.fee, description: `Fee: ${what}` });
  }
  for (const payout of payouts) {
    const base = { date: dayOf(payout.date), currency: payout.currency.toLowerCase(), reference: payout.id };
    postings.push({ ...base, debit: accounts.bank, credit: accounts.stripeClearing, amount: payout.amount, description: 'Stripe payout' });
  }
  // Stable: the two lines of a posting, and the postings of one receipt, stay together.
  return postings
    .filter((p) => p.amount !== 0)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .flatMap(linesOf);
}

function linesOf({ debit, credit, amount, ...rest }: Posting): JournalLine[] {
  const [dr, cr] = amount > 0 ? [debit, credit] : [credit, debit];
  const value = Math.abs(amount);
  return [
    { ...rest, account: dr.code, accountName: dr.name, debit: value, credit: 0 },
    { ...rest, account: cr.code, accountName: cr.name, debit: 0, credit: value },
  ];
}

function describeKind(line: ReceiptLine): string {
  if (line.source === 'bank') return 'Bank transfer';
  return { gift: 'Gift', refund: 'Refund', dispute: 'Dispute', dispute_reversal: 'Dispute won' }[line.kind];
}

function dayOf(date: string): string {
  const day = date.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`Not an ISO date: ${JSON.stringify(date)}`);
  return day;
}

const JOURNAL_COLUMNS = ['date', 'account', 'account_name', 'debit', 'credit', 'currency', 'reference', 'description'];

/** The journal as CSV for an accounting import: BOM, CRLF, major units as plain numbers, text through csvCell. */
export function journalCsv(lines: Iterable<JournalLine>): string {
  let text = `${CSV_BOM}${csvLine(JOURNAL_COLUMNS)}`;
  for (const l of lines) {
    const amount = (minor: number) => csvNumber(formatMinor(minor, l.currency));
    text += csvLine([csvCell(l.date), csvCell(l.account), csvCell(l.accountName), amount(l.debit), amount(l.credit), csvCell(l.currency), csvCell(l.reference), csvCell(l.description)]);
  }
  return text;
}
