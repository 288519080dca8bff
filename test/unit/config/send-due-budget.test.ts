import { describe, expect, it } from 'vitest';
import { createSendDueDeps, loadSocialDispatchEnv } from '../../../functions/config/social-dispatch.js';
import { DEFAULT_FAN_OUT_POLICY, fanOutPolicyOf } from '../../../functions/domain/social/dispatch/resume-fan-out.js';

const step = { STAGE: 'dev', AWS_REGION: 'eu-west-1', TABLE_NAME: 'blue-heart', LOG_LEVEL: 'info', SOCIAL_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/123456789012/deliveries' };

describe("the every-minute step's fan-out budget", () => {
  it('is 4 minutes unless SOCIAL_FAN_OUT_BUDGET_SECONDS says otherwise, and its lease always outlasts a run', () => {
    expect(fanOutPolicyOf(createSendDueDeps(loadSocialDispatchEnv(step)).deps)).toEqual(DEFAULT_FAN_OUT_POLICY);
    expect(DEFAULT_FAN_OUT_POLICY).toMatchObject({ budgetMs: 240_000, leaseMs: 360_000 });
    const { deps } = createSendDueDeps(loadSocialDispatchEnv({ ...step, SOCIAL_FAN_OUT_BUDGET_SECONDS: '600' }));
    expect(fanOutPolicyOf(deps)).toMatchObject({ budgetMs: 600_000, leaseMs: 720_000 });
    expect(() => loadSocialDispatchEnv({ ...step, SOCIAL_FAN_OUT_BUDGET_SECONDS: '0' })).toThrow(/SOCIAL_FAN_OUT_BUDGET_SECONDS: must be at least 1/);
    expect(() => loadSocialDispatchEnv({ ...step, SOCIAL_FAN_OUT_BUDGET_SECONDS: '2.5' })).toThrow(/SOCIAL_FAN_OUT_BUDGET_SECONDS: must be whole seconds/);
  });
});
