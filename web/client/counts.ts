import { selectPlural, splitAtCount, type Plural } from '../i18n/plural.js';

export const pageLanguage = (): string => document.documentElement.lang || 'en';

let numberFormat: Intl.NumberFormat | undefined;

export const formatNumber = (value: number): string =>
  (numberFormat ??= new Intl.NumberFormat(pageLanguage())).format(value);

/**
 * Re-renders a plural message with its number in `<strong class="count">`, the way the build
 * does (pages/components/count-text.tsx). The forms come from the element's `data-forms`.
 * Returns false when the element has no usable forms.
 */
export function renderCount(element: HTMLElement, count: number): boolean {
  let forms: Plural;
  try {
    forms = JSON.parse(element.dataset.forms ?? '') as Plural;
  } catch {
    return false;
  }
  if (typeof forms.other !== 'string') return false;
  const [before, after] = splitAtCount(selectPlural(pageLanguage(), forms, count));
  if (after === undefined) {
    element.textContent = before;
  } else {
    const strong = document.createElement('strong');
    strong.className = 'count';
    strong.textContent = formatNumber(count);
    element.replaceChildren(before, strong, after);
  }
  return true;
}

let regionNames: Intl.DisplayNames | undefined;

/** A country's name in the page language; the code itself if the browser does not know it. */
export function countryName(code: string): string {
  try {
    regionNames ??= new Intl.DisplayNames([pageLanguage()], { type: 'region' });
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}
