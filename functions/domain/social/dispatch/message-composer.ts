import { chooseWording } from '../choose-variant.js';
import { campaignTagOf, composePost } from '../compose-post.js';
import { SocialError, type OutgoingPost } from '../ports.js';
import type { ConnectedAccount, Delivery, MessageVariant, SocialMessage } from '../social.js';
import type { PostComposer } from './ports.js';

export interface MessageComposerDeps {
  /** The message by id (the lead's repository). A message being sent no longer changes, so it is read once per process. */
  message(id: string): Promise<SocialMessage | undefined>;
  /** The media of a variant (the campaign's media kit: URL, alt text, type); none when absent. */
  media?(message: SocialMessage, variant: MessageVariant): Promise<OutgoingPost['media']>;
}

/**
 * A `PostComposer` from the message itself: the variant for the account's platform in the
 * target's language (else English), the wording chosen for the account (`chooseWording`: stable
 * per account, so a look after an unanswered attempt looks for the same text), the hashtags and
 * the tagged link (`composePost`), and the delivery's clientRef.
 */
export function messageComposer(deps: MessageComposerDeps): PostComposer {
  const messages = new Map<string, Promise<SocialMessage | undefined>>();
  const messageOf = (id: string) => {
    let message = messages.get(id);
    if (!message) {
      message = deps.message(id);
      messages.set(id, message);
      // A failed read is not remembered: the next attempt reads again.
      message.catch(() => messages.delete(id));
    }
    return message;
  };
  return {
    async postFor(delivery: Delivery, account: ConnectedAccount): Promise<OutgoingPost> {
      const message = await messageOf(delivery.messageId);
      if (!message) throw new SocialError('rejected', 'the message no longer exists');
      const variant =
        message.variants.find((v) => v.platform === account.platform && v.language === delivery.target.language) ??
        message.variants.find((v) => v.platform === account.platform && v.language === 'en');
      if (!variant) throw new SocialError('rejected', `the message has no ${account.platform} variant in ${delivery.target.language} or English`);
      const text = composePost(variant, { text: chooseWording(variant, account.id, account.owner), campaignTag: campaignTagOf(message), source: account.platform });
      return { text, media: deps.media ? await deps.media(message, variant) : [], clientRef: delivery.clientRef };
    },
  };
}
