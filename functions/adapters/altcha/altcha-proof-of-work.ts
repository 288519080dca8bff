import { createChallenge, randomInt, verifySolution, type Challenge, type Solution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import type { ChallengeResult, ProofOfWork } from '../../domain/pledges/ports.js';

export interface ProofOfWorkSettings {
  /** PBKDF2 iterations per attempt. */
  cost: number;
  /** The solution counter is drawn from this range: the expected work is about its middle. */
  counterRange: [number, number];
  lifetimeSeconds: number;
}

/** About a second on a mid-range phone; a bot sending thousands pays for each one. */
export const DEFAULT_PROOF_OF_WORK: ProofOfWorkSettings = { cost: 500, counterRange: [500, 2_500], lifetimeSeconds: 600 };

interface SpentRegistry {
  spend(value: string, until: Date, now: Date): Promise<boolean>;
}

/**
 * ALTCHA (altcha-lib, PoW v2): a self-hosted proof of work instead of a third-party CAPTCHA.
 * Challenges are HMAC-signed and expire; each solved challenge is accepted once.
 */
export class AltchaProofOfWork implements ProofOfWork {
  constructor(
    private readonly secret: string,
    private readonly spent: SpentRegistry,
    private readonly settings: ProofOfWorkSettings = DEFAULT_PROOF_OF_WORK,
  ) {}

  createChallenge(now: Date): Promise<Challenge> {
    const [low, high] = this.settings.counterRange;
    return createChallenge({
      algorithm: 'PBKDF2/SHA-256',
      cost: this.settings.cost,
      counter: randomInt(high - low) + low,
      deriveKey,
      // Expiry lives in the signed `data` rather than altcha's `expiresAt`, which altcha checks
      // against the system clock: this way it follows the platform's clock, as every expiry does.
      data: { expires: Math.floor(now.getTime() / 1000) + this.settings.lifetimeSeconds },
      hmacSignatureSecret: this.secret,
      hmacKeySignatureSecret: this.secret,
    });
  }

  async verify(payload: string | undefined, now: Date): Promise<ChallengeResult> {
    if (!payload) return 'missing';
    let parsed: { challenge?: Challenge; solution?: Solution };
    try {
      parsed = JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));
    } catch {
      return 'invalid';
    }
    if (!parsed.challenge?.signature || !parsed.solution) return 'invalid';
    const expires = Number(parsed.challenge.parameters?.data?.expires);
    if (!(expires * 1000 > now.getTime())) return 'invalid';
    try {
      const result = await verifySolution({
        challenge: parsed.challenge,
        solution: parsed.solution,
        deriveKey,
        hmacSignatureSecret: this.secret,
        hmacKeySignatureSecret: this.secret,
      });
      if (!result.verified) return 'invalid';
    } catch {
      return 'invalid';
    }
    return (await this.spent.spend(parsed.challenge.signature, new Date(expires * 1000), now)) ? 'valid' : 'invalid';
  }
}
