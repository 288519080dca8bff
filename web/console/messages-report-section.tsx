import { DataTable } from './data-table.js';

const FIGURES = [
  { label: 'Targets', numeric: true }, { label: 'Posted', numeric: true }, { label: 'Failed', numeric: true }, { label: 'Skipped', numeric: true },
  { label: 'Pending', numeric: true }, { label: 'Expected reach', numeric: true }, { label: 'Delivered reach', numeric: true },
];

/**
 * A message's reach in the editor (messages-report.ts fills it): before the moment, the expected
 * reach of the accounts that will post it, and those that cannot (expired: the supporters'
 * counted, the organisation's listed with a way to reconnect each), per platform; from the moment on, the delivery report — totals per
 * platform and kind of target, expected against delivered reach, what failed or was skipped and
 * why, each post's link, the CSV, and Refresh (automatic every few seconds while sending).
 */
export function MessageReportSection() {
  return (
    <section id="message-report" class="message-report" aria-labelledby="message-report-title" hidden>
      <h3 id="message-report-title">Reach</h3>

      <div id="message-expected" hidden>
        <p class="hint">
          Before the moment: every active account that will post it, with its followers when it connected. Supporters can still lend or take back theirs; accounts on a network this message has no variant for are skipped.
        </p>
        <DataTable
          captionId="message-expected-caption"
          caption="The accounts that will post it"
          columns={[{ label: 'Who posts it' }, { label: 'Accounts', numeric: true }, { label: 'Followers', numeric: true }]}
          bodyId="message-expected-rows"
          footId="message-expected-foot"
        />
        <div id="message-health" class="message-health">
          <h4 id="message-health-title">Accounts that cannot post it</h4>
          <p id="message-health-supporters"></p>
          <p id="message-health-share" hidden></p>
          <DataTable
            captionId="message-health-caption"
            caption="Accounts per platform"
            columns={[{ label: 'Platform' }, { label: 'Will post', numeric: true }, { label: 'Expired', numeric: true }]}
            bodyId="message-health-rows"
          />
          <p id="message-health-organisation"></p>
          <ul id="message-health-expired" class="expired-accounts"></ul>
        </div>
      </div>

      <div id="message-delivery" hidden>
        <p id="message-report-progress" class="editor-state"></p>
        <p id="message-report-reach"></p>
        <p id="message-report-refreshed" class="hint"></p>
        <div class="actions">
          <button type="button" id="message-report-refresh" class="button button-secondary">Refresh</button>
          <button type="button" id="message-report-csv" class="button button-secondary">Download CSV</button>
        </div>
        <DataTable
          captionId="message-totals-caption"
          caption="Totals per platform and kind of target"
          columns={[{ label: 'Platform or kind' }, ...FIGURES]}
          bodyId="message-totals-rows"
          footId="message-totals-foot"
        />
        <DataTable
          captionId="message-problems-caption"
          caption="Failed and skipped"
          columns={[{ label: 'Target' }, { label: 'Platform' }, { label: 'Language' }, { label: 'Result' }, { label: 'Why' }, { label: 'Attempts', numeric: true }, { label: 'Finished' }]}
          bodyId="message-problems-rows"
        />
        <DataTable
          captionId="message-posts-caption"
          caption="Posts"
          columns={[{ label: 'Target' }, { label: 'Platform' }, { label: 'Language' }, { label: 'Post' }, { label: 'Reach', numeric: true }, { label: 'Posted' }]}
          bodyId="message-posts-rows"
        />
      </div>
    </section>
  );
}
