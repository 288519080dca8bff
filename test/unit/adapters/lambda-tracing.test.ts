import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { traced } from '../../../functions/adapters/aws/traced-client.js';
import { lambdaObservability } from '../../../functions/adapters/lambda/observability.js';

afterAll(() => vi.unstubAllEnvs());

describe('Powertools Tracer on Lambda', () => {
  it('captures every AWS SDK client built after the shell set it up: one X-Ray subsegment per call, named by operation', () => {
    // Lambda's own variable turns the tracer on. Node's https is left unpatched here, as other test files share this process.
    vi.stubEnv('AWS_EXECUTION_ENV', 'AWS_Lambda_nodejs24.x');
    vi.stubEnv('POWERTOOLS_TRACER_CAPTURE_HTTPS_REQUESTS', 'false');
    const before = new DynamoDBClient({ region: 'eu-west-1' });
    lambdaObservability({ stage: 'dev' });
    const dynamo = traced(new DynamoDBClient({ region: 'eu-west-1' }));
    const ses = traced(new SESv2Client({ region: 'eu-west-1' }));
    for (const client of [dynamo, ses]) expect(client.middlewareStack.identify().join(',')).toMatch(/XRaySDKInstrumentation/);
    expect(before.middlewareStack.identify().join(',')).not.toMatch(/XRaySDKInstrumentation/);
  });
});
