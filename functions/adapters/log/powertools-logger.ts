import type { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import { currentLogKeys } from './log-context.js';
import type { Logger } from './logger.js';

/**
 * The `Logger` port over Powertools Logger (Lambda): each line gets Powertools' keys (service,
 * cold start, function name, version and request id, X-Ray trace id, sampling rate) and the
 * current log context's keys (`withLogKeys`), then the line's own fields.
 */
export function powertoolsLogger(logger: PowertoolsLogger): Logger {
  return {
    debug: (message, fields) => logger.debug(message, { ...currentLogKeys(), ...fields }),
    info: (message, fields) => logger.info(message, { ...currentLogKeys(), ...fields }),
    warn: (message, fields) => logger.warn(message, { ...currentLogKeys(), ...fields }),
    error: (message, fields) => logger.error(message, { ...currentLogKeys(), ...fields }),
  };
}
