/**
 * Pledge ingest through the local HTTP API (sign-up, then confirmation), against the raw
 * PutItem rate of the same embedded DynamoDB Local, measured in the same run.
 *   npx tsx bench/pledge-ingest.ts [pledges=2000] [connections=32]
 * While the confirmations land, half as many connections read the public counter (2 reads per
 * pledge); any non-2xx answer fails the run.
 * The abuse limits are lifted for the run: every request comes from 127.0.0.1, and a real
 * World Day peak comes from many addresses. The counters must equal the confirmations exactly.
 */
import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { silentLogger } from '../functions/adapters/log/logger.js';
import { DEFAULT_ABUSE_POLICY } from '../functions/domain/pledges/abuse-policy.js';
import { startPlatform } from '../functions/dev/platform.js';
import { readMailbox } from '../functions/dev/ses-local.js';
import { printTable } from './stats.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const total = Number(process.argv[2] ?? 2000);
const connections = Number(process.argv[3] ?? 32);
const unlimited = { burst: 1e9, sustained: 1e9 };

const platform = await startPlatform({
  port: 0,
  seed: false,
  webDir: 'bench/out/web',
  tableName: 'bench-pledges',
  deps: { logger: silentLogger, policy: { ...DEFAULT_ABUSE_POLICY, perAddress: unlimited, perIp: unlimited, perIpWithoutProof: unlimited, perDomain: unlimited } },
});

/** `total` POSTs to `path`, each with the next body; autocannon keeps method, path and headers. */
async function run(title: string, path: string, nextBody: () => string): Promise<number> {
  const request = { method: 'POST', path, headers: { 'content-type': 'application/json' } } as const;
  const result = await autocannon({
    url: platform.url, connections, amount: total,
    requests: [{ ...request, setupRequest: (req: autocannon.Request) => ({ ...req, body: nextBody() }) }],
  });
  const bad = result.non2xx + result.errors;
  if (bad > 0) throw new Error(`${title}: ${bad} requests failed (${JSON.stringify(result.statusCodeStats)}, errors ${result.errors})`);
  return (total / (result.duration || 1));
}

try {
  let n = 0;
  const signUps = await run('sign-up', '/api/pledges', () =>
    JSON.stringify({ name: 'Bench', email: `bench-${n++}@gmail.com`, country: ['MX', 'FR', 'EG', 'CN', 'BR'][n % 5], language: 'en', showOnWall: n % 3 === 0, wantsUpdates: false }),
  );

  const emails = await readMailbox(platform.sesEndpoint);
  const tokens = emails.map((e) => /confirm\?token=([A-Za-z0-9._-]+)/.exec(e.body.text ?? '')?.[1]).filter((t): t is string => Boolean(t));
  if (tokens.length !== total) throw new Error(`expected ${total} confirmation emails, got ${tokens.length}`);
  let i = 0;
  // Visitors keep reading the counter while the confirmations land: no answer may be an error.
  const [confirmations, statsReads] = await Promise.all([
    run('confirm', '/api/pledges/confirm', () => JSON.stringify({ token: tokens[i++ % tokens.length] })),
    autocannon({ url: `${platform.url}/api/pledges/stats`, connections: Math.max(1, connections / 2), amount: total * 2 }).then((result) => {
      if (result.non2xx + result.errors > 0) throw new Error(`stats reads: ${result.non2xx + result.errors} failed (${JSON.stringify(result.statusCodeStats)})`);
      return { perSecond: (total * 2) / (result.duration || 1), p99: result.latency.p99 };
    }),
  ]);

  const stats = (await (await fetch(`${platform.url}/api/pledges/stats`)).json()) as { total: number };
  await new Promise((r) => setTimeout(r, (platform.deps.statsMaxAgeSeconds + 0.1) * 1000));
  const exact = (await (await fetch(`${platform.url}/api/pledges/stats`)).json()) as { total: number };
  if (exact.total !== total) throw new Error(`counter says ${exact.total} (cached ${stats.total}), ${total} confirmed`);

  // The engine's own write rate: PutItem of a pledge-sized item, same concurrency.
  const documents = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: platform.dynamoEndpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }));
  const started = performance.now();
  let written = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (written < total) {
        written++;
        await documents.send(new PutCommand({ TableName: platform.tableName, Item: { PK: `RAW#${randomUUID()}`, SK: 'RAW', name: 'Bench Pledger', email: 'bench@gmail.com', country: 'MX', language: 'en', createdAt: new Date().toISOString() } }));
      }
    }),
  );
  const raw = total / ((performance.now() - started) / 1000);

  printTable(
    ['measure', 'per second', 'ratio to raw PutItem'],
    [
      ['raw PutItem (DynamoDB Local)', raw.toFixed(0), '1.00'],
      ['pledge sign-ups (POST /api/pledges)', signUps.toFixed(0), (signUps / raw).toFixed(2)],
      ['confirmations (POST /api/pledges/confirm)', confirmations.toFixed(0), (confirmations / raw).toFixed(2)],
      [`stats reads during the confirmations (GET /api/pledges/stats, p99 ${statsReads.p99} ms)`, statsReads.perSecond.toFixed(0), '—'],
    ],
  );
  console.log(`\n${total} pledges, ${connections} connections, Node ${process.version}; counter after the run: ${exact.total} (exact).`);
} finally {
  await platform.stop();
}
