import { describe, expect, it } from 'vitest';
import { sandboxFollowers } from '../../../functions/adapters/social/sandbox-network.js';
import { DEMO_ORGANISATION_ACCOUNT, seedOrganisationAccount } from '../../../functions/dev/seed-social.js';
import { createTestPlatform } from '../../support/test-platform.js';

/** `npm start` connects the organisation's demo account on the sandbox once; a restart finds it connected. */
describe('the demo organisation account', () => {
  it('is connected once, checked and sealed like a manager’s', async () => {
    const platform = await createTestPlatform();
    expect(await seedOrganisationAccount(platform.deps.organisation)).toBe(true);
    expect(await seedOrganisationAccount(platform.deps.organisation)).toBe(false);
    const accounts = await platform.deps.organisation.accounts.list();
    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({ handle: DEMO_ORGANISATION_ACCOUNT.handle, connectedBy: 'seed', status: 'active', followers: sandboxFollowers(DEMO_ORGANISATION_ACCOUNT.handle) });
    const stored = await platform.deps.organisation.accounts.get(accounts[0]!.id);
    expect(await platform.deps.lending.tokenBox.open(stored!.encryptedToken)).toBe(DEMO_ORGANISATION_ACCOUNT.secret);
  });
});
