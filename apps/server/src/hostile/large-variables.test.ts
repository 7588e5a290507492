import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../test/test-db.js';
import { createYogaServer } from '../yoga.js';

// Hostile input: anonymous reads carrying large unused variables, each a new cache key. The
// response cache once kept every key (query and variables) uncounted, and the heap ran out.
const ctx = await createTestDb();
afterAll(() => ctx.close());
const yoga = createYogaServer(ctx.db);

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapAfterGc = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

const MIB = 1024 * 1024;
/** Each body just under the default 1 MiB limit (MAX_BODY_BYTES): 200 of them, 200 MB of keys. */
const REQUESTS = 200;
const PADDING = 1_000_000;

describe('large variables and the response cache', () => {
  it(`${REQUESTS} reads with an unused 1 MB variable each: all answered, memory bounded`, async () => {
    const before = heapAfterGc();
    const started = Date.now();
    for (let i = 0; i < REQUESTS; i++) {
      const padding = `${i}:${'x'.repeat(PADDING)}`;
      const response = await yoga.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }', variables: { padding } }),
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
    }
    const seconds = (Date.now() - started) / 1000;
    const grown = (heapAfterGc() - before) / MIB;
    // Keys kept whole would hold 200 MB; the cache may keep answers, not keys.
    expect(grown).toBeLessThan(64);
    expect(seconds).toBeLessThan(60);
  }, 120_000);
});
