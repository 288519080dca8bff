import type { Context, Hono } from 'hono';
import { parseMultipart, sniffType, type FilePart } from './standin-http.js';

/**
 * X's API v2 media endpoints as the X stand-in answers them (https://docs.x.com/x-api/media):
 * the one-request upload of an image (POST /2/media/upload, multipart `media` and
 * `media_category`), the chunked upload (POST /2/media/upload/initialize, …/{id}/append,
 * …/{id}/finalize, GET /2/media/upload?command=STATUS) with processing for GIFs and videos, and
 * alt text (POST /2/media/metadata). Each upload is checked as X does: its bytes are of the type
 * it says, within the size of its category, every segment arrived; alt text at most 1,000 characters.
 */

export interface StoredXMedia {
  id: string;
  accountId: string;
  category: string;
  /** The media_type the upload declared. */
  type: string;
  totalBytes: number;
  segments: Map<number, Buffer>;
  /** The whole file, once uploaded (one request, or finalized). */
  bytes?: Buffer;
  state: 'uploading' | 'pending' | 'in_progress' | 'succeeded';
  /** STATUS reads left before processing succeeds. */
  statusReadsLeft: number;
  alt?: string;
}

// https://docs.x.com/x-api/media/introduction: images 5 MB, GIFs 15 MB, videos 512 MB.
const MB = 1024 * 1024;
const LIMITS: Record<string, number> = { tweet_image: 5 * MB, tweet_gif: 15 * MB, tweet_video: 512 * MB };
const KEY_PREFIX: Record<string, string> = { tweet_image: '3', tweet_gif: '16', tweet_video: '7' };

/** X's 400 for a parameter it refuses. */
export const invalidRequest = (c: Context, parameter: string, value: unknown, message: string) =>
  c.json({ errors: [{ parameters: { [parameter]: [String(value)] }, message }], title: 'Invalid Request', detail: 'One or more parameters to your request was invalid.', type: 'https://api.twitter.com/2/problems/invalid-request' }, 400);

export function addXMediaRoutes(app: Hono, deps: { authed: (c: Context) => { id: string } | Response; newId: () => string; stall: (c: Context) => Promise<void> }) {
  const media = new Map<string, StoredXMedia>();
  let statusReads = 1;

  const uploadAnswer = (stored: StoredXMedia) => ({
    data: {
      id: stored.id,
      media_key: `${KEY_PREFIX[stored.category] ?? '3'}_${stored.id}`,
      expires_after_secs: 86_400,
      ...(stored.bytes ? { size: stored.bytes.length } : {}),
      ...(stored.state === 'succeeded' || stored.state === 'uploading' ? {} : { processing_info: { state: stored.state, check_after_secs: 1 } }),
    },
  });
  const own = (c: Context, id: string | undefined) => {
    const account = deps.authed(c);
    if (account instanceof Response) return account;
    const stored = id ? media.get(id) : undefined;
    return stored && stored.accountId === account.id ? stored : invalidRequest(c, 'id', id, `The media id ${id} is not valid for this user.`);
  };
  /** The file's bytes must be of the type the upload says and within its category's size. */
  const fileProblem = (category: string, type: string, bytes: Buffer): string | undefined => {
    if (sniffType(bytes) !== type) return `The media is not of type ${type}.`;
    if (bytes.length > (LIMITS[category] ?? 0)) return `The media is larger than ${(LIMITS[category] ?? 0) / MB} MB.`;
    return undefined;
  };

  // https://docs.x.com/x-api/media/upload-media → { data: { id, media_key, size, expires_after_secs } }
  app.post('/2/media/upload', async (c) => {
    const account = deps.authed(c);
    if (account instanceof Response) return account;
    const { form, files } = parseMultipart(Buffer.from(await c.req.arrayBuffer()), c.req.header('content-type') ?? '');
    const file: FilePart | undefined = files.media;
    if (!file) return invalidRequest(c, 'media', '', 'The media field is required.');
    const category = form.media_category ?? 'tweet_image';
    if (category !== 'tweet_image') return invalidRequest(c, 'media_category', category, 'Use the chunked upload for GIFs and videos.');
    const type = form.media_type ?? sniffType(file.bytes) ?? '';
    const problem = fileProblem(category, type, file.bytes);
    if (problem || !type.startsWith('image/')) return invalidRequest(c, 'media', `${file.bytes.length} bytes`, problem ?? `${type} is not an image.`);
    const stored: StoredXMedia = { id: deps.newId(), accountId: account.id, category, type, totalBytes: file.bytes.length, segments: new Map(), bytes: file.bytes, state: 'succeeded', statusReadsLeft: 0 };
    media.set(stored.id, stored);
    await deps.stall(c);
    return c.json(uploadAnswer(stored));
  });

  // https://docs.x.com/x-api/media/initialize-media-upload → { data: { id, media_key, expires_after_secs } }
  app.post('/2/media/upload/initialize', async (c) => {
    const account = deps.authed(c);
    if (account instanceof Response) return account;
    const body = (await c.req.json()) as { media_type?: string; total_bytes?: number; media_category?: string };
    const category = body.media_category ?? '';
    if (!(category in LIMITS)) return invalidRequest(c, 'media_category', category, 'Unknown media_category.');
    if (!Number.isInteger(body.total_bytes) || body.total_bytes! <= 0 || body.total_bytes! > LIMITS[category]!) {
      return invalidRequest(c, 'total_bytes', body.total_bytes, `total_bytes must be between 1 and ${LIMITS[category]} for ${category}.`);
    }
    if (!body.media_type) return invalidRequest(c, 'media_type', '', 'The media_type field is required.');
    const stored: StoredXMedia = { id: deps.newId(), accountId: account.id, category, type: body.media_type, totalBytes: body.total_bytes!, segments: new Map(), state: 'uploading', statusReadsLeft: 0 };
    media.set(stored.id, stored);
    return c.json(uploadAnswer(stored));
  });

  // https://docs.x.com/x-api/media/append-media-upload: multipart `segment_index` (0–999) and `media` (at most 5 MB) → { data: { expires_at } }
  app.post('/2/media/upload/:id/append', async (c) => {
    const stored = own(c, c.req.param('id'));
    if (stored instanceof Response) return stored;
    const { form, files } = parseMultipart(Buffer.from(await c.req.arrayBuffer()), c.req.header('content-type') ?? '');
    const index = Number(form.segment_index);
    if (!Number.isInteger(index) || index < 0 || index > 999) return invalidRequest(c, 'segment_index', form.segment_index, 'segment_index must be between 0 and 999.');
    if (!files.media || files.media.bytes.length > 5 * MB) return invalidRequest(c, 'media', files.media?.bytes.length ?? 0, 'Each segment must be at most 5 MB.');
    if (stored.state !== 'uploading') return invalidRequest(c, 'id', stored.id, 'The upload is already finalized.');
    stored.segments.set(index, files.media.bytes);
    return c.json({ data: { expires_at: Math.floor(Date.now() / 1000) + 86_400 } });
  });

  // https://docs.x.com/x-api/media/finalize-media-upload → the media, with processing_info while a GIF or a video is processed
  app.post('/2/media/upload/:id/finalize', (c) => {
    const stored = own(c, c.req.param('id'));
    if (stored instanceof Response) return stored;
    const order = [...stored.segments.keys()].sort((a, b) => a - b);
    if (order.some((index, at) => index !== at)) return invalidRequest(c, 'id', stored.id, 'A segment is missing.');
    const bytes = Buffer.concat(order.map((index) => stored.segments.get(index)!));
    if (bytes.length !== stored.totalBytes) return invalidRequest(c, 'id', stored.id, `File size mismatch: ${bytes.length} bytes arrived, ${stored.totalBytes} were announced.`);
    const problem = fileProblem(stored.category, stored.type, bytes);
    if (problem) return invalidRequest(c, 'id', stored.id, problem);
    stored.bytes = bytes;
    stored.statusReadsLeft = statusReads;
    stored.state = stored.category === 'tweet_image' || statusReads === 0 ? 'succeeded' : 'pending';
    return c.json(uploadAnswer(stored));
  });

  // https://docs.x.com/x-api/media/get-media-upload-status → { data: { id, media_key, processing_info: { state, check_after_secs?, progress_percent } } }
  app.get('/2/media/upload', (c) => {
    if (c.req.query('command') !== 'STATUS') return invalidRequest(c, 'command', c.req.query('command'), 'command must be STATUS.');
    const stored = own(c, c.req.query('media_id'));
    if (stored instanceof Response) return stored;
    if (stored.state === 'uploading') return invalidRequest(c, 'media_id', stored.id, 'The upload is not finalized.');
    if (stored.state !== 'succeeded' && --stored.statusReadsLeft <= 0) stored.state = 'succeeded';
    else if (stored.state === 'pending') stored.state = 'in_progress';
    const done = stored.state === 'succeeded';
    return c.json({ data: { id: stored.id, media_key: `${KEY_PREFIX[stored.category]}_${stored.id}`, processing_info: { state: stored.state, progress_percent: done ? 100 : 50, ...(done ? {} : { check_after_secs: 1 }) } } });
  });

  // https://docs.x.com/x-api/media/create-media-metadata → { data: { id, associated_metadata: { alt_text: { text } } } }
  app.post('/2/media/metadata', async (c) => {
    const body = (await c.req.json()) as { id?: string; metadata?: { alt_text?: { text?: string } } };
    const stored = own(c, body.id);
    if (stored instanceof Response) return stored;
    const text = body.metadata?.alt_text?.text;
    if (typeof text !== 'string' || [...text].length > 1_000) return invalidRequest(c, 'metadata.alt_text.text', text, 'Alt text must be a text of at most 1000 characters.');
    stored.alt = text;
    return c.json({ data: { id: stored.id, associated_metadata: { alt_text: { text } } } });
  });

  return {
    media,
    /** How many STATUS reads a GIF or a video needs before it is processed (0: ready at finalize). */
    setStatusReads(reads: number) {
      statusReads = reads;
    },
    /** Why a post cannot carry these media ids (the account's processed uploads: up to 4 images, or one GIF or video), or undefined. */
    problemWith(accountId: string, ids: readonly string[]): string | undefined {
      if (ids.length > 4) return 'A post takes at most 4 media.';
      const found = ids.map((id) => media.get(id));
      if (found.some((stored) => !stored || stored.accountId !== accountId || stored.state !== 'succeeded')) return 'Your media IDs are invalid.';
      if (ids.length > 1 && found.some((stored) => stored!.category !== 'tweet_image')) return 'A GIF or a video must be the only media of a post.';
      return undefined;
    },
  };
}
