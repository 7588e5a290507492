import { type KyselyPlugin, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from '../config.js';
import { TooMuchWorkError } from '../domain/errors.js';
import { groupFlows } from '../domain/flow/flow-totals.js';
import { encodeGlobalId } from '../domain/records/global-id.js';
import { MAX_TOTAL_ROWS } from '../limits.js';
import { listenExports } from '../test/export-server.js';
import { generateFanOut } from '../test/fan-out.js';
import { createTestDb, type GraphQLResult } from '../test/test-db.js';
import { createYogaServer } from '../yoga.js';

/**
 * Issue 17, findings 5 and 8: `totals` by source × program × target of a national year has
 * 261,685 rows, built in JavaScript before the answer-size limit refused it. The database now
 * hands over at most MAX_TOTAL_ROWS + 1 groups, and more than MAX_TOTAL_ROWS are refused with
 * TOO_MUCH_WORK, saying what to narrow, before any row is built. Tested on a generated set with
 * a lowered cap (the yoga option MAX_TOTAL_ROWS sets), rather than on 5,001 groups.
 */

// A root, 4 governments, 30 households each, in 2016: 124 flows, each its own source × target.
const ctx = await createTestDb({ seed: false });
const root = await generateFanOut(ctx.db, { mids: 4, leaves: 30, years: [2016] });
afterAll(() => ctx.close());
const GROUPS = 124;

function client(maxTotalRows?: number) {
  const yoga = createYogaServer(ctx.db, { maxTotalRows });
  return async <T>(query: string, variables?: object) => {
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResult<T>;
  };
}

const BY_SOURCE_AND_TARGET = `query($filter: FlowFilter) {
  totals(groupBy: [SOURCE, PROGRAM, TARGET], filter: $filter) {
    source { id } target { id } flowCount publicMoney { value } } }`;

describe('totals are at most MAX_TOTAL_ROWS rows', () => {
  it('states the cap once: 5,000 by default, MAX_TOTAL_ROWS overrides it', () => {
    expect(MAX_TOTAL_ROWS).toBe(5_000);
    expect(readConfig({}).maxTotalRows).toBe(5_000);
    expect(readConfig({ MAX_TOTAL_ROWS: '7' }).maxTotalRows).toBe(7);
    expect(() => readConfig({ MAX_TOTAL_ROWS: '0' })).toThrow(/MAX_TOTAL_ROWS/);
  });

  it('more groups than the cap: TOO_MUCH_WORK, naming what to narrow, and no rows', async () => {
    const answer = await client(20)<{ totals: unknown[] }>(BY_SOURCE_AND_TARGET, {
      filter: { year: 2016 },
    });
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: 'TOO_MUCH_WORK',
      narrow: ['filter.regionCode', 'filter.programId', 'filter.actorId', 'groupBy'],
    });
    expect(answer.errors?.[0]?.message).toBe(
      'These totals have more than 20 rows; narrow them: filter by a region, a program or an actor, or group by fewer dimensions.',
    );
    // One dimension and no filter: every filter field, and no dimension to drop.
    const one = await client(3)<{ totals: unknown[] }>(
      '{ totals(groupBy: [TARGET]) { flowCount } }',
    );
    expect(one.errors?.[0]?.extensions).toMatchObject({
      code: 'TOO_MUCH_WORK',
      narrow: ['filter.year', 'filter.regionCode', 'filter.programId', 'filter.actorId'],
    });
    expect(one.errors?.[0]?.message).toBe(
      'These totals have more than 3 rows; narrow them: filter by a year, a region, a program or an actor.',
    );
  });

  it('answers in full up to the cap, at the cap, and with the default cap', async () => {
    const all = await client()<{ totals: { flowCount: number }[] }>(BY_SOURCE_AND_TARGET, {
      filter: { year: 2016 },
    });
    expect(all.errors).toBeUndefined();
    expect(all.data?.totals).toHaveLength(GROUPS);
    const atCap = await client(GROUPS)<{ totals: unknown[] }>(BY_SOURCE_AND_TARGET, {
      filter: { year: 2016 },
    });
    expect(atCap.errors).toBeUndefined();
    expect(atCap.data?.totals).toEqual(all.data?.totals);
    const over = await client(GROUPS - 1)<{ totals: unknown[] }>(BY_SOURCE_AND_TARGET, {
      filter: { year: 2016 },
    });
    expect(over.errors?.[0]?.extensions?.code).toBe('TOO_MUCH_WORK');
    // Narrowed as the message says (one actor's flows), the same request answers under the cap.
    const { id } = await ctx.db
      .selectFrom('actors')
      .select('id')
      .where('key', '=', 'fan-m-1')
      .executeTakeFirstOrThrow();
    const narrowed = await client(40)<{ totals: { flowCount: number }[] }>(
      `query($actor: ID!) { totals(groupBy: [SOURCE, TARGET], filter: { year: 2016, actorId: $actor }) { flowCount } }`,
      { actor: encodeGlobalId('Actor', id) },
    );
    expect(narrowed.errors).toBeUndefined();
    expect(narrowed.data?.totals).toHaveLength(31); // from the root, and to its 30 households
    const byYear = await client(1)<{ totals: { flowCount: number }[] }>(
      '{ totals(groupBy: [YEAR]) { flowCount } }',
    );
    expect(byYear.data?.totals).toEqual([{ flowCount: GROUPS }]);
  });
});

describe('the totals export holds to the same cap', () => {
  it('more groups than the cap: 422 TOO_MUCH_WORK naming what to narrow; at the cap, every row', async () => {
    const small = await listenExports(ctx.db, GROUPS - 1);
    const exact = await listenExports(ctx.db, GROUPS);
    try {
      const path = '/export/totals.csv?groupBy=SOURCE,PROGRAM,TARGET';
      const refused = await fetch(small.base + path);
      expect(refused.status).toBe(422);
      const body = (await refused.json()) as { code: string; narrow: string[]; error: string };
      expect(body.code).toBe('TOO_MUCH_WORK');
      expect(body.narrow).toEqual(
        expect.arrayContaining(['filter.year', 'filter.regionCode', 'groupBy']),
      );
      const full = await fetch(exact.base + path);
      expect(full.status).toBe(200);
      // a header and one line per group
      expect((await full.text()).trim().split('\n')).toHaveLength(GROUPS + 1);
    } finally {
      await small.close();
      await exact.close();
    }
  });
});

describe('groupFlows with a limit', () => {
  it('the database hands over at most cap + 1 groups', async () => {
    const seen: unknown[][] = [];
    const recording: KyselyPlugin = {
      transformQuery: (args) => args.node,
      transformResult: async (args) => {
        seen.push(args.result.rows as unknown[]);
        return args.result;
      },
    };
    const db = ctx.db.withPlugin(recording);
    const keys = [sql`f.source_id::text`, sql`f.target_id::text`];
    const tooMany = () => new TooMuchWorkError('too many');
    await expect(
      groupFlows(db, keys, sql`f.year = 2016`, sql``, 'flows', { max: 20, tooMany }),
    ).rejects.toBeInstanceOf(TooMuchWorkError);
    expect(seen).toHaveLength(1); // the sums only: no overlap lookup, nothing built
    const groups = new Set(seen[0]?.map((r) => JSON.stringify((r as { keys: unknown }).keys)));
    expect(groups.size).toBe(21);
    // Without a limit (the balances, boundaries and exports), every group as before.
    expect(await groupFlows(ctx.db, keys, sql`f.year = 2016`)).toHaveLength(GROUPS);
    expect(root).toBeGreaterThan(0);
  });
});
