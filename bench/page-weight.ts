/**
 * Page weight: for every public page of the built site (seeded World Day campaigns), the gzip
 * bytes of the JavaScript it loads (the scripts it links, and anything they import, resolved in
 * the build output), and of its HTML and stylesheet. Checked against the 20 KB (20 × 1024)
 * gzip JavaScript budget, the same one test/unit/web/site-with-campaigns.test.ts enforces.
 *   npx tsx bench/page-weight.ts
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { worldDayCampaigns } from '../functions/domain/campaigns/world-days.js';
import { LANGUAGES } from '../functions/domain/shared/languages.js';
import { buildSite } from '../web/build.js';
import { printTable } from './stats.js';

const JS_BUDGET_GZIP = 20 * 1024;
const NOW = new Date('2026-05-01T00:00:00Z');
const kib = (bytes: number) => (bytes / 1024).toFixed(1);

const outDir = await mkdtemp(join(tmpdir(), 'blue-heart-page-weight-'));
try {
  const built = await buildSite({ outDir, campaigns: worldDayCampaigns(NOW.toISOString()), now: NOW, publicUrl: 'https://blueheart.example.org' });

  const gzipCache = new Map<string, { gzip: number; text: string }>();
  const asset = async (url: string) => {
    let entry = gzipCache.get(url);
    if (!entry) {
      const bytes = await readFile(join(outDir, url));
      entry = { gzip: gzipSync(bytes, { level: 9 }).length, text: bytes.toString('utf8') };
      gzipCache.set(url, entry);
    }
    return entry;
  };

  /** A script and every module it imports (static `from"…"`, side-effect `import"…"`, dynamic `import("…")`). */
  async function scriptClosure(url: string, seen = new Set<string>()): Promise<Set<string>> {
    if (seen.has(url)) return seen;
    seen.add(url);
    const { text } = await asset(url);
    for (const [, spec] of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+\.m?js)["']/g)) {
      if (!spec) continue;
      const resolved = spec.startsWith('/') ? spec : posix.join(posix.dirname(url), spec);
      await scriptClosure(resolved, seen);
    }
    return seen;
  }

  interface Page { path: string; lang: string; kind: string; js: number; scripts: string[]; html: number; css: number }
  const pages: Page[] = [];
  const entries = await readdir(outDir, { withFileTypes: true, recursive: true });
  for (const entry of entries.filter((e) => e.isFile() && e.name.endsWith('.html'))) {
    const path = relative(outDir, join(entry.parentPath, entry.name)).split('\\').join('/');
    if (path.startsWith('console/') || path.startsWith('api-docs/')) continue; // not public pages
    const text = await readFile(join(outDir, path), 'utf8');
    const scripts = new Set<string>();
    for (const [, src] of text.matchAll(/<script\b[^>]*\ssrc="(\/[^"]+)"/g)) if (src) await scriptClosure(src, scripts);
    if (/<script\b[^>]*>[^<]+<\/script>/.test(text)) throw new Error(`${path}: inline script (not counted)`);
    const styles = [...text.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="(\/[^"]+)"/g)].map((m) => m[1] ?? '');
    let js = 0;
    for (const src of scripts) js += (await asset(src)).gzip;
    let css = 0;
    for (const href of styles) css += (await asset(href)).gzip;
    const [first, ...rest] = dirname(path).split('/');
    const lang = LANGUAGES.includes(first as never) ? first! : '—';
    const inner = lang === '—' ? path.replace(/\.html$/, '') : rest.join('/');
    const kind = inner === '' ? 'home'
      : /^campaigns\/\d{4}$/.test(inner) ? 'campaigns/{year}'
      : inner.startsWith('chapters/') ? 'chapters/{slug}'
      : inner === 'index' ? 'root (language chooser)'
      : inner;
    pages.push({ path, lang, kind, js, scripts: [...scripts], html: gzipSync(text, { level: 9 }).length, css });
  }

  const byKind = new Map<string, Page[]>();
  for (const page of pages) byKind.set(page.kind, [...(byKind.get(page.kind) ?? []), page]);
  const max = (list: Page[], pick: (p: Page) => number) => Math.max(...list.map(pick));
  const min = (list: Page[], pick: (p: Page) => number) => Math.min(...list.map(pick));
  const range = (list: Page[], pick: (p: Page) => number) => {
    const [lo, hi] = [min(list, pick), max(list, pick)];
    return lo === hi ? kib(lo) : `${kib(lo)}–${kib(hi)}`;
  };
  const scriptNames = (list: Page[]) =>
    [...new Set(list.flatMap((p) => p.scripts.map((s) => posix.basename(s).replace(/\.[0-9a-f]{10}\.js$/, '.js'))))].join(' + ');
  const ok = (bytes: number) => (bytes <= JS_BUDGET_GZIP ? 'yes' : `**no** (+${kib(bytes - JS_BUDGET_GZIP)})`);

  console.log(`### By page kind (gzip -9, KiB; ranges over the languages)\n`);
  printTable(
    ['page kind', 'pages', 'scripts', 'JS gzip', 'HTML gzip', 'CSS gzip', 'HTML+CSS gzip', `JS ≤ ${JS_BUDGET_GZIP / 1024} KiB`],
    [...byKind].sort(([a], [b]) => a.localeCompare(b)).map(([kind, list]) => [
      kind, String(list.length), scriptNames(list), range(list, (p) => p.js), range(list, (p) => p.html), range(list, (p) => p.css),
      range(list, (p) => p.html + p.css), ok(max(list, (p) => p.js)),
    ]),
  );

  console.log(`\n### By language (gzip -9, KiB)\n`);
  const langs = [...LANGUAGES, '—'].filter((lang) => pages.some((p) => p.lang === lang));
  printTable(
    ['language', 'pages', 'JS max', 'HTML gzip max (page)', 'HTML+CSS gzip max', `JS ≤ ${JS_BUDGET_GZIP / 1024} KiB`],
    langs.map((lang) => {
      const list = pages.filter((p) => p.lang === lang);
      const heaviest = list.reduce((a, b) => (b.html > a.html ? b : a));
      return [lang === '—' ? '— (root, 404)' : lang, String(list.length), kib(max(list, (p) => p.js)), `${kib(heaviest.html)} (${heaviest.kind})`, kib(max(list, (p) => p.html + p.css)), ok(max(list, (p) => p.js))];
    }),
  );

  const heaviestJs = pages.reduce((a, b) => (b.js > a.js ? b : a));
  const heaviestDoc = pages.reduce((a, b) => (b.html + b.css > a.html + a.css ? b : a));
  const over = pages.filter((p) => p.js > JS_BUDGET_GZIP);
  console.log(`\n${pages.length} public pages (${built.pages} rendered by the build; console and API docs excluded).`);
  console.log(`Max JavaScript: ${kib(heaviestJs.js)} KiB gzip (${heaviestJs.path}) of a ${JS_BUDGET_GZIP / 1024} KiB budget: ${over.length === 0 ? 'every page within budget' : `${over.length} pages over: ${over.map((p) => p.path).join(', ')}`}.`);
  console.log(`Max HTML+CSS: ${kib(heaviestDoc.html + heaviestDoc.css)} KiB gzip (${heaviestDoc.path}: HTML ${kib(heaviestDoc.html)}, CSS ${kib(heaviestDoc.css)}).`);
  console.log(`Scripts: ${[...gzipCache].filter(([u]) => u.endsWith('.js')).map(([u, e]) => `${posix.basename(u)} ${kib(e.gzip)} KiB`).join(', ')}; stylesheet ${[...gzipCache].filter(([u]) => u.endsWith('.css')).map(([, e]) => kib(e.gzip)).join(', ')} KiB gzip. Node ${process.version}.`);
  const home = await readFile(join(outDir, 'en/index.html'), 'utf8');
  const svg = [...home.matchAll(/<svg\b[\s\S]*?<\/svg>/g)].map((m) => m[0]).reduce((a, b) => (b.length > a.length ? b : a), '');
  console.log(`en home: HTML ${kib(Buffer.byteLength(home))} KiB raw, of which its largest inline SVG (the world map) ${kib(Buffer.byteLength(svg))} KiB raw, ${kib(gzipSync(svg, { level: 9 }).length)} KiB gzip.`);
  if (over.length > 0) process.exitCode = 1;
} finally {
  await rm(outDir, { recursive: true, force: true });
}
