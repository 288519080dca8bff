/**
 * `npm start`: the whole platform on one port with embedded engines. No AWS account, no keys.
 *   npm start                 seeded demo data, in memory, port 3000
 *   npm start -- --no-seed    empty
 *   PORT=4000 DATA_DIR=.data npm start   another port; keep data across restarts
 */
import { z } from 'zod';
import { LOCAL_USERS } from './local-identity.js';
import { startPlatform } from './platform.js';

// The SDK versions are pinned; its reminder that future releases need Node 22 is not news here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const options = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65_535, 'PORT must be a TCP port, 1–65535').default(3000),
    DATA_DIR: z.string().min(1).optional(),
  })
  .safeParse(process.env);
if (!options.success) {
  console.error(`Cannot start: ${options.error.issues.map((i) => `${String(i.path[0])} ${i.message}`).join('; ')}`);
  process.exit(1);
}
const unknown = process.argv.slice(2).filter((arg) => arg !== '--no-seed');
if (unknown.length > 0) {
  console.error(`Unknown option ${unknown.join(' ')}. The only option is --no-seed.`);
  process.exit(1);
}

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s`;
console.log('Blue Heart Platform: starting the local platform\n');

try {
  const platform = await startPlatform({
    port: options.data.PORT,
    seed: !process.argv.includes('--no-seed'),
    demoAccounts: !process.argv.includes('--no-seed'),
    dataDir: options.data.DATA_DIR,
    onProgress: (step) => console.log(`  ${elapsed()}  ${step}…`),
  });
  const row = (name: string, value: string) => `  ${name.padEnd(16)}${value}`;
  console.log(
    [
      '',
      `Ready in ${elapsed().trim()}.`,
      '',
      row('Public site', `${platform.url}/`),
      row('API', `${platform.url}/api  (OpenAPI ${platform.url}/api/openapi.json, docs ${platform.url}/api/docs)`),
      row('Console', `${platform.url}/console/`),
      row('Mailbox', `${platform.url}/mailbox/  (emails the platform sent)`),
      row('DynamoDB Local', `${platform.dynamoEndpoint}  (table ${platform.tableName}${options.data.DATA_DIR ? `, data in ${options.data.DATA_DIR}` : ', in memory'})`),
      row('SES (local)', `${platform.sesEndpoint}  (its own viewer at /, JSON at /store)`),
      row('Stripe', platform.stripeStandin ? `${platform.stripeStandin.url}  (local test-mode stand-in: card 4242 4242 4242 4242 pays, 4000 0000 0000 0002 is declined)` : 'test mode with your STRIPE_SECRET_KEY'),
      '',
      '  Console sign-in (local only):',
      ...LOCAL_USERS.map((u) => `    ${u.roles.join(',').padEnd(9)} ${u.username} / ${u.password}`),
      '',
      'Press Ctrl-C to stop.',
    ].join('\n'),
  );
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    await platform.stop();
    console.log('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('Ctrl-C'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
} catch (error) {
  console.error(`\nCould not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
