import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as esbuild from 'esbuild';
import { renderConsolePage } from '../console/console-page.js';
import type { OutputFile } from './assets.js';

/** Folders of the built site that these builders own (replaced at every build). */
export const EXTRA_DIRS = ['console', 'api-docs'];

/**
 * The console: one static page, its script and its stylesheet (on top of the site's). Staff
 * pages need no hashing: they are few and always revalidated.
 */
export async function buildConsole(webDir: string, siteCss: string): Promise<OutputFile[]> {
  const [script, css] = await Promise.all([
    esbuild.build({
      entryPoints: [join(webDir, 'console/console.ts')], bundle: true, format: 'esm', platform: 'browser',
      target: ['es2020'], minify: true, charset: 'utf8', write: false, outfile: 'console.js', logLevel: 'silent',
    }),
    readFile(join(webDir, 'console/console.css'), 'utf8').then((source) => esbuild.transform(source, { loader: 'css', minify: true })),
  ]);
  return [
    { path: 'console/index.html', contents: renderConsolePage({ css: [siteCss, '/console/console.css'], script: '/console/console.js' }) },
    { path: 'console/console.js', contents: script.outputFiles[0]!.contents },
    { path: 'console/console.css', contents: css.code },
  ];
}

/**
 * Swagger UI for /api/docs, served from our own origin (the CSP allows no CDN), with its
 * start-up in a file (the CSP allows no inline script). Not under /assets: those are cached
 * forever, and these names do not change between versions.
 */
export async function buildApiDocsAssets(): Promise<OutputFile[]> {
  const dir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  const [bundle, css] = await Promise.all([readFile(join(dir, 'swagger-ui-bundle.js')), readFile(join(dir, 'swagger-ui.css'))]);
  return [
    { path: 'api-docs/swagger-ui-bundle.js', contents: bundle },
    { path: 'api-docs/swagger-ui.css', contents: css },
    { path: 'api-docs/init.js', contents: SWAGGER_INIT },
  ];
}

const SWAGGER_INIT = `window.addEventListener('load', function () {
  var root = document.getElementById('swagger-ui');
  window.SwaggerUIBundle({ url: root.getAttribute('data-url'), domNode: root, deepLinking: true });
});
`;
