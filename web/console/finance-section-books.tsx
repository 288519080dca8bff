import { CURRENCIES } from '../../functions/domain/donations/currencies.js';
import { DONOR_CATEGORIES } from '../../functions/domain/donations/donation.js';
import { DataTable } from './data-table.js';
import { CATEGORY_WORDS } from './finance-format.js';

/** Parts of the Finance area about the books: bank receipts (maker–checker), reports, the audit log. */

const MonthRange = ({ prefix, legend }: { prefix: string; legend: string }) => (
  <>
    <div class="field">
      <label for={`${prefix}-from`}>{`${legend} from`}</label>
      <input id={`${prefix}-from`} name="from" type="month" required />
    </div>
    <div class="field">
      <label for={`${prefix}-to`}>{`${legend} until`}</label>
      <input id={`${prefix}-to`} name="to" type="month" required />
    </div>
  </>
);

export function ReceiptsPart() {
  return (
    <section id="finance-receipts" aria-labelledby="receipts-title" hidden>
      <h1 id="receipts-title">Bank receipts</h1>
      <p>Gifts that reach the fund by bank transfer, recorded from the bank statement. A receipt counts in reports and campaign totals only once a second finance user has approved it.</p>
      <h2 id="receipt-form-title">Record a receipt</h2>
      <form id="receipt-form" class="form-grid" aria-labelledby="receipt-form-title" novalidate>
        <div class="field">
          <label for="receipt-donor">Donor</label>
          <input id="receipt-donor" name="donorName" type="text" maxlength={200} required />
        </div>
        <div class="field">
          <label for="receipt-category">Donor category</label>
          <select id="receipt-category" name="donorCategory">
            {DONOR_CATEGORIES.map((category) => (
              <option value={category} selected={category === 'government'}>{CATEGORY_WORDS[category]}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="receipt-campaign">Campaign year (optional)</label>
          <input id="receipt-campaign" name="campaignYear" type="number" min="2014" max="2100" step="1" inputmode="numeric" />
        </div>
        <div class="field">
          <label for="receipt-amount">Amount given</label>
          <p id="receipt-amount-hint" class="hint">As on the statement: 1 250,50 or 1,250.50</p>
          <input id="receipt-amount" name="amount" type="text" inputmode="decimal" autocomplete="off" required aria-describedby="receipt-amount-hint" />
        </div>
        <div class="field">
          <label for="receipt-currency">Currency given</label>
          <select id="receipt-currency" name="currency">
            {CURRENCIES.map((currency) => (
              <option value={currency}>{currency.toUpperCase()}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="receipt-settled">
            Credited in <span data-bind="reporting-currency">USD</span>
          </label>
          <p id="receipt-settled-hint" class="hint">From the statement; needed for other currencies</p>
          <input id="receipt-settled" name="settledAmount" type="text" inputmode="decimal" autocomplete="off" aria-describedby="receipt-settled-hint" />
        </div>
        <div class="field">
          <label for="receipt-date">Value date</label>
          <input id="receipt-date" name="valueDate" type="date" required />
        </div>
        <div class="field">
          <label for="receipt-reference">Bank reference</label>
          <input id="receipt-reference" name="bankReference" type="text" maxlength={100} required />
        </div>
        <div class="field field-wide">
          <label for="receipt-note">Note (optional)</label>
          <textarea id="receipt-note" name="note" rows={2} maxlength={1000}></textarea>
        </div>
        <div class="field-wide">
          <button type="submit" id="receipt-record" class="button button-primary">Record receipt</button>
        </div>
      </form>

      <h2 id="receipts-list-title">Receipts</h2>
      <form id="receipts-form" class="filters" aria-labelledby="receipts-list-title" novalidate>
        <MonthRange prefix="receipts" legend="Value date" />
        <button type="submit" class="button button-secondary">Show receipts</button>
      </form>
      <DataTable
        captionId="receipts-caption"
        caption="No receipts shown yet."
        columns={[
          { label: 'Value date' },
          { label: 'Donor' },
          { label: 'Campaign' },
          { label: 'Given', numeric: true },
          { label: 'Credited', numeric: true },
          { label: 'Bank reference' },
          { label: 'Recorded by' },
          { label: 'Status' },
          { label: 'Actions', class: 'col-actions' },
        ]}
        bodyId="receipts-rows"
      />
      <form id="reject-form" class="stack reason-form editor-panel" aria-labelledby="reject-form-title" novalidate hidden>
        <h3 id="reject-form-title" tabindex={-1}></h3>
        <div class="field">
          <label for="reject-reason">Reason for rejecting</label>
          <textarea id="reject-reason" name="reason" rows={2} maxlength={1000} required></textarea>
        </div>
        <div class="actions">
          <button type="submit" id="reject-confirm" class="button button-danger">Reject receipt</button>
          <button type="button" id="reject-cancel" class="button button-secondary">Cancel</button>
        </div>
      </form>
    </section>
  );
}

export function ReportsPart() {
  return (
    <section id="finance-reports" aria-labelledby="reports-title" hidden>
      <h1 id="reports-title">Reports</h1>
      <p>Gifts by card (from the ledger) and approved bank receipts, in the reporting currency. Amounts Stripe settled in another currency are listed apart, never converted at an invented rate.</p>
      <form id="report-form" class="filters" novalidate>
        <MonthRange prefix="report" legend="Months" />
        <fieldset class="language-picker">
          <legend>Group by</legend>
          {(
            [
              ['month', 'Month'],
              ['category', 'Donor category'],
              ['campaign', 'Campaign'],
              ['currency', 'Currency given'],
            ] as const
          ).map(([value, label]) => (
            <span class="picker-option">
              <input type="checkbox" id={`report-by-${value}`} name="groupBy" value={value} checked={value === 'month' || value === 'category'} />
              <label for={`report-by-${value}`}>{label}</label>
            </span>
          ))}
        </fieldset>
        <button type="submit" class="button button-primary">Show report</button>
      </form>
      <div class="actions">
        <button type="button" id="report-csv" class="button button-secondary">Report CSV</button>
        <button type="button" id="journal-csv" class="button button-secondary" aria-describedby="journal-csv-hint">Journal CSV</button>
        <span id="journal-csv-hint" class="hint">Double entries of the months for the accounting system.</span>
      </div>
      <DataTable
        tableId="report-table"
        captionId="report-caption"
        caption="Choose the months and show the report."
        headId="report-head"
        bodyId="report-rows"
        footId="report-totals"
      />
      <figure id="report-chart" class="chart" hidden>
        <figcaption id="report-chart-caption"></figcaption>
      </figure>
    </section>
  );
}

export function AuditPart() {
  return (
    <section id="finance-audit" aria-labelledby="audit-title" hidden>
      <h1 id="audit-title">Audit log</h1>
      <p>Every finance action, written in the same transaction as the change itself and never edited: who, when, what, before and after.</p>
      <form id="audit-form" class="filters" novalidate>
        <MonthRange prefix="audit" legend="Months" />
        <button type="submit" class="button button-secondary">Show the log</button>
      </form>
      <DataTable
        captionId="audit-caption"
        caption="No months shown yet."
        columns={[
          { label: 'When (UTC)' },
          { label: 'Who' },
          { label: 'Action' },
          { label: 'Subject' },
          { label: 'Before → after' },
          { label: 'Reason' },
        ]}
        bodyId="audit-rows"
      />
    </section>
  );
}
