import type { Server } from 'node:http';
import { freePort, waitFor } from './free-port.js';

export interface EmbeddedSes {
  endpoint: string;
  stop(): Promise<void>;
}

/** `aws-ses-v2-local`: the SES v2 API in-process; its store (GET /store) holds every email sent. */
export async function startSesLocal(options: { port?: number } = {}): Promise<EmbeddedSes> {
  const port = options.port ?? (await freePort());
  const module = (await import('aws-ses-v2-local')) as unknown as { default: unknown };
  const start = ((module.default as { default?: unknown }).default ?? module.default) as (config: { host: string; port: number }) => Promise<Server>;
  const server = await start({ host: '127.0.0.1', port });
  const endpoint = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${endpoint}/health-check`)).ok, 'aws-ses-v2-local');
  return {
    endpoint,
    stop: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

export interface StoredEmail {
  messageId: string;
  from: string;
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { html?: string; text?: string };
  headers?: { name: string; value: string }[];
  at: number;
}

/** Reads the local SES mailbox. */
export async function readMailbox(endpoint: string): Promise<StoredEmail[]> {
  const response = await fetch(`${endpoint}/store`);
  const { emails } = (await response.json()) as { emails: StoredEmail[] };
  return emails;
}
