import { formatNumber, pluralForms, type Plural } from '../../i18n/index.js';
import type { PageContext } from '../context.js';
import { CountText } from './count-text.js';

interface CounterProps {
  ctx: PageContext;
  /** A chapter's own counter (from `byChapter`) instead of the global one. */
  chapter?: { slug: string; name: string };
}

/**
 * The pledge counter. The figures come from the build-time snapshot when there is one; the
 * browser refreshes them from /api/pledges/stats every ~15 s. One polite live region, updated
 * only when a figure changes, so screen readers are not interrupted every 15 seconds.
 */
export function LiveCounter({ ctx, chapter }: CounterProps) {
  const { lang, t, stats } = ctx;
  const values: Record<string, string> = chapter ? { chapter: chapter.name } : {};
  const totalForms: Plural = chapter ? t.chapter.chapterCount : t.home.pledgeCount;
  const total = stats ? (chapter ? (stats.byChapter[chapter.slug] ?? 0) : stats.total) : undefined;
  const hours = formatNumber(lang, 24);
  return (
    <section class="counter" aria-labelledby="counter-heading" data-live-stats data-chapter={chapter?.slug}>
      <h2 id="counter-heading" class="counter-heading">
        {t.home.counterHeading}
      </h2>
      <div aria-live="polite">
        <p
          class="counter-total"
          data-stat={chapter ? 'chapter' : 'total'}
          data-forms={JSON.stringify(pluralForms(lang, totalForms, values))}
        >
          {total === undefined ? t.home.countUnavailable : <CountText lang={lang} forms={totalForms} count={total} values={values} />}
        </p>
        {chapter ? null : (
          <p
            class="counter-recent"
            data-stat="last24h"
            data-forms={JSON.stringify(pluralForms(lang, t.home.last24h, { hours }))}
            hidden={stats === undefined}
          >
            {stats ? <CountText lang={lang} forms={t.home.last24h} count={stats.last24h} values={{ hours }} /> : null}
          </p>
        )}
      </div>
    </section>
  );
}
