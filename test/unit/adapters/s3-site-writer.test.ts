import type { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import type { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import {
  PAGE_CACHE_CONTROL,
  S3SiteWriter,
  contentTypeFor,
  etagOf,
  inBatches,
  invalidationPaths,
  listingPrefixes,
  staleYearPages,
} from '../../../functions/adapters/site/s3-site-writer.js';

describe('contentTypeFor', () => {
  it.each([
    ['es/campaigns/2027/index.html', 'text/html; charset=utf-8'],
    ['sitemap.xml', 'application/xml; charset=utf-8'],
    ['en/world-day.ics', 'text/calendar; charset=utf-8'],
    ['assets/site.css', 'text/css; charset=utf-8'],
    ['assets/site.JS', 'text/javascript; charset=utf-8'],
    ['favicon.svg', 'image/svg+xml'],
    ['og/2027.png', 'image/png'],
    ['en/campaigns.json', 'application/json; charset=utf-8'],
    ['README', 'application/octet-stream'],
  ])('%s → %s', (path, type) => expect(contentTypeFor(path)).toBe(type));
});

describe('invalidationPaths', () => {
  it('turns directory pages into wildcards and keeps other files exact, without duplicates', () => {
    expect(invalidationPaths(['es/campaigns/2027/index.html', 'sitemap.xml', 'en/world-day.ics', 'es/campaigns/2027/index.html'])).toEqual([
      '/en/world-day.ics',
      '/es/campaigns/2027/*',
      '/sitemap.xml',
    ]);
  });

  it('falls back to one /* past the limit', () => {
    const keys = Array.from({ length: 16 }, (_, i) => `en/campaigns/${2000 + i}/index.html`);
    expect(invalidationPaths(keys.slice(0, 15))).toHaveLength(15);
    expect(invalidationPaths(keys)).toEqual(['/*']);
  });
});

describe('staleYearPages and listingPrefixes', () => {
  it('picks only year pages of years not live', () => {
    const keys = ['es/campaigns/2026/index.html', 'es/campaigns/2025/index.html', 'es/campaigns/index.html', 'es/campaigns/2025/kit.pdf', 'en/index.html'];
    expect(staleYearPages(keys, new Set([2026]))).toEqual(['es/campaigns/2025/index.html']);
  });

  it('lists each language folder and each root file once', () => {
    const files = [{ path: 'sitemap.xml', contents: '' }, { path: 'es/campaigns/2027/index.html', contents: '' }];
    expect(listingPrefixes(files, ['en', 'es'])).toEqual(['en/', 'es/', 'sitemap.xml']);
  });
});

describe('inBatches', () => {
  it('never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    await inBatches(Array.from({ length: 30 }, (_, i) => i), 8, async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 1));
      running--;
    });
    expect(peak).toBe(8);
  });
});

describe('S3SiteWriter', () => {
  type Sent = { name: string; input: any };
  const fakeClients = (pages: Record<string, { Key: string; ETag: string }[][]>) => {
    const sent: Sent[] = [];
    const send = async (command: { constructor: { name: string }; input: any }) => {
      const name = command.constructor.name;
      sent.push({ name, input: command.input });
      if (name === 'ListObjectsV2Command') {
        const prefixPages = pages[command.input.Prefix] ?? [[]];
        const index = command.input.ContinuationToken ? Number(command.input.ContinuationToken) : 0;
        const last = index === prefixPages.length - 1;
        return { Contents: prefixPages[index], IsTruncated: !last, NextContinuationToken: last ? undefined : String(index + 1) };
      }
      return {};
    };
    return { sent, s3: { send } as unknown as S3Client, cloudFront: { send } as unknown as CloudFrontClient };
  };

  it('skips unchanged files, deletes unpublished years found on any page of the listing, and invalidates what changed', async () => {
    const same = '<p>same</p>';
    const { sent, s3, cloudFront } = fakeClients({
      'es/': [[{ Key: 'es/campaigns/2026/index.html', ETag: etagOf(same) }], [{ Key: 'es/campaigns/2019/index.html', ETag: '"x"' }]],
    });
    const writer = new S3SiteWriter({ bucket: 'site', distributionId: 'E123', s3, cloudFront });
    const result = await writer.write(
      [
        { path: 'es/campaigns/2026/index.html', contents: same },
        { path: 'es/campaigns/2027/index.html', contents: '<p>new</p>' },
        { path: 'en/world-day.ics', contents: 'BEGIN:VCALENDAR' },
      ],
      new Set([2026, 2027]),
    );
    expect(result).toEqual({
      written: ['es/campaigns/2027/index.html', 'en/world-day.ics'],
      unchanged: 1,
      deleted: ['es/campaigns/2019/index.html'],
      invalidated: ['/en/world-day.ics', '/es/campaigns/2019/*', '/es/campaigns/2027/*'],
    });
    const puts = sent.filter((s) => s.name === 'PutObjectCommand').map((s) => s.input);
    expect(puts.map((p) => [p.Key, p.ContentType, p.CacheControl])).toEqual([
      ['es/campaigns/2027/index.html', 'text/html; charset=utf-8', PAGE_CACHE_CONTROL],
      ['en/world-day.ics', 'text/calendar; charset=utf-8', PAGE_CACHE_CONTROL],
    ]);
    expect(sent.find((s) => s.name === 'DeleteObjectsCommand')!.input.Delete.Objects).toEqual([{ Key: 'es/campaigns/2019/index.html' }]);
    const invalidation = sent.filter((s) => s.name === 'CreateInvalidationCommand');
    expect(invalidation).toHaveLength(1);
    expect(invalidation[0]!.input.DistributionId).toBe('E123');
    expect(invalidation[0]!.input.InvalidationBatch.Paths.Quantity).toBe(3);
    expect(invalidation[0]!.input.InvalidationBatch.CallerReference).toMatch(/^publish-\d+-/);
  });

  it('invalidates nothing when nothing changed', async () => {
    const page = '<p>same</p>';
    const { sent, s3, cloudFront } = fakeClients({ 'es/': [[{ Key: 'es/campaigns/2026/index.html', ETag: etagOf(page) }]] });
    const result = await new S3SiteWriter({ bucket: 'site', distributionId: 'E123', s3, cloudFront }).write(
      [{ path: 'es/campaigns/2026/index.html', contents: page }],
      new Set([2026]),
    );
    expect(result).toEqual({ written: [], unchanged: 1, deleted: [], invalidated: [] });
    expect(sent.map((s) => s.name).filter((n) => n !== 'ListObjectsV2Command')).toEqual([]);
  });
});
