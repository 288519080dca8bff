import type { TwitterApi } from 'twitter-api-v2';
import { SocialError } from '../../domain/social/ports.js';
import type { PostMedia } from './fetch-media.js';

/**
 * A media kit file onto X through the API v2 media endpoints (https://docs.x.com/x-api/media),
 * with the client's own requests, so the OAuth 1.0a signature or the OAuth 2.0 bearer token
 * (scope `media.write`) goes with each as with every other call. twitter-api-v2 1.29.1 has
 * `v2.uploadMedia`, but it always uploads in chunks of 1 MB and waits for processing without a
 * deadline (and stops waiting when X names no `check_after_secs`); its `v1.uploadMedia` uses the
 * v1.1 endpoint X retired. So the steps are here, each the documented request:
 * - an image (PNG, JPEG, WebP): one `POST /2/media/upload`, multipart `media` (the bytes),
 *   `media_category=tweet_image`, `media_type` (https://docs.x.com/x-api/media/upload-media);
 * - a GIF or a video: `POST /2/media/upload/initialize` (JSON `media_type`, `total_bytes`,
 *   `media_category`), `POST /2/media/upload/{id}/append` per segment (multipart
 *   `segment_index`, `media`), `POST /2/media/upload/{id}/finalize`, then
 *   `GET /2/media/upload?command=STATUS&media_id=` while `processing_info` says it is pending
 *   (https://docs.x.com/x-api/media/quickstart/media-upload-chunked);
 * - the alt text of an image or a GIF: `POST /2/media/metadata` with
 *   `{ id, metadata: { alt_text: { text } } }` (https://docs.x.com/x-api/media/create-media-metadata).
 * Nothing here posts: an upload no post uses expires (`expires_after_secs`).
 */

export interface XUploadSettings {
  /** Per request that carries the file (the client's timeout). */
  timeoutMs: number;
  /** How long to wait while X processes a GIF or a video. */
  processingMs: number;
  /** Between two status reads when X names no `check_after_secs`. */
  pollMs: number;
  now: () => Date;
}

type MediaCategory = 'tweet_image' | 'tweet_gif' | 'tweet_video';

/** `processing_info` of a GIF or a video: pending → in_progress → succeeded or failed. */
interface ProcessingInfo {
  state: 'pending' | 'in_progress' | 'failed' | 'succeeded';
  check_after_secs?: number;
  error?: { code?: number; message?: string };
}

/** What upload, initialize, finalize and STATUS answer: `{ data: { id, media_key, expires_after_secs, size?, processing_info? } }`. */
interface MediaUploadAnswer {
  data?: { id?: string; media_key?: string; expires_after_secs?: number; size?: number; processing_info?: ProcessingInfo };
}

/** One APPEND carries at most 5 MB (https://docs.x.com/x-api/media/append-media-upload); segments are numbered 0–999. */
const SEGMENT_BYTES = 4 * 1024 * 1024;

/** The media id X gives the uploaded file, its alt text set. */
export async function uploadToX(client: TwitterApi, media: PostMedia, bytes: Uint8Array, settings: XUploadSettings): Promise<string> {
  const category = categoryOf(media.contentType);
  const id = category === 'tweet_image' ? await uploadImage(client, media, bytes, settings) : await uploadInSegments(client, media, bytes, category, settings);
  if (media.alt && category !== 'tweet_video') {
    await client.v2.post('media/metadata', { id, metadata: { alt_text: { text: media.alt } } });
  }
  return id;
}

function categoryOf(contentType: string): MediaCategory {
  if (contentType === 'image/gif') return 'tweet_gif';
  if (contentType.startsWith('video/')) return 'tweet_video';
  return 'tweet_image';
}

async function uploadImage(client: TwitterApi, media: PostMedia, bytes: Uint8Array, settings: XUploadSettings): Promise<string> {
  const uploaded = await client.v2.post<MediaUploadAnswer>(
    'media/upload',
    { media: Buffer.from(bytes), media_category: 'tweet_image', media_type: media.contentType },
    { forceBodyMode: 'form-data', timeout: settings.timeoutMs },
  );
  return idOf(uploaded);
}

async function uploadInSegments(client: TwitterApi, media: PostMedia, bytes: Uint8Array, category: MediaCategory, settings: XUploadSettings): Promise<string> {
  const started = await client.v2.post<MediaUploadAnswer>('media/upload/initialize', { media_type: media.contentType, total_bytes: bytes.byteLength, media_category: category });
  const id = idOf(started);
  for (let index = 0, at = 0; at < bytes.byteLength; index++, at += SEGMENT_BYTES) {
    const segment = Buffer.from(bytes.subarray(at, at + SEGMENT_BYTES));
    await client.v2.post(`media/upload/${id}/append`, { segment_index: index, media: segment }, { forceBodyMode: 'form-data', timeout: settings.timeoutMs });
  }
  const finished = await client.v2.post<MediaUploadAnswer>(`media/upload/${id}/finalize`);
  await processed(client, id, finished.data?.processing_info, settings);
  return id;
}

/** Waits until X has processed the upload (`succeeded`), within `processingMs`; a failed processing is X refusing the file. */
async function processed(client: TwitterApi, id: string, first: ProcessingInfo | undefined, settings: XUploadSettings): Promise<void> {
  const deadline = settings.now().getTime() + settings.processingMs;
  for (let info = first; info && info.state !== 'succeeded'; ) {
    if (info.state === 'failed') throw new SocialError('rejected', `X could not process the media file: ${info.error?.message ?? 'processing failed'}`);
    const wait = info.check_after_secs ? info.check_after_secs * 1000 : settings.pollMs;
    if (settings.now().getTime() + wait > deadline) throw new SocialError('unavailable', `X is still processing media ${id}`);
    await new Promise((resolve) => setTimeout(resolve, wait));
    const status = await client.v2.get<MediaUploadAnswer>('media/upload', { command: 'STATUS', media_id: id });
    info = status.data?.processing_info;
  }
}

function idOf(answer: MediaUploadAnswer): string {
  const id = answer?.data?.id;
  // Nothing was posted: an answer without the id is X's trouble, tried again later.
  if (typeof id !== 'string' || !id) throw new SocialError('unavailable', 'X answered the media upload without its id');
  return id;
}
