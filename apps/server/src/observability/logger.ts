import pino, { type DestinationStream, type Logger } from 'pino';

const LEVELS = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/** JSON lines on standard output (or the given stream), at LOG_LEVEL. */
export function createLogger(level = 'info', destination?: DestinationStream): Logger {
  const options = {
    level: LEVELS.has(level) ? level : 'info',
    base: { service: 'fundtrace' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}

/** Yoga's logger interface on pino (Yoga logs masked errors with their cause at error level). */
export function yogaLogger(logger: Logger) {
  return {
    debug: (...args: unknown[]) => logger.debug(args.map(String).join(' ')),
    info: (...args: unknown[]) => logger.info(args.map(String).join(' ')),
    warn: (...args: unknown[]) => logger.warn(args.map(String).join(' ')),
    error: (...args: unknown[]) => {
      const err = args.find((a) => a instanceof Error);
      const text = args
        .filter((a) => !(a instanceof Error))
        .map(String)
        .join(' ');
      logger.error(err ? { err } : {}, text || err?.message || 'error');
    },
  };
}
