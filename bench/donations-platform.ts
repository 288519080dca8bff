/**
 * The donations benchmarks' platform: DynamoDB Local and local SES, the app served over HTTP on
 * a free port, the Stripe stand-in as its Stripe (webhooks held back, as in the replay test).
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { startDynamoDbLocal } from '../functions/dev/dynamodb-local.js';
import { startSesLocal } from '../functions/dev/ses-local.js';
import { startReplayHarness, type ReplayHarness, type Requester } from '../test/integration/donations/replay-harness.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

export interface DonationsBenchPlatform {
  harness: ReplayHarness;
  url: string;
  /** Requests to the served app over HTTP (what the stand-in or a browser would do). */
  http: Requester;
  stop(): Promise<void>;
}

export async function startDonationsBenchPlatform(): Promise<DonationsBenchPlatform> {
  const [dynamo, ses] = await Promise.all([startDynamoDbLocal(), startSesLocal()]);
  const harness = await startReplayHarness({ dynamoEndpoint: dynamo.endpoint, sesEndpoint: ses.endpoint, failureRate: 0, seed: 1 });
  harness.injectFailures(false);
  const server = await new Promise<Server>((resolve) => {
    const started = serve({ fetch: harness.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started as Server)) as Server;
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    harness,
    url,
    http: { request: (path, init) => fetch(`${url}${path}`, init) },
    stop: async () => {
      await new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); });
      await harness.stop();
      await Promise.all([dynamo.stop(), ses.stop()]);
    },
  };
}
