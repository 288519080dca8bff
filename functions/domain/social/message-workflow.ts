import { AppError, type FieldIssue } from '../shared/errors.js';
import { campaignTagOf, composePost } from './compose-post.js';
import { mediaShapeIssues } from './message-media.js';
import { checkLength, PLATFORM_RULES, type LengthOptions } from './platform-rules.js';
import { isInPast } from './schedule.js';
import type { DeliveredReach, MessageSchedule, MessageStatus, MessageVariant, SocialMessage } from './social.js';

/**
 * A message's life: draft → in_review → approved → scheduled → sending → sent | partly_failed,
 * or cancelled any time before sending.
 *
 * Four eyes: the approver may be neither the one who submitted the message nor the one who last
 * changed what is posted (`editedBy`, the creator until someone edits the variants). So whoever
 * wrote the words someone else checked them, and no one passes their own submission.
 *
 * Approval covers what is posted: changing the variants of a message in review, approved or
 * scheduled sends it back to draft, its submission and approval void. A title change does not
 * (the title is never posted). Scheduling is its own step after approval; rescheduling a
 * scheduled message is allowed while the new moment is still ahead.
 */

export type MessageAction =
  | { type: 'edit'; changes: { title?: string; variants?: MessageVariant[] } }
  | { type: 'submit' }
  /** A reviewer (or the submitter) sends it back to draft without changing it. */
  | { type: 'request_changes'; reason?: string }
  | { type: 'approve' }
  /** Uses `schedule`, else the message's own. */
  | { type: 'schedule'; schedule?: MessageSchedule }
  /** The scheduler, at the moment. */
  | { type: 'start_sending' }
  /** The dispatcher, once every target is done: any failure makes it partly failed. */
  | { type: 'finish'; failed: number; delivered?: DeliveredReach }
  | { type: 'cancel'; reason?: string };

export type MessageActionType = MessageAction['type'];

/** What the caller writes to the audit log (with who, when and the new version). */
export interface WorkflowStep {
  action: `message.${MessageActionType}`;
  before: MessageStatus;
  after: MessageStatus;
  /** For edits: what changed, by dotted field (`title`, `variants.en/x.text`). */
  changes?: Array<{ field: string; before: unknown; after: unknown }>;
  reason?: string;
}

export interface WorkflowOptions extends LengthOptions {
  /** `utm_campaign` of the links, for counting them where they count in full (Bluesky); `campaignTagOf` by default. */
  campaignTag?: string;
  /** The targets' zones, when known: a `local` schedule is past once the first of them has reached it (else UTC+14). */
  targetTimeZones?: readonly string[];
}

/** The states each action may start from. */
const FROM: Record<MessageActionType, readonly MessageStatus[]> = {
  edit: ['draft', 'in_review', 'approved', 'scheduled'],
  submit: ['draft'],
  request_changes: ['in_review', 'approved'],
  approve: ['in_review'],
  schedule: ['approved', 'scheduled'],
  start_sending: ['scheduled'],
  finish: ['sending'],
  cancel: ['draft', 'in_review', 'approved', 'scheduled'],
};

const lastEditorOf = (message: SocialMessage) => message.editedBy ?? message.createdBy;

/** Why `by` may not approve `message`, or undefined when they may. */
export function selfApprovalReason(message: SocialMessage, by: string): string | undefined {
  if (by === message.submittedBy) return 'You submitted this message: another manager must approve it.';
  if (by === lastEditorOf(message)) return 'You wrote the current wording of this message: another manager must approve it.';
  return undefined;
}

/** The actions `by` may take now (for the console's buttons); system steps excluded. */
export function allowedActions(message: SocialMessage, by: string): MessageActionType[] {
  return (Object.keys(FROM) as MessageActionType[]).filter(
    (type) => type !== 'start_sending' && type !== 'finish' && FROM[type].includes(message.status) && !(type === 'approve' && selfApprovalReason(message, by)),
  );
}

const overLimit = (check: ReturnType<typeof checkLength>, platform: MessageVariant['platform']) =>
  check.problem
    ? `is ${check.problem} on ${PLATFORM_RULES[platform].name}, with its hashtags and link`
    : `is ${check.length.toLocaleString('en')} ${check.unit} on ${PLATFORM_RULES[platform].name} with its hashtags and link: ${check.over.toLocaleString('en')} over the limit of ${check.limit.toLocaleString('en')}`;

/**
 * What stands in the way of approving `message`: no variants, two for the same language and
 * platform, a wording (the text or an alternative, as posted: with hashtags and tagged link) over
 * its platform's limit, an alternative repeating another wording, more media than the platform takes
 * (the media kit's own checks are the service's: `variantMediaIssues`).
 */
export function validateForApproval(message: SocialMessage, options: WorkflowOptions = {}): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (message.variants.length === 0) issues.push({ field: 'variants', message: 'needs at least one variant' });
  const campaignTag = options.campaignTag ?? campaignTagOf(message);
  const seen = new Set<string>();
  message.variants.forEach((variant, i) => {
    const key = `${variant.language}/${variant.platform}`;
    if (seen.has(key)) issues.push({ field: `variants.${i}`, message: `is a second variant for ${key}` });
    seen.add(key);
    if (!variant.text.trim()) issues.push({ field: `variants.${i}.text`, message: 'is required' });
    const wordings: Array<[string, string]> = [[`variants.${i}.text`, variant.text], ...variant.alternatives.map((a, j): [string, string] => [`variants.${i}.alternatives.${j}`, a])];
    const earlier = new Set<string>();
    for (const [field, text] of wordings) {
      if (field !== `variants.${i}.text` && earlier.has(text.trim())) issues.push({ field, message: 'repeats another wording of this variant: networks reject identical posts' });
      earlier.add(text.trim());
      const check = checkLength(variant.platform, composePost(variant, { text, campaignTag, source: variant.platform }), options);
      if (!check.ok) issues.push({ field, message: overLimit(check, variant.platform) });
    }
    issues.push(...mediaShapeIssues(variant).map((issue) => ({ ...issue, field: `variants.${i}.${issue.field}` })));
  });
  return issues;
}

const VARIANT_FIELDS = ['text', 'hashtags', 'link', 'mediaIds', 'altText', 'alternatives'] as const;

/** What an edit changes, by dotted field; variants are matched by language and platform. */
export function changesOf(before: SocialMessage, after: Pick<SocialMessage, 'title' | 'variants'>): NonNullable<WorkflowStep['changes']> {
  const changes: NonNullable<WorkflowStep['changes']> = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (before.title !== after.title) changes.push({ field: 'title', before: before.title, after: after.title });
  const keyed = (variants: MessageVariant[]) => new Map(variants.map((v) => [`${v.language}/${v.platform}`, v]));
  const [was, now] = [keyed(before.variants), keyed(after.variants)];
  for (const key of new Set([...was.keys(), ...now.keys()])) {
    const [a, b] = [was.get(key), now.get(key)];
    if (!a || !b) changes.push({ field: `variants.${key}`, before: a, after: b });
    else for (const f of VARIANT_FIELDS) if (!same(a[f], b[f])) changes.push({ field: `variants.${key}.${f}`, before: a[f], after: b[f] });
  }
  return changes;
}

const failValidation = (what: string, fields: FieldIssue[]) =>
  new AppError('validation_failed', `${what}: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}.`, { fields });

/**
 * Applies `action` by `by` at `now`: the next message (version + 1) and the step to audit.
 * Throws AppError: `conflict` from the wrong state, `forbidden` for approving one's own message,
 * `validation_failed` (with fields) for a message over its limits or a schedule missing or past.
 */
export function transition(
  message: SocialMessage,
  action: MessageAction,
  by: string,
  now: Date,
  options: WorkflowOptions = {},
): { message: SocialMessage; audit: WorkflowStep } {
  if (!FROM[action.type].includes(message.status)) {
    throw new AppError('conflict', `A message that is ${message.status.replace('_', ' ')} cannot be ${PAST[action.type]} (allowed from: ${FROM[action.type].join(', ')}).`);
  }
  const base = { ...message, version: message.version + 1 };
  let next: SocialMessage;
  const step: Partial<WorkflowStep> = {};
  switch (action.type) {
    case 'edit': {
      const edited = { title: action.changes.title ?? message.title, variants: action.changes.variants ?? message.variants };
      step.changes = changesOf(message, edited);
      const postedChanged = step.changes.some((c) => c.field.startsWith('variants.'));
      next = postedChanged
        ? { ...base, ...edited, status: 'draft', editedBy: by, submittedBy: undefined, approvedBy: undefined }
        : { ...base, ...edited };
      break;
    }
    case 'submit': {
      const issues = validateForApproval(message, options);
      if (issues.length) throw failValidation('This message cannot go to review yet', issues);
      next = { ...base, status: 'in_review', submittedBy: by, approvedBy: undefined };
      break;
    }
    case 'request_changes':
      next = { ...base, status: 'draft', submittedBy: undefined, approvedBy: undefined };
      break;
    case 'approve': {
      const refused = selfApprovalReason(message, by);
      if (refused) throw new AppError('forbidden', refused);
      const issues = validateForApproval(message, options);
      if (issues.length) throw failValidation('This message cannot be approved', issues);
      next = { ...base, status: 'approved', approvedBy: by };
      break;
    }
    case 'schedule': {
      const schedule = action.schedule ?? message.schedule;
      if (!schedule) throw failValidation('Choose when to send it', [{ field: 'schedule', message: 'is required' }]);
      if (isInPast(schedule, now, options.targetTimeZones)) {
        const why = schedule.kind === 'local' ? 'is already past in the first time zone to reach it' : 'is in the past';
        throw failValidation('This schedule cannot be kept', [{ field: 'schedule', message: why }]);
      }
      next = { ...base, status: 'scheduled', schedule };
      break;
    }
    case 'start_sending':
      next = { ...base, status: 'sending' };
      break;
    case 'finish':
      next = { ...base, status: action.failed > 0 ? 'partly_failed' : 'sent', ...(action.delivered ? { delivered: action.delivered } : {}) };
      break;
    case 'cancel':
      next = { ...base, status: 'cancelled', cancelledBy: by };
      break;
  }
  if ((action.type === 'cancel' || action.type === 'request_changes') && action.reason) step.reason = action.reason;
  return { message: next, audit: { action: `message.${action.type}`, before: message.status, after: next.status, ...step } };
}

const PAST: Record<MessageActionType, string> = {
  edit: 'edited',
  submit: 'submitted for review',
  request_changes: 'sent back to draft',
  approve: 'approved',
  schedule: 'scheduled',
  start_sending: 'sent',
  finish: 'finished',
  cancel: 'cancelled',
};
