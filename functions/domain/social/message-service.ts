import type { CampaignRepository } from '../campaigns/ports.js';
import type { Clock } from '../shared/clock.js';
import { AppError } from '../shared/errors.js';
import { mediaKitOf, settleAltText, variantMediaIssues } from './message-media.js';
import { transition, type MessageAction } from './message-workflow.js';
import type { MessageAuditEntry, MessageRepository } from './ports.js';
import type { MessageVariant, SocialMessage } from './social.js';

export interface MessageDeps {
  messages: MessageRepository;
  clock: Clock;
  newId: () => string;
  /**
   * The campaigns, whose media kits a message's media come from: needed to save, submit or
   * approve a message with media (the every-minute step, which only starts and finishes
   * messages, goes without).
   */
  campaigns?: Pick<CampaignRepository, 'get'>;
}

async function load(deps: MessageDeps, campaignYear: number, id: string): Promise<SocialMessage> {
  const message = await deps.messages.get(campaignYear, id);
  if (!message) throw new AppError('not_found', `Campaign ${campaignYear} has no message with that id.`);
  return message;
}

/**
 * The variants with their media checked against the campaign's media kit (a 400 naming each
 * field, `variants.2.mediaIds`, otherwise) and their alt text settled (`settleAltText`). A
 * message without media reads no campaign.
 */
async function checkedMedia(deps: MessageDeps, campaignYear: number, variants: MessageVariant[], what: string): Promise<MessageVariant[]> {
  if (variants.every((variant) => variant.mediaIds.length === 0)) return variants.map((variant) => ({ ...variant, altText: {} }));
  if (!deps.campaigns) throw new Error('MessageDeps.campaigns is needed for messages with media');
  const kit = mediaKitOf(await deps.campaigns.get(campaignYear));
  const fields = variants.flatMap((variant, i) => variantMediaIssues(variant, i, kit, campaignYear));
  if (fields.length) throw new AppError('validation_failed', `${what}: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}.`, { fields });
  return variants.map((variant) => settleAltText(variant, kit));
}

/** A new draft, with its first history entry. */
export async function createMessage(deps: MessageDeps, campaignYear: number, draft: { title: string; variants: MessageVariant[] }, by: string): Promise<SocialMessage> {
  const now = deps.clock.now().toISOString();
  const variants = await checkedMedia(deps, campaignYear, draft.variants, 'This message cannot be saved');
  const message: SocialMessage = { id: deps.newId(), campaignYear, ...draft, variants, status: 'draft', createdBy: by, createdAt: now, version: 1 };
  await deps.messages.save(message, undefined, { messageId: message.id, version: 1, at: now, by, action: 'message.create', before: null, after: 'draft' });
  return message;
}

/**
 * Every later step goes through the workflow (message-workflow.ts) and is saved only if nobody
 * changed the message since the caller read it (`version`): two managers editing at once get a
 * 409, not a silent overwrite. Edits, submissions and approvals check the media against the
 * campaign's media kit as it is now.
 */
export async function changeMessage(deps: MessageDeps, campaignYear: number, id: string, version: number, action: MessageAction, by: string): Promise<SocialMessage> {
  const current = await load(deps, campaignYear, id);
  if (current.version !== version) throw new AppError('conflict', `This message changed since you opened it (version ${current.version}, not ${version}); reload it.`);
  if (action.type === 'edit' && action.changes.variants) {
    action = { ...action, changes: { ...action.changes, variants: await checkedMedia(deps, campaignYear, action.changes.variants, 'This message cannot be saved') } };
  } else if (action.type === 'submit' || action.type === 'approve') {
    await checkedMedia(deps, campaignYear, current.variants, action.type === 'submit' ? 'This message cannot go to review yet' : 'This message cannot be approved');
  }
  const { message, audit } = transition(current, action, by, deps.clock.now());
  const entry: MessageAuditEntry = { messageId: id, version: message.version, at: deps.clock.now().toISOString(), by, ...audit };
  await deps.messages.save(message, current.version, entry);
  return message;
}

export const getMessage = load;
