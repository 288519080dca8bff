import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../../functions/dev/free-port.js';

/**
 * `npm start` as a newcomer runs it: progress, what runs where, a working platform on PORT, and
 * a clean stop on Ctrl-C (SIGINT) that leaves no DynamoDB Local JVM behind.
 */
describe('npm start', () => {
  it('prints where everything runs, serves the platform, and stops cleanly on Ctrl-C', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'functions/dev/start.ts', '--no-seed'], {
      env: { ...process.env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

    await expect.poll(() => output, { timeout: 45_000, interval: 200 }).toContain('Press Ctrl-C to stop.');
    expect(output).toMatch(/Starting DynamoDB Local \(in memory\)/);
    expect(output).toContain(`Public site     http://localhost:${port}/`);
    expect(output).toContain(`/api/openapi.json`);
    expect(output).toContain(`Console         http://localhost:${port}/console/`);
    expect(output).toContain(`Mailbox         http://localhost:${port}/mailbox/`);
    expect(output).not.toContain('Seeding');

    const health = await fetch(`http://localhost:${port}/api/health`);
    expect(await health.json()).toEqual({ status: 'ok' });
    const dynamoPort = /DynamoDB Local\s+http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1];
    expect(dynamoPort).toBeDefined();

    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output).toContain('Stopped.');
    // Nothing listens any more: neither the platform nor DynamoDB Local.
    await expect(fetch(`http://localhost:${port}/api/health`)).rejects.toThrow();
    await expect(fetch(`http://127.0.0.1:${dynamoPort}/`)).rejects.toThrow();
  });

  it('refuses a bad PORT with a readable message', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'functions/dev/start.ts'], {
      env: { ...process.env, PORT: 'eighty' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(output).toMatch(/Cannot start: PORT/);
  });
});
