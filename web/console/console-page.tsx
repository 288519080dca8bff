import { COUNTRY_CODES, countryName } from '../../functions/domain/shared/countries.js';
import { CampaignsSection } from './campaigns-section.js';
import { FinanceSection } from './finance-section.js';
import { MessagesSection } from './messages-section.js';

/**
 * The console shell for campaign managers and finance staff. Static HTML; everything it shows
 * comes from the admin and finance APIs with the signed-in user's bearer token.
 */
export function renderConsolePage(assets: { css: string[]; script: string }): string {
  const countries = [...COUNTRY_CODES].sort((a, b) => countryName(a, 'en').localeCompare(countryName(b, 'en')));
  return `<!doctype html>${(
    <html lang="en" dir="ltr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>Console · Blue Heart Platform</title>
        {assets.css.map((href) => (
          <link rel="stylesheet" href={href} />
        ))}
        <script type="module" src={assets.script}></script>
      </head>
      <body class="console">
        <a class="skip-link" href="#main">Skip to content</a>
        <header class="console-header">
          <p class="console-brand">Blue Heart Platform · Console</p>
          <p id="who" class="console-who" hidden>
            Signed in as <strong data-bind="username"></strong> (<span data-bind="roles"></span>)
            <button type="button" id="sign-out" class="button button-secondary">Sign out</button>
          </p>
        </header>
        <nav id="console-nav" class="console-nav" aria-label="Console sections" hidden>
          <ul>
            <li>
              <a id="nav-campaigns" href="#campaigns">Campaigns</a>
            </li>
            <li>
              <a id="nav-messages" href="#messages">Messages</a>
            </li>
            <li>
              <a id="nav-pledges" href="#pledges">Pledges</a>
            </li>
            <li>
              <a id="nav-finance" href="#finance">Finance</a>
            </li>
          </ul>
        </nav>
        <main id="main" tabindex={-1}>
          <noscript>
            <p class="notice">The console needs JavaScript. The public site works without it.</p>
          </noscript>
          <p id="status" class="notice" role="status" aria-live="polite" hidden></p>

          <section id="sign-in" aria-labelledby="sign-in-title">
            <h1 id="sign-in-title">Sign in</h1>
            <p>Staff of the campaign and of the trust fund sign in with their console account.</p>
            <p>
              <button type="button" id="sign-in-button" class="button">Sign in</button>
            </p>
            <p class="hint">Local platform: the users and passwords are printed by <code>npm start</code>.</p>
          </section>

          <CampaignsSection />

          <MessagesSection />

          <div id="pledges" hidden>
          <section id="review" aria-labelledby="review-title">
            <h1 id="review-title">Review pledges</h1>
            <p>Pledges that tripped an abuse control are held back silently and do not count. Narrow the list, then restore or invalidate everything that matches; the counters follow.</p>
            <form id="review-form" class="filters">
              <div class="field">
                <label for="from">From</label>
                <input id="from" name="from" type="datetime-local" required />
              </div>
              <div class="field">
                <label for="to">To</label>
                <input id="to" name="to" type="datetime-local" required />
              </div>
              <div class="field">
                <label for="state">State</label>
                <select id="state" name="review">
                  <option value="suspect">Suspect</option>
                  <option value="invalidated">Invalidated</option>
                  <option value="ok">Counted or pending</option>
                  <option value="">Any</option>
                </select>
              </div>
              <div class="field">
                <label for="country">Country</label>
                <select id="country" name="country">
                  <option value="">Any</option>
                  {countries.map((code) => (
                    <option value={code}>{`${countryName(code, 'en')} (${code})`}</option>
                  ))}
                </select>
              </div>
              <div class="field">
                <label for="emailDomain">Email domain</label>
                <input id="emailDomain" name="emailDomain" type="text" placeholder="example.org" />
              </div>
              <div class="field">
                <label for="ipHash">IP hash</label>
                <input id="ipHash" name="ipHash" type="text" pattern="[A-Za-z0-9_\-]{12}" />
              </div>
              <button type="submit" class="button">Show pledges</button>
            </form>
            <div class="actions">
              <button type="button" id="restore" class="button" disabled>Restore all matching</button>
              <button type="button" id="invalidate" class="button button-danger" disabled>Invalidate all matching</button>
            </div>
            <table class="data">
              <caption id="review-caption">No search yet.</caption>
              <thead>
                <tr>
                  <th scope="col">Created (UTC)</th>
                  <th scope="col">Status</th>
                  <th scope="col">Review</th>
                  <th scope="col">Country</th>
                  <th scope="col">Email domain</th>
                  <th scope="col">IP hash</th>
                  <th scope="col">Why suspect</th>
                </tr>
              </thead>
              <tbody id="review-rows"></tbody>
            </table>
          </section>

          <section id="wall" aria-labelledby="wall-title">
            <h2 id="wall-title">Pledge wall</h2>
            <p>What the public sees: first names and countries of recent pledgers who opted in. Hiding an entry does not change the count.</p>
            <ul id="wall-entries" class="wall-admin"></ul>
          </section>

          <section id="export" aria-labelledby="export-title">
            <h2 id="export-title">Export</h2>
            <p>Confirmed pledges with their consent flags, as a spreadsheet-safe UTF-8 CSV. Erased pledgers are not included. Handle it as personal data.</p>
            <button type="button" id="export-csv" class="button">Download CSV</button>
          </section>
          </div>

          <FinanceSection />
        </main>
      </body>
    </html>
  ).toString()}`;
}
