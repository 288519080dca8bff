import { LANGUAGE_LABELS } from './campaign-rules.js';
import { DataTable } from './data-table.js';
import { LANGUAGES } from './messages-rules.js';
import { CONNECT_RULES, PLATFORMS, X_KEY_FIELDS, platformName } from './messages-accounts-rules.js';

/** A credential input: never autofilled, never kept by the browser, never spell-checked. */
function SecretInput(props: { id: string; name: string; describedBy?: string }) {
  return <input id={props.id} name={props.name} type="password" autocomplete="off" spellcheck={false} maxlength={2000} aria-describedby={props.describedBy} />;
}

/** X's OAuth 1.0a keys (shown for X only); `prefix` keeps the ids of the connect and reconnect forms apart. */
function XKeyFields(props: { prefix: string }) {
  return (
    <>
      {X_KEY_FIELDS.map(({ field, label }) => (
        <div class="field" data-only="xKeys">
          <label for={`${props.prefix}-${field}`}>{label}</label>
          <SecretInput id={`${props.prefix}-${field}`} name={field} />
        </div>
      ))}
    </>
  );
}

/**
 * The Messages area's Accounts part: the organisation's own social accounts, which post every
 * campaign's messages. List, connect (the fields follow the platform), reconnect, disconnect
 * (asked first) and who changed what. Static structure; messages-accounts.ts fills it.
 */
export function MessageAccountsSection() {
  const mastodon = CONNECT_RULES.mastodon;
  return (
    <section id="message-accounts" class="accounts" aria-labelledby="accounts-title">
      <h2 id="accounts-title">Organisation accounts</h2>
      <p>The organisation’s own accounts post every campaign’s messages at their moment, beside the accounts supporters lend. Connect each one once; it posts in the language and at the local time chosen here.</p>
      <DataTable
        captionId="accounts-caption"
        caption="No accounts shown yet."
        columns={[
          { label: 'Account' },
          { label: 'Followers', numeric: true },
          { label: 'Posts in' },
          { label: 'Status' },
          { label: 'Connected' },
          { label: 'Actions', visuallyHidden: true },
        ]}
        bodyId="accounts-rows"
      />

      <form id="account-disconnect-form" class="stack editor-panel" aria-labelledby="account-disconnect-title" novalidate hidden>
        <h3 id="account-disconnect-title" tabindex={-1}></h3>
        <p>It stops posting for every campaign at once (a message being sent skips it) and its credential is deleted. To post from it again, connect it anew.</p>
        <div class="actions">
          <button type="submit" id="account-disconnect-confirm" class="button button-danger">Disconnect</button>
          <button type="button" id="account-disconnect-cancel" class="button button-secondary">Keep it</button>
        </div>
      </form>

      <form id="account-reconnect-form" class="form-grid editor-panel" aria-labelledby="account-reconnect-title" novalidate hidden>
        <h3 id="account-reconnect-title" class="field-wide" tabindex={-1}></h3>
        <p id="account-reconnect-hint" class="hint field-wide"></p>
        <div class="field">
          <label for="reconnect-secret" id="reconnect-secret-label">Access token</label>
          <SecretInput id="reconnect-secret" name="secret" describedBy="account-reconnect-hint" />
        </div>
        <XKeyFields prefix="reconnect" />
        <div class="actions field-wide">
          <button type="submit" id="account-reconnect-confirm" class="button button-primary">Reconnect</button>
          <button type="button" id="account-reconnect-cancel" class="button button-secondary">Cancel</button>
        </div>
      </form>

      <h3 id="account-connect-title">Connect an account</h3>
      <form id="account-connect-form" class="form-grid" aria-labelledby="account-connect-title" novalidate>
        <div class="field">
          <label for="account-platform">Platform</label>
          <select id="account-platform" name="platform">
            {PLATFORMS.map((platform) => (
              <option value={platform}>{platformName(platform)}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="account-handle" id="account-handle-label">{mastodon.handleLabel}</label>
          <p id="account-handle-hint" class="hint">e.g. {mastodon.handleExample}</p>
          <input id="account-handle" name="handle" type="text" maxlength={200} autocomplete="off" spellcheck={false} aria-describedby="account-handle-hint" />
        </div>
        <div class="field" data-only="server">
          <label for="account-server" id="account-server-label">{mastodon.server!.label}</label>
          <p id="account-server-hint" class="hint">{mastodon.server!.hint}</p>
          <input id="account-server" name="server" type="text" maxlength={200} autocomplete="off" spellcheck={false} aria-describedby="account-server-hint" />
        </div>
        <div class="field" data-only="pageId">
          <label for="account-pageId">{CONNECT_RULES.facebook.accountRef!.label}</label>
          <p id="account-pageId-hint" class="hint">{CONNECT_RULES.facebook.accountRef!.hint}</p>
          <input id="account-pageId" name="pageId" type="text" inputmode="numeric" maxlength={40} autocomplete="off" aria-describedby="account-pageId-hint" />
        </div>
        <div class="field" data-only="authorUrn">
          <label for="account-authorUrn">{CONNECT_RULES.linkedin.accountRef!.label}</label>
          <p id="account-authorUrn-hint" class="hint">{CONNECT_RULES.linkedin.accountRef!.hint}</p>
          <input id="account-authorUrn" name="authorUrn" type="text" maxlength={200} autocomplete="off" spellcheck={false} aria-describedby="account-authorUrn-hint" />
        </div>
        <div class="field field-wide">
          <label for="account-secret" id="account-secret-label">{mastodon.credential}</label>
          <p id="account-secret-hint" class="hint">{mastodon.credentialHint} Checked with the network now, then stored encrypted; nobody can read it back.</p>
          <SecretInput id="account-secret" name="secret" describedBy="account-secret-hint" />
        </div>
        <XKeyFields prefix="account" />
        <div class="field">
          <label for="account-language">Posts in</label>
          <select id="account-language" name="language">
            {LANGUAGES.map((language) => (
              <option value={language}>{LANGUAGE_LABELS[language]}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="account-timeZone">Time zone</label>
          <p id="account-timeZone-hint" class="hint">For messages sent at the same local time everywhere, e.g. Europe/Vienna.</p>
          <input id="account-timeZone" name="timeZone" type="text" list="account-time-zones" maxlength={64} autocomplete="off" spellcheck={false} aria-describedby="account-timeZone-hint" />
          <datalist id="account-time-zones"></datalist>
        </div>
        <div class="field-wide">
          <button type="submit" id="account-connect" class="button button-primary">Connect account</button>
        </div>
      </form>

      <h3 id="accounts-history-title">Who changed what</h3>
      <ol id="accounts-history" class="history-list" aria-labelledby="accounts-history-title"></ol>
    </section>
  );
}
