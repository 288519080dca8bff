import type { Hasher, Mailer, RateLimiter, TokenSigner } from '../pledges/ports.js';
import type { Clock } from '../shared/clock.js';
import { AppError } from '../shared/errors.js';
import type { Language } from '../shared/languages.js';
import { lendableMessage, previewFor, type LendPreview } from './lend-preview.js';
import { NETWORK_NAMES } from './lend-emails.js';
import type { MessageRepository, SocialNetwork, SupporterAccountStore, TokenBox } from './ports.js';
import type { Platform, SocialMessage } from './social.js';

/** The social networks a deployment can call, by platform: real adapters where configured, the sandbox locally. */
export type SocialNetworks = Partial<Record<Platform, SocialNetwork>>;

export interface LendPolicy {
  /** Lendings per IP: each one calls a network on the supporter's behalf. */
  perIp: { burst: number; burstWindowSeconds: number; sustained: number; sustainedWindowSeconds: number };
  /** Confirmation emails per address and window (more lendings than that are still made; only the email waits). */
  emailsPerAddress: { perWindow: number; windowSeconds: number };
  /** Longest wait for the network to check a credential. */
  verifyTimeoutMs: number;
}

export const DEFAULT_LEND_POLICY: LendPolicy = {
  perIp: { burst: 5, burstWindowSeconds: 60, sustained: 30, sustainedWindowSeconds: 3_600 },
  emailsPerAddress: { perWindow: 3, windowSeconds: 3_600 },
  verifyTimeoutMs: 20_000,
};

/** Everything "Lend your voice" needs, wired once in the composition root. */
export interface LendDeps {
  accounts: SupporterAccountStore;
  messages: MessageRepository;
  networks: SocialNetworks;
  /** Seals credentials and supporters' emails (KMS on AWS, a local key with `npm start`). */
  tokenBox: TokenBox;
  /** Signs the revoke link (purpose `revoke-social`). */
  tokens: TokenSigner;
  hasher: Hasher;
  limiter: RateLimiter;
  mailer: Mailer;
  clock: Clock;
  /** A stable id from an account's key (`accountKeyOf`): one account however often it is lent. */
  accountIdOf: (key: string) => string;
  policy: LendPolicy;
  /** Absolute URL of the public site and API (same origin). */
  publicUrl: string;
}

export const noMessageYet = (year: number) =>
  new AppError('not_found', `There is no message to lend your voice to yet for World Day ${year}. Come back once the campaign's message is approved.`);

export const noWordingFor = (platform: Platform) =>
  new AppError('not_found', `The campaign's message has no wording for ${NETWORK_NAMES[platform]} yet. Choose another network, or come back later.`);

/** The message supporters of `year` lend their voice to now, or a 404 a person can read. */
export async function messageToLend(deps: Pick<LendDeps, 'messages' | 'clock'>, year: number): Promise<SocialMessage> {
  const message = lendableMessage(await deps.messages.listByCampaign(year), deps.clock.now());
  if (!message) throw noMessageYet(year);
  return message;
}

/** The preview for a platform and language, or a 404 when the message has no wording for the platform. */
export function previewOrThrow(message: SocialMessage, language: Language, platform: Platform, accountId?: string, timeZone?: string): LendPreview {
  const preview = previewFor(message, language, platform, accountId, timeZone ? { timeZone } : {});
  if (!preview) throw noWordingFor(platform);
  return preview;
}

/** The revoke page a supporter's link opens (a page with a button: a GET never revokes). */
export const revokePageUrl = (deps: Pick<LendDeps, 'publicUrl'>, token: string): string => `${deps.publicUrl}/api/social/accounts/revoke?token=${token}`;
