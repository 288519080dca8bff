import { z } from 'zod';
import type { TokenSigner } from '../../pledges/ports.js';
import { isAppError } from '../../shared/errors.js';
import { LANGUAGES, type Language } from '../../shared/languages.js';

/**
 * The OAuth `state` of a Mastodon connection (RFC 6749 §10.12): it leaves with the supporter
 * for their instance and comes back on the callback, so it carries the choices they made on
 * the page, signed (TokenSigner, purpose `mastodon-connect`) and short-lived. It carries no
 * email (the instance would see it in its logs and the supporter's browser history): that waits
 * server-side with the PKCE verifier, under the flow id.
 *
 * `<year>-<language>~<signed choices>`: the page to come back to also travels in the clear in
 * front, so that a state that expired, or was damaged on the way, still brings the supporter
 * back to the page they started from, with the reason. Nothing in that part is trusted beyond
 * choosing which of our own pages says so.
 */
export interface ConnectChoices {
  flowId: string;
  campaignYear: number;
  language: Language;
  timeZone: string;
  host: string;
  /** The message (and version) whose preview the supporter agreed to. */
  messageId: string;
  messageVersion: number;
}

export interface ReturnPage {
  campaignYear: number;
  language: Language;
}

const Year = z.number().int().min(2014).max(2100);
const Lang = z.enum(LANGUAGES);

const Signed = z.strictObject({
  f: z.string().min(1).max(100),
  y: Year,
  l: Lang,
  z: z.string().min(1).max(64),
  h: z.string().min(1).max(253),
  m: z.string().min(1).max(100),
  v: z.number().int().min(0),
});

const RETURN = /^(\d{4})-([a-z]{2})~(.+)$/s;

export function signState(tokens: TokenSigner, choices: ConnectChoices, now: Date, ttlSeconds: number): string {
  const body: z.infer<typeof Signed> = {
    f: choices.flowId,
    y: choices.campaignYear,
    l: choices.language,
    z: choices.timeZone,
    h: choices.host,
    m: choices.messageId,
    v: choices.messageVersion,
  };
  return `${choices.campaignYear}-${choices.language}~${tokens.sign('mastodon-connect', JSON.stringify(body), now, ttlSeconds)}`;
}

export type StateCheck =
  | { ok: true; choices: ConnectChoices }
  | { ok: false; reason: 'expired' | 'invalid'; back?: ReturnPage };

/** The choices, or why not (and, when the clear part is readable, where to say so). */
export function readState(tokens: TokenSigner, state: string | undefined, now: Date): StateCheck {
  const back = returnPageOf(state);
  if (!back) return { ok: false, reason: 'invalid' };
  let subject: string;
  try {
    subject = tokens.verify('mastodon-connect', RETURN.exec(state!)![3]!, now);
  } catch (error) {
    if (isAppError(error) && error.code === 'expired_token') return { ok: false, reason: 'expired', back };
    return { ok: false, reason: 'invalid', back };
  }
  let parsed: z.infer<typeof Signed>;
  try {
    parsed = Signed.parse(JSON.parse(subject));
  } catch {
    return { ok: false, reason: 'invalid', back };
  }
  const choices: ConnectChoices = { flowId: parsed.f, campaignYear: parsed.y, language: parsed.l, timeZone: parsed.z, host: parsed.h, messageId: parsed.m, messageVersion: parsed.v };
  return { ok: true, choices };
}

/** The page a state names in its clear part (unverified: it only picks which of our pages to show). */
export function returnPageOf(state: string | undefined): ReturnPage | undefined {
  const match = RETURN.exec(state ?? '');
  if (!match) return undefined;
  const year = Year.safeParse(Number(match[1]));
  const lang = Lang.safeParse(match[2]);
  return year.success && lang.success ? { campaignYear: year.data, language: lang.data } : undefined;
}
