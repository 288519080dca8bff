/**
 * Publish to visible: a manager changes the 2026 campaign's summary in all seven languages
 * (PUT /api/admin/campaigns/2026), publishes it (POST …/publish), and the seven public pages
 * /{lang}/campaigns/2026/ are polled until every one shows the new text.
 *   npx tsx bench/publish.ts [runs=10]
 * One warm-up round runs first and is not counted. Polling starts when the publish request is
 * sent, so "visible" does not assume the pages are written before the response.
 */
import { silentLogger } from '../functions/adapters/log/logger.js';
import { LANGUAGES } from '../functions/domain/shared/languages.js';
import { startPlatform } from '../functions/dev/platform.js';
import { median, printTable } from './stats.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const runs = Number(process.argv[2] ?? 10);
const YEAR = 2026;
const POLL_MS = 10;
/** A read that stalls (see `visible`) is abandoned after this long and retried. */
const READ_TIMEOUT_MS = 1_000;
const TIMEOUT_MS = 30_000;

const SUMMARY: Record<(typeof LANGUAGES)[number], string> = {
  en: 'Stand with the victims of human trafficking on 30 July',
  fr: 'Le 30 juillet, soutenez les victimes de la traite des personnes',
  es: 'Ponte del lado de las víctimas de la trata de personas el 30 de julio',
  ar: 'قف إلى جانب ضحايا الاتجار بالبشر في 30 تموز/يوليو',
  zh: '7月30日，与人口贩运受害者站在一起',
  ru: '30 июля поддержите жертв торговли людьми',
  pt: 'Em 30 de julho, apoie as vítimas do tráfico de pessoas',
};

const platform = await startPlatform({ port: 0, seed: true, webDir: 'bench/out/web-publish', deps: { logger: silentLogger } });
try {
  const token = await platform.identity.issueToken('manager@blueheart.local');
  const auth = { authorization: `Bearer ${token}` };
  const api = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${platform.url}${path}`, {
      method, headers: { ...auth, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<Record<string, unknown>>;
  };

  const view = (await api('GET', `/api/admin/campaigns/${YEAR}`)) as { draft: Record<string, unknown> };
  const { theme, keyMessages, callsToAction, hashtags, links, partners, mediaKit } = view.draft;
  const base = { ...(theme ? { theme } : {}), keyMessages, callsToAction, hashtags, links, partners, mediaKit };

  /**
   * Until `/{lang}/campaigns/2026/` contains `marker`; the ms since `started`. A read that races
   * the local publisher's in-place `writeFile` can be cut off or stall (the file is truncated
   * after the static server read its size): counted, abandoned after READ_TIMEOUT_MS, retried.
   */
  let cutOff = 0;
  let reads = 0;
  async function visible(lang: string, marker: string, started: number): Promise<number> {
    for (;;) {
      reads++;
      const html = await fetch(`${platform.url}/${lang}/campaigns/${YEAR}/`, { signal: AbortSignal.timeout(READ_TIMEOUT_MS) }).then((r) => r.text()).catch(() => {
        cutOff++;
        return '';
      });
      if (html.includes(marker)) return performance.now() - started;
      if (performance.now() - started > TIMEOUT_MS) throw new Error(`/${lang}/campaigns/${YEAR}/ did not show ${marker} within ${TIMEOUT_MS} ms`);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }

  interface Round { put: number; publish: number; publisherMs: number; files: number; allVisible: number; firstVisible: number }
  async function round(n: number): Promise<Round> {
    const marker = `bench-${n}-${Date.now().toString(36)}`;
    const summary = Object.fromEntries(LANGUAGES.map((lang) => [lang, `${SUMMARY[lang]} (${marker}).`]));
    let t = performance.now();
    await api('PUT', `/api/admin/campaigns/${YEAR}`, { ...base, summary });
    const put = performance.now() - t;

    t = performance.now();
    const started = t;
    const polls = Promise.all(LANGUAGES.map((lang) => visible(lang, marker, started)));
    const { published } = (await api('POST', `/api/admin/campaigns/${YEAR}/publish`)) as { published: { files: number; ms: number } };
    const publish = performance.now() - t;
    const seen = await polls;
    return { put, publish, publisherMs: published.ms, files: published.files, allVisible: Math.max(...seen), firstVisible: Math.min(...seen) };
  }

  await round(0); // warm-up
  const rounds: Round[] = [];
  for (let i = 1; i <= runs; i++) {
    rounds.push(await round(i));
    process.stderr.write(`run ${i}/${runs}: all visible after ${rounds.at(-1)!.allVisible.toFixed(0)} ms\n`);
  }

  const row = (label: string, pick: (r: Round) => number) => {
    const values = rounds.map(pick);
    return [label, median(values).toFixed(0), Math.max(...values).toFixed(0)];
  };
  printTable(['measure', 'median (ms)', 'max (ms)'], [
    row('save the draft (PUT /api/admin/campaigns/2026)', (r) => r.put),
    row('publish, API round trip (POST …/2026/publish)', (r) => r.publish),
    row('  of which the publisher renders and writes (its `ms`)', (r) => r.publisherMs),
    row('publish sent → first language page shows the change', (r) => r.firstVisible),
    row('publish sent → all 7 language pages show the change', (r) => r.allVisible),
  ]);
  const files = [...new Set(rounds.map((r) => r.files))].join(', ');
  console.log(`\n${runs} runs after one warm-up; ${files} files written per publish (every campaign-dependent page in 7 languages, .ics, sitemap); pages polled every ${POLL_MS} ms (${reads} reads, ${cutOff} cut off or stalled while the file was being rewritten, each abandoned after at most ${READ_TIMEOUT_MS} ms); Node ${process.version}.`);
} finally {
  await platform.stop();
}
