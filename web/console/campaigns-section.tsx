import { EDITOR_LANGUAGES, LANGUAGE_LABELS, MEDIA_ACCEPT, mediaLimits } from './campaign-rules.js';

/**
 * The Campaigns area of the console: the list of World Day campaigns and the editor. Static
 * structure only; `campaign-editor.ts` fills it from the admin API.
 */
export function CampaignsSection() {
  return (
    <section id="campaigns" aria-labelledby="campaigns-title" hidden>
      <h1 id="campaigns-title">Campaigns</h1>
      <p>One World Day campaign a year. Drafts are private until published; wherever a translation is missing, the public site shows the English text.</p>
      <table class="data">
        <caption id="campaign-caption">Loading campaigns…</caption>
        <thead>
          <tr>
            <th scope="col">Year</th>
            <th scope="col">Theme (English)</th>
            <th scope="col">Status</th>
            <th scope="col">Translations</th>
            <th scope="col">Updated (UTC)</th>
            <th scope="col"><span class="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody id="campaign-rows"></tbody>
      </table>
      <form id="new-campaign-form" class="inline-form">
        <div class="field">
          <label for="new-year">Year of a new campaign</label>
          <input id="new-year" name="year" type="number" min="2014" max="2100" step="1" inputmode="numeric" required />
        </div>
        <button type="submit" class="button button-secondary">Start a campaign</button>
      </form>

      <section id="campaign-editor" class="editor" aria-labelledby="editor-title" hidden>
        <h2 id="editor-title" tabindex={-1}>
          Campaign <span data-bind="year"></span>
        </h2>
        <p id="editor-state" class="editor-state"></p>

        <div class="toolbar" role="group" aria-label="Campaign actions">
          <button type="submit" form="campaign-form" id="save-draft" class="button button-primary">Save draft</button>
          <span class="toolbar-group">
            <label for="preview-lang">Preview in</label>
            <select id="preview-lang">
              {EDITOR_LANGUAGES.map((language) => (
                <option value={language}>{LANGUAGE_LABELS[language]}</option>
              ))}
            </select>
            <button type="button" id="preview" class="button button-secondary">Preview</button>
          </span>
          <button type="button" id="publish" class="button button-primary">Publish now</button>
          <button type="button" id="unpublish" class="button button-danger">Unpublish</button>
        </div>
        <form id="schedule-form" class="toolbar" aria-labelledby="schedule-title">
          <span id="schedule-title" class="toolbar-title">Schedule publication</span>
          <label for="schedule-at" class="visually-hidden">Publish at (your local time)</label>
          <input id="schedule-at" type="datetime-local" required />
          <button type="submit" class="button button-secondary">Schedule</button>
          <button type="button" id="schedule-clear" class="button button-secondary">Clear schedule</button>
        </form>

        <div id="campaign-errors" class="error-summary" tabindex={-1} aria-labelledby="campaign-errors-title" hidden>
          <h3 id="campaign-errors-title" class="error-summary-title">There is a problem</h3>
          <p id="campaign-error-intro"></p>
          <ul id="campaign-error-list"></ul>
        </div>

        <section class="translations" aria-labelledby="translations-title">
          <h3 id="translations-title">Translations</h3>
          <ul id="translation-status" class="translation-status"></ul>
          <fieldset class="language-picker">
            <legend>Languages shown side by side</legend>
            {EDITOR_LANGUAGES.map((language) => (
              <span class="picker-option">
                <input type="checkbox" id={`show-lang-${language}`} value={language} disabled={language === 'en'} checked={language === 'en'} />
                <label for={`show-lang-${language}`}>{language === 'en' ? 'English (always)' : LANGUAGE_LABELS[language]}</label>
              </span>
            ))}
          </fieldset>
        </section>

        <form id="campaign-form" novalidate>
          <div class="field">
            <label for="campaign-day">World Day</label>
            <input id="campaign-day" data-path="day" type="date" required />
          </div>

          <h3>Theme and summary</h3>
          <div class="checkbox">
            <input type="checkbox" id="campaign-no-theme" />
            <label for="campaign-no-theme">This year has no theme</label>
          </div>
          <div id="grid-texts" class="grid-scroll"></div>

          <h3>Key messages</h3>
          <div id="grid-key-messages" class="grid-scroll"></div>
          <button type="button" id="add-key-message" class="button button-secondary">Add a key message</button>

          <h3>Calls to action</h3>
          <p class="hint">The URL is a site path (<code>/en/pledge/</code>: the page puts in the visitor's language) or an https:// address.</p>
          <div id="grid-ctas" class="grid-scroll"></div>
          <button type="button" id="add-cta" class="button button-secondary">Add a call to action</button>

          <div class="field">
            <h3>
              <label for="campaign-hashtags">Hashtags</label>
            </h3>
            <p id="campaign-hashtags-hint" class="hint">Separated by spaces or commas; # then 2 to 100 letters, digits or underscores.</p>
            <input id="campaign-hashtags" data-path="hashtags" type="text" lang="en" dir="ltr" aria-describedby="campaign-hashtags-hint" />
            <ul id="hashtag-chips" class="chips" aria-label="Hashtags as they will appear"></ul>
          </div>

          <h3>Links</h3>
          <div id="grid-links" class="grid-scroll"></div>
          <button type="button" id="add-link" class="button button-secondary">Add a link</button>

          <h3>Partners</h3>
          <table id="partners-table" class="data partners">
            <caption class="visually-hidden">Partners</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Website (optional)</th>
                <th scope="col"><span class="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody id="partner-rows"></tbody>
          </table>
          <button type="button" id="add-partner" class="button button-secondary">Add a partner</button>

          <h3 id="media-kit-title">Media kit</h3>
          <p class="hint">Files for press and partners, listed with a download link on the campaign's page. Titles and text alternatives are translated like the other texts.</p>
          <div id="grid-media" class="grid-scroll" hidden></div>
          <p id="media-kit-empty">No files in the media kit yet.</p>
          <div class="field upload-field">
            <label for="media-file">Upload a file</label>
            <p id="media-file-hint" class="hint">{mediaLimits()}. The file is stored at once; it joins the media kit when you save the draft.</p>
            <input id="media-file" data-path="upload" type="file" accept={MEDIA_ACCEPT} aria-describedby="media-file-hint" />
            <div id="media-upload" class="upload-progress" hidden>
              <progress id="media-progress" max="100" aria-label="Upload progress"></progress>
              <span id="media-progress-figure" aria-hidden="true"></span>
            </div>
            <p id="media-upload-status" class="upload-status" role="status" aria-live="polite"></p>
          </div>
          <p class="hint">Remove takes a file out of this draft's media kit (and off the site at the next publication); the uploaded file itself stays in storage.</p>
        </form>

        <section class="history" aria-labelledby="history-title">
          <h3 id="history-title">History</h3>
          <ol id="campaign-history" class="history-list"></ol>
        </section>
      </section>
    </section>
  );
}
