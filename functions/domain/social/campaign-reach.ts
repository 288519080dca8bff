import type { MessageRepository, SupporterAccountStore } from './ports.js';

/** A campaign's reach as the public page and the console show it: expected before the moment, delivered after. */
export interface CampaignReach {
  campaignYear: number;
  /** Supporters' accounts lent to the campaign (active). */
  supporters: number;
  /** Their followers when they connected. */
  supporterFollowers: number;
  /** The organisation's own accounts (active), which post every campaign's messages. */
  organisationAccounts: number;
  organisationFollowers: number;
  /** Followers of all of them when they connected: the expected reach before the moment. */
  expectedReach: number;
  /** The campaign's messages that have finished sending (sent or partly failed). */
  messagesSent: number;
  /** Posts from accounts those messages made. */
  postsDelivered: number;
  /** Followers of the accounts that posted, at the moment of posting, summed over those messages. */
  deliveredReach: number;
}

/**
 * The campaign's reach, from the running totals alone: the reach items the account store keeps
 * with every lending and revoke, and the `delivered` figures each message keeps once it finishes
 * sending (send-due-messages.ts). Two queries of small partitions, however many deliveries there
 * were; the public answer is cached for a minute besides.
 */
export async function campaignReach(deps: { accounts: Pick<SupporterAccountStore, 'reach'>; messages: Pick<MessageRepository, 'listByCampaign'> }, campaignYear: number): Promise<CampaignReach> {
  const [{ supporters, organisation }, messages] = await Promise.all([deps.accounts.reach(campaignYear), deps.messages.listByCampaign(campaignYear)]);
  const finished = messages.filter((message) => message.status === 'sent' || message.status === 'partly_failed');
  const positive = (n: number) => Math.max(0, n);
  return {
    campaignYear,
    supporters: positive(supporters.accounts),
    supporterFollowers: positive(supporters.followers),
    organisationAccounts: positive(organisation.accounts),
    organisationFollowers: positive(organisation.followers),
    expectedReach: positive(supporters.followers + organisation.followers),
    messagesSent: finished.length,
    postsDelivered: finished.reduce((sum, message) => sum + (message.delivered?.posts ?? 0), 0),
    deliveredReach: finished.reduce((sum, message) => sum + (message.delivered?.reach ?? 0), 0),
  };
}
