import type { Language } from '../../../functions/domain/shared/languages.js';
import { formatNumber, pluralTemplate, splitAtCount, type Plural } from '../../i18n/index.js';

/**
 * A plural message with its number emphasised: "<strong>1,234</strong> people have taken the
 * pledge". The browser script re-renders the same way from `data-forms` (see client/counts.ts).
 */
export function CountText(props: { lang: Language; forms: Plural; count: number; values?: Record<string, string> }) {
  const message = pluralTemplate(props.lang, props.forms, props.count, props.values);
  const [before, after] = splitAtCount(message);
  if (after === undefined) return <>{before}</>;
  return (
    <>
      {before}
      <strong class="count">{formatNumber(props.lang, props.count)}</strong>
      {after}
    </>
  );
}
