import { currentLogKeys } from './log-context.js';

/**
 * Structured JSON logs, one line per event. Personal data never goes in: `maskEmail` keeps
 * enough to debug ("a***@example.org") and nothing more; tokens and bodies are never logged.
 *
 * Two adapters serve this port: on Lambda, Powertools Logger (`powertoolsLogger`, with the
 * function's name, version, request id, cold start and X-Ray trace id, and sampled debug lines);
 * with `npm start` and in tests, `createLogger` below, which writes the same shape (`level` in
 * capitals, `message`, `timestamp`, then the context's keys and the fields) synchronously to a
 * sink a test can read. Both add the keys of the current log context (`withLogKeys`): the
 * request's correlation id, an SQS message's id.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export function createLogger(level: LogLevel = 'info', write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Logger {
  const emit = (at: LogLevel) => (message: string, fields: Record<string, unknown> = {}) => {
    if (ORDER[at] < ORDER[level]) return;
    write(JSON.stringify({ level: at.toUpperCase(), message, timestamp: new Date().toISOString(), ...currentLogKeys(), ...fields }));
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

export const maskEmail = (email: string): string => {
  const at = email.lastIndexOf('@');
  return at < 1 ? '***' : `${email[0]}***${email.slice(at)}`;
};

/**
 * What an error may say in a log: its name, code and message, never the request that caused it.
 * Its message and stack are redacted (`redactPersonalData`): a provider's error may quote an address or a URL with a token.
 */
export const describeError = (error: unknown): Record<string, unknown> =>
  error instanceof Error
    ? {
        error: error.name,
        code: (error as { code?: string }).code,
        detail: redactPersonalData(error.message),
        stack: error.stack && redactPersonalData(error.stack.split('\n').slice(0, 5).join('\n')),
      }
    : { error: redactPersonalData(String(error)) };

/**
 * What an error's own words may carry into a log that we never want there: providers quote the
 * address they refused ("Email address is not verified … ana@example.org"), a failed fetch quotes
 * its URL with the signed token in it. Addresses keep their first letter and domain (enough to
 * debug, like `maskEmail`); token values become `…`.
 */
const EMAIL = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const TOKEN_PARAM = /\b(token|state|code|access_token|refresh_token|client_secret|password|secret)=([^&\s"'<>]+)/gi;
const BEARER = /\bBearer\s+[A-Za-z0-9._~+/=-]+/g;

export function redactPersonalData(text: string): string {
  return text
    .replace(EMAIL, (address) => `${address[0]}***${address.slice(address.lastIndexOf('@'))}`)
    .replace(TOKEN_PARAM, (_match, name: string) => `${name}=…`)
    .replace(BEARER, 'Bearer …');
}
