import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../db/create-db.js';
import { encodeGlobalId } from '../domain/records/global-id.js';
import { generateFanOut } from '../test/fan-out.js';
import { createTestDb } from '../test/test-db.js';
import { createYogaServer } from '../yoga.js';
import { limitTraceGraph } from './graph-store.js';

// PostgreSQL only: PGlite has no statement timeout.
const ctx = process.env.DATABASE_URL ? await createTestDb({ seed: false }) : null;
afterAll(() => ctx?.close());

describe.skipIf(!ctx)('a trace whose statement PostgreSQL cancels', () => {
  it('answers TOO_MUCH_WORK with what to narrow, never an unexpected error', async () => {
    if (!ctx?.url) throw new Error('PostgreSQL only');
    const root = await generateFanOut(ctx.db, { mids: 20, leaves: 20, years: [2017] });
    const db = await createDb({ databaseUrl: ctx.url, statementTimeoutMs: 500 });
    // The SQL path (what traces use while the in-memory flow graph loads), which reads flow_edges.
    limitTraceGraph(db, 0);
    // A statement as slow as a national trace's, made so by a lock it has to wait for: the
    // flow graph is held by another transaction until the trace's statement is cancelled.
    const holder = new pg.Client({ connectionString: ctx.url });
    await holder.connect();
    await holder.query('begin');
    await holder.query('lock table flow_edges in access exclusive mode');
    try {
      // A trace's statements may run as long as its budget, here just past the pool's timeout.
      const yoga = createYogaServer(db, { traceTimeoutMs: 800 });
      const response = await yoga.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `query($from: ID!) { trace(from: $from, year: 2017) { nodeCount } }`,
          variables: { from: encodeGlobalId('Actor', root) },
        }),
      });
      const { data, errors } = (await response.json()) as {
        data?: { trace: unknown } | null;
        errors?: { message: string; extensions?: Record<string, unknown> }[];
      };
      expect(data?.trace ?? null).toBeNull();
      expect(errors?.[0]?.extensions).toMatchObject({
        code: 'TOO_MUCH_WORK',
        narrow: ['maxDepth'],
      });
      expect(errors?.[0]?.message).toMatch(/maxDepth below 6/);
    } finally {
      await holder.query('rollback');
      await holder.end();
      await db.destroy();
    }
  });
});
