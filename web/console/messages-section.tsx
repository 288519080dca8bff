import { LANGUAGE_LABELS } from './campaign-rules.js';
import { DataTable } from './data-table.js';
import { MessageAccountsSection } from './messages-accounts-section.js';
import { MessageReportSection } from './messages-report-section.js';
import { LANGUAGES, PLATFORMS, PLATFORM_RULES, STEPS } from './messages-rules.js';

const step = (type: (typeof STEPS)[number]['type']) => STEPS.find((s) => s.type === type)!;

/** A workflow button with the line under it that says why it is disabled (filled by messages.ts). */
function StepButton(props: { type: 'submit' | 'approve' | 'request_changes' | 'cancel'; danger?: boolean }) {
  const { button, label } = step(props.type);
  return (
    <div class="step">
      <button type="button" id={button} class={props.danger ? 'button button-danger' : 'button'} aria-describedby={`${button}-why`} disabled>
        {label}
      </button>
      <p id={`${button}-why`} class="hint step-why"></p>
    </div>
  );
}

/**
 * The Messages area: a campaign's coordinated social messages, the editor of one (variants per
 * language and platform, counted and previewed as they will be posted), its workflow and history.
 * Static structure only; messages.ts fills it from the admin API.
 */
export function MessagesSection() {
  return (
    <section id="messages" aria-labelledby="messages-title" hidden>
      <h1 id="messages-title">Messages</h1>
      <p>Coordinated social messages of a campaign: written per language and platform, approved by a second manager, then scheduled to go out from every account at once.</p>
      <form id="messages-year-form" class="inline-form">
        <div class="field">
          <label for="messages-year">Campaign year</label>
          <input id="messages-year" name="year" type="number" min="2014" max="2100" step="1" inputmode="numeric" required />
        </div>
        <button type="submit" class="button button-secondary">Show messages</button>
        <button type="button" id="new-message" class="button">New message</button>
      </form>
      <DataTable
        captionId="messages-caption"
        caption="No campaign chosen yet."
        columns={[{ label: 'Title' }, { label: 'Status' }, { label: 'Schedule' }, { label: 'Who' }, { label: 'Actions', visuallyHidden: true }]}
        bodyId="messages-rows"
      />

      <section id="message-editor" class="editor" aria-labelledby="message-editor-title" hidden>
        <h2 id="message-editor-title" tabindex={-1}>New message</h2>
        <p id="message-state" class="editor-state"></p>

        <div id="message-errors" class="error-summary" tabindex={-1} aria-labelledby="message-errors-title" hidden>
          <h3 id="message-errors-title" class="error-summary-title">There is a problem</h3>
          <p id="message-error-intro"></p>
          <ul id="message-error-list"></ul>
        </div>

        <form id="message-form" novalidate>
          <div class="field">
            <label for="message-title">Title</label>
            <p id="message-title-hint" class="hint">For this list only; never posted.</p>
            <input id="message-title" name="title" type="text" maxlength={200} required aria-describedby="message-title-hint" />
          </div>
          <h3>Variants</h3>
          <p class="hint">One per language and platform. Counted the way each network counts, on the text as it will be posted: with the hashtags it does not already carry and the link with its campaign tags.</p>
          <div id="message-variants" class="variants"></div>
          <p id="message-no-variants" class="hint">No variants yet: add one below.</p>
          <fieldset class="add-variant">
            <legend>Add a variant</legend>
            <div class="field">
              <label for="variant-language">Language</label>
              <select id="variant-language">
                {LANGUAGES.map((language) => <option value={language}>{LANGUAGE_LABELS[language]}</option>)}
              </select>
            </div>
            <div class="field">
              <label for="variant-platform">Platform</label>
              <select id="variant-platform">
                {PLATFORMS.map((platform) => <option value={platform}>{PLATFORM_RULES[platform].name}</option>)}
              </select>
            </div>
            <button type="button" id="add-variant" class="button button-secondary">Add variant</button>
          </fieldset>
          <p id="message-count-status" class="visually-hidden" role="status" aria-live="polite"></p>
          <div class="actions">
            <button type="submit" id="message-save" class="button button-primary" aria-describedby="message-save-why">Save</button>
            <p id="message-save-why" class="hint step-why"></p>
          </div>
        </form>

        <section class="workflow" aria-labelledby="message-workflow-title">
          <h3 id="message-workflow-title">Review and schedule</h3>
          <div class="steps">
            <StepButton type="submit" />
            <StepButton type="approve" />
          </div>
          <div class="field reason-field">
            <label for="message-reason">Reason (optional, for Request changes and Cancel)</label>
            <input id="message-reason" type="text" maxlength={1000} />
          </div>
          <div class="steps">
            <StepButton type="request_changes" />
            <StepButton type="cancel" danger />
          </div>
          <form id="message-schedule-form" class="schedule-form" aria-labelledby="message-schedule-title">
            <fieldset>
              <legend id="message-schedule-title">When to send it</legend>
              <span class="picker-option">
                <input type="radio" id="schedule-kind-local" name="kind" value="local" checked />
                <label for="schedule-kind-local">Same local time everywhere (each account's own time zone)</label>
              </span>
              <span class="picker-option">
                <input type="radio" id="schedule-kind-instant" name="kind" value="instant" />
                <label for="schedule-kind-instant">One moment for everyone</label>
              </span>
              <div id="schedule-local" class="inline-form">
                <div class="field">
                  <label for="message-schedule-date">Date</label>
                  <input id="message-schedule-date" type="date" />
                </div>
                <div class="field">
                  <label for="message-schedule-time">Local time</label>
                  <input id="message-schedule-time" type="time" value="09:00" />
                </div>
              </div>
              <div id="schedule-instant" class="field" hidden>
                <label for="message-schedule-at">Moment (your local time)</label>
                <input id="message-schedule-at" type="datetime-local" />
              </div>
            </fieldset>
            <div class="step">
              <button type="submit" id={step('schedule').button} class="button" aria-describedby={`${step('schedule').button}-why`} disabled>Schedule</button>
              <p id={`${step('schedule').button}-why`} class="hint step-why"></p>
            </div>
          </form>
        </section>

        <MessageReportSection />

        <section aria-labelledby="message-history-title">
          <h3 id="message-history-title">History</h3>
          <ol id="message-history" class="history-list"></ol>
        </section>
      </section>
      <MessageAccountsSection />
    </section>
  );
}
