import { Decimal } from '@fundtrace/schema/money';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import {
  bucketSum,
  type FlowGroup,
  groupFlows,
  totalsConditions,
} from '../domain/flow/flow-totals.js';
import { createTestDb, graphqlClient } from '../test/test-db.js';

const ctx = await createTestDb();
const gql = graphqlClient(ctx.db);
afterAll(() => ctx.close());

interface Row {
  rest: boolean;
  flowCount: number;
  source: { id: string } | null;
  target: { id: string } | null;
  publicMoney: { value: string; low: string | null };
}
const ROW = 'rest flowCount source { id } target { id } publicMoney { value low }';
const BY = 'groupBy: [SOURCE, PROGRAM, TARGET], filter: { year: 2017 }';

async function totals(args: string) {
  const result = await gql<{ totals: Row[] }>(`{ totals(${args}) { ${ROW} } }`);
  expect(result.errors).toBeUndefined();
  return result.data?.totals ?? [];
}

const sum = (rows: Row[], pick: (r: Row) => string) =>
  rows.reduce((t, r) => t.plus(pick(r)), new Decimal(0));

describe('totals(largest:)', () => {
  it('keeps the largest groups by public money, largest first, and sums the others in one rest row', async () => {
    const all = await totals(BY);
    expect(all.length).toBeGreaterThan(4);
    const rows = await totals(`${BY}, largest: 3`);
    expect(rows).toHaveLength(4);
    const [kept, rest] = [rows.slice(0, 3), rows[3]];
    const values = kept.map((r) => new Decimal(r.publicMoney.value));
    expect(values).toEqual([...values].sort((a, b) => b.cmp(a)));
    const largest = all.map((r) => new Decimal(r.publicMoney.value)).sort((a, b) => b.cmp(a));
    expect(values.map(String)).toEqual(largest.slice(0, 3).map(String));
    expect(kept.every((r) => !r.rest && r.source !== null)).toBe(true);
    expect(rest).toMatchObject({ rest: true, source: null, target: null });
    // nothing lost, nothing counted twice
    expect(sum(rows, (r) => r.publicMoney.value).toString()).toBe(
      sum(all, (r) => r.publicMoney.value).toString(),
    );
    expect(rows.reduce((n, r) => n + r.flowCount, 0)).toBe(
      all.reduce((n, r) => n + r.flowCount, 0),
    );
  });

  it('sums the rest as one group of those flows would be summed, overlaps among them included', async () => {
    const where = await totalsConditions(ctx.db, { year: 2017 });
    const keys = [sql`f.source_id::text`, sql`f.program_id::text`, sql`f.target_id::text`];
    let overlapping = 0;
    for (const largest of [1, 2, 5]) {
      const groups = await groupFlows(ctx.db, keys, where, sql``, 'flows', { largest });
      const rest = groups.find((g) => g.rest);
      const kept = groups.filter((g) => !g.rest).map((g) => g.keys.join(','));
      expect(kept).toHaveLength(largest);
      // the same flows as two groups, kept and rest, by the same machinery
      const side = sql`case when concat_ws(',', f.source_id, coalesce(f.program_id::text, ''), f.target_id)
        = any(${kept}::text[]) then 'kept' else 'rest' end`;
      const two = await groupFlows(ctx.db, [side], where, sql``, 'flows');
      const other = two.find((g) => g.keys[0] === 'rest');
      const shown = (g: FlowGroup | undefined) => {
        const m = g && bucketSum(g, 'PUBLIC');
        return m && { value: m.value.toString(), low: m.low?.toString(), flows: g.flowCount };
      };
      expect(shown(rest)).toEqual(shown(other));
      expect(rest?.overlaps?.overlaps.length ?? 0).toBe(other?.overlaps?.overlaps.length ?? 0);
      overlapping += rest?.overlaps?.overlaps.length ?? 0;
    }
    // the seed's 2017 overlaps fall in the rest: the case this test is for
    expect(overlapping).toBeGreaterThan(0);
  });

  it('answers with no rest row when every group fits, and refuses a largest out of range', async () => {
    const all = await totals(BY);
    const rows = await totals(`${BY}, largest: ${all.length}`);
    expect(rows.some((r) => r.rest)).toBe(false);
    expect(rows).toHaveLength(all.length);
    for (const largest of [0, 5001]) {
      const result = await gql(`{ totals(${BY}, largest: ${largest}) { rest } }`);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});
