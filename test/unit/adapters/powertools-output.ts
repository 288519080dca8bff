import { vi } from 'vitest';

/**
 * The JSON lines Powertools writes while `run` runs: its logger and its EMF metrics write through
 * their own Console (errors and warnings on stderr, the rest on stdout), so both are captured.
 */
export async function powertoolsOutput(run: () => Promise<void>): Promise<Array<Record<string, unknown>>> {
  const written: string[] = [];
  const capture = (chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  };
  const spies = [vi.spyOn(process.stdout, 'write').mockImplementation(capture), vi.spyOn(process.stderr, 'write').mockImplementation(capture)];
  try {
    await run();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return written.join('').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
}
