import type { OutgoingEmail } from '../pledges/ports.js';
import { escapeHtml } from '../shared/escape-html.js';
import type { PayoutReconciliation } from '../reconciliation/types.js';
import type { ReconciliationCheck } from './finance.js';
import { formatMinor } from './money-format.js';

/** At most this many findings per payout in the email; the console has them all. */
const SHOWN_PER_PAYOUT = 20;

const money = (amount: number, currency: string) => `${formatMinor(amount, currency)} ${currency.toUpperCase()}`;

/**
 * The nightly summary for the finance team, in English (the fund's working language). Ids and
 * amounts only: no donor's name or address is ever in it.
 */
export function reconciliationEmail(check: ReconciliationCheck, results: readonly PayoutReconciliation[], to: { to: string; consoleUrl: string }): OutgoingEmail {
  const day = check.at.slice(0, 10);
  const withFindings = results.filter((result) => result.status === 'discrepancies');
  const subject = `Reconciliation ${day}: ${withFindings.length} of ${check.payouts.total} payouts with discrepancies, ${check.counts.missing_from_stripe} gifts missing from Stripe`;
  const sections: Array<{ title: string; lines: string[] }> = [
    ...withFindings.map(({ payout, discrepancies }) => ({
      title: `Payout ${payout.id} — ${money(payout.amount, payout.currency)}, arrived ${payout.arrivalDate.slice(0, 10)}`,
      lines: [
        ...discrepancies.slice(0, SHOWN_PER_PAYOUT).map((found) => found.detail),
        ...(discrepancies.length > SHOWN_PER_PAYOUT ? [`… and ${discrepancies.length - SHOWN_PER_PAYOUT} more in the console.`] : []),
      ],
    })),
    ...(check.discrepancies.length ? [{ title: 'Not paid out by any payout', lines: check.discrepancies.map((found) => found.detail) }] : []),
  ];
  const intro = `Payouts that arrived from ${check.window.from.slice(0, 10)} to ${day} were reconciled against the donation ledger. ${check.payouts.clean} were clean; ${check.awaitingPayout} recent gifts are waiting for a payout.`;
  const text = [intro, '', ...sections.flatMap((section) => [section.title, ...section.lines.map((line) => `  - ${line}`), '']), `Review and mark payouts: ${to.consoleUrl}`].join('\n');
  const html = `<!doctype html><html lang="en"><body><p>${escapeHtml(intro)}</p>${sections
    .map((section) => `<h2>${escapeHtml(section.title)}</h2><ul>${section.lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`)
    .join('')}<p><a href="${escapeHtml(to.consoleUrl)}">Review and mark payouts in the console</a></p></body></html>`;
  return { to: to.to, subject, text, html, language: 'en' };
}
