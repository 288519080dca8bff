import type { RetentionRuleId } from '../../../functions/domain/shared/retention.js';

/**
 * The privacy notice (`/{lang}/privacy/`) and the erasure pages the API renders. Part of
 * `Messages`; one file per language beside this one. English is authoritative; the other
 * languages are careful translations marked for review by a native speaker before launch.
 * How long each thing is kept comes from RETENTION (functions/domain/shared/retention.ts):
 * `{duration}` is filled with its length in the language ("7 days", "7 días" …).
 */
export interface PrivacyMessages {
  privacy: {
    title: string;
    intro: string;
    /** Who is responsible, and how to reach them. */
    controller: string;
    collectHeading: string;
    collect: { heading: string; items: string[] }[];
    whyHeading: string;
    why: string[];
    retention: {
      heading: string;
      intro: string;
      whatColumn: string;
      howLongColumn: string;
      /** What each rule keeps, and for how long: `{duration}` where RETENTION gives one. */
      rules: Record<RetentionRuleId, { what: string; period: string }>;
    };
    processorsHeading: string;
    processors: string[];
    choicesHeading: string;
    choices: string[];
    trackersHeading: string;
    trackers: string;
    /** The form that asks for erasure by email. */
    eraseForm: {
      heading: string;
      intro: string;
      email: string;
      emailHint: string;
      submit: string;
      note: string;
    };
  };
  /** Pages the API renders for an erasure request and its link. Placeholders: `{count}`. */
  erasure: {
    requested: { title: string; text: string; expiry: string };
    confirm: { title: string; text: string; items: string[]; button: string; warning: string; why: string };
    done: {
      title: string;
      text: string;
      counts: { pledges: string; lentAccounts: string; donationRecords: string; stripeCustomers: string };
      nothing: string;
      kept: string;
    };
    linkInvalid: { title: string; text: string };
    linkExpired: { title: string; text: string };
    askAgain: string;
  };
}
