import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { S3MediaStorage } from '../../../functions/adapters/site/s3-media-storage.js';

describe('S3 media uploads', () => {
  const client = new S3Client({ region: 'eu-west-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } });
  const storage = new S3MediaStorage('blue-heart-site', client);
  const now = new Date('2026-07-01T10:00:00Z');

  it('presigns a PUT to the media prefix, bound to the type and size, for 15 minutes', async () => {
    const ticket = await storage.createUpload({ year: 2027, file: 'poster-1a2b3c4d.png', contentType: 'image/png', bytes: 1234 }, now);
    const url = new URL(ticket.url);
    expect(url.hostname).toBe('blue-heart-site.s3.eu-west-1.amazonaws.com');
    expect(url.pathname).toBe('/media/2027/poster-1a2b3c4d.png');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('900');
    expect(url.searchParams.get('X-Amz-Date')).toBe('20260701T100000Z');
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toContain('content-length');
    expect(ticket).toMatchObject({ method: 'PUT', headers: { 'Content-Type': 'image/png' }, expiresAt: '2026-07-01T10:15:00.000Z' });
  });
});
