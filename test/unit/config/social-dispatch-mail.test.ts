import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../functions/config/env.js';
import { createSendDueDeps, createSocialWorkerDeps, loadSocialDispatchEnv } from '../../../functions/config/social-dispatch.js';

/** What infra/stacks/social-stack.ts gives the every-minute step. */
const step = { STAGE: 'dev', AWS_REGION: 'eu-west-1', TABLE_NAME: 'blue-heart', LOG_LEVEL: 'info', SOCIAL_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/123456789012/deliveries' };
/** …and the worker: the key, and the mail. */
const worker = {
  ...step,
  SOCIAL_TOKEN_KEY_ARN: 'arn:aws:kms:eu-west-1:123456789012:key/abc',
  SES_FROM_ADDRESS: 'campaign@example.org',
  SES_CONFIGURATION_SET: 'blue-heart',
  PUBLIC_URL: 'https://blueheart.example.org/',
  APP_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:app',
  SOCIAL_EMAILS_PER_SECOND: '1.4',
};

describe("the social functions' mail configuration", () => {
  it('lets the every-minute step run without mail, and reads the worker’s sender, URL and sending rate', () => {
    const stepEnv = loadSocialDispatchEnv(step);
    expect(stepEnv.SES_FROM_ADDRESS).toBeUndefined();
    expect(stepEnv.SOCIAL_EMAILS_PER_SECOND).toBe(14);
    expect(createSendDueDeps(stepEnv).deps.pledges).toBeDefined();
    const workerEnv = loadSocialDispatchEnv(worker);
    expect(workerEnv).toMatchObject({ PUBLIC_URL: 'https://blueheart.example.org', SOCIAL_EMAILS_PER_SECOND: 1.4 });
    expect(() => loadSocialDispatchEnv({ ...worker, SOCIAL_EMAILS_PER_SECOND: '0' })).toThrow(/SOCIAL_EMAILS_PER_SECOND: must be above 0/);
  });

  it('builds the worker with an email channel, and refuses to start it without the mail, naming every missing value', () => {
    const { deps } = createSocialWorkerDeps(loadSocialDispatchEnv(worker));
    expect(deps.email?.send).toBeTypeOf('function');
    expect(deps.email?.sendShareLink).toBeTypeOf('function');
    try {
      createSocialWorkerDeps(loadSocialDispatchEnv({ ...step, SOCIAL_TOKEN_KEY_ARN: worker.SOCIAL_TOKEN_KEY_ARN }));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.map((problem) => problem.split(':')[0])).toEqual(['SES_FROM_ADDRESS', 'PUBLIC_URL', 'APP_SECRET or APP_SECRET_ARN']);
    }
  });
});
