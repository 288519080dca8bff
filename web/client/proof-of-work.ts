import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/pbkdf2';
import type { Challenge } from 'altcha-lib/types';
import { API } from '../site/paths.js';

/** A solved ALTCHA v2 challenge: the `altcha` field value, and when the server stops taking it. */
export interface Proof {
  payload: string;
  /** Epoch milliseconds, if the challenge expires. */
  expiresAt: number | undefined;
}

/** Base64 of UTF-8 (btoa alone only takes Latin-1). */
function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * Fetches a challenge from the API and solves it with Web Crypto PBKDF2 (ALTCHA v2,
 * 'PBKDF2/SHA-256'). Resolves undefined on any failure: the proof is a bonus, never a gate.
 * Web Crypto exists only in secure contexts (https, localhost).
 */
export async function solveProofOfWork(signal: AbortSignal): Promise<Proof | undefined> {
  if (!globalThis.crypto?.subtle) return undefined;
  try {
    const response = await fetch(API.challenge, { headers: { accept: 'application/json' }, signal });
    if (!response.ok) return undefined;
    const challenge = (await response.json()) as Challenge;
    if (!challenge?.parameters?.algorithm) return undefined;
    const controller = new AbortController();
    signal.addEventListener('abort', () => controller.abort());
    const solution = await solveChallenge({ challenge, deriveKey, controller });
    if (!solution) return undefined;
    const { parameters, signature } = challenge;
    return {
      payload: base64(JSON.stringify({ challenge: { parameters, signature }, solution })),
      expiresAt: localExpiry(parameters, response.headers.get('date')),
    };
  } catch {
    return undefined;
  }
}

/**
 * When the challenge expires, on this device's clock. The API signs its expiry into
 * `data.expires` (its own clock; altcha's `expiresAt` is honoured too), and the answer's Date
 * header tells how far this device's clock is from the server's.
 */
function localExpiry(parameters: Challenge['parameters'], serverDate: string | null): number | undefined {
  const expires = Number(parameters.data?.expires ?? parameters.expiresAt);
  if (!Number.isFinite(expires) || expires <= 0) return undefined;
  const serverNow = serverDate ? Date.parse(serverDate) : Number.NaN;
  const skew = Number.isFinite(serverNow) ? serverNow - Date.now() : 0;
  return expires * 1000 - skew;
}

/** A proof still worth sending: an expired one would read as a forged one. */
export const isFresh = (proof: Proof | undefined, now = Date.now()): proof is Proof =>
  !!proof && (proof.expiresAt === undefined || proof.expiresAt - 30_000 > now);
