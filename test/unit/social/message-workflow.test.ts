import { describe, expect, it } from 'vitest';
import { AppError } from '../../../functions/domain/shared/errors.js';
import { allowedActions, transition, validateForApproval, type MessageAction } from '../../../functions/domain/social/message-workflow.js';
import type { MessageVariant, SocialMessage } from '../../../functions/domain/social/social.js';

const now = new Date('2026-07-01T12:00:00Z');
const variant = (over: Partial<MessageVariant> = {}): MessageVariant => ({
  language: 'en',
  platform: 'x',
  text: 'Human trafficking hides in plain sight. Learn the signs.',
  hashtags: ['EndHumanTrafficking'],
  link: 'https://www.unodc.org/blueheart/',
  mediaIds: [],
  altText: {},
  alternatives: ['Trafficking hides in plain sight: learn the signs.'],
  ...over,
});
const draft: SocialMessage = {
  id: 'm1',
  campaignYear: 2026,
  title: 'World Day morning post',
  variants: [variant(), variant({ platform: 'bluesky' })],
  status: 'draft',
  createdBy: 'ana',
  createdAt: '2026-06-30T08:00:00Z',
  version: 1,
};

/** Runs steps in order, each as [action, by]. */
function run(message: SocialMessage, ...steps: Array<[MessageAction, string]>): SocialMessage {
  return steps.reduce((m, [action, by]) => transition(m, action, by, now).message, message);
}
function errorOf(f: () => unknown): AppError {
  try { f(); } catch (error) { if (error instanceof AppError) return error; throw error; }
  throw new Error('expected an AppError');
}

const schedule = { kind: 'instant', at: '2026-07-30T07:00:00Z' } as const;

describe('message workflow', () => {
  it('goes draft → in review → approved → scheduled → sending → sent, one version and one audit step each', () => {
    let m = draft;
    const steps: Array<[MessageAction, string, string]> = [
      [{ type: 'submit' }, 'ana', 'in_review'],
      [{ type: 'approve' }, 'ben', 'approved'],
      [{ type: 'schedule', schedule }, 'ana', 'scheduled'],
      [{ type: 'start_sending' }, 'scheduler', 'sending'],
      [{ type: 'finish', failed: 0 }, 'dispatcher', 'sent'],
    ];
    for (const [action, by, status] of steps) {
      const { message, audit } = transition(m, action, by, now);
      expect(audit).toEqual({ action: `message.${action.type}`, before: m.status, after: status });
      expect(message.version).toBe(m.version + 1);
      m = message;
    }
    expect(m).toMatchObject({ status: 'sent', submittedBy: 'ana', approvedBy: 'ben', schedule });
    expect(draft.status).toBe('draft'); // never mutated
  });

  it('ends partly failed when any target failed', () => {
    const sending = { ...draft, status: 'sending' as const };
    expect(transition(sending, { type: 'finish', failed: 3 }, 'dispatcher', now).message.status).toBe('partly_failed');
  });

  it('refuses approval by the submitter or by whoever last changed the wording', () => {
    const submittedByAna = run(draft, [{ type: 'submit' }, 'ana']);
    expect(errorOf(() => transition(submittedByAna, { type: 'approve' }, 'ana', now))).toMatchObject({ code: 'forbidden' });

    // Ben rewrites Ana's draft, Ana submits: Ben wrote it, Ana submitted it, so neither approves.
    const rewritten = run(draft, [{ type: 'edit', changes: { variants: [variant({ text: 'Learn the signs of trafficking.' })] } }, 'ben'], [{ type: 'submit' }, 'ana']);
    expect(rewritten.editedBy).toBe('ben');
    expect(errorOf(() => transition(rewritten, { type: 'approve' }, 'ben', now))).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/wrote/) });
    expect(errorOf(() => transition(rewritten, { type: 'approve' }, 'ana', now))).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/submitted/) });
    expect(transition(rewritten, { type: 'approve' }, 'chen', now).message).toMatchObject({ status: 'approved', approvedBy: 'chen' });

    // The creator who neither edited last nor submitted may approve.
    const benSubmits = run(draft, [{ type: 'edit', changes: { variants: [variant({ text: 'Learn the signs.' })] } }, 'ben'], [{ type: 'submit' }, 'ben']);
    expect(transition(benSubmits, { type: 'approve' }, 'ana', now).message.status).toBe('approved');

    expect(allowedActions(submittedByAna, 'ana')).not.toContain('approve');
    expect(allowedActions(submittedByAna, 'ben')).toEqual(['edit', 'request_changes', 'approve', 'cancel']);
  });

  it('sends an edited message in review, approved or scheduled back to draft: its approval no longer holds', () => {
    const approved = run(draft, [{ type: 'submit' }, 'ana'], [{ type: 'approve' }, 'ben']);
    const scheduled = run(approved, [{ type: 'schedule', schedule }, 'ben']);
    for (const m of [run(draft, [{ type: 'submit' }, 'ana']), approved, scheduled]) {
      const edit: MessageAction = { type: 'edit', changes: { variants: [variant({ hashtags: ['BlueHeart'] })] } };
      const { message, audit } = transition(m, edit, 'ben', now);
      expect(message).toMatchObject({ status: 'draft', editedBy: 'ben', submittedBy: undefined, approvedBy: undefined });
      expect(audit).toMatchObject({ action: 'message.edit', before: m.status, after: 'draft' });
      expect(audit.changes).toEqual([
        { field: 'variants.en/x.hashtags', before: ['EndHumanTrafficking'], after: ['BlueHeart'] },
        { field: 'variants.en/bluesky', before: expect.objectContaining({ platform: 'bluesky' }), after: undefined },
      ]);
    }
    // The title is never posted: renaming keeps the approval.
    const renamed = transition(scheduled, { type: 'edit', changes: { title: 'Morning post' } }, 'ana', now);
    expect(renamed.message).toMatchObject({ status: 'scheduled', approvedBy: 'ben', title: 'Morning post' });
    expect(renamed.audit.changes).toEqual([{ field: 'title', before: 'World Day morning post', after: 'Morning post' }]);
  });

  it('cancels from any state before sending, and not after', () => {
    const states = ['draft', 'in_review', 'approved', 'scheduled'] as const;
    for (const status of states) {
      const { message, audit } = transition({ ...draft, status }, { type: 'cancel', reason: 'Message withdrawn' }, 'ben', now);
      expect(message).toMatchObject({ status: 'cancelled', cancelledBy: 'ben' });
      expect(audit).toEqual({ action: 'message.cancel', before: status, after: 'cancelled', reason: 'Message withdrawn' });
    }
    for (const status of ['sending', 'sent', 'partly_failed', 'cancelled'] as const) {
      expect(errorOf(() => transition({ ...draft, status }, { type: 'cancel' }, 'ben', now))).toMatchObject({ code: 'conflict' });
      expect(errorOf(() => transition({ ...draft, status }, { type: 'edit', changes: { title: 'x' } }, 'ben', now))).toMatchObject({ code: 'conflict' });
    }
  });

  it('refuses steps out of order', () => {
    expect(errorOf(() => transition(draft, { type: 'approve' }, 'ben', now))).toMatchObject({ code: 'conflict', message: expect.stringMatching(/draft cannot be approved/) });
    expect(errorOf(() => transition(draft, { type: 'schedule', schedule }, 'ben', now)).code).toBe('conflict');
    expect(errorOf(() => transition({ ...draft, status: 'approved' }, { type: 'start_sending' }, 'scheduler', now)).code).toBe('conflict');
  });

  it('refuses a schedule that is missing or past, naming the field', () => {
    const approved = run(draft, [{ type: 'submit' }, 'ana'], [{ type: 'approve' }, 'ben']);
    expect(errorOf(() => transition(approved, { type: 'schedule' }, 'ben', now)).fields).toEqual([{ field: 'schedule', message: 'is required' }]);
    const past = errorOf(() => transition(approved, { type: 'schedule', schedule: { kind: 'instant', at: '2026-06-30T00:00:00Z' } }, 'ben', now));
    expect(past).toMatchObject({ code: 'validation_failed', fields: [{ field: 'schedule', message: 'is in the past' }] });
    // 09:00 everywhere on 1 July has already come in UTC+14 at noon UTC.
    const local = { kind: 'local', date: '2026-07-01', time: '09:00' } as const;
    expect(errorOf(() => transition(approved, { type: 'schedule', schedule: local }, 'ben', now)).fields?.[0]?.field).toBe('schedule');
    // …but not for targets only in the Americas (09:00 in Mexico City is 15:00Z).
    expect(transition(approved, { type: 'schedule', schedule: local }, 'ben', now, { targetTimeZones: ['America/Mexico_City'] }).message.status).toBe('scheduled');
  });
});

describe('validateForApproval', () => {
  it('passes a message whose every wording fits', () => {
    expect(validateForApproval(draft)).toEqual([]);
  });

  it('needs at least one variant', () => {
    expect(validateForApproval({ ...draft, variants: [] })).toEqual([{ field: 'variants', message: 'needs at least one variant' }]);
  });

  it('counts the post as it leaves (hashtags and tagged link) against the platform, one over is over', () => {
    // On X: text + "\n\n" + "#EndHumanTrafficking " (21) + a link (23) → 280 exactly with 234 characters of text.
    const fits = variant({ text: 'a'.repeat(234), alternatives: [] });
    expect(validateForApproval({ ...draft, variants: [fits] })).toEqual([]);
    const over = variant({ text: 'a'.repeat(235), alternatives: ['b'.repeat(300)] });
    expect(validateForApproval({ ...draft, variants: [over] })).toEqual([
      { field: 'variants.0.text', message: 'is 281 weighted characters on X with its hashtags and link: 1 over the limit of 280' },
      { field: 'variants.0.alternatives.0', message: 'is 346 weighted characters on X with its hashtags and link: 66 over the limit of 280' },
    ]);
    // Bluesky counts the whole tagged link: the same text that fits X is over there.
    const bluesky = variant({ platform: 'bluesky', text: 'a'.repeat(234), alternatives: [] });
    expect(validateForApproval({ ...draft, variants: [bluesky] })[0]).toMatchObject({ field: 'variants.0.text', message: expect.stringMatching(/graphemes on Bluesky/) });
    // Mastodon's limit is the instance's.
    const mastodon = variant({ platform: 'mastodon', text: 'a'.repeat(600), alternatives: [] });
    expect(validateForApproval({ ...draft, variants: [mastodon] })).toHaveLength(1);
    expect(validateForApproval({ ...draft, variants: [mastodon] }, { mastodonLimit: 1000 })).toEqual([]);
  });

  it('flags repeated wordings, duplicate variants, blank text and too many images', () => {
    const issues = validateForApproval({
      ...draft,
      variants: [variant({ alternatives: ['Other words.', 'Other words.'] }), variant({ text: ' ', alternatives: [], mediaIds: ['1', '2', '3', '4', '5'] })],
    });
    expect(issues.map((i) => i.field)).toEqual(['variants.0.alternatives.1', 'variants.1', 'variants.1.text', 'variants.1.mediaIds']);
  });

  it('keeps a message over its limit from going to review or being approved', () => {
    const long = { ...draft, variants: [variant({ text: 'a'.repeat(300) })] };
    expect(errorOf(() => transition(long, { type: 'submit' }, 'ana', now))).toMatchObject({ code: 'validation_failed', fields: [expect.objectContaining({ field: 'variants.0.text' })] });
    expect(errorOf(() => transition({ ...long, status: 'in_review', submittedBy: 'ana' }, { type: 'approve' }, 'ben', now)).code).toBe('validation_failed');
  });
});
