import { normaliseEmail } from '../pledges/pledge.js';
import { AppError, isAppError } from '../shared/errors.js';
import { isLanguage, type Language } from '../shared/languages.js';
import { RETENTION, durationSeconds } from '../shared/retention.js';
import { erasureConfirmationEmail } from './erasure-emails.js';
import { erasePersonalData, holdsPersonalData } from './erase-personal-data.js';
import type { ErasureLogEntry, PrivacyDeps } from './ports.js';

/** The confirmation link's lifetime (RETENTION.erasureLink). */
export const ERASURE_LINK_TTL_SECONDS = durationSeconds(RETENTION.erasureLink.duration);

/** Requests per address and hour that may send an email, and per IP and hour at all. */
export const ERASURE_REQUEST_LIMITS = { emailsPerAddressPerHour: 3, requestsPerIpPerHour: 10 };

/** The token's subject: the language of the pages and emails, and the address's keyed hash (never the address). */
const subjectOf = (language: Language, emailHash: string) => `${language}:${emailHash}`;

export interface ErasureLink {
  language: Language;
  emailHash: string;
}

/** What became of a request; never told to the requester (the route answers 202 whatever it is), only logged. */
export type ErasureRequestOutcome = 'emailed' | 'nothing-held' | 'address-limited' | 'email-failed';

/**
 * Someone asks to erase the data of an address. The answer never depends on the address: the
 * route always says 202, and says it no sooner than `answerFloorMs` after the request came, so
 * neither its words nor its timing tell whether the address pledged, lent an account or gave.
 * Only when the platform holds something for it is the owner emailed a signed link, valid for 24
 * hours, that leads to the erasure; the request itself stores nothing but rate-limit counters.
 * A failed email is not an error either (that, too, would only happen for a known address): its
 * slot is given back, so asking again works at once.
 */
export async function requestErasure(
  deps: PrivacyDeps,
  input: { email: string; language: Language },
  context: { ip?: string | undefined } = {},
): Promise<ErasureRequestOutcome> {
  const now = deps.clock.now();
  const { hasher, limiter } = deps.pledges;
  if (context.ip && (await limiter.hit(`erasure-ip:${hasher.ip(context.ip)}`, 3_600, now)) > ERASURE_REQUEST_LIMITS.requestsPerIpPerHour) {
    throw new AppError('rate_limited', 'Too many requests from your connection. Please wait an hour and try again.');
  }
  const answerAt = Date.now() + deps.answerFloorMs;
  const outcome = await emailTheLink(deps, input, now);
  const wait = answerAt - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  return outcome;
}

async function emailTheLink(deps: PrivacyDeps, input: { email: string; language: Language }, now: Date): Promise<ErasureRequestOutcome> {
  const { hasher, limiter, tokens, mailer, publicUrl } = deps.pledges;
  const email = normaliseEmail(input.email);
  const emailHash = hasher.email(email);
  if (!(await holdsPersonalData(deps, emailHash))) return 'nothing-held';
  if ((await limiter.hit(`erasure-email:${emailHash}`, 3_600, now)) > ERASURE_REQUEST_LIMITS.emailsPerAddressPerHour) return 'address-limited';
  const token = tokens.sign('erasure', subjectOf(input.language, emailHash), now, ERASURE_LINK_TTL_SECONDS);
  try {
    await mailer.send(erasureConfirmationEmail({ to: email, language: input.language, confirmUrl: `${publicUrl}/api/privacy/erasure?token=${token}` }));
    return 'emailed';
  } catch {
    await limiter.hit(`erasure-email:${emailHash}`, 3_600, now, -1).catch(() => undefined);
    return 'email-failed';
  }
}

/** What a confirmation link stands for, or an `invalid_token` / `expired_token` AppError. */
export function readErasureLink(deps: Pick<PrivacyDeps, 'pledges' | 'clock'>, token: string): ErasureLink {
  let subject: string;
  try {
    subject = deps.pledges.tokens.verify('erasure', token, deps.clock.now());
  } catch (error) {
    if (isAppError(error) && error.code === 'expired_token') {
      throw new AppError('expired_token', 'This link has expired (it works for 24 hours). Ask again on the privacy page to get a new one.', { fields: [{ field: 'token', message: 'expired' }] });
    }
    throw error;
  }
  const [language = '', emailHash = ''] = subject.split(':');
  if (!isLanguage(language) || !emailHash) throw new AppError('invalid_token', 'This link is not valid. Check that you copied all of it.', { fields: [{ field: 'token', message: 'invalid' }] });
  return { language, emailHash };
}

/** The person confirms from their email: everything of the address is erased. Pressing twice is harmless. */
export async function confirmErasure(deps: PrivacyDeps, token: string): Promise<{ link: ErasureLink; entry: ErasureLogEntry }> {
  const link = readErasureLink(deps, token);
  return { link, entry: await erasePersonalData(deps, { emailHash: link.emailHash, channel: 'email-link', by: 'self' }) };
}

/** An admin erases an address for a request received by post or phone; the log names the admin, never the address. */
export async function eraseForRequest(deps: PrivacyDeps, input: { email: string; reason?: string | undefined }, admin: string): Promise<ErasureLogEntry> {
  const emailHash = deps.pledges.hasher.email(normaliseEmail(input.email));
  return erasePersonalData(deps, { emailHash, channel: 'admin', by: admin, ...(input.reason ? { reason: input.reason } : {}) });
}
