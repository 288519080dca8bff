import type { ChallengeResult, RateLimiter } from './ports.js';

/**
 * Abuse controls with no third-party service, after alphagov/e-petitions: count submissions per
 * address, per IP and per email domain over a short burst window and a longer sustained window.
 * Tripping a limit never changes the answer the sender gets; the pledge is marked suspect and is
 * not counted until a manager restores it.
 */
export interface Limit {
  burst: number;
  sustained: number;
}

export interface AbusePolicy {
  burstWindowSeconds: number;
  sustainedWindowSeconds: number;
  perAddress: Limit;
  perIp: Limit;
  /** Without a solved proof-of-work (e.g. a form posted without JavaScript) the IP limit is tighter. */
  perIpWithoutProof: Limit;
  perDomain: Limit;
  /** Large webmail providers are shared by millions: a per-domain limit would only hit real people. */
  sharedDomains: ReadonlySet<string>;
  /** Confirmation emails to one address. */
  confirmationEmails: { perWindow: number; windowSeconds: number };
}

export const DEFAULT_ABUSE_POLICY: AbusePolicy = {
  burstWindowSeconds: 60,
  sustainedWindowSeconds: 3_600,
  perAddress: { burst: 3, sustained: 10 },
  perIp: { burst: 20, sustained: 200 },
  perIpWithoutProof: { burst: 5, sustained: 50 },
  perDomain: { burst: 30, sustained: 600 },
  sharedDomains: new Set([
    'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'yahoo.com',
    'yahoo.fr', 'yahoo.es', 'icloud.com', 'me.com', 'aol.com', 'proton.me', 'protonmail.com',
    'gmx.de', 'gmx.net', 'web.de', 'orange.fr', 'free.fr', 'laposte.net', 'qq.com', '163.com',
    '126.com', 'yandex.ru', 'mail.ru', 'bk.ru', 'rambler.ru', 'uol.com.br', 'bol.com.br',
    'terra.com.br', 'hotmail.es', 'hotmail.fr', 'outlook.es', 'prodigy.net.mx',
  ]),
  confirmationEmails: { perWindow: 1, windowSeconds: 600 },
};

export interface SubmissionFingerprint {
  emailHash: string;
  emailDomain: string;
  ipHash?: string;
  proof: ChallengeResult;
}

/** Counts this submission in every window and returns the names of the rules it broke. */
export async function checkAbuse(
  limiter: RateLimiter,
  policy: AbusePolicy,
  submission: SubmissionFingerprint,
  now: Date,
): Promise<string[]> {
  const checks: Array<{ rule: string; key: string; limit: Limit }> = [
    { rule: 'address', key: `address:${submission.emailHash}`, limit: policy.perAddress },
  ];
  if (submission.ipHash) {
    const ipLimit = submission.proof === 'valid' ? policy.perIp : policy.perIpWithoutProof;
    checks.push({ rule: 'ip', key: `ip:${submission.ipHash}`, limit: ipLimit });
  }
  if (!policy.sharedDomains.has(submission.emailDomain)) {
    checks.push({ rule: 'domain', key: `domain:${submission.emailDomain}`, limit: policy.perDomain });
  }
  const windows = [
    { name: 'burst', seconds: policy.burstWindowSeconds, pick: (l: Limit) => l.burst },
    { name: 'sustained', seconds: policy.sustainedWindowSeconds, pick: (l: Limit) => l.sustained },
  ] as const;
  const results = await Promise.all(
    checks.flatMap((check) =>
      windows.map(async (window) => {
        const count = await limiter.hit(`pledge:${check.key}:${window.name}`, window.seconds, now);
        return count > window.pick(check.limit) ? `${check.rule}-${window.name}` : undefined;
      }),
    ),
  );
  const reasons = results.filter((reason): reason is string => reason !== undefined);
  // A forged or replayed proof is a signal in itself, not just a missing one.
  if (submission.proof === 'invalid') reasons.push('proof-of-work-invalid');
  return reasons;
}

const emailKey = (emailHash: string) => `confirmation-email:${emailHash}`;

/** Takes a slot for a confirmation email to this address; false when none is left in the window. */
export async function mayEmailAddress(
  limiter: RateLimiter,
  policy: AbusePolicy,
  emailHash: string,
  now: Date,
): Promise<boolean> {
  const { perWindow, windowSeconds } = policy.confirmationEmails;
  const count = await limiter.hit(emailKey(emailHash), windowSeconds, now);
  return count <= perWindow;
}

/** Gives the slot back when the email could not be sent, so the pledger can try again at once. */
export async function releaseEmailSlot(limiter: RateLimiter, policy: AbusePolicy, emailHash: string, now: Date): Promise<void> {
  await limiter.hit(emailKey(emailHash), policy.confirmationEmails.windowSeconds, now, -1);
}
