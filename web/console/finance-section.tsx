import { FINANCE_PARTS } from './finance-format.js';
import { AuditPart, ReceiptsPart, ReportsPart } from './finance-section-books.js';

/**
 * The Finance area of the console (finance role only): its own section nav, then one part at a
 * time. Static structure; finance-*.ts fill it from /api/finance.
 */
export function FinanceSection() {
  return (
    <div id="finance" hidden>
      <nav class="subnav" aria-label="Finance sections">
        <ul>
          {FINANCE_PARTS.map(([part, title]) => (
            <li>
              <a id={`nav-finance-${part}`} href={`#finance-${part}`}>{title}</a>
            </li>
          ))}
        </ul>
      </nav>
      <PayoutsPart />
      <CheckPart />
      <PeriodsPart />
      <ReceiptsPart />
      <ReportsPart />
      <AuditPart />
    </div>
  );
}

function PayoutsPart() {
  return (
    <section id="finance-payouts" aria-labelledby="payouts-title" hidden>
      <h1 id="payouts-title">Payouts</h1>
      <p>Every Stripe payout to the bank, matched line by line against the ledger. Open one to see what differs, run it again, and sign it off.</p>
      <form id="payouts-form" class="filters" novalidate>
        <div class="field">
          <label for="payouts-from">Arrived from</label>
          <input id="payouts-from" name="from" type="date" required />
        </div>
        <div class="field">
          <label for="payouts-to">Arrived until</label>
          <input id="payouts-to" name="to" type="date" required />
        </div>
        <button type="submit" class="button button-primary">Show payouts</button>
      </form>
      <div class="grid-scroll" role="region" tabindex={0} aria-labelledby="payouts-caption">
        <table class="data">
          <caption id="payouts-caption">No payouts shown yet.</caption>
          <thead>
            <tr>
              <th scope="col">Arrival date</th>
              <th scope="col">Payout</th>
              <th scope="col" class="numeric">Amount</th>
              <th scope="col">Month</th>
              <th scope="col">State</th>
              <th scope="col">Last run</th>
              <th scope="col" class="numeric">Discrepancies</th>
              <th scope="col"><span class="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody id="payouts-rows"></tbody>
        </table>
      </div>

      <section id="payout-detail" class="editor" aria-labelledby="payout-title" hidden>
        <h2 id="payout-title" tabindex={-1}>
          Payout <span data-bind="payout-id"></span>
        </h2>
        <dl id="payout-facts" class="facts"></dl>
        <p id="payout-locked" class="notice notice-locked" hidden></p>

        <div class="grid-scroll" role="region" tabindex={0} aria-labelledby="payout-totals-caption">
          <table class="data">
            <caption id="payout-totals-caption">Per currency: gross − fees = net, against what reached the bank</caption>
            <thead>
              <tr>
                <th scope="col">Currency</th>
                <th scope="col" class="numeric">Transactions</th>
                <th scope="col" class="numeric">Gross</th>
                <th scope="col" class="numeric">Fees</th>
                <th scope="col" class="numeric">Net</th>
                <th scope="col" class="numeric">Payout amount</th>
                <th scope="col">Net equals payout?</th>
              </tr>
            </thead>
            <tbody id="payout-totals"></tbody>
          </table>
        </div>

        <h3 id="payout-discrepancies-title">Discrepancies</h3>
        <p id="payout-discrepancy-summary"></p>
        <div class="grid-scroll" role="region" tabindex={0} aria-labelledby="payout-discrepancy-table-caption">
          <table id="payout-discrepancy-table" class="data">
            <caption id="payout-discrepancy-table-caption" class="visually-hidden">Discrepancies of this payout</caption>
            <thead>
              <tr>
                <th scope="col">What differs</th>
                <th scope="col">Balance transaction</th>
                <th scope="col">Ledger entry</th>
                <th scope="col">Stripe says</th>
                <th scope="col">Ledger says</th>
                <th scope="col">Detail</th>
              </tr>
            </thead>
            <tbody id="payout-discrepancies"></tbody>
          </table>
        </div>

        <h3>Sign-off</h3>
        <div class="actions">
          <button type="button" id="payout-run" class="button button-secondary" aria-describedby="payout-run-hint">Run again</button>
          <span id="payout-run-hint" class="hint">Reconciles the payout now and keeps what it finds as its last run.</span>
        </div>
        <form id="payout-mark-form" class="stack reason-form" novalidate>
          <div class="field">
            <label for="payout-note">Note</label>
            <p id="payout-note-hint" class="hint">Required when the last run found discrepancies: say why the payout may be signed off anyway.</p>
            <textarea id="payout-note" name="note" rows={3} maxlength={1000} aria-describedby="payout-note-hint"></textarea>
          </div>
          <button type="submit" id="payout-mark" class="button button-primary">Mark reconciled</button>
        </form>
        <form id="payout-reopen-form" class="stack reason-form" novalidate hidden>
          <div class="field">
            <label for="payout-reason">Reason for reopening</label>
            <textarea id="payout-reason" name="reason" rows={3} maxlength={1000} required></textarea>
          </div>
          <button type="submit" id="payout-reopen" class="button button-danger">Reopen</button>
        </form>

        <h3>Lines</h3>
        <div class="grid-scroll" role="region" tabindex={0} aria-labelledby="payout-lines-caption">
          <table class="data">
            <caption id="payout-lines-caption">Lines</caption>
            <thead>
              <tr>
                <th scope="col">Balance transaction</th>
                <th scope="col">Type</th>
                <th scope="col">Source</th>
                <th scope="col" class="numeric">Amount</th>
                <th scope="col" class="numeric">Fee</th>
                <th scope="col" class="numeric">Net</th>
                <th scope="col">Ledger entry</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody id="payout-lines"></tbody>
          </table>
        </div>
      </section>
    </section>
  );
}

function CheckPart() {
  return (
    <section id="finance-check" aria-labelledby="check-title" hidden>
      <h1 id="check-title">Latest check</h1>
      <p>Every night each payout of the last 35 days is reconciled against the ledger, and gifts that no payout has paid out are listed. Finance is emailed when something needs a look.</p>
      <div class="actions">
        <button type="button" id="check-run" class="button button-primary">Run the check now</button>
      </div>
      <p id="check-none" hidden>No check has run yet.</p>
      <div id="check-result" hidden>
        <dl id="check-facts" class="facts"></dl>
        <div class="grid-scroll" role="region" tabindex={0} aria-labelledby="check-payouts-caption">
          <table class="data">
            <caption id="check-payouts-caption">Payouts with discrepancies</caption>
            <thead>
              <tr>
                <th scope="col">Arrival date</th>
                <th scope="col">Payout</th>
                <th scope="col" class="numeric">Amount</th>
                <th scope="col" class="numeric">Discrepancies</th>
                <th scope="col"><span class="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody id="check-payouts"></tbody>
          </table>
        </div>
        <div class="grid-scroll" role="region" tabindex={0} aria-labelledby="check-findings-caption">
          <table class="data">
            <caption id="check-findings-caption">Other findings</caption>
            <thead>
              <tr>
                <th scope="col">What differs</th>
                <th scope="col">Balance transaction</th>
                <th scope="col">Ledger entry</th>
                <th scope="col">Stripe says</th>
                <th scope="col">Ledger says</th>
                <th scope="col">Detail</th>
              </tr>
            </thead>
            <tbody id="check-findings"></tbody>
          </table>
        </div>
      </div>
    </section>
  );
}

function PeriodsPart() {
  return (
    <section id="finance-periods" aria-labelledby="periods-title" hidden>
      <h1 id="periods-title">Periods</h1>
      <p>Lock a closed month once its payouts are signed off: nothing in it (sign-offs, bank receipts) changes until someone unlocks it, with a reason. Only past months can be locked.</p>
      <form id="periods-form" class="inline-form" novalidate>
        <div class="field">
          <label for="periods-year">Year</label>
          <input id="periods-year" name="year" type="number" min="2014" max="2100" step="1" inputmode="numeric" required />
        </div>
        <button type="submit" class="button button-secondary">Show months</button>
      </form>
      <div class="grid-scroll" role="region" tabindex={0} aria-labelledby="periods-caption">
        <table class="data">
          <caption id="periods-caption">No year shown yet.</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">State</th>
              <th scope="col">Last change</th>
              <th scope="col">Reason</th>
              <th scope="col"><span class="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody id="periods-rows"></tbody>
        </table>
      </div>
      <form id="period-form" class="stack reason-form editor-panel" aria-labelledby="period-form-title" novalidate hidden>
        <h2 id="period-form-title" tabindex={-1}></h2>
        <div class="field">
          <label for="period-reason">Reason</label>
          <p id="period-reason-hint" class="hint"></p>
          <textarea id="period-reason" name="reason" rows={2} maxlength={1000} aria-describedby="period-reason-hint"></textarea>
        </div>
        <div class="actions">
          <button type="submit" id="period-confirm" class="button button-primary"></button>
          <button type="button" id="period-cancel" class="button button-secondary">Cancel</button>
        </div>
      </form>
    </section>
  );
}
