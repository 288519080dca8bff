import { inLanguage, localizedTexts, type Campaign, type LocalizedText, type MediaItem } from '../../../functions/domain/campaigns/campaign.js';
import { textDirection, type Language } from '../../../functions/domain/shared/languages.js';

/**
 * A campaign text in the page language, or in English where it is not translated yet: `attrs`
 * then carries `lang="en" dir="ltr"`, so screen readers switch voice and Arabic pages do not
 * reorder the English sentence.
 */
export function localized(text: LocalizedText, lang: Language): { text: string; attrs: { lang?: Language; dir?: 'ltr' | 'rtl' } } {
  const shown = inLanguage(text, lang);
  return { text: shown.text, attrs: shown.language === lang ? {} : { lang: shown.language, dir: textDirection(shown.language) } };
}

/** True when any text of the campaign would show in English on a page in `lang`. */
export const hasFallback = (campaign: Campaign, lang: Language): boolean =>
  lang !== 'en' && localizedTexts(campaign).some(({ text }) => inLanguage(text, lang).language !== lang);

/** True when a media-kit title or alt text would show in English on a page in `lang`. */
export const mediaKitHasFallback = (items: readonly MediaItem[], lang: Language): boolean =>
  lang !== 'en' && items.some((item) => [item.title, item.alt].some((text) => text && inLanguage(text, lang).language !== lang));

/** The note shown once on a page where some campaign texts are in English. */
export function FallbackNote({ show, text }: { show: boolean; text: string }) {
  return show ? (
    <p class="translation-note" data-translation-note>
      {text}
    </p>
  ) : null;
}
