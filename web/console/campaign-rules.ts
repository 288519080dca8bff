/**
 * What the campaign editor knows without the server: the admin API's shapes, the same hashtag
 * and URL rules the API applies (so most mistakes show before a round trip), and labels.
 * No DOM here: unit-tested in test/unit/web/console-campaign-rules.test.ts.
 */
import type { Campaign, LocalizedText, MediaItem } from '../../functions/domain/campaigns/campaign.js';
import { MEDIA_TYPES } from '../../functions/domain/campaigns/media.js';
import type { Language } from '../../functions/domain/shared/languages.js';
import type { FieldError } from './api.js';

export type Translation = Record<Language, { complete: number; missing: string[] }>;

export interface EditorView { draft: Campaign; live?: Campaign; publishAt?: string; translation: Translation }

export interface CampaignRow {
  year: number; theme?: LocalizedText; status: 'draft' | 'published'; hasUnpublishedChanges: boolean; publishAt?: string; updatedAt: string; translation: Translation;
}

export interface HistoryEntry {
  id: string; at: string; by: string; action: 'edit' | 'publish' | 'unpublish' | 'schedule' | 'restore';
  changes?: Array<{ field: string; before?: unknown; after?: unknown }>; publishedVersion?: boolean;
}

/** The body of `PUT /api/admin/campaigns/{year}`: a campaign without year, status, updatedAt. */
export type CampaignBody = Omit<Campaign, 'year' | 'status' | 'updatedAt'>;

/** Column order: English (the source and fallback) first, then the site's order. */
export const EDITOR_LANGUAGES: readonly Language[] = ['en', 'ar', 'zh', 'fr', 'ru', 'es', 'pt'];

export const LANGUAGE_LABELS: Record<Language, string> = {
  en: 'English', ar: 'Arabic', zh: 'Chinese', fr: 'French', ru: 'Russian', es: 'Spanish', pt: 'Portuguese',
};

export const HASHTAG = /^#[\p{L}\p{N}_]{2,100}$/u;
export const isCampaignUrl = (url: string): boolean => /^https:\/\/\S+$/.test(url) || /^\/(?!\/)\S*$/.test(url);

/** `EndTrafficking, #BlueHeart  #x` → `['#EndTrafficking', '#BlueHeart', '#x']` (a missing # is added). */
export const parseHashtags = (input: string): string[] =>
  input
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((tag) => (tag.startsWith('#') ? tag : `#${tag}`));

/** A new year's campaign: most years have a theme, so it starts with an empty one. */
export function emptyCampaign(year: number): Campaign {
  return {
    year, day: `${year}-07-30`, theme: { en: '' }, summary: { en: '' }, keyMessages: [], callsToAction: [], hashtags: [], links: [], partners: [], mediaKit: [],
    status: 'draft', updatedAt: new Date().toISOString(),
  };
}

export const bodyOf = ({ year: _year, status: _status, updatedAt: _updatedAt, ...body }: Campaign): CampaignBody => body;

/** The API's rules, checked before saving; dotted paths as the API names them. */
export function checkCampaign(body: CampaignBody): FieldError[] {
  const errors: FieldError[] = [];
  const english = (path: string, text: LocalizedText | undefined) => {
    if (!text?.en.trim()) errors.push({ field: `${path}.en`, message: 'Enter the English text: the site falls back to it.' });
  };
  const url = (path: string, value: string | undefined) => {
    if (value !== undefined && !isCampaignUrl(value)) errors.push({ field: path, message: 'Enter an address starting with https://, or a site path starting with /.' });
  };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(body.day ?? '')) errors.push({ field: 'day', message: 'Enter the World Day as a date.' });
  if (body.theme) english('theme', body.theme);
  english('summary', body.summary);
  body.keyMessages.forEach((text, i) => english(`keyMessages.${i}`, text));
  body.callsToAction.forEach((cta, i) => {
    english(`callsToAction.${i}.text`, cta.text);
    url(`callsToAction.${i}.url`, cta.url);
  });
  body.links.forEach((link, i) => {
    english(`links.${i}.label`, link.label);
    url(`links.${i}.url`, link.url);
  });
  body.partners.forEach((partner, i) => {
    if (!partner.name.trim()) errors.push({ field: `partners.${i}.name`, message: "Enter the partner's name." });
    url(`partners.${i}.url`, partner.url);
  });
  body.mediaKit.forEach((item, i) => {
    if (!item.title.en.trim()) errors.push({ field: `mediaKit.${i}.title.en`, message: 'Enter the English title: the site falls back to it.' });
    if (item.alt && !item.alt.en.trim()) errors.push({ field: `mediaKit.${i}.alt.en`, message: 'Enter the English text alternative: the other languages fall back to it.' });
  });
  body.hashtags.forEach((tag, i) => {
    if (!HASHTAG.test(tag)) errors.push({ field: `hashtags.${i}`, message: `${tag} is not a hashtag: # then 2 to 100 letters, digits or underscores.` });
  });
  return errors;
}

/** A field path as a readable name for the error summary: `keyMessages.0.fr` → `Key message 1 (French)`. */
export function describePath(path: string): string {
  const parts = path.split('.');
  const language = parts.at(-1) as Language;
  const suffix = language in LANGUAGE_LABELS ? ` (${LANGUAGE_LABELS[language]})` : '';
  const n = (i: string | undefined) => Number(i) + 1;
  const [head, index, sub] = parts;
  switch (head) {
    case 'theme': return `Theme${suffix}`;
    case 'summary': return `Summary${suffix}`;
    case 'day': return 'World Day';
    case 'keyMessages': return `Key message ${n(index)}${suffix}`;
    case 'callsToAction': return sub === 'url' ? `URL of call to action ${n(index)}` : `Call to action ${n(index)}${suffix}`;
    case 'links': return sub === 'url' ? `URL of link ${n(index)}` : `Link ${n(index)}${suffix}`;
    case 'partners': return sub === 'url' ? `URL of partner ${n(index)}` : `Partner ${n(index)}`;
    case 'hashtags': return index === undefined ? 'Hashtags' : `Hashtag ${n(index)}`;
    case 'mediaKit':
      if (sub === 'title') return `Title of media file ${n(index)}${suffix}`;
      if (sub === 'alt') return `Text alternative of media file ${n(index)}${suffix}`;
      if (sub === 'language') return `Language of media file ${n(index)}`;
      return `Media file ${n(index)}${sub ? ` (${sub})` : ''}`;
    case 'upload': return 'File to upload';
    default: return path;
  }
}

/** An input's id from the path it edits: `keyMessages.0.fr` → `campaign-keyMessages-0-fr`. */
export const inputId = (path: string): string => `campaign-${path.replace(/\./g, '-')}`;

/**
 * The path of the input that shows a server error: the longest of `paths` that is the error's
 * path or a prefix of it (`hashtags.2` → `hashtags`, the one input for all of them).
 */
export function inputPathFor(field: string, paths: readonly string[]): string | undefined {
  return [...paths].sort((a, b) => b.length - a.length).find((path) => field === path || field.startsWith(`${path}.`));
}

/** The file input's `accept`: the types a media kit takes (the server's list). */
export const MEDIA_ACCEPT = Object.keys(MEDIA_TYPES).join(',');

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** `PNG, JPEG, WebP: up to 20 MB; GIF: up to 30 MB; …` for the hint under the file input. */
export function mediaLimits(): string {
  const byLimit = new Map<string, string[]>();
  for (const [type, { extension, maxBytes }] of Object.entries(MEDIA_TYPES)) {
    const name = ({ webp: 'WebP', webm: 'WebM', jpg: 'JPEG' } as Record<string, string>)[extension] ?? extension.toUpperCase();
    const key = `${MEDIA_TYPES[type]!.kind}:${maxBytes}`;
    byLimit.set(key, [...(byLimit.get(key) ?? []), name]);
  }
  return [...byLimit.entries()].map(([key, names]) => `${names.join(', ')} up to ${megabytes(Number(key.split(':')[1]))}`).join('; ');
}

/** The server's type and size rules, checked before asking for an upload; undefined when the file may go. */
export function checkUpload(file: { name: string; type: string; size: number }): string | undefined {
  const type = MEDIA_TYPES[file.type];
  if (!type) return `${file.name} cannot go in a media kit: choose a PNG, JPEG, WebP or GIF image, an MP4 or WebM video, or a PDF.`;
  if (file.size === 0) return `${file.name} is empty.`;
  if (file.size > type.maxBytes) return `${file.name} is too large (${megabytes(file.size)}): ${type.kind} files may be up to ${megabytes(type.maxBytes)}.`;
  return undefined;
}

/** Kinds that are seen, so need a text alternative (a video's is for its poster). */
export const needsAlt = (kind: MediaItem['kind']): boolean => kind === 'image' || kind === 'gif';
export const hasAltField = (kind: MediaItem['kind']): boolean => kind !== 'pdf';

/** `1536` → `1.5 KB`, `20971520` → `20 MB`. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / 1024 / 1024, 'MB'];
  return `${value < 10 ? value.toFixed(1).replace(/\.0$/, '') : Math.round(value)} ${unit}`;
}

