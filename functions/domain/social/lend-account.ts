import { normaliseEmail } from '../pledges/pledge.js';
import { AppError } from '../shared/errors.js';
import type { Language } from '../shared/languages.js';
import { lendingEmail, NETWORK_NAMES } from './lend-emails.js';
import { checkAndSealCredential } from './check-credential.js';
import { accountKeyOf, normaliseAccountName } from './lend-handles.js';
import type { LendPreview } from './lend-preview.js';
import { messageToLend, previewOrThrow, revokePageUrl, type LendDeps } from './lend-service.js';
import { PLATFORM_RULES } from './platform-rules.js';
import type { LentAccount } from './ports.js';
import type { Platform } from './social.js';

export interface LendInput {
  campaignYear: number;
  platform: Platform;
  /** Optional for share-link networks (shown back to the supporter only). */
  handle?: string | undefined;
  /** Mastodon instance, or a self-hosted Bluesky PDS. */
  server?: string | undefined;
  /** App password (Bluesky) or access token (Mastodon). Never for share-link networks. Never logged. */
  secret?: string | undefined;
  language: Language;
  timeZone: string;
  /** Where the revoke link goes; required for share-link networks (the link at the moment goes there too). */
  email?: string | undefined;
  /** The supporter ticked "post this from my account": the route refuses the request without it. */
  consent: true;
}

export interface LendContext {
  ip?: string | undefined;
}

export interface LendResult {
  account: Pick<LentAccount, 'id' | 'platform' | 'handle' | 'followers' | 'language' | 'timeZone' | 'status' | 'campaignYear'> & { shareOnly: boolean };
  /** The exact post (or share text) the supporter agreed to. */
  preview: LendPreview;
  /** Signed, never expires: revokes this account's lending (POST /api/social/accounts/revoke). */
  revokeToken: string;
  /** The page with the revoke button, as emailed. */
  revokeUrl: string;
  /** Whether the confirmation with the revoke link was emailed (false without an email, or when it could not be sent now). */
  emailSent: boolean;
}

const fieldError = (field: string, message: string, summary?: string) =>
  new AppError('validation_failed', summary ?? `Please check the form: ${field} ${message}.`, { fields: [{ field, message }] });

/**
 * A supporter lends an account for a campaign's message. For networks that post through their
 * API (Mastodon, Bluesky): the credential is checked by asking the network for the account's
 * followers (the expected reach), sealed with the TokenBox, and stored; a refused credential is
 * a 400 on `secret`. For networks that forbid posting on others' behalf (X, Threads, LinkedIn,
 * Facebook): no credential at all; the supporter's email (sealed) receives a pre-filled share
 * link at the moment. Lending the same account again replaces the earlier lending (one account,
 * one post). The supporter must have seen the message: the preview they agreed to is recorded
 * with the account, and returned.
 */
export async function lendAccount(deps: LendDeps, input: LendInput, context: LendContext = {}): Promise<LendResult> {
  const now = deps.clock.now();
  const rule = PLATFORM_RULES[input.platform];
  const shareOnly = rule.supporterPosting === 'share-link';
  const network = deps.networks[input.platform];
  const email = input.email?.trim() ? normaliseEmail(input.email) : undefined;

  if (shareOnly && input.secret) {
    throw fieldError('secret', `must not be given: ${NETWORK_NAMES[input.platform]} does not let anyone post for you, so we email you a ready-to-post link instead`);
  }
  if (shareOnly && !email) {
    throw fieldError('email', `is required: at the moment we email you a link that opens ${NETWORK_NAMES[input.platform]} with the message ready`);
  }
  if (!shareOnly && !input.secret) throw fieldError('secret', 'is required');
  if (!shareOnly && !network) throw fieldError('platform', `cannot be lent on this site yet: ${NETWORK_NAMES[input.platform]} is not connected`);
  const named = normaliseAccountName(input.platform, input.handle, input.server);
  if (!named.ok) {
    throw new AppError('validation_failed', `Please check the form: ${named.issues.map((i) => `${i.field} ${i.message}`).join('; ')}.`, { fields: named.issues });
  }

  await limitLendings(deps, context.ip, now);
  const message = await messageToLend(deps, input.campaignYear);

  const ownerKey = email ? deps.hasher.email(email) : undefined;
  const id = deps.accountIdOf(accountKeyOf(input.campaignYear, input.platform, named.name, ownerKey));
  const preview = previewOrThrow(message, input.language, input.platform, id, input.timeZone);
  const { followers, encryptedToken, maxCharacters } = shareOnly ? { followers: 0, encryptedToken: '', maxCharacters: undefined } : await checkAndSealCredential(deps, network!, named.name, input.secret!);

  const account: LentAccount = {
    id,
    owner: 'supporter',
    platform: input.platform,
    handle: named.name.handle,
    ...(named.name.server ? { server: named.name.server } : {}),
    followers,
    ...(maxCharacters ? { maxCharacters } : {}),
    language: input.language,
    timeZone: input.timeZone,
    encryptedToken,
    campaignYear: input.campaignYear,
    connectedAt: now.toISOString(),
    status: 'active',
    ...(ownerKey ? { ownerKey } : {}),
    ...(shareOnly ? { shareOnly: true } : {}),
    ...(email ? { sealedEmail: await deps.tokenBox.seal(email) } : {}),
    consent: { messageId: message.id, messageVersion: message.version, at: now.toISOString() },
  };
  await deps.accounts.save(account);

  const revokeToken = deps.tokens.sign('revoke-social', id, now);
  const revokeUrl = revokePageUrl(deps, revokeToken);
  const emailSent = email ? await sendConfirmation(deps, { email, ownerKey: ownerKey!, account, preview, revokeUrl }, now) : false;
  return {
    account: {
      id,
      platform: account.platform,
      handle: account.handle,
      followers,
      language: account.language,
      timeZone: account.timeZone,
      status: account.status,
      campaignYear: input.campaignYear,
      shareOnly,
    },
    preview,
    revokeToken,
    revokeUrl,
    emailSent,
  };
}

/** Every lending calls a network for someone: an IP gets a few a minute and a few dozen an hour. */
async function limitLendings(deps: LendDeps, ip: string | undefined, now: Date): Promise<void> {
  if (!ip) return;
  const { perIp } = deps.policy;
  const key = `lend-ip:${deps.hasher.ip(ip)}`;
  const [burst, sustained] = await Promise.all([
    deps.limiter.hit(`${key}:burst`, perIp.burstWindowSeconds, now),
    deps.limiter.hit(`${key}:sustained`, perIp.sustainedWindowSeconds, now),
  ]);
  if (burst > perIp.burst || sustained > perIp.sustained) {
    throw new AppError('rate_limited', 'Too many accounts were lent from your network just now. Please try again in an hour.');
  }
}

async function sendConfirmation(
  deps: LendDeps,
  input: { email: string; ownerKey: string; account: LentAccount; preview: LendPreview; revokeUrl: string },
  now: Date,
): Promise<boolean> {
  const { perWindow, windowSeconds } = deps.policy.emailsPerAddress;
  if ((await deps.limiter.hit(`lend-email:${input.ownerKey}`, windowSeconds, now)) > perWindow) return false;
  try {
    await deps.mailer.send(
      lendingEmail({
        to: input.email,
        language: input.account.language,
        campaignYear: input.account.campaignYear!,
        platform: input.account.platform,
        handle: input.account.handle,
        shareOnly: input.account.shareOnly === true,
        text: input.preview.text,
        revokeUrl: input.revokeUrl,
      }),
    );
    return true;
  } catch {
    // The account is lent; the answer carries the revoke link, and the page shows it.
    await deps.limiter.hit(`lend-email:${input.ownerKey}`, windowSeconds, now, -1).catch(() => undefined);
    return false;
  }
}

/**
 * The post a supporter would send, before they agree: the campaign's current message for their
 * platform and language, with the wording chosen for the account their handle names.
 */
export async function lendingPreview(
  deps: LendDeps,
  input: { campaignYear: number; platform: Platform; language: Language; handle?: string | undefined; server?: string | undefined; timeZone?: string | undefined },
): Promise<LendPreview> {
  const message = await messageToLend(deps, input.campaignYear);
  const named = input.handle ? normaliseAccountName(input.platform, input.handle, input.server) : undefined;
  const id =
    named?.ok && PLATFORM_RULES[input.platform].supporterPosting === 'api'
      ? deps.accountIdOf(accountKeyOf(input.campaignYear, input.platform, named.name, undefined))
      : undefined;
  return previewOrThrow(message, input.language, input.platform, id, input.timeZone);
}
