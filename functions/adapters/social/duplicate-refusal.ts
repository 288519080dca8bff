import { SocialError, type PublishedPost } from '../../domain/social/ports.js';

/**
 * X, Facebook and LinkedIn take no idempotency key, but each refuses a post whose text the
 * account has just posted (X: 403 "duplicate content"; Facebook: error 506; LinkedIn: 422
 * DUPLICATE_POST). After an attempt that had no answer, that refusal is the platform saying the
 * post exists: it is looked for among the account's latest posts and returned as this delivery's
 * post. If the look does not find it (it is older than the look reaches, or the platform's list
 * lags behind) or fails, nobody can say whether this delivery posted: `uncertain`, so the next
 * attempt looks again before posting, and the report says so if it never settles.
 */
export async function postRefusedAsDuplicate(network: string, said: string, look: () => Promise<PublishedPost | undefined>): Promise<PublishedPost> {
  let found: PublishedPost | undefined;
  try {
    found = await look();
  } catch (error) {
    throw new SocialError('uncertain', `${network} refused the post as a duplicate (${said}), and the look for it failed: ${(error as Error).message}`, { cause: error });
  }
  if (found) return found;
  throw new SocialError('uncertain', `${network} refused the post as a duplicate (${said}), but it is not among the account's latest posts`);
}
