import { type Column, DataTable } from './data-table.js';
import { FINANCE_PARTS } from './finance-format.js';
import { AuditPart, ReceiptsPart, ReportsPart } from './finance-section-books.js';

/** The columns of a table of discrepancies: a payout's, and the latest check's other findings (rows: renderDiscrepancies). */
const DISCREPANCY_COLUMNS: readonly Column[] = [
  { label: 'What differs' },
  { label: 'Balance transaction' },
  { label: 'Ledger entry' },
  { label: 'Stripe says' },
  { label: 'Ledger says' },
  { label: 'Detail' },
];

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
      <DataTable
        captionId="payouts-caption"
        caption="No payouts shown yet."
        columns={[
          { label: 'Arrival date' },
          { label: 'Payout' },
          { label: 'Amount', numeric: true },
          { label: 'Month' },
          { label: 'State' },
          { label: 'Last run' },
          { label: 'Discrepancies', numeric: true },
          { label: 'Actions', visuallyHidden: true },
        ]}
        bodyId="payouts-rows"
      />

      <section id="payout-detail" class="editor" aria-labelledby="payout-title" hidden>
        <h2 id="payout-title" tabindex={-1}>
          Payout <span data-bind="payout-id"></span>
        </h2>
        <dl id="payout-facts" class="facts"></dl>
        <p id="payout-locked" class="notice notice-locked" hidden></p>

        <DataTable
          captionId="payout-totals-caption"
          caption="Per currency: gross − fees = net, against what reached the bank"
          columns={[
            { label: 'Currency' },
            { label: 'Transactions', numeric: true },
            { label: 'Gross', numeric: true },
            { label: 'Fees', numeric: true },
            { label: 'Net', numeric: true },
            { label: 'Payout amount', numeric: true },
            { label: 'Net equals payout?' },
          ]}
          bodyId="payout-totals"
        />

        <h3 id="payout-discrepancies-title">Discrepancies</h3>
        <p id="payout-discrepancy-summary"></p>
        <DataTable
          tableId="payout-discrepancy-table"
          captionId="payout-discrepancy-table-caption"
          captionHidden
          caption="Discrepancies of this payout"
          columns={DISCREPANCY_COLUMNS}
          bodyId="payout-discrepancies"
        />

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
        <DataTable
          captionId="payout-lines-caption"
          caption="Lines"
          columns={[
            { label: 'Balance transaction' },
            { label: 'Type' },
            { label: 'Source' },
            { label: 'Amount', numeric: true },
            { label: 'Fee', numeric: true },
            { label: 'Net', numeric: true },
            { label: 'Ledger entry' },
            { label: 'Outcome' },
          ]}
          bodyId="payout-lines"
        />
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
        <DataTable
          captionId="check-payouts-caption"
          caption="Payouts with discrepancies"
          columns={[
            { label: 'Arrival date' },
            { label: 'Payout' },
            { label: 'Amount', numeric: true },
            { label: 'Discrepancies', numeric: true },
            { label: 'Actions', visuallyHidden: true },
          ]}
          bodyId="check-payouts"
        />
        <DataTable
          captionId="check-findings-caption"
          caption="Other findings"
          columns={DISCREPANCY_COLUMNS}
          bodyId="check-findings"
        />
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
      <DataTable
        captionId="periods-caption"
        caption="No year shown yet."
        columns={[
          { label: 'Month' },
          { label: 'State' },
          { label: 'Last change' },
          { label: 'Reason' },
          { label: 'Actions', visuallyHidden: true },
        ]}
        bodyId="periods-rows"
      />
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
