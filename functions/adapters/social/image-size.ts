/**
 * An image's width and height from its first bytes (PNG, GIF, JPEG, WebP), without decoding it:
 * what Bluesky's `aspectRatio` needs so clients reserve the image's space before it loads. A
 * JPEG's EXIF rotation is not applied (a rotated photo gets its stored ratio); anything not
 * understood gives undefined, and the post goes without a ratio.
 */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ascii = (at: number, length: number) => String.fromCharCode(...bytes.subarray(at, at + length));
  const size = (width: number, height: number) => (width > 0 && height > 0 ? { width, height } : undefined);
  try {
    // PNG: the signature, then IHDR with width and height (big-endian).
    if (bytes.length >= 24 && view.getUint32(0) === 0x89504e47 && ascii(12, 4) === 'IHDR') return size(view.getUint32(16), view.getUint32(20));
    // GIF: the logical screen's width and height (little-endian).
    if (bytes.length >= 10 && ascii(0, 4) === 'GIF8') return size(view.getUint16(6, true), view.getUint16(8, true));
    // WebP: a RIFF container whose first chunk is lossy (VP8), lossless (VP8L) or extended (VP8X).
    if (bytes.length >= 30 && ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WEBP') {
      const chunk = ascii(12, 4);
      if (chunk === 'VP8 ') return size(view.getUint16(26, true) & 0x3fff, view.getUint16(28, true) & 0x3fff);
      if (chunk === 'VP8L') {
        const bits = view.getUint32(21, true);
        return size((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
      }
      if (chunk === 'VP8X') return size((view.getUint32(24, true) & 0xffffff) + 1, (view.getUint32(27, true) & 0xffffff) + 1);
      return undefined;
    }
    // JPEG: walk the segments to the first start-of-frame (SOF0–SOF15 but DHT, JPG and DAC).
    if (bytes.length >= 4 && view.getUint16(0) === 0xffd8) {
      let at = 2;
      while (at + 9 < bytes.length) {
        if (bytes[at] !== 0xff) return undefined;
        const marker = bytes[at + 1]!;
        if (marker === 0xff) {
          at++;
          continue;
        }
        if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return size(view.getUint16(at + 7), view.getUint16(at + 5));
        at += 2 + view.getUint16(at + 2);
      }
    }
  } catch {
    // A truncated header: no size.
  }
  return undefined;
}
