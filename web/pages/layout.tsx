import type { Child } from 'hono/jsx';
import { LANGUAGES, LANGUAGE_NAMES, textDirection, type Language } from '../../functions/domain/shared/languages.js';
import { PAGE_PATHS, QUICK_EXIT_URL, SOCIAL_CARD, pageHref } from '../site/paths.js';
import { HeartIcon } from './components/icons.js';
import { absoluteUrl, type PageContext } from './context.js';

export interface LayoutProps {
  ctx: PageContext;
  /** The page's own title; the site name is added. */
  title: string;
  description?: string;
  /**
   * The page's path below `/{lang}/` when it exists in every language: the language switcher
   * and the hreflang alternates link to it. Pages rendered for one request (confirm, erase …)
   * leave it out, so there is no switcher that would drop the token.
   */
  path?: string | undefined;
  /** False on the root language chooser, which is a switcher itself. */
  switcher?: boolean;
  /** The switcher's order; a chapter lists its own language first. */
  languages?: readonly Language[];
  /** Which main-nav entry is the current page. */
  current?: 'pledge' | 'help' | 'campaigns' | 'media-kit' | 'donate' | 'trust-fund' | undefined;
  /** Open Graph type: `article` for a campaign year, `website` otherwise. */
  ogType?: 'website' | 'article';
  /** A draft preview: never indexed, and marked as such above the header. */
  preview?: boolean;
  scripts?: ('pledge' | 'donate' | 'lend')[];
  /** Pages with tokens in their URL: not indexed, and the URL never leaves in a Referer. */
  private?: boolean;
  children?: Child;
}

export function Layout(props: LayoutProps) {
  const { ctx, title, path, current } = props;
  const { lang, t, assets } = ctx;
  const languages = props.languages ?? LANGUAGES;
  const fullTitle = title === t.meta.siteName ? title : `${title} · ${t.meta.siteName}`;
  return (
    <html lang={lang} dir={textDirection(lang)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <meta name="description" content={props.description ?? t.meta.description} />
        {props.private ? <meta name="robots" content="noindex, nofollow" /> : null}
        {props.preview ? <meta name="robots" content="noindex" /> : null}
        {props.private ? <meta name="referrer" content="no-referrer" /> : null}
        <meta name="theme-color" content="#0b4f9c" />
        <link rel="stylesheet" href={assets.css} />
        <link rel="icon" href={assets.favicon} type="image/svg+xml" />
        {path !== undefined && ctx.publicUrl ? <link rel="canonical" href={absoluteUrl(ctx, pageHref(lang, path))} /> : null}
        {path !== undefined
          ? LANGUAGES.map((l) => <link rel="alternate" hreflang={l} href={absoluteUrl(ctx, pageHref(l, path))} />)
          : null}
        {path !== undefined ? <link rel="alternate" hreflang="x-default" href={absoluteUrl(ctx, '/')} /> : null}
        <SocialMeta ctx={ctx} title={fullTitle} description={props.description ?? t.meta.description} path={path} type={props.ogType ?? 'website'} />
        <script type="module" src={assets.siteJs}></script>
        {props.scripts?.includes('pledge') ? <script type="module" src={assets.pledgeJs}></script> : null}
        {props.scripts?.includes('donate') ? <script type="module" src={assets.donateJs}></script> : null}
        {props.scripts?.includes('lend') ? <script type="module" src={assets.lendJs ?? '/lend.js'}></script> : null}
      </head>
      <body>
        {props.preview ? (
          <p class="preview-banner" role="status">
            {t.campaigns.previewBanner}
          </p>
        ) : null}
        <a class="skip-link" href="#main">
          {t.layout.skipLink}
        </a>
        {/* A landmark of its own (outside the header, so it can stay in view while scrolling). */}
        <nav class="safety-bar" aria-label={t.layout.getHelp}>
          <div class="container safety-bar-inner">
            <a class="safety-help" href={pageHref(lang, PAGE_PATHS.help)}>
              {t.layout.getHelp}
            </a>
            <a class="quick-exit" href={QUICK_EXIT_URL} rel="noreferrer" data-quick-exit aria-describedby="quick-exit-hint">
              {t.layout.quickExit}
            </a>
            <span id="quick-exit-hint" class="visually-hidden">
              {t.layout.quickExitHint}
            </span>
          </div>
        </nav>
        <header class="site-header">
          <div class="container site-header-inner">
            <a class="brand" href={pageHref(lang)}>
              <HeartIcon class="brand-mark" />
              <span>{t.meta.siteName}</span>
            </a>
            <nav class="main-nav" aria-label={t.layout.mainNav}>
              <a href={pageHref(lang, PAGE_PATHS.pledge)} aria-current={current === 'pledge' ? 'page' : undefined}>
                {t.layout.pledgeNav}
              </a>
              <a href={pageHref(lang, PAGE_PATHS.campaigns)} aria-current={current === 'campaigns' ? 'page' : undefined}>
                {t.layout.campaignsNav}
              </a>
              <a href={pageHref(lang, PAGE_PATHS.donate)} aria-current={current === 'donate' ? 'page' : undefined}>
                {t.layout.donateNav}
              </a>
              <a href={pageHref(lang, PAGE_PATHS.help)} aria-current={current === 'help' ? 'page' : undefined}>
                {t.layout.getHelp}
              </a>
            </nav>
            {path !== undefined && props.switcher !== false ? <LanguageSwitcher ctx={ctx} path={path} languages={languages} /> : null}
          </div>
        </header>
        <main id="main" tabindex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="container site-footer-inner">
            <p class="footer-emergency">{t.layout.footerEmergency}</p>
            <p>{t.layout.footerAbout}</p>
            <ul class="footer-links">
              <li>
                <a href={pageHref(lang, PAGE_PATHS.campaigns)}>{t.layout.campaignsNav}</a>
              </li>
              <li>
                <a href={pageHref(lang, PAGE_PATHS.mediaKit)}>{t.layout.mediaKitNav}</a>
              </li>
              <li>
                <a href={pageHref(lang, PAGE_PATHS.donate)}>{t.layout.donateNav}</a>
              </li>
              <li>
                <a href={pageHref(lang, PAGE_PATHS.trustFund)}>{t.layout.trustFundNav}</a>
              </li>
              <li>
                <a href={pageHref(lang, PAGE_PATHS.privacy)}>{t.layout.privacy}</a>
              </li>
              <li>
                <a href={pageHref(lang, PAGE_PATHS.help)}>{t.layout.getHelp}</a>
              </li>
            </ul>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** A disclosure (no script needed) listing the same page in every language, each in its own name. */
function LanguageSwitcher({ ctx, path, languages }: { ctx: PageContext; path: string; languages: readonly Language[] }) {
  return (
    <nav class="language-switcher" aria-label={ctx.t.layout.language}>
      <details>
        <summary>
          <span class="visually-hidden">{ctx.t.layout.language}: </span>
          <span lang={ctx.lang}>{LANGUAGE_NAMES[ctx.lang]}</span>
        </summary>
        <ul>
          {languages.map((l) => (
            <li>
              <a href={pageHref(l, path)} lang={l} hreflang={l} aria-current={l === ctx.lang ? 'page' : undefined}>
                {LANGUAGE_NAMES[l]}
              </a>
            </li>
          ))}
        </ul>
      </details>
    </nav>
  );
}

/** Open Graph locale of each language (Facebook's list: `ar_AR` for Arabic). */
export const OG_LOCALES: Record<Language, string> = {
  en: 'en_US', fr: 'fr_FR', es: 'es_ES', ar: 'ar_AR', zh: 'zh_CN', ru: 'ru_RU', pt: 'pt_PT',
};

/**
 * Open Graph (ogp.me) and X card tags: how a shared link looks. `og:url` and `og:image` must be
 * absolute to be used, so they are when the public origin is known.
 */
function SocialMeta(props: { ctx: PageContext; title: string; description: string; path: string | undefined; type: 'website' | 'article' }) {
  const { ctx } = props;
  const url = absoluteUrl(ctx, props.path !== undefined ? pageHref(ctx.lang, props.path) : pageHref(ctx.lang));
  const image = absoluteUrl(ctx, SOCIAL_CARD.path);
  return (
    <>
      <meta property="og:site_name" content={ctx.t.meta.siteName} />
      <meta property="og:title" content={props.title} />
      <meta property="og:description" content={props.description} />
      <meta property="og:type" content={props.type} />
      <meta property="og:url" content={url} />
      <meta property="og:locale" content={OG_LOCALES[ctx.lang]} />
      {LANGUAGES.filter((l) => l !== ctx.lang).map((l) => (
        <meta property="og:locale:alternate" content={OG_LOCALES[l]} />
      ))}
      <meta property="og:image" content={image} />
      <meta property="og:image:type" content="image/png" />
      <meta property="og:image:width" content={String(SOCIAL_CARD.width)} />
      <meta property="og:image:height" content={String(SOCIAL_CARD.height)} />
      <meta property="og:image:alt" content={ctx.t.layout.socialCardAlt} />
      <meta name="twitter:card" content="summary_large_image" />
      <meta name="twitter:title" content={props.title} />
      <meta name="twitter:description" content={props.description} />
      <meta name="twitter:image" content={image} />
      <meta name="twitter:image:alt" content={ctx.t.layout.socialCardAlt} />
    </>
  );
}
