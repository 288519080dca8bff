import type { MediaItem } from '../campaigns/campaign.js';
import type { CampaignRecord } from '../campaigns/ports.js';
import type { FieldIssue } from '../shared/errors.js';
import type { Language } from '../shared/languages.js';
import { MEDIA_RULES, mediaItemProblem, needsAltText } from './media-rules.js';
import { PLATFORM_RULES } from './platform-rules.js';
import type { OutgoingPost } from './ports.js';
import type { MessageVariant } from './social.js';

/**
 * A variant's media: items of its campaign's media kit, by id, each with a text alternative in
 * the variant's language. Pure: the API checks a message with it (`variantMediaIssues`) and
 * settles the alt text when it is saved (`settleAltText`), the console shows the same problems
 * while a manager picks, and the dispatcher builds each post's media with it (`postMedia`).
 */

type VariantMedia = Pick<MessageVariant, 'language' | 'platform' | 'mediaIds' | 'altText'>;

/**
 * The items a message may use: the draft's media kit (what managers see and edit), then the
 * items of the live campaign the draft no longer has. A file removed from the draft stays in
 * storage, so a message approved with it still posts it.
 */
export function mediaKitOf(record: Pick<CampaignRecord, 'draft' | 'live'> | undefined): MediaItem[] {
  if (!record) return [];
  const inDraft = new Set(record.draft.mediaKit.map((item) => item.id));
  return [...record.draft.mediaKit, ...(record.live?.mediaKit ?? []).filter((item) => !inDraft.has(item.id))];
}

/** The kit's own text alternative in `language` only: an English one in a French post helps no one who reads French. */
export const kitAltText = (item: Pick<MediaItem, 'alt'>, language: Language): string | undefined =>
  (item.alt as Partial<Record<Language, string>> | undefined)?.[language]?.trim() || undefined;

/** The text alternative an item is posted with: the variant's own, else the kit's in the variant's language, else ''. */
export const altTextOf = (variant: Pick<MessageVariant, 'language' | 'altText'>, item: Pick<MediaItem, 'id' | 'alt'>): string =>
  variant.altText[item.id]?.trim() || kitAltText(item, variant.language) || '';

const languageName = (language: Language): string => new Intl.DisplayNames('en', { type: 'language' }).of(language) ?? language;
const titleOf = (item: MediaItem) => `“${item.title.en}”`;

/**
 * What needs no media kit: how many media, none twice, alt texts within the network's length.
 * Fields are relative to the variant (`mediaIds`, `altText.<id>`); the API's schema checks these too.
 */
export function mediaShapeIssues(variant: VariantMedia): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const rule = MEDIA_RULES[variant.platform];
  const name = PLATFORM_RULES[variant.platform].name;
  if (variant.mediaIds.length > rule.max) issues.push({ field: 'mediaIds', message: `has ${variant.mediaIds.length} media; ${name} takes at most ${rule.max} in a post` });
  if (new Set(variant.mediaIds).size !== variant.mediaIds.length) issues.push({ field: 'mediaIds', message: 'has the same media kit item twice' });
  for (const id of new Set(variant.mediaIds)) {
    const alt = variant.altText[id]?.trim() ?? '';
    if (alt.length > rule.maxAlt) issues.push({ field: `altText.${id}`, message: `is ${alt.length.toLocaleString('en')} characters; ${name} keeps at most ${rule.maxAlt.toLocaleString('en')}` });
  }
  return issues;
}

/**
 * Every media problem of variant `index` against its campaign's kit, as `variants.<index>.mediaIds`
 * or `variants.<index>.altText.<id>`: an item not in the kit, a type or size the network does not
 * take, a video (or X's GIF) that must go alone, an image with no text alternative in the
 * variant's language (neither written nor in the kit), plus `mediaShapeIssues`.
 */
export function variantMediaIssues(variant: VariantMedia, index: number, kit: readonly MediaItem[], campaignYear: number): FieldIssue[] {
  const at = (field: string) => `variants.${index}.${field}`;
  const issues = mediaShapeIssues(variant).map((issue) => ({ ...issue, field: at(issue.field) }));
  const rule = MEDIA_RULES[variant.platform];
  const name = PLATFORM_RULES[variant.platform].name;
  const items = variant.mediaIds.map((id) => kit.find((item) => item.id === id));
  variant.mediaIds.forEach((id, j) => {
    const item = items[j];
    if (!item) {
      issues.push({ field: at('mediaIds'), message: `has ${id}, which is not in the media kit of the ${campaignYear} campaign` });
      return;
    }
    const problem = mediaItemProblem(variant.platform, item);
    if (problem) issues.push({ field: at('mediaIds'), message: `has ${titleOf(item)}, which ${problem.startsWith('is ') ? problem : `cannot go: ${problem}`}` });
    if (rule.alone.includes(item.kind) && variant.mediaIds.length > 1) {
      issues.push({ field: at('mediaIds'), message: `has ${titleOf(item)} with other media: on ${name} a ${item.kind === 'gif' ? 'GIF' : 'video'} must be the post's only media` });
    }
    if (needsAltText(item.kind) && !altTextOf(variant, item)) {
      issues.push({
        field: at(`altText.${id}`),
        message: `is required for ${titleOf(item)}: describe it for people who cannot see it (the media kit has no text alternative in ${languageName(variant.language)})`,
      });
    }
  });
  return issues;
}

/**
 * The variant as it is saved: one alt text per media id, the variant's own or else the kit's in
 * its language (so what was approved is what is posted, whatever the kit says later), and none
 * for ids it no longer has.
 */
export function settleAltText<V extends VariantMedia>(variant: V, kit: readonly MediaItem[]): V {
  const altText: Record<string, string> = {};
  for (const id of variant.mediaIds) {
    const item = kit.find((candidate) => candidate.id === id);
    const alt = item ? altTextOf(variant, item) : variant.altText[id]?.trim();
    if (alt) altText[id] = alt;
  }
  return { ...variant, altText };
}

/**
 * A post's media, in the variant's order: the file's absolute URL (`urlOf`), its text
 * alternative, its type. The same variant and kit always give the same media. Ids the kit does
 * not have are returned in `missing` (the caller decides: the dispatcher refuses the post).
 */
export function postMedia(variant: VariantMedia, kit: readonly MediaItem[], urlOf: (item: MediaItem) => string): { media: OutgoingPost['media']; missing: string[] } {
  const media: OutgoingPost['media'] = [];
  const missing: string[] = [];
  for (const id of variant.mediaIds) {
    const item = kit.find((candidate) => candidate.id === id);
    if (item) media.push({ url: urlOf(item), alt: altTextOf(variant, item), contentType: item.contentType });
    else missing.push(id);
  }
  return { media, missing };
}
