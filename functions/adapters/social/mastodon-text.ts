/**
 * Mastodon gives statuses back as HTML (`Status.content`,
 * https://docs.joinmastodon.org/entities/Status/#content): paragraphs, `<br>` for line breaks,
 * links and hashtags wrapped in anchors, long URLs split into spans (`<span class="invisible">`
 * for the scheme and the hidden tail), and `& < > " '` escaped. Its plain text — the tags
 * dropped, the entities decoded — is the text that was posted, up to whitespace, so findPost
 * compares the two with whitespace collapsed.
 */
export function statusPlainText(html: string): string {
  const text = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text);
}

/** Same words, same order: whitespace runs collapsed, Unicode normalised (NFC). */
export function sameText(a: string, b: string): boolean {
  return normalise(a) === normalise(b);
}

const normalise = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return NAMED[name.toLowerCase()] ?? entity;
  });
}
