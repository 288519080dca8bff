import { describe, expect, it } from 'vitest';
import { imageSize } from '../../../functions/adapters/social/image-size.js';

const bytes = (...parts: Array<number[] | string>) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...part].map((ch) => ch.charCodeAt(0)) : part)));
const be16 = (n: number) => [n >> 8, n & 0xff];
const be32 = (n: number) => [...be16(n >>> 16), ...be16(n & 0xffff)];
const le16 = (n: number) => [n & 0xff, n >> 8];
const le24 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff];

describe('imageSize (Bluesky’s aspectRatio from the file’s header)', () => {
  it('reads PNG, GIF and JPEG headers', () => {
    expect(imageSize(bytes([0x89], 'PNG\r\n', [0x1a, 0x0a], be32(13), 'IHDR', be32(1200), be32(675), [8, 6, 0, 0, 0]))).toEqual({ width: 1200, height: 675 });
    expect(imageSize(bytes('GIF89a', le16(480), le16(270), [0, 0, 0]))).toEqual({ width: 480, height: 270 });
    const app0 = [0xff, 0xe0, ...be16(16), ...bytes('JFIF', [0, 1, 1, 0, 0, 1, 0, 1, 0, 0])];
    const sof2 = [0xff, 0xc2, ...be16(17), 8, ...be16(1080), ...be16(1920), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
    expect(imageSize(bytes([0xff, 0xd8], app0, sof2))).toEqual({ width: 1920, height: 1080 });
  });

  it('reads the three kinds of WebP', () => {
    const riff = (chunk: string, body: number[]) => bytes('RIFF', [0, 0, 0, 0], 'WEBP', chunk, [0, 0, 0, 0], body, new Array(16).fill(0));
    expect(imageSize(riff('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, ...le16(640), ...le16(360)]))).toEqual({ width: 640, height: 360 });
    // VP8L: a signature byte, then 14 bits of width - 1 and 14 of height - 1.
    const bits = (640 - 1) | ((360 - 1) << 14);
    expect(imageSize(riff('VP8L', [0x2f, bits & 0xff, (bits >> 8) & 0xff, (bits >> 16) & 0xff, (bits >>> 24) & 0xff]))).toEqual({ width: 640, height: 360 });
    expect(imageSize(riff('VP8X', [0, 0, 0, 0, ...le24(2047), ...le24(1023)]))).toEqual({ width: 2048, height: 1024 });
  });

  it('says nothing of what it does not understand', () => {
    expect(imageSize(bytes('%PDF-1.7'))).toBeUndefined();
    expect(imageSize(bytes([0x89], 'PNG'))).toBeUndefined();
    expect(imageSize(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 2]))).toBeUndefined();
  });
});
