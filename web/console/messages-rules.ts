/**
 * The Messages area's rules, without the DOM: the API's types, statuses and steps in words, why
 * a step is not open to the signed-in manager, the live count of a variant as it will be posted.
 */
import { LANGUAGES, type Language } from '../../functions/domain/shared/languages.js';
import { campaignTagOf, composePost } from '../../functions/domain/social/compose-post.js';
import { allowedActions, selfApprovalReason, type MessageActionType } from '../../functions/domain/social/message-workflow.js';
import { PLATFORM_RULES, checkLength, type LengthCheck } from '../../functions/domain/social/platform-rules.js';
import { PLATFORMS, type MessageSchedule, type MessageStatus, type MessageVariant, type Platform, type SocialMessage } from '../../functions/domain/social/social.js';
import type { MessageAuditEntry } from '../../functions/domain/social/ports.js';

export type { MessageSchedule, MessageVariant, Platform, SocialMessage };
export { LANGUAGES, PLATFORMS, PLATFORM_RULES };

/** One step of a message's history, as `GET …/history` answers it. */
export type HistoryEntry = Omit<MessageAuditEntry, 'messageId'>;

export const STATUS_LABELS: Record<MessageStatus, string> = {
  draft: 'Draft', in_review: 'In review', approved: 'Approved', scheduled: 'Scheduled', sending: 'Sending',
  sent: 'Sent', partly_failed: 'Partly failed', cancelled: 'Cancelled',
};

export const ACTION_LABELS: Record<string, string> = {
  'message.create': 'Created', 'message.edit': 'Edited', 'message.submit': 'Submitted for review',
  'message.request_changes': 'Changes requested', 'message.approve': 'Approved', 'message.schedule': 'Scheduled',
  'message.start_sending': 'Started sending', 'message.finish': 'Finished sending', 'message.cancel': 'Cancelled',
};

/** The steps the console offers, with their button ids and the route each posts to. */
export const STEPS = [
  { type: 'submit', path: 'submit', button: 'message-submit', label: 'Submit for review' },
  { type: 'approve', path: 'approve', button: 'message-approve', label: 'Approve' },
  { type: 'request_changes', path: 'request-changes', button: 'message-request-changes', label: 'Request changes' },
  { type: 'schedule', path: 'schedule', button: 'message-schedule-submit', label: 'Schedule' },
  { type: 'cancel', path: 'cancel', button: 'message-cancel', label: 'Cancel message' },
] as const satisfies ReadonlyArray<{ type: MessageActionType; path: string; button: string; label: string }>;
export type Step = (typeof STEPS)[number];

const NOT_NOW: Record<Step['type'], string> = {
  submit: 'Only a draft can be submitted for review.',
  approve: 'Only a message in review can be approved.',
  request_changes: 'Only a message in review or approved can be sent back to draft.',
  schedule: 'A message is scheduled once another manager has approved it.',
  cancel: 'A message can be cancelled only before it starts sending.',
};

/** Why `by` may not take `step` on `message` now, or undefined when they may. */
export function whyNot(step: Step['type'], message: SocialMessage | undefined, by: string, unsaved: boolean): string | undefined {
  if (!message) return 'Save the message first.';
  if (allowedActions(message, by).includes(step)) return unsaved ? 'Save your changes first.' : undefined;
  if (step === 'approve' && message.status === 'in_review') return selfApprovalReason(message, by);
  return `${NOT_NOW[step]} This one is ${STATUS_LABELS[message.status].toLowerCase()}.`;
}

/** Whether the words may still change (the API's `edit` states). */
export const editable = (message: SocialMessage | undefined): boolean => !message || allowedActions(message, '').includes('edit');

/** `EndTrafficking, #BlueHeart  x` → `['EndTrafficking', 'BlueHeart', 'x']` (the API stores tags without '#'). */
export const parseTags = (input: string): string[] =>
  input.split(/[\s,]+/).map((tag) => tag.replace(/^[#＃]+/, '')).filter(Boolean);

export const parseLines = (input: string): string[] => input.split('\n').map((line) => line.trim()).filter(Boolean);

/** The text as posted (composePost) and its length on the platform, counted the network's way. */
export function countVariant(variant: Pick<MessageVariant, 'platform' | 'text' | 'hashtags' | 'link'>, campaignYear: number, text = variant.text): { posted: string; check: LengthCheck } {
  const posted = composePost(variant, { text, campaignTag: campaignTagOf({ campaignYear }), source: variant.platform });
  return { posted, check: checkLength(variant.platform, posted) };
}

/** `285 / 280 weighted characters · 5 over the limit` */
export function describeCount(check: LengthCheck): string {
  const figures = `${check.length.toLocaleString('en')} / ${check.limit.toLocaleString('en')} ${check.unit}`;
  if (check.problem) return `${figures} · ${check.problem}`;
  return check.over > 0 ? `${figures} · ${check.over.toLocaleString('en')} over the limit` : `${figures} · ${(check.limit - check.length).toLocaleString('en')} left`;
}

export function describeSchedule(schedule: MessageSchedule | undefined): string {
  if (!schedule) return 'Not scheduled';
  if (schedule.kind === 'local') return `${schedule.date} at ${schedule.time} local time everywhere`;
  return `${schedule.at.replace('T', ' ').slice(0, 16)} UTC`;
}

export function describeWho(message: SocialMessage): string {
  const parts = [`by ${message.editedBy ?? message.createdBy}`];
  if (message.submittedBy) parts.push(`submitted by ${message.submittedBy}`);
  if (message.approvedBy) parts.push(`approved by ${message.approvedBy}`);
  if (message.cancelledBy) parts.push(`cancelled by ${message.cancelledBy}`);
  return parts.join(' · ');
}

export const variantName = (v: { language: Language; platform: Platform }, labels: Record<Language, string>): string =>
  `${labels[v.language]} · ${PLATFORM_RULES[v.platform].name}`;
