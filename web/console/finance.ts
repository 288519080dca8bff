/**
 * The Finance area (finance role only): its section nav (`#finance-payouts`, `#finance-check`,
 * … deep-linkable; `#finance` opens the last one shown), each part loaded afresh whenever it is
 * shown (another finance user may have locked a month or approved a receipt meanwhile), and
 * everything cleared when the user signs out.
 */
import { $, hush } from './dom.js';
import { loadAudit, setUpAudit } from './finance-audit.js';
import { FINANCE_PARTS } from './finance-format.js';
import { loadCheck, setUpCheck } from './finance-check.js';
import { refreshPayouts, resetPayouts, setUpPayouts } from './finance-payouts.js';
import { loadPeriods, resetPeriods, setUpPeriods } from './finance-periods.js';
import { loadReceipts, resetReceipts, setUpReceipts } from './finance-receipts.js';
import { resetReports, setUpReports } from './finance-reports.js';

type Part = (typeof FINANCE_PARTS)[number][0];
const PARTS = FINANCE_PARTS.map(([part]) => part);
const isPart = (value: string): value is Part => (PARTS as readonly string[]).includes(value);

/** Reports wait for the user to choose months: they read every ledger entry of them. */
const LOADERS: Partial<Record<Part, () => Promise<void>>> = { payouts: refreshPayouts, check: loadCheck, periods: loadPeriods, receipts: loadReceipts, audit: loadAudit };

let part: Part = 'payouts';
/** The part on the screen, loaded; none after signing out. */
let shown: Part | null = null;

/** `finance`, `finance-periods`: hashes of the Finance area. */
export const isFinanceHash = (hash: string): boolean => hash === 'finance' || (hash.startsWith('finance-') && isPart(hash.slice('finance-'.length)));

/** Shows the part the hash names (or the last one), loading it when it was not on the screen. */
export function showFinance(hash: string): void {
  const named = hash.slice('finance-'.length);
  if (hash.startsWith('finance-') && isPart(named) && named !== part) {
    part = named;
    hush(); // the last part's outcome is not about this one
  }
  for (const name of PARTS) {
    $(`finance-${name}`).hidden = name !== part;
    const link = $(`nav-finance-${name}`);
    if (name === part) link.setAttribute('aria-current', 'true');
    else link.removeAttribute('aria-current');
  }
  if (shown !== part) {
    shown = part;
    void LOADERS[part]?.();
  }
}

/** Another area is shown: coming back loads the part afresh. */
export function leaveFinance(): void {
  shown = null;
}

export function setUpFinance(): void {
  setUpPayouts();
  setUpCheck();
  setUpPeriods();
  setUpReceipts();
  setUpReports();
  setUpAudit();
}

/** Signed out: nothing of the last user's figures stays on the page. */
export function resetFinance(): void {
  shown = null;
  for (const body of $('finance').querySelectorAll('tbody, tfoot, thead#report-head')) body.replaceChildren();
  $('check-result').hidden = true;
  $('check-none').hidden = true;
  resetPayouts();
  resetPeriods();
  resetReceipts();
  resetReports();
}
