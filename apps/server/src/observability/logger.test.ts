import { describe, expect, it } from 'vitest';
import { createLogger, yogaLogger } from './logger.js';

const capture = (level?: string) => {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger(level, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { lines, logger };
};

describe('logger', () => {
  it('writes JSON lines at LOG_LEVEL, and an unknown level means info', () => {
    const warn = capture('warn');
    warn.logger.info('quiet');
    warn.logger.warn('loud');
    expect(warn.lines.map((l) => l.msg)).toEqual(['loud']);
    const unknown = capture('chatty');
    unknown.logger.debug('hidden');
    unknown.logger.info('shown');
    expect(unknown.lines).toMatchObject([{ level: 30, msg: 'shown', service: 'fundtrace' }]);
  });

  it("keeps the cause of a masked error (Yoga's log of it) as a serialised err", () => {
    const { lines, logger } = capture();
    yogaLogger(logger).error(new Error('relation "x" does not exist'));
    expect(lines[0]).toMatchObject({
      level: 50,
      msg: 'relation "x" does not exist',
      err: { type: 'Error', message: 'relation "x" does not exist' },
    });
    expect(JSON.stringify(lines[0]?.err)).toContain('logger.test.ts');
  });
});
