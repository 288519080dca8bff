import type { MediaItem } from '../../campaigns/campaign.js';
import { campaignTagOf, composePost } from '../compose-post.js';
import { wordingFor } from '../instance-limits.js';
import { postMedia } from '../message-media.js';
import { SocialError, type OutgoingPost } from '../ports.js';
import type { ConnectedAccount, Delivery, MessageVariant, SocialMessage } from '../social.js';
import type { PostComposer } from './ports.js';

export interface MessageComposerDeps {
  /** The message by id (the lead's repository). A message being sent no longer changes, so it is read once per process. */
  message(id: string): Promise<SocialMessage | undefined>;
  /** The media of a variant (the campaign's media kit: URL, alt text, type); none when absent. */
  media?(message: SocialMessage, variant: MessageVariant): Promise<OutgoingPost['media']>;
}

/** Where a message's media come from: its campaign's media kit, and the address the networks fetch each file from. */
export interface MediaKitSource {
  /** The items a message of the campaign may use (`mediaKitOf` its record). */
  kit(campaignYear: number): Promise<readonly MediaItem[]>;
  /** The file's absolute URL, e.g. `https://blueheart.example.org/media/2026/blue-heart-1a2b.png`. */
  url(campaignYear: number, item: MediaItem): string;
}

/** One read per key and process, shared by the attempts that ask at once; a failed read is not remembered (the next attempt reads again). */
function remembered<T>(): (key: string, read: () => Promise<T>) => Promise<T> {
  const known = new Map<string, Promise<T>>();
  return (key, read) => {
    let value = known.get(key);
    if (!value) {
      value = read();
      known.set(key, value);
      value.catch(() => known.delete(key));
    }
    return value;
  };
}

/**
 * `MessageComposerDeps.media` from the campaign's media kit: each media id of the variant as
 * `postMedia` builds it (absolute URL, the alt text settled when the message was saved, type),
 * in the variant's order. The kit is read once per message and process, so every delivery of a
 * message gets the same media. An id the kit no longer has fails the post as `rejected`: posting
 * without the image that was approved would be posting something else.
 */
export function mediaFromKit(source: MediaKitSource): NonNullable<MessageComposerDeps['media']> {
  const kitOf = remembered<readonly MediaItem[]>();
  return async (message, variant) => {
    if (variant.mediaIds.length === 0) return [];
    const kit = await kitOf(message.id, () => source.kit(message.campaignYear));
    const { media, missing } = postMedia(variant, kit, (item) => source.url(message.campaignYear, item));
    if (missing.length) throw new SocialError('rejected', `the ${message.campaignYear} media kit no longer has ${missing.join(', ')}`);
    return media;
  };
}

/**
 * A `PostComposer` from the message itself: the variant for the account's platform in the
 * target's language (else English), the wording chosen for the account (`wordingFor`: stable
 * per account, so a look after an unanswered attempt looks for the same text; on a Mastodon
 * instance with a lower limit, one that fits it, or a `rejected` saying none does), the hashtags and
 * the tagged link (`composePost`), the media (`deps.media`), and the delivery's clientRef.
 */
export function messageComposer(deps: MessageComposerDeps): PostComposer {
  const remember = remembered<SocialMessage | undefined>();
  const messageOf = (id: string) => remember(id, () => deps.message(id));
  return {
    async postFor(delivery: Delivery, account: ConnectedAccount): Promise<OutgoingPost> {
      const message = await messageOf(delivery.messageId);
      if (!message) throw new SocialError('rejected', 'the message no longer exists');
      const variant =
        message.variants.find((v) => v.platform === account.platform && v.language === delivery.target.language) ??
        message.variants.find((v) => v.platform === account.platform && v.language === 'en');
      if (!variant) throw new SocialError('rejected', `the message has no ${account.platform} variant in ${delivery.target.language} or English`);
      const compose = (wording: string) => composePost(variant, { text: wording, campaignTag: campaignTagOf(message), source: account.platform });
      const text = compose(wordingFor(variant, account, compose));
      return { text, media: deps.media ? await deps.media(message, variant) : [], clientRef: delivery.clientRef };
    },
  };
}
