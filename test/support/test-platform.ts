import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalSitePublisher } from '../../functions/adapters/site/local-site-publisher.js';
import { LocalMediaStorage } from '../../functions/adapters/site/local-media-storage.js';
import { deriveKeys } from '../../functions/adapters/crypto/keys.js';
import { HmacTokenSigner } from '../../functions/adapters/crypto/signed-tokens.js';
import type { PledgeStats } from '../../functions/domain/pledges/pledge.js';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { inject } from 'vitest';
import { createDeps, type AppDeps } from '../../functions/config/deps.js';
import { loadEnv } from '../../functions/config/env.js';
import { ensureTable } from '../../functions/adapters/dynamodb/create-table.js';
import { silentLogger } from '../../functions/adapters/log/logger.js';
import { createApp } from '../../functions/http/app.js';
import { createLocalIdentity, type LocalIdentity } from '../../functions/dev/local-identity.js';
import { readMailbox, type StoredEmail } from '../../functions/dev/ses-local.js';
import { JwtVerifier } from '../../functions/adapters/auth/jwt-verifier.js';
import { createLocalJWKSet } from 'jose';

const TEST_SECRET = 'test-secret-that-is-long-enough-for-hkdf-000';

/** A clock tests can move. */
export class TestClock {
  constructor(private current = new Date('2026-07-30T09:00:00Z')) {}
  now = () => new Date(this.current);
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
  set(at: Date | string) {
    this.current = new Date(at);
  }
}

export interface TestPlatform {
  deps: AppDeps;
  /** Where publishing writes the campaign pages (a temporary folder). */
  siteDir: string;
  app: ReturnType<typeof createApp>;
  clock: TestClock;
  identity: LocalIdentity;
  tableName: string;
  /** Emails sent to one address, oldest first. */
  emailsTo(address: string): Promise<StoredEmail[]>;
  /** A solved proof-of-work payload, as the browser would send it. */
  solvedProof(): Promise<string>;
  request(path: string, init?: RequestInit & { ip?: string }): Promise<Response>;
}

/**
 * The real API app over the real engines (DynamoDB Local, local SES) with a fresh table per
 * call, a movable clock, cheap proof-of-work and the local issuer's keys for admin tokens.
 */
export async function createTestPlatform(): Promise<TestPlatform> {
  const dynamoEndpoint = inject('dynamoEndpoint');
  const sesEndpoint = inject('sesEndpoint');
  const tableName = `test-${randomUUID()}`;
  const admin = new DynamoDBClient({ endpoint: dynamoEndpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  await ensureTable(admin, tableName);
  admin.destroy();
  const clock = new TestClock();
  const identity = await createLocalIdentity('http://localhost:0');
  const jwks = (await (await identity.app.request('/.well-known/jwks.json')).json()) as Parameters<typeof createLocalJWKSet>[0];
  const env = loadEnv({
    STAGE: 'test',
    AWS_REGION: 'local',
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: dynamoEndpoint,
    SES_ENDPOINT: sesEndpoint,
    SES_FROM_ADDRESS: 'blue-heart@unodc.test',
    PUBLIC_URL: 'http://localhost:3000',
    APP_SECRET: TEST_SECRET,
    AUTH_ISSUER: identity.issuer,
    AUTH_JWKS_URL: identity.jwksUrl,
    AUTH_AUDIENCE: identity.clientId,
    AUTH_SIGN_IN_URL: identity.signInUrl,
  });
  const siteDir = mkdtempSync(join(tmpdir(), 'blue-heart-site-'));
  let stats: () => Promise<PledgeStats> = () => Promise.reject(new Error('not ready'));
  const deps = await createDeps(env, {
    publisher: new LocalSitePublisher({ siteDir, publicUrl: 'http://localhost:3000', clock, stats: () => stats() }),
    media: new LocalMediaStorage({ siteDir, publicUrl: 'http://localhost:3000', tokens: new HmacTokenSigner(deriveKeys(TEST_SECRET).tokens) }),
    clock,
    logger: silentLogger,
    statsMaxAgeSeconds: 0,
    erasureAnswerFloorMs: 0,
    proofOfWork: { cost: 1, counterRange: [1, 30], lifetimeSeconds: 600 },
    auth: new JwtVerifier({ issuer: identity.issuer, audience: identity.clientId, jwksUrl: identity.jwksUrl }, createLocalJWKSet(jwks)),
  });
  stats = () => deps.pledges.store.stats(clock.now());
  const app = createApp(deps, { clientIp: (c) => c.req.header('x-test-ip') });
  return {
    siteDir,
    deps,
    app,
    clock,
    identity,
    tableName,
    emailsTo: async (address) => (await readMailbox(sesEndpoint)).filter((email) => email.destination.to.includes(address)),
    solvedProof: async () => {
      const challenge = (await deps.pledges.proofOfWork.createChallenge(clock.now())) as Challenge;
      const solution = await solveChallenge({ challenge, deriveKey });
      return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
    },
    request: (path, init = {}) => {
      const { ip, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (ip) headers.set('x-test-ip', ip);
      return Promise.resolve(app.request(path, { ...rest, headers }));
    },
  };
}

export const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

export const form = (fields: Record<string, string>): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

/** The token in a link of a sent email, e.g. linkToken(email, 'confirm'). */
export function linkToken(email: StoredEmail, kind: 'confirm' | 'unsubscribe' | 'erase'): string {
  const match = new RegExp(`/api/pledges/${kind}\\?token=([A-Za-z0-9._-]+)`).exec(email.body.text ?? '');
  if (!match?.[1]) throw new Error(`No ${kind} link in email "${email.subject}"`);
  return match[1];
}
