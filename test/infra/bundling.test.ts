import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { afterAll, describe, expect, it } from 'vitest';
import { SCHEDULED_JOBS } from '../../functions/config/schedules.js';
import { AppFunction, ESM_REQUIRE_BANNER, REPO_ROOT } from '../../infra/constructs/app-function.js';
import { cdkJsonContext, removeTempDirs, tempDir } from './support.js';

afterAll(removeTempDirs);

/** Bundles `entry` the way `npm run synth` does (local esbuild) and returns the bundle's path. */
function bundle(entry: string): string {
  const outdir = tempDir('bundle');
  const app = new App({ outdir, context: cdkJsonContext() });
  new AppFunction(new Stack(app, 'Bundle'), 'Fn', {
    entry,
    description: 'bundling test',
    environment: {},
    logRetention: RetentionDays.ONE_DAY,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  const assets = fs.readdirSync(outdir).filter((name) => name.startsWith('asset.'));
  expect(assets).toHaveLength(1);
  return path.join(outdir, assets[0]!, 'index.mjs');
}

describe('AppFunction bundling', () => {
  it('builds an ESM bundle with a source map whose handler runs in plain Node, CommonJS dependencies included', () => {
    const file = bundle(path.join(REPO_ROOT, 'test/infra/fixtures/esm-handler.ts'));
    expect(fs.readFileSync(file, 'utf8').startsWith(ESM_REQUIRE_BANNER)).toBe(true);
    expect(fs.existsSync(`${file}.map`)).toBe(true);
    // A separate, plain Node process: vitest's module runner would lend the bundle a `require`.
    const script = `const { handler } = await import(${JSON.stringify(pathToFileURL(file).href)}); console.log(JSON.stringify(await handler()));`;
    const output = execFileSync(process.execPath, ['--input-type=module', '--eval', script], { encoding: 'utf8' });
    const response = JSON.parse(output) as { statusCode: number; body: string };
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ platform: os.platform() });
  });

  // The real entry: what `npm run synth` uploads. Fails while functions/ does not bundle, which
  // is exactly what would stop a deploy. INFRA_SKIP_REAL_BUNDLE=1 skips it during such work.
  it.skipIf(process.env.INFRA_SKIP_REAL_BUNDLE === '1')('bundles functions/handlers/http.ts with the AWS SDK inside', () => {
    const code = fs.readFileSync(bundle(path.join(REPO_ROOT, 'functions/handlers/http.ts')), 'utf8');
    expect(code).toMatch(/export\s*\{[^}]*as handler/);
    // Nothing is left for the runtime to provide: no bare import of the AWS SDK remains.
    expect(code).not.toMatch(/from\s*"@aws-sdk\//);
    expect(code).toContain('DynamoDB');
  });

  // The publish function renders the site's pages (web/, TSX) inside Lambda; the jobs and the social worker run the domain.
  const otherEntries = ['functions/handlers/publish-site.ts', 'functions/handlers/social-worker.ts', ...SCHEDULED_JOBS.map((job) => job.handler)];
  it.skipIf(process.env.INFRA_SKIP_REAL_BUNDLE === '1').each(otherEntries)('bundles %s with the AWS SDK inside', (entry) => {
    const code = fs.readFileSync(bundle(path.join(REPO_ROOT, entry)), 'utf8');
    expect(code).toMatch(/export\s*\{[^}]*as handler/);
    expect(code).not.toMatch(/from\s*"@aws-sdk\//);
  });
});
