import { describe, expect, it } from 'vitest';
import { createDeps } from '../../../functions/config/deps.js';
import { loadEnv } from '../../../functions/config/env.js';
import { silentLogger } from '../../../functions/adapters/log/logger.js';

const env = (STAGE: string) =>
  loadEnv({
    STAGE,
    AWS_REGION: 'eu-west-1',
    TABLE_NAME: 'blue-heart-test',
    SES_FROM_ADDRESS: 'pledges@example.org',
    PUBLIC_URL: 'https://blueheart.example.org',
    APP_SECRET: 'a-test-secret-of-at-least-32-characters!!',
    AUTH_ISSUER: 'https://cognito-idp.eu-west-1.amazonaws.com/pool',
    AUTH_JWKS_URL: 'https://cognito-idp.eu-west-1.amazonaws.com/pool/.well-known/jwks.json',
    AUTH_AUDIENCE: 'console',
  });

/** The named local instances (the sandbox, the tests' stand-in) are the only non-public origins ever called: never on a deployment. */
describe('which Mastodon instances a stage may connect', () => {
  const local = { 'mastodon.sandbox.example': 'http://127.0.0.1:4123' };

  it('knows the local stand-ins on local and test stages', async () => {
    for (const stage of ['local', 'test']) {
      const deps = await createDeps(env(stage), { logger: silentLogger, mastodonInstances: local });
      expect(deps.mastodonConnect.instances.local, stage).toEqual(local);
    }
  });

  it('ignores them on dev and prod, whatever the composition is given', async () => {
    for (const stage of ['dev', 'prod']) {
      const deps = await createDeps(env(stage), { logger: silentLogger, mastodonInstances: local });
      expect(deps.mastodonConnect.instances.local, stage).toEqual({});
      expect(deps.mastodonConnect.publicUrl).toBe('https://blueheart.example.org');
    }
  });
});
