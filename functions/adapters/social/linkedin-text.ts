/**
 * LinkedIn's Posts API takes `commentary` in its "little" text format
 * (https://learn.microsoft.com/linkedin/marketing/community-management/shares/little-text-format):
 * `#tag` is a hashtag, `@[Name](urn:li:…)` a mention, `{hashtag|\#|tag}` a hashtag template, and
 * every other reserved character must be escaped with a backslash to stay plain text. An
 * unescaped one is not refused: LinkedIn cuts the post at it, silently.
 */

const RESERVED = /[\\|{}@[\]()<>#*_~]/g;
/** A hashtag as little reads one: '#' then letters, marks or digits. */
const HASHTAG = /#[\p{L}\p{M}\p{N}]+/gu;
const URL = /https?:\/\/\S+/g;

const escapeReserved = (text: string) => text.replace(RESERVED, (char) => `\\${char}`);

/** Plain text as little: reserved characters escaped, hashtags kept as hashtags, links escaped whole (a `#` in a link is no hashtag). */
export function littleText(text: string): string {
  let out = '';
  let from = 0;
  for (const link of text.matchAll(URL)) {
    out += escapeProse(text.slice(from, link.index)) + escapeReserved(link[0]);
    from = link.index + link[0].length;
  }
  return out + escapeProse(text.slice(from));
}

function escapeProse(text: string): string {
  let out = '';
  let from = 0;
  for (const tag of text.matchAll(HASHTAG)) {
    out += escapeReserved(text.slice(from, tag.index)) + tag[0];
    from = tag.index + tag[0].length;
  }
  return out + escapeReserved(text.slice(from));
}

/** little back to the text people read: templates and mentions as their words, escapes removed. */
export function plainOfLittle(little: string): string {
  return little
    .replace(/\{hashtag\|\\?([#＃])\|([^}]*)\}/g, '$1$2')
    .replace(/@\[([^\]]*)\]\(urn:li:[^)]*\)/g, '$1')
    .replace(/\\([\\|{}@[\]()<>#*_~])/g, '$1');
}
