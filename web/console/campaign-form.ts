/**
 * The campaign form: every text as a row, every language as a column (side by side), built
 * from a Campaign and read back into the body the admin API takes. The DOM is the state: adding
 * or removing a row reads the form, changes the campaign and builds the form again.
 */
import type { Campaign, LocalizedText, MediaItem, MediaKind } from '../../functions/domain/campaigns/campaign.js';
import type { Language } from '../../functions/domain/shared/languages.js';
import { mediaHref } from '../site/paths.js';
import { $, el } from './dom.js';
import {
  EDITOR_LANGUAGES, HASHTAG, LANGUAGE_LABELS, fileSize, hasAltField, inputId, needsAlt, parseHashtags, type CampaignBody, type Translation,
} from './campaign-rules.js';

type Group = 'keyMessages' | 'callsToAction' | 'links' | 'partners' | 'mediaKit';
export interface FormHandlers { remove(group: Group, index: number): void }

interface TextRow { path: string; label: string; text: LocalizedText | undefined; rows?: number; header?: Node[]; attributes?: Record<string, string> }

function textInput(path: string, label: string, language: Language, value: string, rows: number): HTMLTableCellElement {
  const id = inputId(`${path}.${language}`);
  const attributes = { id, 'data-path': `${path}.${language}`, lang: language, dir: language === 'ar' ? 'rtl' : 'ltr', ...(rows > 1 ? { rows } : { type: 'text' }) };
  const input = rows > 1 ? el('textarea', attributes) : el('input', attributes);
  input.value = value;
  return el('td', { 'data-lang': language }, el('label', { for: id, class: 'visually-hidden' }, `${label} (${LANGUAGE_LABELS[language]})`), input);
}

function textGrid(caption: string, rows: TextRow[]): HTMLTableElement {
  const head = el('tr', {}, el('th', { scope: 'col' }, 'Text'), ...EDITOR_LANGUAGES.map((language) => el('th', { scope: 'col', 'data-lang': language, lang: 'en' }, LANGUAGE_LABELS[language])));
  const body = rows.map((row) =>
    el('tr', row.attributes ?? {}, el('th', { scope: 'row' }, el('span', { class: 'row-label' }, row.label), ...(row.header ?? [])),
      ...EDITOR_LANGUAGES.map((language) => textInput(row.path, row.label, language, row.text?.[language as 'en'] ?? '', row.rows ?? 1))),
  );
  return el('table', { class: 'text-grid' }, el('caption', { class: 'visually-hidden' }, caption), el('thead', {}, head), el('tbody', {}, ...body));
}

function urlInput(path: string, label: string, value: string | undefined, required: boolean): HTMLElement {
  const id = inputId(path);
  const input = el('input', { id, 'data-path': path, type: 'text', inputmode: 'url', lang: 'en', dir: 'ltr', placeholder: 'https://… or /en/pledge/', required });
  input.value = value ?? '';
  return el('div', { class: 'url-field' }, el('label', { for: id }, label), input);
}

function removeButton(group: Group, index: number, what: string, handlers: FormHandlers): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'button button-secondary button-small', 'aria-label': `Remove ${what}` }, 'Remove');
  button.addEventListener('click', () => handlers.remove(group, index));
  return button;
}

export function renderForm(campaign: Campaign, handlers: FormHandlers): void {
  $<HTMLInputElement>('campaign-day').value = campaign.day;
  const noTheme = $<HTMLInputElement>('campaign-no-theme');
  noTheme.checked = !campaign.theme;
  $('grid-texts').replaceChildren(
    textGrid('Theme and summary', [
      { path: 'theme', label: 'Theme', text: campaign.theme },
      { path: 'summary', label: 'Summary', text: campaign.summary, rows: 5 },
    ]),
  );
  applyNoTheme();
  $('grid-key-messages').replaceChildren(
    textGrid('Key messages', campaign.keyMessages.map((text, i) => ({
      path: `keyMessages.${i}`, label: `Key message ${i + 1}`, text, rows: 4, header: [removeButton('keyMessages', i, `key message ${i + 1}`, handlers)],
    }))),
  );
  $('grid-ctas').replaceChildren(
    textGrid('Calls to action', campaign.callsToAction.map((cta, i) => ({
      path: `callsToAction.${i}.text`, label: `Call to action ${i + 1}`, text: cta.text, rows: 2,
      header: [urlInput(`callsToAction.${i}.url`, 'URL', cta.url, true), removeButton('callsToAction', i, `call to action ${i + 1}`, handlers)],
    }))),
  );
  $('grid-links').replaceChildren(
    textGrid('Links', campaign.links.map((link, i) => ({
      path: `links.${i}.label`, label: `Link ${i + 1}`, text: link.label, rows: 2,
      header: [urlInput(`links.${i}.url`, 'URL', link.url, true), removeButton('links', i, `link ${i + 1}`, handlers)],
    }))),
  );
  for (const id of ['grid-key-messages', 'grid-ctas', 'grid-links']) $(id).hidden = !$(id).querySelector('tbody tr');
  $<HTMLInputElement>('campaign-hashtags').value = campaign.hashtags.join(' ');
  renderHashtagChips();
  $('partner-rows').replaceChildren(
    ...campaign.partners.map((partner, i) => {
      const name = el('input', { id: inputId(`partners.${i}.name`), 'data-path': `partners.${i}.name`, type: 'text', lang: 'en', required: true });
      name.value = partner.name;
      return el('tr', {},
        el('td', {}, el('label', { for: name.id, class: 'visually-hidden' }, `Name of partner ${i + 1}`), name),
        el('td', {}, urlInput(`partners.${i}.url`, `URL of partner ${i + 1}`, partner.url, false)),
        el('td', {}, removeButton('partners', i, `partner ${i + 1}`, handlers)));
    }),
  );
  $('partners-table').hidden = campaign.partners.length === 0;
  $('grid-media').replaceChildren(
    textGrid('Media kit: titles and text alternatives', campaign.mediaKit.flatMap((item, i) => mediaRows(campaign.year, item, i, handlers))),
  );
  $('grid-media').hidden = campaign.mediaKit.length === 0;
  $('media-kit-empty').hidden = campaign.mediaKit.length > 0;
  renderAltWarnings();
}

const KIND_LABELS: Record<MediaKind, string> = { image: 'Image', gif: 'GIF', video: 'Video', pdf: 'PDF' };

/** A media kit file as two rows of the grid: its title (with the file, its language, Remove) and its text alternative. */
function mediaRows(year: number, item: MediaItem, i: number, handlers: FormHandlers): TextRow[] {
  const n = i + 1;
  const preview: Node[] = [];
  if (item.kind === 'image') {
    // Still images only, as on the site: a GIF preview would move.
    const thumb = el('img', { class: 'media-thumb', src: mediaHref(year, item.file), alt: '', loading: 'lazy', decoding: 'async' });
    thumb.addEventListener('error', () => thumb.replaceWith(el('span', { class: 'media-no-preview' }, 'No preview yet (shown once the campaign is published).')));
    preview.push(thumb);
  }
  const languageId = inputId(`mediaKit.${i}.language`);
  const language = el('select', { id: languageId, 'data-path': `mediaKit.${i}.language` },
    el('option', { value: '' }, 'Any language'), ...EDITOR_LANGUAGES.map((l) => el('option', { value: l }, LANGUAGE_LABELS[l])));
  language.value = item.language ?? '';
  const title: TextRow = {
    path: `mediaKit.${i}.title`, label: `Title of media file ${n}`, text: item.title, rows: 1,
    attributes: { 'data-media-id': item.id, 'data-media-kind': item.kind, 'data-media-file': item.file, 'data-media-type': item.contentType, 'data-media-bytes': String(item.bytes) },
    header: [
      ...preview,
      el('span', { class: 'media-file' }, el('code', {}, item.file), el('span', {}, `${KIND_LABELS[item.kind]} · ${fileSize(item.bytes)}`)),
      el('div', { class: 'url-field' }, el('label', { for: languageId }, 'Language of the file'), language),
      removeButton('mediaKit', i, `media file ${n} (${item.file}) from the draft`, handlers),
    ],
  };
  if (!hasAltField(item.kind)) return [title];
  const altHint = item.kind === 'video' ? 'Describes the poster frame.' : 'Describes the image for people who cannot see it.';
  const warning = el('p', { id: `${inputId(`mediaKit.${i}.alt`)}-warning`, class: 'field-warning', hidden: true }, 'No English text alternative: screen readers will say nothing about this image.');
  return [title, {
    path: `mediaKit.${i}.alt`, label: `Text alternative of media file ${n}`, text: item.alt, rows: 2,
    header: [el('span', { class: 'hint' }, altHint), ...(needsAlt(item.kind) ? [warning] : [])],
  }];
}

/** Warns (without blocking the save) about each image or GIF with no English text alternative. */
export function renderAltWarnings(): void {
  document.querySelectorAll<HTMLElement>('#grid-media tr[data-media-id]').forEach((row, i) => {
    const warning = document.getElementById(`${inputId(`mediaKit.${i}.alt`)}-warning`);
    const input = document.getElementById(inputId(`mediaKit.${i}.alt.en`));
    if (!warning || !input) return;
    const missing = needsAlt(row.dataset.mediaKind as MediaKind) && !(input as HTMLInputElement).value.trim();
    warning.hidden = !missing;
    const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && id !== warning.id);
    if (missing) ids.push(warning.id);
    if (ids.length) input.setAttribute('aria-describedby', ids.join(' '));
    else input.removeAttribute('aria-describedby');
  });
}

export function applyNoTheme(): void {
  const off = $<HTMLInputElement>('campaign-no-theme').checked;
  for (const input of document.querySelectorAll<HTMLInputElement>('[data-path^="theme."]')) input.disabled = off;
}

export function renderHashtagChips(): void {
  const tags = parseHashtags($<HTMLInputElement>('campaign-hashtags').value);
  $('hashtag-chips').replaceChildren(
    ...tags.map((tag) => (HASHTAG.test(tag) ? el('li', { class: 'chip', lang: 'en' }, tag) : el('li', { class: 'chip chip-invalid', lang: 'en' }, tag, el('span', { class: 'visually-hidden' }, ' (not valid)')))),
  );
}

const value = (path: string): string => (document.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[data-path="${path}"]`)?.value ?? '').trim();
const count = (id: string): number => $(id).querySelectorAll('tbody tr').length;

function localized(path: string): LocalizedText {
  const text: LocalizedText = { en: value(`${path}.en`) };
  for (const language of EDITOR_LANGUAGES) if (language !== 'en' && value(`${path}.${language}`)) text[language] = value(`${path}.${language}`);
  return text;
}

/** The form as the body of `PUT /api/admin/campaigns/{year}`. */
export function readForm(): CampaignBody {
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  const body: CampaignBody = {
    day: $<HTMLInputElement>('campaign-day').value,
    summary: localized('summary'),
    keyMessages: range(count('grid-key-messages')).map((i) => localized(`keyMessages.${i}`)),
    callsToAction: range(count('grid-ctas')).map((i) => ({ text: localized(`callsToAction.${i}.text`), url: value(`callsToAction.${i}.url`) })),
    hashtags: parseHashtags($<HTMLInputElement>('campaign-hashtags').value),
    links: range(count('grid-links')).map((i) => ({ label: localized(`links.${i}.label`), url: value(`links.${i}.url`) })),
    partners: range(count('partner-rows')).map((i) => ({ name: value(`partners.${i}.name`), ...(value(`partners.${i}.url`) ? { url: value(`partners.${i}.url`) } : {}) })),
    mediaKit: [...document.querySelectorAll<HTMLElement>('#grid-media tr[data-media-id]')].map((row, i) => readMediaItem(row, i)),
  };
  if (!$<HTMLInputElement>('campaign-no-theme').checked) body.theme = localized('theme');
  return body;
}

function readMediaItem(row: HTMLElement, i: number): MediaItem {
  const { mediaId, mediaKind, mediaFile, mediaType, mediaBytes } = row.dataset;
  const item: MediaItem = { id: mediaId!, kind: mediaKind as MediaKind, file: mediaFile!, contentType: mediaType!, bytes: Number(mediaBytes), title: localized(`mediaKit.${i}.title`) };
  if (hasAltField(item.kind)) {
    const alt = localized(`mediaKit.${i}.alt`);
    if (Object.values(alt).some(Boolean)) item.alt = alt;
  }
  const language = value(`mediaKit.${i}.language`);
  if (language) item.language = language as Language;
  return item;
}

/** Shows the chosen language columns; the others stay in the form (and are saved) but hidden. */
export function showLanguages(shown: ReadonlySet<Language>): void {
  for (const cell of document.querySelectorAll<HTMLElement>('#campaign-form .text-grid [data-lang]')) cell.hidden = !shown.has(cell.dataset.lang as Language);
}

/** Highlights each cell where the site will show English instead, with a placeholder saying so. */
export function markFallbacks(translation: Translation): void {
  for (const input of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('.text-grid [data-path]')) {
    input.closest('td')?.classList.remove('falls-back');
    input.placeholder = '';
  }
  for (const language of EDITOR_LANGUAGES) {
    for (const path of translation[language]?.missing ?? []) {
      const input = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[data-path="${path}.${language}"]`);
      if (!input) continue;
      input.closest('td')?.classList.add('falls-back');
      input.placeholder = 'Missing: shows English';
    }
  }
}
