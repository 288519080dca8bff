import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { silentLogger, type Logger } from '../../functions/adapters/log/logger.js';
import { startPlatform, type Platform } from '../../functions/dev/platform.js';
import { readMailbox, type StoredEmail } from '../../functions/dev/ses-local.js';

/**
 * The whole platform as `npm start` runs it (site server, API, local sign-in, mailbox) on a free
 * port, over the engines the global setup started, with its own table and site folder.
 */
export async function startTestPlatform(options: { seed?: boolean; logger?: Logger } = {}): Promise<Platform & { emailsTo(address: string): Promise<StoredEmail[]> }> {
  const webDir = mkdtempSync(join(tmpdir(), 'blue-heart-web-'));
  const platform = await startPlatform({
    port: 0,
    seed: options.seed ?? false,
    webDir,
    // Tests run jobs with runJob, at the step they mean.
    scheduler: false,
    dynamoEndpoint: inject('dynamoEndpoint'),
    sesEndpoint: inject('sesEndpoint'),
    tableName: `e2e-${randomUUID()}`,
    deps: { logger: options.logger ?? silentLogger, proofOfWork: { cost: 1, counterRange: [1, 30], lifetimeSeconds: 600 }, statsMaxAgeSeconds: 0, erasureAnswerFloorMs: 0 },
  });
  return {
    ...platform,
    emailsTo: async (address) => (await readMailbox(platform.sesEndpoint)).filter((e) => e.destination.to.includes(address)),
    stop: async () => {
      await platform.stop();
      rmSync(webDir, { recursive: true, force: true });
    },
  };
}
