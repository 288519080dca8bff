import { MEDIA_RULES } from '../../domain/social/media-rules.js';
import { SocialError, type OutgoingPost } from '../../domain/social/ports.js';
import type { Platform } from '../../domain/social/social.js';

export type PostMedia = OutgoingPost['media'][number];

/** Reads one media file to upload, within `limits`. */
export type MediaLoader = (media: PostMedia, limits: MediaLimits) => Promise<Uint8Array<ArrayBuffer>>;

export interface MediaLimits {
  /** The largest file the network takes (`mediaMaxBytes`): a larger one is refused before it is uploaded. */
  maxBytes: number;
  /** For the whole download, headers and body. */
  timeoutMs: number;
}

/** The largest file of this type `platform` takes (media-rules.ts), else the largest the media kit takes (300 MB). */
export const mediaMaxBytes = (platform: Platform, contentType: string): number => MEDIA_RULES[platform].types[contentType] ?? 300 * 1024 * 1024;

/** The file's name in its URL (`blue-heart-1a2b.png`), for an upload that names the file. */
export const mediaFileName = (media: PostMedia): string => decodeURIComponent(new URL(media.url).pathname.split('/').pop() || 'media');

/**
 * Every file of a post, read before anything is uploaded (X, Facebook, LinkedIn): a file too
 * large for `platform`, of another type than the message says or gone is refused (`rejected`)
 * while nothing has left; a loader's own failure is `unavailable`.
 */
export async function loadPostMedia(platform: Platform, media: readonly PostMedia[], load: MediaLoader, timeoutMs: number): Promise<Array<{ media: PostMedia; bytes: Uint8Array<ArrayBuffer> }>> {
  return Promise.all(
    media.map(async (item) => {
      try {
        return { media: item, bytes: await load(item, { maxBytes: mediaMaxBytes(platform, item.contentType), timeoutMs }) };
      } catch (error) {
        throw error instanceof SocialError ? error : new SocialError('unavailable', `The media file could not be read: ${(error as Error).message}`, { cause: error });
      }
    }),
  );
}

/**
 * GETs a media kit file from its public URL (the site: CloudFront on AWS, the local site server
 * with `npm start`), bounded in time and size. Nothing here posts, so every failure is certain:
 * a file that is gone (4xx), of another type than the message says (a page served instead of
 * the image), or larger than the network takes is `rejected`; a server error, a timeout or no
 * connection is `unavailable` (the dispatcher tries again later).
 */
export const fetchMedia: MediaLoader = async (media, limits) => {
  const where = new URL(media.url).pathname;
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let response: Response;
  try {
    response = await fetch(media.url, { signal });
  } catch (error) {
    throw new SocialError('unavailable', `The media file ${where} could not be fetched: ${reason(error)}`, { cause: error });
  }
  const refuse = (kind: 'rejected' | 'unavailable', message: string, details: { status?: number } = {}) => {
    void response.body?.cancel().catch(() => undefined);
    return new SocialError(kind, message, details);
  };
  if (!response.ok) {
    throw refuse(response.status >= 400 && response.status < 500 ? 'rejected' : 'unavailable', `The media file ${where} answered ${response.status}`, { status: response.status });
  }
  const type = response.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type && type !== media.contentType) throw refuse('rejected', `The media file ${where} is ${type}, not the ${media.contentType} the message says`);
  const announced = Number(response.headers.get('content-length') ?? NaN);
  if (announced > limits.maxBytes) throw refuse('rejected', `The media file ${where} is ${announced} bytes, more than the ${limits.maxBytes} the network takes`);
  if (!response.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > limits.maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new SocialError('rejected', `The media file ${where} is more than the ${limits.maxBytes} bytes the network takes`);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof SocialError) throw error;
    throw new SocialError('unavailable', `The media file ${where} could not be read: ${reason(error)}`, { cause: error });
  }
  const bytes = new Uint8Array(received);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
};

function reason(error: unknown): string {
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'no answer in time';
  const code = (error as { cause?: { code?: string } }).cause?.code;
  const message = error instanceof Error ? error.message : String(error);
  return code ? `${message} (${code})` : message;
}
