import { AppError } from '../shared/errors.js';
import { deliveredReach, finalStatus, summarizeDeliveries } from './dispatch/summary.js';
import { beginFanOut, continueFanOut, fanOutPolicyOf, type ResumableFanOutDeps, type TargetSource } from './dispatch/resume-fan-out.js';
import { changeMessage, type MessageDeps } from './message-service.js';
import type { PledgeStore } from '../pledges/ports.js';
import { emailTargetPage } from './email-targets.js';
import type { AccountStore } from './ports.js';
import { firstAndLastDue } from './schedule.js';
import type { ConnectedAccount, DeliveryTarget, SocialMessage } from './social.js';

export interface SendDueDeps extends MessageDeps, ResumableFanOutDeps {
  accounts: Pick<AccountStore, 'targetPage'>;
  /** The pledgers who asked for updates are emailed the message (functions/domain/social/email-targets.ts). */
  pledges: Pick<PledgeStore, 'updateSubscribers'>;
  /** Where a fan-out's progress is told (a run that stopped with sources left, a fan-out done). */
  note?: (message: string, fields: Record<string, unknown>) => void;
}

/**
 * The campaigns whose messages may be sending: this year's first, then last year's (a message
 * of 30 July can still be sending as the year turns in some time zones) and next year's.
 */
export const sendingCampaignYears = (now: Date): number[] => {
  const year = now.getUTCFullYear();
  return [year, year - 1, year + 1];
};

/** Who moves messages along on its own: the audit log names it. */
export const SCHEDULER = 'scheduler';

const targetOf = (account: ConnectedAccount): DeliveryTarget => ({
  kind: account.owner === 'organisation' ? 'organisation' : 'supporter',
  id: account.id,
  platform: account.platform,
  language: account.language,
  timeZone: account.timeZone,
  followers: account.followers,
});

/**
 * Where a campaign's message finds its targets, in order: the active accounts (the organisation's,
 * then those lent to the campaign), then the email list (the updates index, shard by shard).
 */
export const targetSources = (deps: Pick<SendDueDeps, 'accounts' | 'pledges'>, campaignYear: number): TargetSource[] => [
  {
    name: 'accounts',
    async page(after, limit) {
      const page = await deps.accounts.targetPage(campaignYear, after, limit);
      return { items: page.items.filter((account) => account.status === 'active').map(targetOf), ...(page.next !== undefined ? { next: page.next } : {}) };
    },
  },
  { name: 'emails', page: (after, limit) => emailTargetPage(deps.pledges, after, limit) },
];

/**
 * The every-minute step of coordinated messages (EventBridge Scheduler on AWS, the in-process
 * scheduler locally), for the campaigns of last, this and next year:
 * - a scheduled message whose first moment has come gets its fan-out's progress, becomes
 *   `sending`, and its fan-out begins: one idempotency record and one queued job per target,
 *   each due at its own time. It is `sending` from its first record on, so nobody can edit or
 *   cancel a message whose posts are going out.
 * - a sending message whose fan-out is not done goes on with it from where the last run stopped.
 *   All fan-outs of a run share its time budget (`fanOutPolicy.budgetMs`), each doing at least
 *   one chunk.
 * - a sending message whose fan-out is done (or that has no progress: fanned out before progress
 *   was kept) and has nothing left to attempt is marked sent or partly failed.
 */
export async function sendDueMessages(deps: SendDueDeps): Promise<{ started: string[]; finished: string[] }> {
  const now = deps.clock.now();
  const deadline = now.getTime() + fanOutPolicyOf(deps).budgetMs;
  const started: string[] = [];
  const finished: string[] = [];
  for (const campaignYear of sendingCampaignYears(now)) {
    for (let message of await deps.messages.listByCampaign(campaignYear)) {
      if (message.status === 'scheduled' && isDue(message, now)) {
        await beginFanOut(deps, message.id);
        const sending = await startSending(deps, campaignYear, message);
        if (!sending) continue;
        if (sending.startedHere) started.push(message.id);
        message = sending.message;
      } else if (message.status !== 'sending') continue;

      const progress = await deps.deliveries.fanOutProgress(message.id);
      if (progress && !progress.doneAt) {
        const run = await continueFanOut(deps, message, targetSources(deps, campaignYear), deadline);
        const { targets, created, runs, doneAt } = run.progress;
        deps.note?.(run.kind === 'busy' ? 'fan-out held by another run' : doneAt ? 'fan-out done' : 'fan-out goes on next run', { messageId: message.id, targets, created, runs });
        continue;
      }
      const summary = await summarizeDeliveries(deps.deliveries, message.id);
      if (finalStatus(summary)) {
        await changeMessage(deps, campaignYear, message.id, message.version, { type: 'finish', failed: summary.failed, delivered: deliveredReach(summary) }, SCHEDULER);
        finished.push(message.id);
      }
    }
  }
  return { started, finished };
}

/** Moves a due message to `sending`; if another run did so first, the message as it is now (undefined when it is no longer sending). */
async function startSending(deps: SendDueDeps, campaignYear: number, message: SocialMessage): Promise<{ message: SocialMessage; startedHere: boolean } | undefined> {
  try {
    return { message: await changeMessage(deps, campaignYear, message.id, message.version, { type: 'start_sending' }, SCHEDULER), startedHere: true };
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'conflict') throw error;
    const current = await deps.messages.get(campaignYear, message.id);
    return current?.status === 'sending' ? { message: current, startedHere: false } : undefined;
  }
}

const isDue = (message: SocialMessage, now: Date): boolean => Boolean(message.schedule) && new Date(firstAndLastDue(message.schedule!).first) <= now;
