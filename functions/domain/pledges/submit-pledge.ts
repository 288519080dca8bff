import { AppError, isAppError } from '../shared/errors.js';
import type { Language } from '../shared/languages.js';
import { findChapter } from '../chapters/chapters.js';
import { checkAbuse, mayEmailAddress, releaseEmailSlot } from './abuse-policy.js';
import { emailDomainOf, isCounted, normaliseEmail, type Pledge } from './pledge.js';
import { CONFIRMATION_TTL_SECONDS, type PledgeDeps } from './pledge-service.js';
import { confirmationEmail } from './pledge-emails.js';

export interface PledgeInput {
  name: string;
  email: string;
  country: string;
  language: Language;
  showOnWall: boolean;
  wantsUpdates: boolean;
  organisation?: string | undefined;
  chapter?: string | undefined;
}

export interface SubmissionContext {
  ip?: string | undefined;
  /** The ALTCHA payload, when the browser solved the challenge. */
  proofOfWork?: string | undefined;
  /** The honeypot field: people never see it, so never fill it. */
  honeypot?: string | undefined;
}

/**
 * A visitor pledges. The answer is the same whatever happens here (pending, a repeat, a
 * suspect, a bot caught by the honeypot), so an attacker learns nothing from it.
 */
export async function submitPledge(deps: PledgeDeps, input: PledgeInput, context: SubmissionContext): Promise<void> {
  if (context.honeypot) return;
  if (input.chapter && !findChapter(input.chapter)) {
    throw new AppError('validation_failed', 'There is no chapter with that name.', {
      fields: [{ field: 'chapter', message: `unknown chapter "${input.chapter}"` }],
    });
  }
  const now = deps.clock.now();
  const email = normaliseEmail(input.email);
  const emailHash = deps.hasher.email(email);
  const emailDomain = emailDomainOf(email);
  const ipHash = context.ip ? deps.hasher.ip(context.ip) : undefined;
  const proof = await deps.proofOfWork.verify(context.proofOfWork, now);
  const suspectReasons = await checkAbuse(deps.limiter, deps.policy, { emailHash, emailDomain, ipHash, proof }, now);

  const details = {
    name: input.name.trim(),
    email,
    country: input.country,
    language: input.language,
    showOnWall: input.showOnWall,
    wantsUpdates: input.wantsUpdates,
    organisation: input.organisation?.trim() || undefined,
    chapter: input.chapter,
    emailDomain,
    ipHash,
  };

  for (let attempt = 0; attempt < 3; attempt++) {
    const existing = await deps.store.findByEmailHash(emailHash);
    // A confirmed address never counts twice; there is nothing more to do or say.
    if (existing?.status === 'confirmed') return;
    let pledge: Pledge;
    try {
      if (existing) {
        // Still pending: the latest details win, and any suspicion sticks. Erased before it was
        // confirmed, it holds the new details as a new pledge would: it is erased no longer.
        const reasons = [...new Set([...existing.suspectReasons, ...suspectReasons])];
        const { erasedAt: _erasedAt, ...kept } = existing;
        pledge = {
          ...kept,
          ...details,
          review: existing.review === 'invalidated' ? 'invalidated' : reasons.length > 0 ? 'suspect' : existing.review,
          suspectReasons: reasons,
          version: existing.version + 1,
        };
        pledge.counted = isCounted(pledge);
        await deps.store.save(existing, pledge);
      } else {
        pledge = {
          id: deps.newId(),
          status: 'pending',
          review: suspectReasons.length > 0 ? 'suspect' : 'ok',
          counted: false,
          suspectReasons,
          hiddenFromWall: false,
          emailHash,
          createdAt: now.toISOString(),
          version: 1,
          ...details,
        };
        await deps.store.create(pledge);
      }
    } catch (error) {
      // Someone else claimed or changed this address in the meantime: read again.
      if (isAppError(error) && error.code === 'conflict') continue;
      throw error;
    }
    deps.metrics?.count('PledgeSubmitted');
    if (await mayEmailAddress(deps.limiter, deps.policy, emailHash, now)) {
      try {
        await sendConfirmation(deps, pledge, now);
      } catch (error) {
        // The pledge is stored and pending; the visitor is told to try again, and may at once.
        await releaseEmailSlot(deps.limiter, deps.policy, emailHash, now);
        throw error;
      }
    }
    return;
  }
  throw new AppError('unavailable', 'Too many pledges for this address at once; please try again.', { retryable: true });
}

/** Suspect pledges get the same email as everyone else: the sender must not be able to tell. */
export async function sendConfirmation(deps: PledgeDeps, pledge: Pledge, now: Date): Promise<void> {
  if (!pledge.email || !pledge.name) return;
  const link = (path: string, purpose: 'confirm' | 'unsubscribe' | 'erase', ttl?: number) =>
    `${deps.publicUrl}/api/pledges/${path}?token=${deps.tokens.sign(purpose, pledge.id, now, ttl)}`;
  await deps.mailer.send(
    confirmationEmail({
      to: pledge.email,
      name: pledge.name,
      language: pledge.language,
      confirmUrl: link('confirm', 'confirm', CONFIRMATION_TTL_SECONDS),
      unsubscribeUrl: link('unsubscribe', 'unsubscribe'),
      eraseUrl: link('erase', 'erase'),
    }),
  );
}
