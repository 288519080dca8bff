import { createHash, randomUUID } from 'node:crypto';
import { CloudFrontClient, CreateInvalidationCommand } from '@aws-sdk/client-cloudfront';
import { DeleteObjectsCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { LANGUAGES } from '../../domain/shared/languages.js';
import { traced } from '../aws/traced-client.js';

/** One rendered file of the site, keyed by its path in the bucket (no leading slash). */
export interface SiteFile {
  path: string;
  contents: string | Uint8Array;
}

export interface SiteWriteResult {
  written: string[];
  unchanged: number;
  deleted: string[];
  /** The paths invalidated at the edge; empty when nothing changed. */
  invalidated: string[];
}

/** Published pages change whenever a campaign does: caches must ask again on every visit. */
export const PAGE_CACHE_CONTROL = 'public, max-age=0, must-revalidate';

const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  ics: 'text/calendar; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  json: 'application/json; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  txt: 'text/plain; charset=utf-8',
};

/** Content-Type by extension; anything unknown is served as bytes rather than guessed. */
export function contentTypeFor(path: string): string {
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';
  return CONTENT_TYPES[extension] ?? 'application/octet-stream';
}

/**
 * Past this many paths one `/*` is cheaper and simpler: CloudFront bills per path and a wildcard
 * counts as one, and the invalidation of a whole small site completes as fast.
 */
export const MAX_INVALIDATION_PATHS = 15;

/**
 * The edge paths for changed bucket keys: a directory page `es/campaigns/2027/index.html` becomes
 * `/es/campaigns/2027/*` (CloudFront caches it under the rewritten `…/index.html`, and the
 * wildcard also covers the bare `…/2027/` form), any other file its own `/path`.
 */
export function invalidationPaths(changedKeys: readonly string[], max = MAX_INVALIDATION_PATHS): string[] {
  const paths = [...new Set(changedKeys.map((key) => (key.endsWith('/index.html') ? `/${key.slice(0, -'index.html'.length)}*` : `/${key}`)))];
  if (paths.length > max) return ['/*'];
  return paths.sort();
}

const YEAR_PAGE = /^([^/]+)\/campaigns\/(\d{4})\/index\.html$/;

/** Year pages in the bucket whose campaign is no longer live (unpublished). */
export function staleYearPages(existingKeys: readonly string[], liveYears: ReadonlySet<number>): string[] {
  return existingKeys.filter((key) => {
    const year = YEAR_PAGE.exec(key)?.[2];
    return year !== undefined && !liveYears.has(Number(year));
  });
}

/** The prefixes to list so every key we may write or delete is seen once: `es/`, or a root file itself. */
export function listingPrefixes(files: readonly SiteFile[], languages: readonly string[] = LANGUAGES): string[] {
  const prefixes = new Set(languages.map((language) => `${language}/`));
  for (const file of files) prefixes.add(file.path.includes('/') ? `${file.path.split('/')[0]}/` : file.path);
  return [...prefixes].sort();
}

/** S3's ETag of a single-part upload with SSE-S3 is the MD5 of the body, quoted. */
export const etagOf = (contents: string | Uint8Array): string => `"${createHash('md5').update(contents).digest('hex')}"`;

/** Runs `task` over `items`, at most `limit` at a time; rejects with the first failure. */
export async function inBatches<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export interface S3SiteWriterOptions {
  bucket: string;
  distributionId: string;
  s3?: S3Client;
  cloudFront?: CloudFrontClient;
  /** PutObject calls in flight at once. */
  concurrency?: number;
}

/**
 * Puts rendered pages into the site bucket and invalidates exactly what changed: files whose
 * bytes are already there (same ETag) are skipped, year pages of campaigns no longer live are
 * deleted, and one invalidation covers the rest.
 */
export class S3SiteWriter {
  private readonly s3: S3Client;
  private readonly cloudFront: CloudFrontClient;

  constructor(private readonly options: S3SiteWriterOptions) {
    this.s3 = options.s3 ?? traced(new S3Client({}));
    this.cloudFront = options.cloudFront ?? traced(new CloudFrontClient({}));
  }

  async write(files: readonly SiteFile[], liveYears: ReadonlySet<number>): Promise<SiteWriteResult> {
    const existing = await this.listEtags(listingPrefixes(files));
    const changed = files.filter((file) => existing.get(file.path) !== etagOf(file.contents));
    await inBatches(changed, this.options.concurrency ?? 8, async (file) => {
      await this.s3.send(
        new PutObjectCommand({
          Bucket: this.options.bucket,
          Key: file.path,
          Body: file.contents,
          ContentType: contentTypeFor(file.path),
          CacheControl: PAGE_CACHE_CONTROL,
        }),
      );
    });
    const written = new Set(files.map((file) => file.path));
    const stale = staleYearPages([...existing.keys()], liveYears).filter((key) => !written.has(key));
    await this.delete(stale);
    const invalidated = invalidationPaths([...changed.map((file) => file.path), ...stale]);
    if (changed.length + stale.length > 0) await this.invalidate(invalidated);
    return {
      written: changed.map((file) => file.path),
      unchanged: files.length - changed.length,
      deleted: stale,
      invalidated: changed.length + stale.length > 0 ? invalidated : [],
    };
  }

  /** Every key under the prefixes with its ETag, following continuation tokens past 1,000 keys. */
  private async listEtags(prefixes: readonly string[]): Promise<Map<string, string>> {
    const etags = new Map<string, string>();
    for (const prefix of prefixes) {
      let ContinuationToken: string | undefined;
      do {
        const page = await this.s3.send(new ListObjectsV2Command({ Bucket: this.options.bucket, Prefix: prefix, ContinuationToken }));
        for (const object of page.Contents ?? []) if (object.Key) etags.set(object.Key, object.ETag ?? '');
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
    }
    return etags;
  }

  private async delete(keys: readonly string[]): Promise<void> {
    // DeleteObjects takes at most 1,000 keys a request.
    for (let start = 0; start < keys.length; start += 1000) {
      const batch = keys.slice(start, start + 1000);
      const { Errors } = await this.s3.send(
        new DeleteObjectsCommand({ Bucket: this.options.bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }),
      );
      if (Errors?.length) throw new Error(`S3 refused to delete ${Errors.map((e) => `${e.Key}: ${e.Code}`).join(', ')}`);
    }
  }

  private async invalidate(paths: readonly string[]): Promise<void> {
    await this.cloudFront.send(
      new CreateInvalidationCommand({
        DistributionId: this.options.distributionId,
        InvalidationBatch: { CallerReference: `publish-${Date.now()}-${randomUUID()}`, Paths: { Quantity: paths.length, Items: [...paths] } },
      }),
    );
  }
}
