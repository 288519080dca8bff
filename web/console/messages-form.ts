/**
 * The message editor's form: one fieldset per variant (text with its live count and preview,
 * hashtags, link, media from the campaign's kit with their alt text, approved rewordings), read
 * back as the API's body; the API's `fields` shown at their inputs and in a focused summary.
 */
import { textDirection, type Language } from '../../functions/domain/shared/languages.js';
import type { FieldError } from './api.js';
import { LANGUAGE_LABELS } from './campaign-rules.js';
import { $, el } from './dom.js';
import { mediaPicker, type MediaPicker } from './messages-media.js';
import { countVariant, describeCount, parseLines, parseTags, variantName, type MessageVariant, type Platform } from './messages-rules.js';
import { instanceLimitNote, type InstanceLimit } from './messages-targets-rules.js';

export { loadMediaKit } from './messages-media.js';

let uid = 0;
/** Each variant's media picker (messages-media.ts). */
const pickers = new WeakMap<HTMLElement, MediaPicker>();
let campaignYear = new Date().getFullYear();
/** The campaign's Mastodon instances and their post lengths (the targets route), for the Mastodon counters. */
let instanceLimits: readonly InstanceLimit[] = [];
let announce: ReturnType<typeof setTimeout> | undefined;

const variantsBox = () => $('message-variants');
export const variantSets = (): HTMLFieldSetElement[] => [...variantsBox().querySelectorAll<HTMLFieldSetElement>(':scope > fieldset')];
const input = <T extends HTMLInputElement | HTMLTextAreaElement>(set: HTMLElement, field: string) => set.querySelector<T>(`[data-field="${field}"]`)!;

function field(id: string, label: string, control: HTMLElement, hint?: string): HTMLElement {
  const box = el('div', { class: 'field' }, el('label', { for: id }, label));
  if (hint) {
    box.append(el('p', { id: `${id}-hint`, class: 'hint' }, hint));
    control.setAttribute('aria-describedby', `${id}-hint`);
  }
  control.id = id;
  box.append(control);
  return box;
}

function readVariant(set: HTMLElement): MessageVariant {
  const link = input(set, 'link').value.trim();
  return {
    language: set.dataset.language as Language,
    platform: set.dataset.platform as Platform,
    text: input(set, 'text').value,
    hashtags: parseTags(input(set, 'hashtags').value),
    ...(link ? { link } : {}),
    ...(pickers.get(set)?.read() ?? { mediaIds: [], altText: {} }),
    alternatives: parseLines(input(set, 'alternatives').value),
  };
}

/** Counts and previews one variant as it will be posted; `speak` also tells screen readers, after a pause. */
export function recount(set: HTMLElement, speak = false): void {
  const variant = readVariant(set);
  const { posted, check } = countVariant(variant, campaignYear);
  const count = set.querySelector<HTMLElement>('.count')!;
  count.textContent = describeCount(check);
  count.classList.toggle('count-over', !check.ok);
  set.querySelector('.post-preview')!.textContent = posted;
  set.querySelector('.post-preview-media')!.replaceChildren(...(pickers.get(set)?.preview() ?? []));
  const over = variant.alternatives
    .map((text, i) => ({ i, check: countVariant(variant, campaignYear, text).check }))
    .filter(({ check }) => !check.ok)
    .map(({ i, check }) => `Rewording ${i + 1}: ${describeCount(check)}`);
  const alternatives = set.querySelector<HTMLElement>('.alternatives-count')!;
  alternatives.textContent = over.join('. ');
  alternatives.hidden = over.length === 0;
  const note = instanceLimitNote(variant, campaignYear, instanceLimits);
  const instances = set.querySelector<HTMLElement>('.instance-limits')!;
  instances.textContent = note?.text ?? '';
  instances.hidden = !note;
  instances.classList.toggle('count-over', note?.short === true);
  if (!speak) return;
  clearTimeout(announce);
  announce = setTimeout(() => ($('message-count-status').textContent = `${variantName(variant, LANGUAGE_LABELS)}: ${describeCount(check)}`), 900);
}

/** A variant's fieldset; `onChange` runs on every edit, `onRemove` after it is taken out. */
export function addVariant(variant: MessageVariant, handlers: { onChange: () => void; onRemove: () => void }): HTMLFieldSetElement {
  const id = `variant-${++uid}`;
  const dir = textDirection(variant.language);
  const text = el('textarea', { 'data-field': 'text', rows: 5, lang: variant.language, dir, required: true });
  text.value = variant.text;
  const count = el('p', { id: `${id}-count`, class: 'count' });
  // Mastodon: the accounts on instances that take shorter posts (filled by recount).
  const instances = el('p', { id: `${id}-instances`, class: 'hint instance-limits', hidden: true });
  const hashtags = el('input', { type: 'text', 'data-field': 'hashtags', autocomplete: 'off' });
  hashtags.value = variant.hashtags.join(', ');
  const link = el('input', { type: 'url', 'data-field': 'link', inputmode: 'url', placeholder: 'https://' });
  link.value = variant.link ?? '';
  const alternatives = el('textarea', { 'data-field': 'alternatives', rows: 3, lang: variant.language, dir });
  alternatives.value = variant.alternatives.join('\n');
  const textField = field(`${id}-text`, 'Text', text);
  textField.append(count, instances);
  const name = variantName(variant, LANGUAGE_LABELS);
  const media = mediaPicker(id, variant, campaignYear);
  const remove = el('button', { type: 'button', class: 'button button-secondary button-small', 'aria-label': `Remove the ${name} variant` }, 'Remove variant');
  const set = el('fieldset', { class: 'variant', 'data-language': variant.language, 'data-platform': variant.platform },
    el('legend', {}, name),
    textField,
    field(`${id}-hashtags`, 'Hashtags', hashtags, 'Comma-separated, with or without #; appended unless the text has them.'),
    field(`${id}-link`, 'Link', link, 'An https:// address; campaign tags (utm_*) are added when posted.'),
    media.element,
    field(`${id}-alternatives`, 'Approved rewordings', alternatives, "One per line: each supporter's post takes one, as networks reject identical posts."),
    el('p', { class: 'alternatives-count count-over', hidden: true }),
    el('div', { class: 'preview' }, el('h4', { id: `${id}-preview` }, 'Preview as posted'), el('p', { class: 'post-preview', lang: variant.language, dir, 'aria-labelledby': `${id}-preview` }),
      el('ul', { class: 'post-preview-media', 'aria-label': 'Media as posted' })),
    remove);
  text.setAttribute('aria-describedby', `${count.id} ${instances.id}`);
  pickers.set(set, media);
  set.addEventListener('input', () => {
    recount(set, true);
    handlers.onChange();
  });
  remove.addEventListener('click', () => {
    set.remove();
    handlers.onRemove();
  });
  variantsBox().append(set);
  recount(set);
  return set;
}

/** The campaign's Mastodon instances with their post lengths: each Mastodon variant's counter says who is on a smaller one. */
export function setInstanceLimits(limits: readonly InstanceLimit[]): void {
  instanceLimits = limits;
  for (const set of variantSets()) recount(set);
}

/** Builds the form from a message (or empties it for a new one of `year`). */
export function fillForm(year: number, message: { title: string; variants: MessageVariant[] } | undefined, handlers: { onChange: () => void; onRemove: () => void }): void {
  campaignYear = year;
  clearFieldErrors();
  $<HTMLInputElement>('message-title').value = message?.title ?? '';
  variantsBox().replaceChildren();
  for (const variant of message?.variants ?? []) addVariant(variant, handlers);
  $('message-no-variants').hidden = variantSets().length > 0;
}

export function readForm(): { title: string; variants: MessageVariant[] } {
  return { title: $<HTMLInputElement>('message-title').value.trim(), variants: variantSets().map(readVariant) };
}

/** `variants.2.text` → the text area of the third variant; `schedule.date` → the schedule's input. */
function inputFor(path: string): HTMLElement | null {
  const [head, index, name] = path.split('.');
  if (head === 'title') return $('message-title');
  if (head === 'schedule') {
    const local = $<HTMLInputElement>('schedule-kind-local').checked;
    return $(local ? (index === 'time' ? 'message-schedule-time' : 'message-schedule-date') : 'message-schedule-at');
  }
  if (head !== 'variants' || index === undefined) return null;
  const set = variantSets()[Number(index)];
  if (!set) return null;
  if (name === 'altText') return set.querySelector<HTMLElement>(`[data-alt-for="${CSS.escape(path.split('.').slice(3).join('.'))}"]`) ?? set.querySelector('[data-field="mediaIds"]');
  return set.querySelector<HTMLElement>(`[data-field="${name ?? 'text'}"]`) ?? input(set, 'text');
}

const describe = (path: string): string => {
  const [head, index, name, n] = path.split('.');
  if (head !== 'variants' || index === undefined) return head === 'title' ? 'Title' : head === 'schedule' ? 'Schedule' : path;
  const set = variantSets()[Number(index)];
  const variant = set ? variantName({ language: set.dataset.language as Language, platform: set.dataset.platform as Platform }, LANGUAGE_LABELS) : `Variant ${Number(index) + 1}`;
  const what = !name ? '' : name === 'alternatives' ? ` rewording ${Number(n ?? 0) + 1}` : name === 'hashtags' ? ' hashtags' : name === 'mediaIds' ? ' media' : name === 'altText' ? ' alt text' : ` ${name}`;
  return `${variant}${what}`;
};

export function clearFieldErrors(): void {
  for (const message of $('message-editor').querySelectorAll('.field-error')) message.remove();
  for (const invalid of $('message-editor').querySelectorAll<HTMLElement>('[aria-invalid]')) {
    invalid.removeAttribute('aria-invalid');
    const rest = (invalid.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && !id.includes('-error-'));
    if (rest.length) invalid.setAttribute('aria-describedby', rest.join(' '));
    else invalid.removeAttribute('aria-describedby');
  }
  $('message-errors').hidden = true;
}

/** The API's field errors under their inputs, and a summary of links to them that takes focus. */
export function showFieldErrors(errors: FieldError[], intro: string): void {
  clearFieldErrors();
  const list = $('message-error-list');
  list.replaceChildren();
  errors.forEach((error, i) => {
    const target = inputFor(error.field);
    const text = `${describe(error.field)} ${error.message}`;
    if (!target) return void list.append(el('li', {}, text));
    const id = `${target.id}-error-${i}`;
    target.setAttribute('aria-invalid', 'true');
    target.setAttribute('aria-describedby', [target.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
    const after = target.nextElementSibling?.classList.contains('count') ? target.nextElementSibling : target;
    after.insertAdjacentElement('afterend', el('p', { id, class: 'field-error' }, error.message));
    const link = el('a', { href: `#${target.id}` }, text);
    link.addEventListener('click', (event) => {
      event.preventDefault();
      target.focus();
    });
    list.append(el('li', {}, link));
  });
  $('message-error-intro').textContent = intro;
  $('message-errors').hidden = false;
  $('message-errors').focus();
}
