/**
 * Finance · Latest check: the nightly reconciliation of every recent payout (or the one run by
 * hand), what it found, and a button to run it now.
 */
import { send } from './api.js';
import { $, el, errorMessage, say, utc } from './dom.js';
import { busy } from './finance-forms.js';
import { dateOnly, money } from './finance-format.js';
import { openPayoutNext, renderDiscrepancies } from './finance-payouts.js';
import { TRIGGER_WORDS, type Check } from './finance-types.js';

function fact(list: HTMLElement, term: string, value: string): void {
  list.append(el('dt', {}, term), el('dd', {}, value));
}

function render(check: Check | null): void {
  $('check-none').hidden = check !== null;
  $('check-result').hidden = check === null;
  if (!check) return;
  const facts = $('check-facts');
  facts.replaceChildren();
  fact(facts, 'Outcome', check.status === 'clean' ? 'Clean: every payout matches the ledger.' : 'Discrepancies: something needs a look.');
  fact(facts, 'Run', `${utc(check.at)}, ${TRIGGER_WORDS[check.trigger] ?? check.trigger}${check.by ? ` (${check.by})` : ''}`);
  fact(facts, 'Payouts that arrived', `${dateOnly(check.window.from)} to ${dateOnly(check.window.to)}`);
  fact(facts, 'Payouts checked', `${check.payouts.total}: ${check.payouts.clean} clean, ${check.payouts.withDiscrepancies} with discrepancies`);
  fact(facts, 'New since the last check', check.newPayouts.length ? check.newPayouts.join(', ') : 'none');
  fact(facts, 'Gifts still waiting for a payout', `${check.awaitingPayout} (less than a week old: not a discrepancy yet)`);

  $('check-payouts-caption').textContent = check.payoutsWithDiscrepancies.length ? `${check.payoutsWithDiscrepancies.length} payout(s) with discrepancies` : 'No payout has discrepancies.';
  $('check-payouts').replaceChildren(
    ...check.payoutsWithDiscrepancies.map((payout) => {
      const open = el('button', { type: 'button', class: 'button button-secondary button-small', 'aria-label': `Open payout ${payout.id}` }, 'Open');
      open.addEventListener('click', () => {
        openPayoutNext(payout);
        location.hash = '#finance-payouts';
      });
      return el(
        'tr',
        {},
        el('td', {}, dateOnly(payout.arrivalDate)),
        el('td', {}, el('code', {}, payout.id)),
        el('td', { class: 'numeric' }, money(payout.amount, payout.currency)),
        el('td', { class: 'numeric' }, String(payout.discrepancies)),
        el('td', {}, open),
      );
    }),
  );
  $('check-findings-caption').textContent = check.discrepancies.length
    ? `${check.discrepancies.length} finding(s) outside the payouts (e.g. gifts no payout paid out)`
    : 'No findings outside the payouts.';
  renderDiscrepancies($('check-findings'), check.discrepancies);
}

export async function loadCheck(): Promise<void> {
  try {
    render((await send<{ check: Check | null }>('GET', '/api/finance/checks/latest')).check);
  } catch (error) {
    say(errorMessage(error));
  }
}

export function setUpCheck(): void {
  const button = $<HTMLButtonElement>('check-run');
  button.addEventListener('click', () =>
    busy($('finance-check'), [button], async () => {
      say('Checking every payout of the last 35 days…');
      const check = await send<Check>('POST', '/api/finance/checks');
      render(check);
      say(`Check done: ${check.payouts.total} payout(s), ${check.status === 'clean' ? 'all clean' : `${check.payouts.withDiscrepancies} with discrepancies, ${check.discrepancies.length} other finding(s)`}.`);
    }),
  );
}
