import { defineConfig } from 'vitest/config';

/**
 * Test tiers (STYLE.md §9): unit (no network), integration (DynamoDB Local + local SES, started
 * once by the global setup), infra (CDK synthesis + cdk-nag), e2e (Debian's Chromium against
 * the running platform). `npm test` runs the type-check and then all of them.
 */
const engines = 'test/support/global-engines.ts';
const env = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };

export default defineConfig({
  test: {
    env,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}'] } },
      {
        extends: true,
        test: { name: 'integration', include: ['test/integration/**/*.test.ts'], globalSetup: [engines], testTimeout: 30_000, hookTimeout: 60_000 },
      },
      { extends: true, test: { name: 'infra', include: ['test/infra/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 180_000 } },
      {
        extends: true,
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], globalSetup: [engines], testTimeout: 90_000, hookTimeout: 120_000, fileParallelism: false },
      },
    ],
  },
});
