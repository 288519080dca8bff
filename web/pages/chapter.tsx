import type { Chapter } from '../../functions/domain/chapters/chapters.js';
import { LANGUAGES, textDirection } from '../../functions/domain/shared/languages.js';
import { translate } from '../i18n/index.js';
import { chapterPath } from '../site/paths.js';
import { LiveCounter } from './components/live-counter.js';
import { PledgeForm } from './components/pledge-form.js';
import type { PageContext } from './context.js';
import { Layout } from './layout.js';

/**
 * `/{lang}/chapters/{slug}/`: a national chapter's pledge page, with its own counter and the form
 * with the chapter and its first country already set. The tagline is in the chapter's own
 * language, marked up as such.
 */
export function ChapterPage({ ctx, chapter }: { ctx: PageContext; chapter: Chapter }) {
  const { lang, t } = ctx;
  const languages = [chapter.defaultLanguage, ...LANGUAGES.filter((l) => l !== chapter.defaultLanguage)];
  return (
    <Layout
      ctx={ctx}
      title={translate(lang, t.chapter.title, { chapter: chapter.name })}
      path={chapterPath(chapter.slug)}
      languages={languages}
      scripts={['pledge']}
    >
      <div class="hero hero-chapter">
        <div class="container hero-inner">
          <div class="hero-text">
            <p class="eyebrow">{t.meta.siteName}</p>
            <h1>
              <bdi>{chapter.name}</bdi>
            </h1>
            <p class="lead" lang={chapter.defaultLanguage} dir={textDirection(chapter.defaultLanguage)}>
              {chapter.tagline}
            </p>
            {chapter.hashtag !== chapter.name ? (
              <p>
                <bdi>{chapter.hashtag}</bdi>
              </p>
            ) : null}
            <p>{translate(lang, t.chapter.intro, { chapter: chapter.name })}</p>
          </div>
          <LiveCounter ctx={ctx} chapter={{ slug: chapter.slug, name: chapter.name }} />
        </div>
      </div>
      <div class="container narrow page">
        <h2>{t.pledge.title}</h2>
        <p class="pledge-statement-inline">{t.pledge.statement}</p>
        <p>{t.pledge.intro}</p>
        <PledgeForm ctx={ctx} chapter={chapter} />
      </div>
    </Layout>
  );
}
