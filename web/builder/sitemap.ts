import { LANGUAGES } from '../../functions/domain/shared/languages.js';
import { pageHref } from '../site/paths.js';

const escapeXml = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * `/sitemap.xml` (sitemaps.org 0.9): every public page in every language, each entry listing
 * all its language versions and the root chooser as `x-default` (Google's hreflang sitemap
 * form). Sitemap URLs must be absolute: without a public origin, the paths are relative to `/`.
 */
export function renderSitemap(paths: readonly string[], publicUrl: string | undefined): string {
  const abs = (path: string) => escapeXml(publicUrl ? new URL(path, publicUrl).toString() : path);
  const entries = paths.flatMap((path) =>
    LANGUAGES.map((lang) =>
      [
        '  <url>',
        `    <loc>${abs(pageHref(lang, path))}</loc>`,
        ...LANGUAGES.map((l) => `    <xhtml:link rel="alternate" hreflang="${l}" href="${abs(pageHref(l, path))}"/>`),
        `    <xhtml:link rel="alternate" hreflang="x-default" href="${abs('/')}"/>`,
        '  </url>',
      ].join('\n'),
    ),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...entries,
    '</urlset>',
    '',
  ].join('\n');
}
