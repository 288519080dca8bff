import type { ConnectedAccount, MessageVariant } from './social.js';

/**
 * Which approved wording a supporter's account posts. Networks reject identical text from many
 * accounts, so supporters are spread over `[text, ...alternatives]` by a hash of their account id:
 * stable (a retry or a restarted worker picks the same wording, which `findPost` relies on) and
 * close to even. The organisation's own accounts post the main text. An account whose server
 * takes shorter posts (a Mastodon instance's own limit) posts a wording that fits it
 * (`chooseFittingWording`).
 */

/** FNV-1a over the UTF-16 code units, then murmur3's finaliser so similar ids land far apart. */
export function hash32(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The wordings to spread over: the text, then each non-blank alternative that differs from those before. */
export function wordingsOf(variant: Pick<MessageVariant, 'text' | 'alternatives'>): string[] {
  return [...new Set([variant.text, ...variant.alternatives.filter((a) => a.trim() !== '')])];
}

export function chooseWording(
  variant: Pick<MessageVariant, 'text' | 'alternatives'>,
  accountId: string,
  owner: ConnectedAccount['owner'] = 'supporter',
): string {
  if (owner === 'organisation') return variant.text;
  const wordings = wordingsOf(variant);
  return wordings[hash32(accountId) % wordings.length]!;
}

/**
 * The wording for an account whose server does not take every wording (`fits`): its usual one
 * (`chooseWording`) when that fits, else the stable choice among those that fit, by the same
 * hash; undefined when none fits. Deterministic, like `chooseWording`, so a look after an
 * unanswered attempt looks for the same text.
 */
export function chooseFittingWording(
  variant: Pick<MessageVariant, 'text' | 'alternatives'>,
  accountId: string,
  owner: ConnectedAccount['owner'],
  fits: (wording: string) => boolean,
): string | undefined {
  const usual = chooseWording(variant, accountId, owner);
  if (fits(usual)) return usual;
  const fitting = wordingsOf(variant).filter(fits);
  return fitting.length ? fitting[hash32(accountId) % fitting.length] : undefined;
}
