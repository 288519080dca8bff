import { readdirSync, readFileSync } from 'node:fs';

/**
 * DynamoDB Local's JVM (the one started with `-port <port>`): a function giving its CPU time so
 * far, in ms, from /proc (utime + stime, in USER_HZ of 100). NaN when the process is not found.
 */
export function dynamoCpu(port: string): () => number {
  const pid = readdirSync('/proc').find((entry) => {
    if (!/^\d+$/.test(entry)) return false;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      return args.some((arg) => arg.endsWith('DynamoDBLocal.jar')) && args[args.indexOf('-port') + 1] === port;
    } catch {
      return false;
    }
  });
  if (!pid) return () => NaN;
  return () => {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  };
}
