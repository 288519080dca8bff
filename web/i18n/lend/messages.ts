/**
 * Strings of "Lend your voice": the page where a supporter lends an account for a campaign's
 * coordinated message, and the revoke pages the API renders. Part of `Messages`; one file per
 * language beside this one. Network names (Mastodon, Bluesky, X …) are not translated.
 * Placeholders: `{year}`, `{network}`, `{handle}`, `{count}`, `{supporters}`, `{reach}`, `{posts}`, `{date}`.
 */
export interface LendMessages {
  lend: {
    /** The link to the page, on the campaign page. */
    navLink: string;
    /** `{year}` */
    title: string;
    intro: string;
    howHeading: string;
    how: string[];
    /** `{supporters}` and `{reach}`: formatted numbers. */
    reach: string;
    /** Once a message has gone out: `{posts}` made from lent accounts and the organisation's, `{reach}` their followers. */
    reachDelivered: string;
    needsJs: string;
    form: {
      heading: string;
      platform: string;
      /** Networks whose API posts for the supporter. */
      postsForYou: string;
      /** Networks that take a share link instead. */
      sharesByLink: string;
      handle: string;
      handleHintMastodon: string;
      handleHintBluesky: string;
      handleHintShare: string;
      server: string;
      serverHintMastodon: string;
      serverHintBluesky: string;
      /** Mastodon, connecting with OAuth (the main way): what happens next. */
      serverHintConnect: string;
      secretMastodon: string;
      secretMastodonHint: string;
      /** Mastodon: the switch from connecting (OAuth) to pasting an access token. */
      useToken: string;
      useTokenHint: string;
      /** The button that sends the supporter to their Mastodon server, and its label while it does. */
      connect: string;
      connecting: string;
      /** Why a Mastodon connection came back without a lending (the API's `#mastodon=<reason>`). */
      connectErrors: Record<'denied' | 'expired' | 'invalid' | 'used' | 'refused' | 'unavailable' | 'changed', string>;
      secretBluesky: string;
      secretBlueskyHint: string;
      secretBlueskyLink: string;
      email: string;
      emailHint: string;
      emailHintShare: string;
      language: string;
      languageHint: string;
      timeZone: string;
      timeZoneHint: string;
      previewHeading: string;
      previewIntro: string;
      previewIntroShare: string;
      previewLoading: string;
      /** Shown instead of a preview when the campaign has no approved message yet. */
      previewNone: string;
      previewNoWording: string;
      previewFallback: string;
      /** `{date}`: when it goes out in the supporter's time zone. */
      previewWhen: string;
      previewError: string;
      consent: string;
      consentShare: string;
      submit: string;
      sending: string;
      privacyNote: string;
      errorGeneric: string;
      errorRateLimited: string;
      fieldErrors: Record<'platform' | 'handle' | 'server' | 'secret' | 'email' | 'language' | 'timeZone' | 'consent', string>;
    };
    done: {
      heading: string;
      /** `{network}`, `{handle}` */
      textApi: string;
      /** `{network}` */
      textShare: string;
      /** `{count}`: formatted. */
      followers: string;
      revokeHeading: string;
      revokeText: string;
      revokeLink: string;
      emailed: string;
      notEmailed: string;
    };
    revoke: {
      title: string;
      /** `{network}`, `{handle}` */
      text: string;
      button: string;
      doneTitle: string;
      doneText: string;
      alreadyText: string;
      homeLink: string;
    };
  };
}
