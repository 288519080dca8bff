/**
 * The Campaigns area: the list of campaigns, the editor (save, preview, publish, schedule,
 * unpublish) and the history with restore. Form building lives in campaign-form.ts, error
 * display in campaign-errors.ts, the rules in campaign-rules.ts.
 */
import { translationStatus, type Campaign } from '../../functions/domain/campaigns/campaign.js';
import type { Language } from '../../functions/domain/shared/languages.js';
import { ApiError, api, send } from './api.js';
import { $, el, errorMessage, say, toLocalInput, utc } from './dom.js';
import { applyNoTheme, markFallbacks, readForm, renderAltWarnings, renderForm, renderHashtagChips, showLanguages } from './campaign-form.js';
import { clearErrors, showErrors } from './campaign-errors.js';
import {
  EDITOR_LANGUAGES, LANGUAGE_LABELS, bodyOf, checkCampaign, checkUpload, describePath, emptyCampaign, fileSize, inputId, needsAlt,
  type CampaignRow, type EditorView, type HistoryEntry, type Translation,
} from './campaign-rules.js';
import { openPreview } from './campaign-preview.js';
import { uploadMedia } from './media-upload.js';

const ADD_BUTTONS = { keyMessages: 'add-key-message', callsToAction: 'add-cta', links: 'add-link', partners: 'add-partner', mediaKit: 'media-file' } as const;
const LANGUAGES_KEY = 'blue-heart-console-languages';
const base = (year: number) => `/api/admin/campaigns/${year}`;

let view: EditorView | undefined;
let saved = false; // whether the draft exists on the server
let dirty = false;
let shown = new Set<Language>(JSON.parse(localStorage.getItem(LANGUAGES_KEY) ?? '["en","fr","es"]') as Language[]);

const percent = (complete: number) => `${Math.floor(complete * 100)}%`;

export async function loadCampaigns(): Promise<void> {
  const { campaigns } = await send<{ campaigns: CampaignRow[] }>('GET', '/api/admin/campaigns');
  const rows = $('campaign-rows');
  rows.replaceChildren(
    ...campaigns.map((campaign) => {
      const status = [campaign.status === 'published' ? 'Published' : 'Draft'];
      if (campaign.hasUnpublishedChanges) status.push('unpublished changes');
      if (campaign.publishAt) status.push(`scheduled ${utc(campaign.publishAt)}`);
      const behind = EDITOR_LANGUAGES.filter((l) => campaign.translation[l] && campaign.translation[l].complete < 1);
      const edit = el('button', { type: 'button', class: 'button button-secondary button-small' }, 'Edit');
      edit.setAttribute('aria-label', `Edit the ${campaign.year} campaign`);
      edit.addEventListener('click', () => void openCampaign(campaign.year));
      return el('tr', {},
        el('td', {}, String(campaign.year)),
        el('td', { lang: 'en' }, campaign.theme?.en ?? '(no theme)'),
        el('td', {}, status.join(' · ')),
        el('td', {}, behind.length ? behind.map((l) => `${LANGUAGE_LABELS[l]} ${percent(campaign.translation[l].complete)}`).join(', ') : 'All complete'),
        el('td', {}, utc(campaign.updatedAt)),
        el('td', {}, edit));
    }),
  );
  $('campaign-caption').textContent = campaigns.length ? `${campaigns.length} campaign(s), newest first.` : 'No campaigns yet.';
}

function renderTranslation(translation: Translation): void {
  $('translation-status').replaceChildren(
    ...EDITOR_LANGUAGES.map((language) => {
      const { complete, missing } = translation[language] ?? { complete: 0, missing: [] };
      const name = el('span', { class: 'translation-name' }, LANGUAGE_LABELS[language]);
      const bar = el('progress', { max: 100, value: Math.floor(complete * 100), 'aria-label': `${LANGUAGE_LABELS[language]} translation` });
      const figure = el('span', { class: 'translation-figure' }, language === 'en' ? 'source' : percent(complete));
      const fallback = language === 'en' ? 'The text every other language falls back to.' : missing.length ? `Falls back to English: ${missing.map(describePath).join(', ')}` : 'Complete.';
      return el('li', { 'data-lang': language, class: missing.length ? 'incomplete' : 'complete' }, name, bar, figure, el('span', { class: 'translation-missing' }, fallback));
    }),
  );
  markFallbacks(translation);
}

function renderState(): void {
  const { draft, live, publishAt } = view!;
  const parts = [live ? 'Published: the site shows this campaign.' : 'Not published: the site does not show this campaign.'];
  if (!saved) parts.push('New draft, not saved yet.');
  else if (live && JSON.stringify(bodyOf(live)) !== JSON.stringify(bodyOf(draft))) parts.push('The draft has changes that are not published yet.');
  if (publishAt) parts.push(`Scheduled to publish at ${utc(publishAt)}.`);
  $('editor-state').textContent = parts.join(' ');
  $<HTMLButtonElement>('unpublish').disabled = !live;
  $<HTMLButtonElement>('schedule-clear').disabled = !publishAt;
  $<HTMLInputElement>('schedule-at').value = publishAt ? toLocalInput(new Date(publishAt)) : '';
}

function render(campaign: Campaign, translation: Translation): void {
  clearErrors();
  $('media-upload-status').textContent = '';
  renderForm(campaign, { remove: (group, index) => change((body) => void body[group].splice(index, 1), ADD_BUTTONS[group]) });
  showLanguages(shown);
  renderTranslation(translation);
}

/** Adds or removes a row: read the form, change it, build the form again, put focus somewhere sensible. */
function change(edit: (body: ReturnType<typeof readForm>) => void, focusId: string, focusLast?: string): void {
  const body = readForm();
  edit(body);
  const campaign = { ...view!.draft, ...body };
  if (!body.theme) delete campaign.theme;
  render(campaign, translationStatus(campaign));
  dirty = true;
  const target = focusLast ? [...$(focusLast).querySelectorAll<HTMLElement>('input, textarea')].filter((i) => !i.closest('[hidden]')).at(-1) : undefined;
  (target ?? $(focusId)).focus();
}

function onEdit(event: Event): void {
  if ((event.target as HTMLElement).id === 'media-file') return;
  dirty = true;
  renderHashtagChips();
  renderAltWarnings();
  const campaign = { ...view!.draft, ...readForm() };
  renderTranslation(translationStatus(campaign));
}

async function refreshAround(): Promise<void> {
  await Promise.all([loadCampaigns(), saved ? loadHistory() : Promise.resolve($('campaign-history').replaceChildren())]);
}

export async function openCampaign(year: number): Promise<void> {
  if (dirty && !confirm(`Discard your unsaved changes to the ${view!.draft.year} campaign?`)) return;
  try {
    view = await send<EditorView>('GET', base(year));
    saved = true;
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) return say(errorMessage(error));
    const draft = emptyCampaign(year);
    view = { draft, translation: translationStatus(draft) };
    saved = false;
  }
  dirty = false;
  $('campaign-editor').querySelector('[data-bind="year"]')!.textContent = String(year);
  render(view.draft, view.translation);
  renderState();
  $('campaign-editor').hidden = false;
  $('editor-title').focus();
  await refreshAround().catch((error: unknown) => say(errorMessage(error)));
}

/** Saves the form; false (with errors shown) when it could not. */
async function save(): Promise<boolean> {
  const body = readForm();
  const problems = checkCampaign(body);
  if (problems.length) {
    showErrors(problems, reveal);
    return false;
  }
  try {
    view = await send<EditorView>('PUT', base(view!.draft.year), body);
  } catch (error) {
    if (error instanceof ApiError && error.fields.length) showErrors(error.fields, reveal);
    else say(errorMessage(error));
    return false;
  }
  saved = true;
  dirty = false;
  render(view.draft, view.translation);
  renderState();
  return true;
}

async function act(run: () => Promise<string>): Promise<void> {
  try {
    say(await run());
    render(view!.draft, view!.translation);
    renderState();
    await refreshAround();
  } catch (error) {
    if (error instanceof ApiError && error.fields.length) showErrors(error.fields, reveal, error.message);
    else say(errorMessage(error));
  }
}

const saveFirst = async () => (dirty || !saved ? save() : true);

async function loadHistory(): Promise<void> {
  const { entries } = await send<{ entries: HistoryEntry[] }>('GET', `${base(view!.draft.year)}/history`);
  const list = $('campaign-history');
  list.replaceChildren(
    ...entries.map((entry) => {
      const item = el('li', {}, el('p', { class: 'history-head' }, el('strong', {}, entry.action), ` · ${utc(entry.at)} · ${entry.by}`));
      if (entry.changes?.length) {
        item.append(el('ul', { class: 'history-changes' }, ...entry.changes.map((c) => el('li', {}, el('code', {}, c.field), `: ${shortValue(c.before)} → ${shortValue(c.after)}`))));
      }
      if (entry.publishedVersion) {
        const restore = el('button', { type: 'button', class: 'button button-secondary button-small' }, 'Restore this published version');
        restore.setAttribute('aria-label', `Restore the version published at ${utc(entry.at)}`);
        restore.addEventListener('click', () => {
          if (!confirm(`Restore and publish the version of ${utc(entry.at)}? The draft is replaced.`)) return;
          void act(async () => {
            const outcome = await send<{ view: EditorView; published: { files: number; ms: number } }>('POST', `${base(view!.draft.year)}/restore`, { revision: entry.id });
            view = outcome.view;
            return `Restored and published (${outcome.published.files} files in ${outcome.published.ms} ms).`;
          });
        });
        item.append(restore);
      }
      return item;
    }),
  );
  if (entries.length === 0) list.append(el('li', {}, 'No history yet.'));
}

const shortValue = (value: unknown): string => {
  if (value === undefined || value === null || value === '') return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
};

function reveal(language: Language): void {
  shown.add(language);
  ($<HTMLInputElement>(`show-lang-${language}`)).checked = true;
  showLanguages(shown);
}

/** The upload's progress and outcome, next to the file input (announced by its live region). */
function uploadState(message: string, fraction?: number | null): void {
  $('media-upload-status').textContent = message;
  const box = $('media-upload');
  const bar = $<HTMLProgressElement>('media-progress');
  box.hidden = fraction === undefined;
  if (fraction === null) bar.removeAttribute('value'); // indeterminate until the first progress event
  else if (fraction !== undefined) bar.value = Math.round(fraction * 100);
  $('media-progress-figure').textContent = typeof fraction === 'number' ? `${Math.round(fraction * 100)}%` : '';
}

/** Checks the chosen file as the server would, uploads it, and adds it to the form (saved with the draft). */
async function uploadChosenFile(input: HTMLInputElement): Promise<void> {
  const file = input.files?.[0];
  if (!file || !view) return;
  const failed = (message: string, fields = [{ field: 'upload', message }]) => {
    uploadState(`${file.name} was not uploaded.`);
    showErrors(fields, reveal, 'The file was not uploaded:');
  };
  const problem = checkUpload(file);
  if (problem) {
    input.value = '';
    return failed(problem);
  }
  const year = view.draft.year;
  input.disabled = true;
  uploadState(`Uploading ${file.name} (${fileSize(file.size)})…`, null);
  try {
    const item = await uploadMedia(year, file, (fraction) => uploadState(`Uploading ${file.name} (${fileSize(file.size)})…`, fraction));
    if (view.draft.year !== year) return; // another campaign was opened meanwhile
    change((body) => void body.mediaKit.push({ ...item, title: { en: '' } }), 'media-file');
    const index = readForm().mediaKit.length - 1;
    uploadState(`${file.name} uploaded as media file ${index + 1}. Give it an English title${item.kind === 'image' || item.kind === 'gif' ? ' and text alternative' : ''}, then save the draft.`);
    $(inputId(`mediaKit.${index}.title.en`)).focus();
  } catch (error) {
    if (error instanceof ApiError && error.fields.length) failed(error.message, error.fields);
    else failed(errorMessage(error));
  } finally {
    input.disabled = false;
    input.value = '';
  }
}

export function setUpCampaigns(): void {
  for (const language of EDITOR_LANGUAGES) {
    const box = $<HTMLInputElement>(`show-lang-${language}`);
    box.checked = language === 'en' || shown.has(language);
    box.addEventListener('change', () => {
      if (box.checked) shown.add(language);
      else shown.delete(language);
      shown.add('en');
      localStorage.setItem(LANGUAGES_KEY, JSON.stringify([...shown]));
      showLanguages(shown);
    });
  }
  shown.add('en');

  $('new-campaign-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const year = Number($<HTMLInputElement>('new-year').value);
    if (Number.isInteger(year) && year >= 2014 && year <= 2100) void openCampaign(year);
  });

  const form = $('campaign-form');
  form.addEventListener('input', onEdit);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void save().then(async (ok) => {
      if (!ok) return;
      const noAlt = view!.draft.mediaKit.filter((item) => needsAlt(item.kind) && !item.alt?.en.trim()).length;
      say(noAlt ? `Draft saved. ${noAlt === 1 ? '1 image has' : `${noAlt} images have`} no English text alternative.` : 'Draft saved.');
      await refreshAround().catch((error: unknown) => say(errorMessage(error)));
    });
  });
  $('campaign-no-theme').addEventListener('change', applyNoTheme);
  const fileInput = $<HTMLInputElement>('media-file');
  fileInput.addEventListener('change', () => void uploadChosenFile(fileInput));
  const blank = { en: '' };
  $('add-key-message').addEventListener('click', () => change((b) => void b.keyMessages.push({ ...blank }), 'add-key-message', 'grid-key-messages'));
  $('add-cta').addEventListener('click', () => change((b) => void b.callsToAction.push({ text: { ...blank }, url: '' }), 'add-cta', 'grid-ctas'));
  $('add-link').addEventListener('click', () => change((b) => void b.links.push({ label: { ...blank }, url: '' }), 'add-link', 'grid-links'));
  $('add-partner').addEventListener('click', () => change((b) => void b.partners.push({ name: '' }), 'add-partner', 'partner-rows'));

  $('preview').addEventListener('click', () => {
    if (!saved) return say('Save the draft first: the preview shows the saved draft.');
    const language = $<HTMLSelectElement>('preview-lang').value as Language;
    void openPreview(`${base(view!.draft.year)}/preview?lang=${language}`, dirty).catch((error: unknown) => say(errorMessage(error)));
  });
  $('publish').addEventListener('click', async () => {
    if (!(await saveFirst())) return;
    if (!confirm(`Publish the ${view!.draft.year} campaign now? The public pages change at once.`)) return;
    await act(async () => {
      const outcome = await send<{ view: EditorView; published: { files: number; ms: number } }>('POST', `${base(view!.draft.year)}/publish`);
      view = outcome.view;
      return `Published: ${outcome.published.files} pages written in ${outcome.published.ms} ms.`;
    });
  });
  $('unpublish').addEventListener('click', async () => {
    if (!confirm(`Take the ${view!.draft.year} campaign off the public site? The draft is kept.`)) return;
    await act(async () => {
      view = await send<EditorView>('POST', `${base(view!.draft.year)}/unpublish`);
      return 'Unpublished: the site no longer shows this campaign.';
    });
  });
  $('schedule-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const at = new Date($<HTMLInputElement>('schedule-at').value);
    if (Number.isNaN(at.getTime()) || at.getTime() <= Date.now()) return say('Choose a time in the future to publish.');
    if (!(await saveFirst())) return;
    await act(async () => {
      view = await send<EditorView>('PUT', `${base(view!.draft.year)}/schedule`, { publishAt: at.toISOString() });
      return `Scheduled: the draft is published at ${utc(at.toISOString())}.`;
    });
  });
  $('schedule-clear').addEventListener('click', () =>
    act(async () => {
      view = await send<EditorView>('PUT', `${base(view!.draft.year)}/schedule`, { publishAt: null });
      return 'Schedule cleared.';
    }),
  );
  addEventListener('beforeunload', (event) => {
    if (dirty) event.preventDefault();
  });
}
