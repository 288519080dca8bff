/**
 * The media picker of a message variant: the campaign's media kit items the variant's network
 * takes (thumbnail, title, kind and size), each chosen one with its alt text in the variant's
 * language (pre-filled from the kit), the network's limit and how many are chosen, said as they
 * change. The rules are the API's own (functions/domain/social/media-rules.ts, message-media.ts).
 */
import type { Campaign, MediaItem } from '../../functions/domain/campaigns/campaign.js';
import { textDirection } from '../../functions/domain/shared/languages.js';
import { describeBytes, MEDIA_RULES, mediaItemProblem, needsAltText, typeNames } from '../../functions/domain/social/media-rules.js';
import { kitAltText, mediaKitOf } from '../../functions/domain/social/message-media.js';
import { PLATFORM_RULES } from '../../functions/domain/social/platform-rules.js';
import { mediaHref } from '../site/paths.js';
import { ApiError, send } from './api.js';
import { fileSize, LANGUAGE_LABELS } from './campaign-rules.js';
import { el } from './dom.js';
import type { MessageVariant } from './messages-rules.js';

let kit: MediaItem[] = [];

/** Reads the campaign's media kit (its draft's items, then those only the live campaign has); none when the campaign does not exist yet. */
export async function loadMediaKit(year: number): Promise<void> {
  try {
    kit = mediaKitOf(await send<{ draft: Campaign; live?: Campaign }>('GET', `/api/admin/campaigns/${year}`));
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) throw error;
    kit = [];
  }
}

const KINDS: Record<MediaItem['kind'], string> = { image: 'Image', gif: 'GIF', video: 'Video', pdf: 'PDF' };

export interface MediaPicker {
  element: HTMLFieldSetElement;
  /** The chosen ids, in the order they were chosen (the post's order), and their alt text. */
  read(): Pick<MessageVariant, 'mediaIds' | 'altText'>;
  /** The chosen media as the preview shows them. */
  preview(): Node[];
}

function thumbnail(year: number, item: MediaItem, alt = ''): HTMLElement {
  if (item.kind !== 'image') return el('span', { class: 'media-badge', 'aria-hidden': 'true' }, KINDS[item.kind]);
  const image = el('img', { class: 'media-thumb', src: mediaHref(year, item.file), alt, loading: 'lazy', decoding: 'async' });
  // On AWS a file is served once its campaign is published.
  image.addEventListener('error', () => image.replaceWith(el('span', { class: 'media-no-preview' }, alt ? `${alt} (no preview yet)` : 'No preview yet')));
  return image;
}

/** The picker of one variant (`id` prefixes its element ids); its inputs' events bubble to the variant's fieldset. */
export function mediaPicker(id: string, variant: MessageVariant, year: number): MediaPicker {
  const rule = MEDIA_RULES[variant.platform];
  const network = PLATFORM_RULES[variant.platform].name;
  const languageName = LANGUAGE_LABELS[variant.language];
  const chosen = [...variant.mediaIds];
  const altFields = new Map<string, HTMLTextAreaElement>();
  const count = el('p', { id: `${id}-media-count`, class: 'media-count', 'aria-live': 'polite' });
  const alone = rule.alone.length ? `; a ${rule.alone.map((kind) => KINDS[kind].toLowerCase()).join(' or ')} goes alone` : '';
  const sizes = [...new Set(Object.values(rule.types))];
  const each = sizes.length === 1 && sizes[0] !== undefined ? `, each up to ${describeBytes(sizes[0])}` : '';
  const ruleLine = el('p', { id: `${id}-media-rule`, class: 'hint' }, `${network} takes up to ${rule.max} in a post: ${typeNames(rule)}${each}${alone}.`);
  const element = el('fieldset', { class: 'media-picker', 'data-field': 'mediaIds', tabindex: -1, 'aria-describedby': `${id}-media-rule ${id}-media-count` },
    el('legend', {}, `Media from the ${year} media kit`), ruleLine, count);

  const sayCount = (refused?: string) => {
    const kinds = chosen.map((mediaId) => kit.find((item) => item.id === mediaId)?.kind);
    const lone = chosen.length > 1 ? kinds.find((kind) => kind && rule.alone.includes(kind)) : undefined;
    count.textContent = [
      `${chosen.length} of ${rule.max} chosen.`,
      refused ?? '',
      lone ? `On ${network} a ${KINDS[lone].toLowerCase()} must be the post's only media.` : '',
    ].filter(Boolean).join(' ');
    count.classList.toggle('count-over', Boolean(refused || lone));
  };

  const list = el('ul', { class: 'media-choices' });
  const offered = kit.filter((item) => !mediaItemProblem(variant.platform, item) || chosen.includes(item.id));
  const missing = chosen.filter((mediaId) => !kit.some((item) => item.id === mediaId));
  offered.forEach((item, n) => {
    const boxId = `${id}-media-${n}`;
    const box = el('input', { type: 'checkbox', id: boxId, value: item.id, 'data-media-choice': item.id });
    box.checked = chosen.includes(item.id);
    const problem = mediaItemProblem(variant.platform, item);
    const label = el('label', { for: boxId, class: 'media-label' },
      thumbnail(year, item),
      el('span', { class: 'media-file' }, el('span', { class: 'media-title' }, item.title.en), el('span', {}, `${KINDS[item.kind]} · ${fileSize(item.bytes)}`)));
    const row = el('li', { class: 'media-choice' }, box, label);
    if (problem) row.append(el('p', { class: 'field-warning' }, `Not for ${network}: ${problem}.`));
    let alt: HTMLElement | undefined;
    if (item.kind !== 'pdf') {
      const altId = `${id}-alt-${n}`;
      const fromKit = kitAltText(item, variant.language);
      const text = el('textarea', { id: altId, rows: 2, 'data-alt-for': item.id, lang: variant.language, dir: textDirection(variant.language), 'aria-describedby': `${altId}-hint` });
      text.value = variant.altText[item.id] ?? fromKit ?? '';
      // Required only while chosen: a hidden required field would block saving.
      text.required = needsAltText(item.kind) && box.checked;
      const hint = fromKit
        ? `From the media kit; edit it for this post if you like.`
        : `The media kit has no text alternative in ${languageName}: ${needsAltText(item.kind) ? 'write one' : 'describe it if you like'}.`;
      altFields.set(item.id, text);
      alt = el('div', { class: 'field media-alt' },
        el('label', { for: altId }, `Alt text in ${languageName} for “${item.title.en}”`), el('p', { id: `${altId}-hint`, class: 'hint' }, hint), text);
      alt.hidden = !box.checked;
      row.append(alt);
    }
    // On the box itself, so the choice is recorded before the variant's fieldset hears the event (and recounts).
    box.addEventListener('input', () => {
      if (box.checked && chosen.length >= rule.max) {
        box.checked = false;
        return sayCount(`${network} takes at most ${rule.max}: remove one first.`);
      }
      if (box.checked) chosen.push(item.id);
      else chosen.splice(chosen.indexOf(item.id), 1);
      if (alt) alt.hidden = !box.checked;
      const text = altFields.get(item.id);
      if (text) text.required = needsAltText(item.kind) && box.checked;
      sayCount();
    });
    list.append(row);
  });
  for (const mediaId of missing) {
    const boxId = `${id}-media-missing-${mediaId}`;
    const box = el('input', { type: 'checkbox', id: boxId, value: mediaId, checked: true, 'data-media-choice': mediaId });
    box.addEventListener('input', () => {
      if (!box.checked && chosen.includes(mediaId)) chosen.splice(chosen.indexOf(mediaId), 1);
      else if (box.checked && !chosen.includes(mediaId)) chosen.push(mediaId);
      sayCount();
    });
    list.append(el('li', { class: 'media-choice' }, box, el('label', { for: boxId }, `${mediaId}: no longer in the media kit (untick it)`)));
  }
  if (offered.length || missing.length) element.append(list);
  const left = kit.filter((item) => !offered.includes(item));
  if (left.length) {
    element.append(el('p', { class: 'hint' }, `Not offered for ${network}: ${left.map((item) => `“${item.title.en}” (${mediaItemProblem(variant.platform, item)})`).join('; ')}.`));
  }
  if (!kit.length) element.append(el('p', { class: 'empty-state' }, `The ${year} campaign has no media kit yet: upload files in Campaigns.`));
  sayCount();

  return {
    element,
    read: () => ({
      mediaIds: [...chosen],
      altText: Object.fromEntries(chosen.flatMap((mediaId) => {
        const text = altFields.get(mediaId)?.value.trim() ?? variant.altText[mediaId];
        return text ? [[mediaId, text]] : [];
      })),
    }),
    preview: () =>
      chosen.flatMap((mediaId) => {
        const item = kit.find((candidate) => candidate.id === mediaId);
        if (!item) return [];
        const shown = item.kind === 'image' ? thumbnail(year, item, altFields.get(mediaId)?.value.trim() ?? '') : el('span', { class: 'media-badge' }, `${KINDS[item.kind]}: ${item.title.en}`);
        return [el('li', { class: 'preview-media' }, shown)];
      }),
  };
}
