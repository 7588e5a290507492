import { sql } from 'kysely';
import { Registry } from 'prom-client';
import { afterAll, describe, expect, it } from 'vitest';
import { flowHarness, RECORD, type Result } from '../test/flow-harness.js';
import { writeClient } from '../test/write-client.js';

const { ctx, base } = await flowHarness();
const registry = new Registry();
// No listener (databaseUrl): versions are read per request, so writes made here in SQL are seen
// at once (response-cache.test.ts covers the NOTIFY path).
const client = writeClient(ctx.db, { metrics: registry });
afterAll(async () => {
  await client.yoga.dispose?.();
  await ctx.close();
});

/** The explorer's overview of one year (apps/explorer/src/overview/queries.ts), trimmed. */
const OVERVIEW_FLOWS = `query OverviewFlows($filter: FlowFilter!) {
  totals(groupBy: [SOURCE, PROGRAM, TARGET], filter: $filter) {
    source { id name } program { id name } target { id name }
    ...Parts overlappingFlowCount } }
  fragment Parts on MoneyTotals { publicMoney { value formatted } flowCount }`;
const BY_YEAR = '{ totals(groupBy: [YEAR]) { year flowCount publicMoney { value } } }';
/** A field whose reads are not declared (overlaps): kept only until any write. */
const UNDECLARED = `query($filter: FlowFilter!) {
  totals(groupBy: [PROGRAM], filter: $filter) { flowCount overlaps { id } } }`;

async function hits() {
  const metric = await registry.getSingleMetric('fundtrace_response_cache_total')?.get();
  return metric?.values.find((v) => v.labels.result === 'hit')?.value ?? 0;
}

/** Asks anonymously (so the answer may be cached); says whether the cache answered. */
async function ask(query: string, variables?: Record<string, unknown>) {
  const before = await hits();
  const result = await client(query, variables, null);
  expect(result.errors).toBeUndefined();
  return { hit: (await hits()) > before, body: JSON.stringify(result.data) };
}

const year = (y: number) => ({ filter: { year: y } });
const flowCount = (body: string) =>
  (JSON.parse(body) as { totals: { flowCount: number }[] }).totals.reduce(
    (n, r) => n + r.flowCount,
    0,
  );

describe('the response cache empties only what a write can have changed', () => {
  it('keeps the 2017 overview while a 2018 flow is recorded, and renews 2018 and all years', async () => {
    const y2017 = await ask(OVERVIEW_FLOWS, year(2017));
    const y2018 = await ask(OVERVIEW_FLOWS, year(2018));
    const all = await ask(BY_YEAR);
    const undeclared = await ask(UNDECLARED, year(2017));
    expect(flowCount(y2017.body)).toBeGreaterThan(0);
    expect((await ask(OVERVIEW_FLOWS, year(2017))).hit).toBe(true);

    const recorded = await client<Result>(RECORD, { input: { ...base, key: 'scoped-2018' } });
    expect(recorded.data?.recordFlow?.__typename).toBe('RecordFlowSuccess');

    expect(await ask(OVERVIEW_FLOWS, year(2017))).toEqual({ hit: true, body: y2017.body });
    const after2018 = await ask(OVERVIEW_FLOWS, year(2018));
    expect(after2018.hit).toBe(false);
    expect(flowCount(after2018.body)).toBe(flowCount(y2018.body) + 1);
    const allAfter = await ask(BY_YEAR);
    expect(allAfter.hit).toBe(false);
    expect(flowCount(allAfter.body)).toBe(flowCount(all.body) + 1);
    // the reads of `overlaps` are not declared: any write renews it
    expect((await ask(UNDECLARED, year(2017))).hit).toBe(false);
    expect(undeclared.body).toBeDefined();
  });

  it('renews the 2017 overview when a 2017 flow changes, or a name it shows', async () => {
    await ask(OVERVIEW_FLOWS, year(2017));
    expect((await ask(OVERVIEW_FLOWS, year(2017))).hit).toBe(true);
    // moved from 2017 to 2016 behind the API's back: both years are touched (old and new rows)
    const { rows } = await sql<{ id: number }>`update flows set year = 2016
      where id = (select min(id) from flows where year = 2017) returning id`.execute(ctx.db);
    const moved = await ask(OVERVIEW_FLOWS, year(2017));
    expect(moved.hit).toBe(false);
    expect((await ask(OVERVIEW_FLOWS, year(2017))).hit).toBe(true);
    await sql`update flows set year = 2017 where id = ${rows[0]?.id}`.execute(ctx.db);
    const back = await ask(OVERVIEW_FLOWS, year(2017));
    expect(back.hit).toBe(false);
    expect(flowCount(back.body)).toBe(flowCount(moved.body) + 1);

    await sql`update programs set name = name || '（改）'
      where id = (select min(program_id) from flows where year = 2017)`.execute(ctx.db);
    const renamed = await ask(OVERVIEW_FLOWS, year(2017));
    expect(renamed.hit).toBe(false);
    expect(renamed.body).toContain('（改）');
  });

  it('a write to a table the answer does not read leaves it cached; a delete renews it', async () => {
    await ask(OVERVIEW_FLOWS, year(2017));
    await sql`update documents set title = title || '.' where id = (select min(id) from documents)`.execute(
      ctx.db,
    );
    expect((await ask(OVERVIEW_FLOWS, year(2017))).hit).toBe(true);
    await sql`delete from flows where key = 'scoped-2018'`.execute(ctx.db);
    expect((await ask(OVERVIEW_FLOWS, year(2017))).hit).toBe(true);
    expect((await ask(OVERVIEW_FLOWS, year(2018))).hit).toBe(false);
  });
});
