import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { FAVICON_SVG } from '../pages/components/icons.js';
import { HASHED_ASSETS_DIR, STABLE_ASSETS, type SiteAssets } from '../site/assets.js';

/** A file to write, relative to the output folder. */
export interface OutputFile {
  path: string;
  contents: string | Uint8Array;
}

const contentHash = (contents: string | Uint8Array): string =>
  createHash('sha256').update(contents).digest('hex').slice(0, 10);

/** `assets/site.3f9a….css` for the static pages, and the same bytes at `/site.css` for the API's pages. */
function hashedAndStable(name: string, ext: string, contents: string | Uint8Array, stablePath: string) {
  const hashed = `${HASHED_ASSETS_DIR}/${name}.${contentHash(contents)}.${ext}`;
  return {
    url: `/${hashed}`,
    files: [
      { path: hashed, contents },
      { path: stablePath.replace(/^\//, ''), contents },
    ],
  };
}

/**
 * Bundles the browser scripts (esbuild: ESM, minified, ES2020) and minifies the stylesheet, in
 * memory. Returns the files to write and the URLs pages link to.
 */
export async function buildAssets(webDir: string): Promise<{ assets: SiteAssets; files: OutputFile[] }> {
  const [scripts, css] = await Promise.all([
    esbuild.build({
      entryPoints: {
        site: join(webDir, 'client/site.ts'),
        pledge: join(webDir, 'client/pledge.ts'),
        donate: join(webDir, 'client/donate.ts'),
        lend: join(webDir, 'client/lend.ts'),
      },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: ['es2020'],
      minify: true,
      charset: 'utf8',
      write: false,
      outdir: 'out',
      logLevel: 'silent',
    }),
    readFile(join(webDir, 'styles/site.css'), 'utf8').then((source) =>
      esbuild.transform(source, { loader: 'css', minify: true, target: ['chrome100', 'firefox100', 'safari15'] }),
    ),
  ]);
  const stable = { site: STABLE_ASSETS.siteJs, pledge: STABLE_ASSETS.pledgeJs, donate: STABLE_ASSETS.donateJs, lend: STABLE_ASSETS.lendJs! };
  const script = (name: keyof typeof stable) => {
    const output = scripts.outputFiles.find((file) => file.path.endsWith(`/${name}.js`));
    if (!output) throw new Error(`esbuild produced no ${name}.js`);
    return hashedAndStable(name, 'js', output.contents, stable[name]);
  };
  const site = script('site');
  const pledge = script('pledge');
  const donate = script('donate');
  const lend = script('lend');
  const style = hashedAndStable('site', 'css', css.code, STABLE_ASSETS.css);
  return {
    assets: { css: style.url, siteJs: site.url, pledgeJs: pledge.url, donateJs: donate.url, lendJs: lend.url, favicon: STABLE_ASSETS.favicon },
    files: [...style.files, ...site.files, ...pledge.files, ...donate.files, ...lend.files, { path: 'favicon.svg', contents: FAVICON_SVG }],
  };
}
