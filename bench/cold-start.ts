/**
 * Cold start: the pledge Lambda's bundle against a bare Hono "hello" handler, both bundled with
 * the settings the CDK stack uses, then imported N times each in fresh Node processes.
 *   npx tsx bench/cold-start.ts [runs=15]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { ESM_REQUIRE_BANNER } from '../infra/constructs/app-function.js';
import { median, percentile, printTable } from './stats.js';

const runs = Number(process.argv[2] ?? 15);
const out = resolve('bench/out/cold-start');
mkdirSync(out, { recursive: true });

async function bundle(name: string, entry: string): Promise<string> {
  const outfile = join(out, name, 'index.mjs');
  await build({
    entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20',
    minify: true, sourcemap: false, banner: { js: ESM_REQUIRE_BANNER }, logLevel: 'error',
  });
  return outfile;
}

/** Environment the handler validates at start; nothing is contacted while it initialises. */
const env = {
  ...process.env,
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  STAGE: 'dev', AWS_REGION: 'eu-west-1', TABLE_NAME: 'bench', SES_FROM_ADDRESS: 'bench@example.org',
  PUBLIC_URL: 'https://bench.example.org', APP_SECRET: 'bench-secret-bench-secret-bench-secret',
  AUTH_ISSUER: 'https://issuer.example.org', AUTH_JWKS_URL: 'https://issuer.example.org/jwks.json', AUTH_AUDIENCE: 'bench',
};

const probe = `const t = performance.now(); await import(process.argv[1]); process.stdout.write(String(performance.now() - t));`;
const initTimes = (file: string) =>
  Array.from({ length: runs }, () => Number(execFileSync(process.execPath, ['--input-type=module', '-e', probe, file], { env }).toString()));

const targets = [
  { name: 'hello', label: 'bare Hono hello', entry: 'bench/fixtures/hello-handler.ts' },
  { name: 'pledge', label: 'pledge API (functions/handlers/http.ts)', entry: 'functions/handlers/http.ts' },
];
const results = [];
for (const target of targets) {
  const file = await bundle(target.name, target.entry);
  const bytes = statSync(file).size;
  const gzip = gzipSync(readFileSync(file)).length;
  const times = initTimes(file);
  results.push({ ...target, bytes, gzip, median: median(times), p90: percentile(times, 90) });
}
const [hello, pledge] = results as [typeof results[0], typeof results[0]];
printTable(
  ['handler', 'bundle (KiB)', 'gzip (KiB)', 'init median (ms)', 'init p90 (ms)'],
  results.map((r) => [r.label, (r.bytes / 1024).toFixed(1), (r.gzip / 1024).toFixed(1), r.median.toFixed(1), r.p90.toFixed(1)]),
);
console.log(`\nratio pledge/hello: bundle ${(pledge.bytes / hello.bytes).toFixed(1)}×, init ${(pledge.median / hello.median).toFixed(1)}× (median of ${runs} fresh processes each, Node ${process.version})`);
