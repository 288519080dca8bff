import { connectOrganisationAccount, type OrganisationAccountDeps } from '../domain/social/connect-organisation-account.js';
import { isAppError } from '../domain/shared/errors.js';

/**
 * The organisation's Mastodon account on the sandbox network, connected as a manager would
 * (through the same domain call, so it is checked and sealed): the console's Accounts part has an
 * account to show, and a message sent with `npm start` posts from it too. Its sandbox token is
 * this one: reconnecting it (or connecting the handle anew) takes the same.
 */
export const DEMO_ORGANISATION_ACCOUNT = {
  platform: 'mastodon',
  handle: '@blueheart@mastodon.social',
  secret: 'blue-heart-sandbox-mastodon-token',
  language: 'en',
  timeZone: 'Europe/Vienna',
} as const;

/** Connects the demo account unless it is connected already (a restart with DATA_DIR keeps it). */
export async function seedOrganisationAccount(deps: OrganisationAccountDeps): Promise<boolean> {
  try {
    await connectOrganisationAccount(deps, { ...DEMO_ORGANISATION_ACCOUNT }, 'seed');
    return true;
  } catch (error) {
    if (isAppError(error) && error.code === 'conflict') return false;
    throw error;
  }
}
