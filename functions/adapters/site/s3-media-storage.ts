import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { MediaStorage, UploadTicket } from '../../domain/campaigns/media.js';

/** How long a presigned upload URL works. */
const UPLOAD_TTL_SECONDS = 15 * 60;

/** The object key of a media kit file; CloudFront serves it at the same path under the site. */
export const mediaKey = (year: number, file: string): string => `media/${year}/${file}`;

/**
 * Media kit uploads on AWS: a presigned PUT straight to the site bucket's `media/` prefix, bound
 * to the file's type and size, so the bytes never pass through Lambda.
 */
export class S3MediaStorage implements MediaStorage {
  constructor(
    private readonly bucket: string,
    private readonly client: S3Client = new S3Client({}),
  ) {}

  async createUpload(target: { year: number; file: string; contentType: string; bytes: number }, now: Date): Promise<UploadTicket> {
    const command = new PutObjectCommand({
      Bucket: this.bucket,
      Key: mediaKey(target.year, target.file),
      ContentType: target.contentType,
      ContentLength: target.bytes,
      CacheControl: 'public, max-age=31536000, immutable',
    });
    const url = await getSignedUrl(this.client, command, { expiresIn: UPLOAD_TTL_SECONDS, signingDate: now });
    return {
      url,
      method: 'PUT',
      headers: { 'Content-Type': target.contentType, 'Cache-Control': 'public, max-age=31536000, immutable' },
      expiresAt: new Date(now.getTime() + UPLOAD_TTL_SECONDS * 1000).toISOString(),
    };
  }
}
