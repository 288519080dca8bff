/**
 * The Messages area (managers and admins): a campaign's messages, the editor (form in
 * messages-form.ts), the workflow steps the API allows this manager now (the others disabled,
 * with the reason shown) and the history.
 */
import { ApiError, claims, send, token } from './api.js';
import { $, el, errorMessage, say, toLocalInput, utc } from './dom.js';
import { addVariant, clearFieldErrors, fillForm, loadMediaKit, readForm, setInstanceLimits, showFieldErrors, variantSets } from './messages-form.js';
import { hideReport, setUpReport, showReport } from './messages-report.js';
import {
  ACTION_LABELS, STATUS_LABELS, STEPS, describeSchedule, describeWho, editable, whyNot,
  type HistoryEntry, type MessageSchedule, type MessageVariant, type SocialMessage, type Step,
} from './messages-rules.js';
import type { TargetHealth } from './messages-targets-rules.js';

const base = (year: number) => `/api/admin/messages/${year}`;
const me = (): string => claims(token() ?? '').username ?? '';

let year = new Date().getFullYear();
let message: SocialMessage | undefined; // the one in the editor, as the server last said
let dirty = false;
let busy = false;
/** The campaign year whose Mastodon instance limits the counters know. */
let limitsOf: number | undefined;

export async function loadMessages(): Promise<void> {
  $<HTMLInputElement>('messages-year').value = String(year);
  // The campaign's media kit too, for the editor's media pickers, and its Mastodon instances' limits, for the counters.
  const [{ messages }] = await Promise.all([send<{ messages: SocialMessage[] }>('GET', base(year)), loadMediaKit(year), loadInstanceLimits(year)]);
  $('messages-rows').replaceChildren(
    ...messages.map((m) => {
      const open = el('button', { type: 'button', class: 'button button-secondary button-small', 'aria-label': `Open “${m.title}”` }, 'Open');
      open.addEventListener('click', () => void openMessage(m.id));
      return el('tr', { 'data-id': m.id },
        el('td', {}, m.title),
        el('td', {}, STATUS_LABELS[m.status]),
        el('td', {}, describeSchedule(m.schedule)),
        el('td', {}, describeWho(m)),
        el('td', {}, open));
    }),
  );
  $('messages-caption').textContent = messages.length ? `${messages.length} message(s) of the ${year} campaign, newest first.` : `The ${year} campaign has no messages yet.`;
}

/** Once per campaign year (the targets are read in one pass: not at every step). */
async function loadInstanceLimits(campaignYear: number): Promise<void> {
  if (limitsOf === campaignYear) return;
  const health = await send<TargetHealth>('GET', `${base(campaignYear)}/targets`);
  limitsOf = campaignYear;
  setInstanceLimits(health.mastodonLimits);
}

const handlers = { onChange: () => markDirty(), onRemove: () => (markDirty(), $('add-variant').focus()) };

function markDirty(): void {
  dirty = true;
  $('message-no-variants').hidden = variantSets().length > 0;
  renderSteps();
}

function renderSteps(): void {
  const mayEdit = editable(message);
  for (const control of $('message-form').querySelectorAll<HTMLInputElement>('input, textarea, select, button:not(#message-save)')) control.disabled = !mayEdit;
  $<HTMLButtonElement>('message-save').disabled = busy || !mayEdit;
  $('message-save-why').textContent = mayEdit ? '' : `A message that is ${STATUS_LABELS[message!.status].toLowerCase()} can no longer be changed.`;
  for (const step of STEPS) {
    const why = whyNot(step.type, message, me(), dirty);
    $<HTMLButtonElement>(step.button).disabled = busy || why !== undefined;
    $(`${step.button}-why`).textContent = why ?? '';
  }
}

function renderState(): void {
  $('message-editor-title').textContent = message ? `Message: ${message.title}` : `New message for ${year}`;
  $('message-state').textContent = message
    ? `${STATUS_LABELS[message.status]} · ${describeSchedule(message.schedule)} · written ${describeWho(message)} · version ${message.version}`
    : 'Not saved yet.';
  renderSteps();
}

function showKind(): void {
  const local = $<HTMLInputElement>('schedule-kind-local').checked;
  $('schedule-local').hidden = !local;
  $('schedule-instant').hidden = local;
}

/** The schedule form shows the message's schedule, for rescheduling. */
function fillSchedule(schedule: MessageSchedule | undefined): void {
  $<HTMLInputElement>(`schedule-kind-${schedule?.kind ?? 'local'}`).checked = true;
  $<HTMLInputElement>('message-schedule-date').value = schedule?.kind === 'local' ? schedule.date : '';
  $<HTMLInputElement>('message-schedule-time').value = schedule?.kind === 'local' ? schedule.time : '09:00';
  $<HTMLInputElement>('message-schedule-at').value = schedule?.kind === 'instant' ? toLocalInput(new Date(schedule.at)) : '';
  showKind();
}

function show(next: SocialMessage | undefined): void {
  message = next;
  dirty = false;
  fillForm(year, next, handlers);
  fillSchedule(next?.schedule);
  renderState();
  showReport(year, next, followReport);
  const editor = $('message-editor');
  editor.hidden = false;
  $('message-editor-title').focus();
}

async function loadHistory(): Promise<void> {
  if (!message) return void $('message-history').replaceChildren();
  const { entries } = await send<{ entries: HistoryEntry[] }>('GET', `${base(year)}/${message.id}/history`);
  $('message-history').replaceChildren(
    ...entries.map((entry) => {
      const step = `${ACTION_LABELS[entry.action] ?? entry.action} (${entry.before ? STATUS_LABELS[entry.before as SocialMessage['status']] ?? entry.before : 'new'} → ${STATUS_LABELS[entry.after as SocialMessage['status']] ?? entry.after})`;
      const item = el('li', {}, el('p', { class: 'history-head' }, `${utc(entry.at)} · ${entry.by} · ${step} · version ${entry.version}`));
      if (entry.reason) item.append(el('p', { class: 'history-changes' }, `Reason: ${entry.reason}`));
      if (entry.changes?.length) item.append(el('p', { class: 'history-changes' }, `Changed: ${entry.changes.map((c) => c.field).join(', ')}`));
      return item;
    }),
  );
}

/** The report saw the message move on (sending → sent): the editor, the list and the history follow. */
function followReport(next: SocialMessage): void {
  message = next;
  renderState();
  Promise.all([loadMessages(), loadHistory()]).catch((error: unknown) => say(errorMessage(error)));
}

export async function openMessage(id: string): Promise<void> {
  if (dirty && !confirm('Discard your unsaved changes to this message?')) return;
  try {
    show(await send<SocialMessage>('GET', `${base(year)}/${id}`));
    await loadHistory();
  } catch (error) {
    say(errorMessage(error));
  }
}

/** Runs a request with the buttons disabled; API field errors go to their inputs. */
async function run(what: string, request: () => Promise<SocialMessage>, done: string): Promise<void> {
  busy = true;
  renderSteps();
  try {
    const next = await request();
    message = next;
    dirty = false;
    clearFieldErrors();
    renderState();
    showReport(year, next, followReport);
    say(done);
    await Promise.all([loadMessages(), loadHistory()]);
  } catch (error) {
    if (error instanceof ApiError && error.fields.length) showFieldErrors(error.fields, `${what}: correct these and try again.`);
    else say(error instanceof ApiError && error.status === 409 ? `${errorMessage(error)} Open the message again to see the latest version.` : errorMessage(error));
  } finally {
    busy = false;
    renderSteps();
  }
}

function save(): Promise<void> {
  const body = readForm();
  return message
    ? run('The message was not saved', () => send('PUT', `${base(year)}/${message!.id}`, { version: message!.version, ...body }), 'Message saved.')
    : run('The message was not saved', () => send('POST', base(year), body), 'Message saved as a draft.');
}

function schedule(): MessageSchedule {
  if ($<HTMLInputElement>('schedule-kind-local').checked) {
    return { kind: 'local', date: $<HTMLInputElement>('message-schedule-date').value, time: $<HTMLInputElement>('message-schedule-time').value };
  }
  const at = $<HTMLInputElement>('message-schedule-at').value;
  return { kind: 'instant', at: at ? new Date(at).toISOString() : '' };
}

const DONE: Record<Step['type'], string> = {
  submit: 'Submitted for review: another manager approves it.', approve: 'Approved: it can be scheduled now.',
  request_changes: 'Sent back to draft.', schedule: 'Scheduled.', cancel: 'Message cancelled.',
};

function take(step: Step): Promise<void> {
  const reason = $<HTMLInputElement>('message-reason').value.trim();
  const body: Record<string, unknown> = { version: message!.version };
  if ((step.type === 'request_changes' || step.type === 'cancel') && reason) body.reason = reason;
  if (step.type === 'schedule') body.schedule = schedule();
  return run(`${step.label} did not go through`, () => send('POST', `${base(year)}/${message!.id}/${step.path}`, body), DONE[step.type]);
}

function addFromPicker(): void {
  const language = $<HTMLSelectElement>('variant-language').value as MessageVariant['language'];
  const platform = $<HTMLSelectElement>('variant-platform').value as MessageVariant['platform'];
  if (variantSets().some((set) => set.dataset.language === language && set.dataset.platform === platform)) {
    return say('This message already has a variant for that language and platform.');
  }
  const set = addVariant({ language, platform, text: '', hashtags: [], mediaIds: [], altText: {}, alternatives: [] }, handlers);
  markDirty();
  set.querySelector<HTMLElement>('[data-field="text"]')!.focus();
}

export function setUpMessages(): void {
  $('messages-year-form').addEventListener('submit', (event) => {
    event.preventDefault();
    if (dirty && !confirm('Discard your unsaved changes to this message?')) return;
    year = Number($<HTMLInputElement>('messages-year').value);
    resetMessages(false);
    loadMessages().catch((error: unknown) => say(errorMessage(error)));
  });
  $('new-message').addEventListener('click', () => {
    if (dirty && !confirm('Discard your unsaved changes to this message?')) return;
    show(undefined);
    $('message-history').replaceChildren();
  });
  $('add-variant').addEventListener('click', addFromPicker);
  $('message-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void save();
  });
  $('message-schedule-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void take(STEPS.find((s) => s.type === 'schedule')!);
  });
  for (const step of STEPS) if (step.type !== 'schedule') $(step.button).addEventListener('click', () => void take(step));
  for (const kind of ['local', 'instant']) $(`schedule-kind-${kind}`).addEventListener('change', showKind);
  setUpReport();
}

/** Signed out (or another year): no message of the last one stays on the page. */
export function resetMessages(clearList = true): void {
  message = undefined;
  dirty = false;
  $('message-editor').hidden = true;
  hideReport();
  $('message-history').replaceChildren();
  if (clearList) {
    $('messages-rows').replaceChildren();
    limitsOf = undefined;
    setInstanceLimits([]);
  }
}
