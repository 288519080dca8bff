import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchMedia, mediaMaxBytes } from '../../../functions/adapters/social/fetch-media.js';
import { SocialError } from '../../../functions/domain/social/ports.js';
import { pngOf, startMediaSite, type MediaSite } from './media-site.js';

/**
 * Reading a media kit file before uploading it to a network: bounded in time and in size, and
 * every failure certain (nothing was posted), as `rejected` (it will not get better) or
 * `unavailable` (try again later).
 */
describe('fetchMedia', () => {
  let site: MediaSite;
  const limits = { maxBytes: 1_000, timeoutMs: 300 };
  const image = (url: string) => ({ url, alt: 'A blue heart', contentType: 'image/png' });
  const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error as SocialError);

  beforeAll(async () => {
    site = await startMediaSite();
  });
  afterAll(async () => site?.stop());

  it('reads the file, whole', async () => {
    const png = pngOf(4, 3, 900);
    expect(await fetchMedia(image(site.put('heart.png', { bytes: png, contentType: 'image/png' })), limits)).toEqual(png);
    expect(await fetchMedia(image(site.put('chunked.png', { bytes: png, contentType: 'image/png', chunked: true })), limits)).toEqual(png);
  });

  it('refuses a file larger than the network takes, whether the size is announced or only counted', async () => {
    const big = pngOf(4, 3, 1_001);
    const announced = await failure(fetchMedia(image(site.put('big.png', { bytes: big, contentType: 'image/png' })), limits));
    expect(announced).toMatchObject({ kind: 'rejected', message: 'The media file /media/2026/big.png is 1001 bytes, more than the 1000 the network takes' });
    const counted = await failure(fetchMedia(image(site.put('big-chunked.png', { bytes: pngOf(4, 3, 200_000), contentType: 'image/png', chunked: true })), limits));
    expect(counted).toMatchObject({ kind: 'rejected', message: expect.stringContaining('more than the 1000 bytes the network takes') });
  });

  it('refuses what is not the type the message says (a page served instead of the image), and a file that is gone', async () => {
    const page = await failure(fetchMedia(image(site.put('heart-page.png', { bytes: new TextEncoder().encode('<!doctype html>'), contentType: 'text/html; charset=utf-8' })), limits));
    expect(page).toMatchObject({ kind: 'rejected', message: 'The media file /media/2026/heart-page.png is text/html, not the image/png the message says' });
    expect(await failure(fetchMedia(image(`${site.url}/media/2026/gone.png`), limits))).toMatchObject({ kind: 'rejected', details: { status: 404 } });
  });

  it('gives up in time, and when the site cannot be reached, as unavailable', async () => {
    const started = Date.now();
    const slow = await failure(fetchMedia(image(site.put('slow.png', { bytes: pngOf(1, 1), contentType: 'image/png', stallMs: 2_000 })), limits));
    expect(slow).toMatchObject({ kind: 'unavailable', message: expect.stringContaining('no answer in time') });
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(await failure(fetchMedia(image('http://127.0.0.1:9/media/2026/x.png'), limits))).toMatchObject({ kind: 'unavailable' });
  });

  it('caps each network at its documented size for the type', () => {
    expect(mediaMaxBytes('bluesky', 'image/png')).toBe(1_000_000);
    expect(mediaMaxBytes('mastodon', 'image/png')).toBe(16 * 1024 * 1024);
    expect(mediaMaxBytes('mastodon', 'video/mp4')).toBe(99 * 1024 * 1024);
  });
});
