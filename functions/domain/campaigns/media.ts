import { AppError } from '../shared/errors.js';
import type { MediaItem, MediaKind } from './campaign.js';

/** What a media kit accepts: the type decides the kind, the extension and the largest size. */
export const MEDIA_TYPES: Record<string, { kind: MediaKind; extension: string; maxBytes: number }> = {
  'image/png': { kind: 'image', extension: 'png', maxBytes: 20 * 1024 * 1024 },
  'image/jpeg': { kind: 'image', extension: 'jpg', maxBytes: 20 * 1024 * 1024 },
  'image/webp': { kind: 'image', extension: 'webp', maxBytes: 20 * 1024 * 1024 },
  'image/gif': { kind: 'gif', extension: 'gif', maxBytes: 30 * 1024 * 1024 },
  'video/mp4': { kind: 'video', extension: 'mp4', maxBytes: 300 * 1024 * 1024 },
  'video/webm': { kind: 'video', extension: 'webm', maxBytes: 300 * 1024 * 1024 },
  'application/pdf': { kind: 'pdf', extension: 'pdf', maxBytes: 50 * 1024 * 1024 },
};

export interface UploadRequest {
  fileName: string;
  contentType: string;
  bytes: number;
}

/** Where the browser sends the file: a presigned S3 URL on AWS, the local server with `npm start`. */
export interface UploadTicket {
  url: string;
  method: 'PUT';
  headers: Record<string, string>;
  expiresAt: string;
}

export interface MediaStorage {
  createUpload(target: { year: number; file: string; contentType: string; bytes: number }, now: Date): Promise<UploadTicket>;
  /** Only a storage that takes the bytes itself (the local one); S3 takes them directly. */
  receive?(ticket: string, contentType: string | undefined, body: ReadableStream<Uint8Array> | null, now: Date): Promise<void>;
}

/** `Blue Heart (FR) final.PNG` → `blue-heart-fr-final-3f9a.png`: safe in URLs, unique per upload. */
export function mediaFileName(original: string, extension: string, unique: string): string {
  const stem = original
    .replace(/\.[^.]*$/, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${stem || 'file'}-${unique}.${extension}`;
}

/**
 * A manager asks to upload a file to a campaign's media kit: the type and size are checked
 * before anything is stored, and the answer says where to send the bytes. The item is added to
 * the draft (with its titles) when the editor saves it.
 */
export async function requestMediaUpload(
  storage: MediaStorage,
  year: number,
  request: UploadRequest,
  context: { now: Date; newId: () => string },
): Promise<{ item: Omit<MediaItem, 'title' | 'alt' | 'language'>; upload: UploadTicket }> {
  const type = MEDIA_TYPES[request.contentType];
  if (!type) {
    throw new AppError('validation_failed', `Files of type ${request.contentType} cannot go in a media kit.`, {
      fields: [{ field: 'contentType', message: `must be one of ${Object.keys(MEDIA_TYPES).join(', ')}` }],
    });
  }
  if (request.bytes > type.maxBytes) {
    throw new AppError('validation_failed', `This file is too large: ${type.kind} files may be up to ${Math.round(type.maxBytes / 1024 / 1024)} MB.`, {
      fields: [{ field: 'bytes', message: `must be at most ${type.maxBytes}` }],
    });
  }
  const id = context.newId();
  const file = mediaFileName(request.fileName, type.extension, id.replace(/-/g, '').slice(0, 8));
  const upload = await storage.createUpload({ year, file, contentType: request.contentType, bytes: request.bytes }, context.now);
  return { item: { id, kind: type.kind, file, contentType: request.contentType, bytes: request.bytes }, upload };
}
