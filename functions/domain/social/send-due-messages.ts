import { fanOut, type FanOutDeps } from './dispatch/fan-out.js';
import { deliveredReach, finalStatus, summarizeDeliveries } from './dispatch/summary.js';
import { changeMessage, type MessageDeps } from './message-service.js';
import type { PledgeStore } from '../pledges/ports.js';
import { emailTargets } from './email-targets.js';
import type { AccountStore } from './ports.js';
import { firstAndLastDue } from './schedule.js';
import type { ConnectedAccount, DeliveryTarget, SocialMessage } from './social.js';

export interface SendDueDeps extends MessageDeps, FanOutDeps {
  accounts: AccountStore;
  /** The pledgers who asked for updates are emailed the message (functions/domain/social/email-targets.ts). */
  pledges: Pick<PledgeStore, 'confirmedPledges'>;
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

/** Every target of a campaign's message: the active accounts (the organisation's and lent ones), then the email list. */
async function* activeTargets(deps: Pick<SendDueDeps, 'accounts' | 'pledges'>, campaignYear: number): AsyncIterable<DeliveryTarget[]> {
  for await (const page of deps.accounts.targetsOf(campaignYear)) yield page.filter((account) => account.status === 'active').map(targetOf);
  yield* emailTargets(deps.pledges);
}

/**
 * The every-minute step of coordinated messages (EventBridge Scheduler on AWS, the in-process
 * scheduler locally), for the campaigns of last, this and next year:
 * - a scheduled message whose first moment has come is fanned out (one idempotency record and
 *   one queued job per target, each due at its own time), then marked sending. A crash between
 *   the two repeats the fan-out next minute, which creates only what is missing.
 * - a sending message with nothing left to attempt is marked sent or partly failed.
 */
export async function sendDueMessages(deps: SendDueDeps): Promise<{ started: string[]; finished: string[] }> {
  const now = deps.clock.now();
  const started: string[] = [];
  const finished: string[] = [];
  for (const campaignYear of sendingCampaignYears(now)) {
    for (const message of await deps.messages.listByCampaign(campaignYear)) {
      if (message.status === 'scheduled' && isDue(message, now)) {
        await fanOut(deps, message, activeTargets(deps, campaignYear), now);
        await changeMessage(deps, campaignYear, message.id, message.version, { type: 'start_sending' }, SCHEDULER);
        started.push(message.id);
      } else if (message.status === 'sending') {
        const summary = await summarizeDeliveries(deps.deliveries, message.id);
        if (finalStatus(summary)) {
          await changeMessage(deps, campaignYear, message.id, message.version, { type: 'finish', failed: summary.failed, delivered: deliveredReach(summary) }, SCHEDULER);
          finished.push(message.id);
        }
      }
    }
  }
  return { started, finished };
}

const isDue = (message: SocialMessage, now: Date): boolean => Boolean(message.schedule) && new Date(firstAndLastDue(message.schedule!).first) <= now;
