import type { Clock } from '../shared/clock.js';
import { AppError } from '../shared/errors.js';
import { transition, type MessageAction } from './message-workflow.js';
import type { MessageAuditEntry, MessageRepository } from './ports.js';
import type { MessageVariant, SocialMessage } from './social.js';

export interface MessageDeps {
  messages: MessageRepository;
  clock: Clock;
  newId: () => string;
}

async function load(deps: MessageDeps, campaignYear: number, id: string): Promise<SocialMessage> {
  const message = await deps.messages.get(campaignYear, id);
  if (!message) throw new AppError('not_found', `Campaign ${campaignYear} has no message with that id.`);
  return message;
}

/** A new draft, with its first history entry. */
export async function createMessage(deps: MessageDeps, campaignYear: number, draft: { title: string; variants: MessageVariant[] }, by: string): Promise<SocialMessage> {
  const now = deps.clock.now().toISOString();
  const message: SocialMessage = { id: deps.newId(), campaignYear, ...draft, status: 'draft', createdBy: by, createdAt: now, version: 1 };
  await deps.messages.save(message, undefined, { messageId: message.id, version: 1, at: now, by, action: 'message.create', before: null, after: 'draft' });
  return message;
}

/**
 * Every later step goes through the workflow (message-workflow.ts) and is saved only if nobody
 * changed the message since the caller read it (`version`): two managers editing at once get a
 * 409, not a silent overwrite.
 */
export async function changeMessage(deps: MessageDeps, campaignYear: number, id: string, version: number, action: MessageAction, by: string): Promise<SocialMessage> {
  const current = await load(deps, campaignYear, id);
  if (current.version !== version) throw new AppError('conflict', `This message changed since you opened it (version ${current.version}, not ${version}); reload it.`);
  const { message, audit } = transition(current, action, by, deps.clock.now());
  const entry: MessageAuditEntry = { messageId: id, version: message.version, at: deps.clock.now().toISOString(), by, ...audit };
  await deps.messages.save(message, current.version, entry);
  return message;
}

export const getMessage = load;
