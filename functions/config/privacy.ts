import { randomUUID } from 'node:crypto';
import type { PersonalDataStore, PrivacyDeps } from '../domain/privacy/ports.js';
import type { AppDeps } from './deps.js';

/**
 * Erasure and retention reach into pledges, lent accounts and donations: they take the same
 * stores, signer, mailer and payment gateway the rest of the app was given (the gateway is read
 * at call time, so a test that swaps `donations.gateway` swaps it here too).
 */
/** How long an erasure request takes to answer at least, known address or not (ERASURE_REQUEST's timing). */
export const ERASURE_ANSWER_FLOOR_MS = 1_500;

export function privacyDeps(deps: Omit<AppDeps, 'privacy'>, personalData: PersonalDataStore, answerFloorMs = ERASURE_ANSWER_FLOOR_MS): PrivacyDeps {
  return {
    pledges: deps.pledges,
    accounts: deps.lending.accounts,
    messages: deps.social.messages,
    personalData,
    gateway: { deleteCustomer: (customerId) => deps.donations.gateway.deleteCustomer(customerId) },
    clock: deps.pledges.clock,
    newId: randomUUID,
    answerFloorMs,
  };
}
