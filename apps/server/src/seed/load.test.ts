import { findFigures } from '@fundtrace/schema/figures';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../test/test-db.js';
import { allowedFigures } from './allow-list.js';
import { type CoverageRecord, uncovered } from './coverage.js';
import { seedIfEmpty } from './load.js';

const ctx = await createTestDb();
afterAll(() => ctx.close());

const count = async (table: string) =>
  (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(ctx.db))
    .rows[0]?.n;

describe('the loaded seed data set', () => {
  it('has the records of the article', async () => {
    expect(await count('documents')).toBe(2); // the article and a report of the same press conference
    expect(await count('flows')).toBe(15);
    expect(await count('observations')).toBe(46);
    expect(await count('flow_overlaps')).toBe(2);
    expect(await count('actors')).toBe(33); // with the payer not stated and the 2016 pooling counties
    expect(await count('pairings')).toBe(7);
    expect(await count('citations')).toBe(113);
  });

  it('is loaded once: seeding a non-empty database changes nothing', async () => {
    const before = await count('citations');
    expect(await seedIfEmpty(ctx.db)).toBe(false);
    expect(await count('citations')).toBe(before);
  });

  it('cites every record', async () => {
    const { rows } = await sql<{ kind: string; n: number }>`
      select 'flow' as kind, count(*)::int as n from flows r
        where not exists (select 1 from citations c where c.flow_id = r.id)
      union all select 'observation', count(*)::int from observations r
        where not exists (select 1 from citations c where c.observation_id = r.id)
      union all select 'pairing', count(*)::int from pairings r
        where not exists (select 1 from citations c where c.pairing_id = r.id)
      union all select 'group', count(*)::int from actors r
        where r.member_count is not null
          and not exists (select 1 from citations c where c.actor_id = r.id)`.execute(ctx.db);
    expect(rows).toEqual([
      { kind: 'flow', n: 0 },
      { kind: 'observation', n: 0 },
      { kind: 'pairing', n: 0 },
      { kind: 'group', n: 0 },
    ]);
  });

  it('covers every figure of the stored text, but for the allow-list', async () => {
    const doc = await ctx.db
      .selectFrom('documents')
      .select(['id', 'text'])
      .where('key', '=', 'inner-mongolia-poverty-2017')
      .executeTakeFirstOrThrow();
    // Each citation with the figures its record states, read back from the database.
    const { rows } = await sql<{
      start: number;
      end: number;
      values: (string | null)[];
      year: number | null;
    }>`
      select c.start_offset as start, c.end_offset as "end",
        case when f.id is not null then array[f.amount::text, f.low::text, f.high::text]
             when o.id is not null then array[o.value::text, o.low::text, o.high::text]
             when a.id is not null then array[a.member_count::text]
             else array[p.coverage::text] end as values,
        coalesce(f.year, o.year, p.year) as year
      from citations c
      left join flows f on f.id = c.flow_id
      left join observations o on o.id = c.observation_id
      left join actors a on a.id = c.actor_id
      left join pairings p on p.id = c.pairing_id
      where c.document_id = ${doc.id}`.execute(ctx.db);
    const records: CoverageRecord[] = rows.map((r) => ({
      start: r.start,
      end: r.end,
      values: r.values.filter((v): v is string => v !== null),
      years: r.year === null ? [] : [r.year],
    }));
    const tokens = findFigures(doc.text);
    const show = (t: { start: number; text: string }) => `${t.start}:${t.text}`;
    expect(uncovered(doc.text, tokens, records).map(show)).toEqual(
      allowedFigures(doc.text, tokens)
        .map(show)
        .sort((x, y) => Number.parseInt(x, 10) - Number.parseInt(y, 10)),
    );
  });
});
