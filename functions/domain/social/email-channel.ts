import type { OutgoingEmail, PledgeStore, TokenSigner } from '../pledges/ports.js';
import type { Clock } from '../shared/clock.js';
import type { Language } from '../shared/languages.js';
import type { DispatchAccount, EmailChannel } from './dispatch/ports.js';
import { whyNotMailable } from './email-targets.js';
import { NETWORK_NAMES } from './lend-emails.js';
import { postTextFor } from './lend-preview.js';
import { revokePageUrl } from './lend-service.js';
import { SocialError, type TokenBox } from './ports.js';
import { shareLinkEmail } from './share-link-emails.js';
import type { Delivery, SocialMessage } from './social.js';
import { updateEmail } from './update-emails.js';

/**
 * Sends one email and says which: SES's message id. Errors are `SocialError`s meaning what they
 * mean for a post (functions/domain/social/ports.ts): `rate_limited` (with `retryAfterMs`) and
 * `unavailable` were refused before sending; `uncertain` may have sent; `rejected` will never send.
 */
export interface TrackedMailer {
  /** `clientRef`: the delivery's stable reference, attached to the email for whoever traces it. */
  send(email: OutgoingEmail, clientRef: string): Promise<{ id: string }>;
}

export interface MessageEmailDeps {
  /** The pledger, read again at send time (consistently): they may have unsubscribed since the fan-out. */
  pledges: Pick<PledgeStore, 'get'>;
  /** The message by id (a message being sent no longer changes: read once per process). */
  message(id: string): Promise<SocialMessage | undefined>;
  mailer: TrackedMailer;
  /**
   * Signs the pledger's unsubscribe link and the supporter's revoke link, with the key the API
   * verifies them with. Asked for at each email: on AWS it is derived from the app secret, read
   * at the first email (a failure there is `unavailable`, and asked again next time).
   */
  signer(): Promise<Pick<TokenSigner, 'sign'>>;
  /** Opens a share-only supporter's sealed email. */
  tokenBox: Pick<TokenBox, 'open'>;
  clock: Clock;
  /** Absolute URL of the public site and API (same origin). */
  publicUrl: string;
  /** The campaign's page in a language, for a message variant without a link of its own. */
  campaignUrl(campaignYear: number, language: Language): string;
}

/**
 * The dispatcher's email channel: the message to an opted-in pledger (`send`), and a
 * share-only supporter's share link (`sendShareLink`). What goes into the email is read and
 * composed before the mail service is called; a failure there (the table unreachable) is
 * `unavailable`, so the dispatcher retries it, never taking it for an email that may have gone.
 *
 * `wasSent` is not offered: SES has no way to ask whether an email went out (only its event
 * stream says so), so an attempt that had no answer is not sent again.
 */
export function messageEmailChannel(deps: MessageEmailDeps): Required<Pick<EmailChannel, 'send' | 'sendShareLink'>> {
  const messageOf = remembered(deps.message);
  const read = async (id: string): Promise<SocialMessage> => {
    const message = await messageOf(id);
    if (!message) throw new SocialError('rejected', 'the message no longer exists');
    return message;
  };

  return {
    async send(delivery: Delivery) {
      const prepared = await preparing(async (): Promise<{ skipped: string } | { email: OutgoingEmail }> => {
        const pledge = await deps.pledges.get(delivery.target.id);
        const why = whyNotMailable(pledge);
        if (why) return { skipped: why };
        const message = await read(delivery.messageId);
        const now = deps.clock.now();
        const tokens = await deps.signer();
        const email = updateEmail({
          to: pledge!.email!,
          language: pledge!.language,
          message,
          campaignUrl: deps.campaignUrl(message.campaignYear, pledge!.language),
          unsubscribeUrl: `${deps.publicUrl}/api/pledges/unsubscribe?token=${tokens.sign('unsubscribe', pledge!.id, now)}`,
        });
        if (!email) throw new SocialError('rejected', `the message has no wording in ${pledge!.language} or English`);
        return { email };
      });
      if ('skipped' in prepared) return prepared;
      return deps.mailer.send(prepared.email, delivery.clientRef);
    },

    async sendShareLink(delivery: Delivery, account: DispatchAccount) {
      const email = await preparing(async () => {
        const network = NETWORK_NAMES[account.platform];
        if (!account.sealedEmail) throw new SocialError('rejected', 'the supporter left no email to send the share link to');
        const message = await read(delivery.messageId);
        const post = postTextFor(message, account);
        if (!post) throw new SocialError('rejected', `the message has no ${network} wording in ${account.language} or English`);
        if (!post.shareUrl) throw new SocialError('rejected', `the ${network} wording has no link, and ${network}'s share page takes only a link`);
        const revokeToken = (await deps.signer()).sign('revoke-social', account.id, deps.clock.now());
        return shareLinkEmail({
          to: await deps.tokenBox.open(account.sealedEmail),
          language: account.language,
          campaignYear: message.campaignYear,
          platform: account.platform,
          text: post.text,
          textLanguage: post.language,
          shareUrl: post.shareUrl,
          revokeUrl: revokePageUrl(deps, revokeToken),
        });
      });
      return deps.mailer.send(email, delivery.clientRef);
    },
  };
}

/** Reading and composing sends nothing: whatever fails there fails before the mail service is asked. */
async function preparing<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof SocialError) throw error;
    throw new SocialError('unavailable', `the email could not be prepared: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** A lookup whose answers are kept for the process (a failed one is asked again next time). */
function remembered<T>(lookup: (id: string) => Promise<T>): (id: string) => Promise<T> {
  const answers = new Map<string, Promise<T>>();
  return (id) => {
    let answer = answers.get(id);
    if (!answer) {
      answer = lookup(id);
      answers.set(id, answer);
      answer.catch(() => answers.delete(id));
    }
    return answer;
  };
}
