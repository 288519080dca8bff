import { createWriteStream } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { MediaStorage, UploadTicket } from '../../domain/campaigns/media.js';
import type { TokenSigner } from '../../domain/pledges/ports.js';
import { AppError } from '../../domain/shared/errors.js';

interface UploadTarget {
  year: number;
  file: string;
  contentType: string;
  bytes: number;
}

/** How long an upload link works. */
const UPLOAD_TTL_SECONDS = 15 * 60;

/**
 * `npm start`'s stand-in for presigned S3 uploads: the link carries a signed, expiring ticket
 * naming the file, its type and its size, and the bytes land in the site folder's `media/`.
 */
export class LocalMediaStorage implements MediaStorage {
  constructor(private readonly options: { siteDir: string; publicUrl: string; tokens: TokenSigner }) {}

  async createUpload(target: UploadTarget, now: Date): Promise<UploadTicket> {
    const token = this.options.tokens.sign('media-upload', JSON.stringify(target), now, UPLOAD_TTL_SECONDS);
    return {
      url: `${this.options.publicUrl}/api/admin/media-uploads/${token}`,
      method: 'PUT',
      headers: { 'Content-Type': target.contentType },
      expiresAt: new Date(now.getTime() + UPLOAD_TTL_SECONDS * 1000).toISOString(),
    };
  }

  /** Stores an upload, refusing a type or a size other than the ticket's. */
  async receive(token: string, contentType: string | undefined, body: ReadableStream<Uint8Array> | null, now: Date): Promise<void> {
    const target = JSON.parse(this.options.tokens.verify('media-upload', token, now)) as UploadTarget;
    if (contentType?.split(';')[0]?.trim() !== target.contentType) {
      throw new AppError('unsupported_media_type', `This upload link is for a ${target.contentType} file.`);
    }
    if (!body) throw new AppError('validation_failed', 'The upload has no file.', { fields: [{ field: 'body', message: 'is empty' }] });
    const path = join(this.options.siteDir, 'media', String(target.year), target.file);
    await mkdir(dirname(path), { recursive: true });
    // Written aside and renamed once whole (as S3 keeps the object it has when a PUT fails): a
    // refused upload never leaves half a file, nor destroys the one an earlier upload stored.
    const partial = `${path}.${randomUUID()}.part`;
    let received = 0;
    const limit = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        received += chunk.length;
        done(received > target.bytes ? new AppError('payload_too_large', `The file is larger than the ${target.bytes} bytes announced.`) : null, chunk);
      },
    });
    const out = createWriteStream(partial);
    try {
      await pipeline(Readable.fromWeb(body as import('node:stream/web').ReadableStream), limit, out);
      await rename(partial, path);
    } catch (error) {
      // The file may still be opening when the pipeline fails: remove it once it is closed.
      if (!out.closed) await once(out, 'close').catch(() => undefined);
      await rm(partial, { force: true });
      throw error;
    }
  }
}
