import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../domain/records/global-id.js';
import { generateFanOut } from '../test/fan-out.js';
import { createTestDb, graphqlClient } from '../test/test-db.js';

/**
 * Issue 17, finding 5: the plain lists that could grow without bound (`Region.observations`,
 * `Actor.pairings`, `TotalRow.overlaps`) answer the `first` of them, 1 to 100 (100 by
 * default), refuse more as the connections do, and are priced by what they can return; and
 * `Document.citations` pages. On the seed plus a generated set with more than 100 of each.
 */
const ctx = await createTestDb();
const gql = graphqlClient(ctx.db);
afterAll(() => ctx.close());

// 120 households, 120 flows to them in 2016, 122 pairings of one actor, 120 observations of
// one county, 119 overlaps among the flows of 2016.
const root = await generateFanOut(ctx.db, { mids: 4, leaves: 30, years: [2016] });
const county = await sql<{ code: string }>`select code from regions
  where code like '15%' and level = 'COUNTY' order by code limit 1`.execute(ctx.db);
const countyCode = county.rows[0]?.code as string;
// two where it is the recipient, first by id: an actor's pairings are both sides, in id order
await sql`insert into pairings (key, helper_id, recipient_id, kind)
  select 'cap-r-' || a.key, a.id, ${root}, 'ENTERPRISE_VILLAGE' from actors a
  where a.key like 'fan-l-%' order by a.id limit 2`.execute(ctx.db);
await sql`insert into pairings (key, helper_id, recipient_id, kind)
  select 'cap-p-' || a.key, ${root}, a.id, 'ENTERPRISE_VILLAGE' from actors a
  where a.key like 'fan-l-%'`.execute(ctx.db);
await sql`insert into metrics (key, name) select 'cap-metric-' || g, 'Cap ' || g
  from generate_series(0, 6) g`.execute(ctx.db);
await sql`insert into observations (key, metric, value, qualifier, unit, year, kind, region_code)
  select 'cap-o-' || g, 'cap-metric-' || (g % 7), g, 'EXACT', 'HOUSEHOLD', 2000 + g % 9, 'ACTUAL',
    ${countyCode} from generate_series(1, 120) g`.execute(ctx.db);
await sql`insert into flow_overlaps (key, flow_a_id, flow_b_id, certainty)
  select 'cap-v-' || a.id, a.id, b.id, 'POSSIBLE'
  from flows a join flows b on b.id = (select min(c.id) from flows c
    where c.id > a.id and c.key like 'fan-f-fan-l-%')
  where a.key like 'fan-f-fan-l-%'`.execute(ctx.db);

const refused = (answer: { errors?: { message: string; extensions?: object }[] }) => {
  expect(answer.errors?.[0]?.message).toMatch(/first must be between 1 and 100/);
  expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
};

describe('Region.observations: at most 100, stably ordered', () => {
  const OBS = `query($code: String!, $first: Int) { region(code: $code) {
    observations(includeDescendants: true, first: $first) { id year metric } } }`;
  type Obs = { region: { observations: { id: string; year: number; metric: string }[] } };

  it('answers the first 100 by year, metric and id; `first` takes fewer; more is refused', async () => {
    const province = `${countyCode.slice(0, 2)}0000`;
    const all = await sql<{ id: number }>`select id from observations
      where region_code like ${`${countyCode.slice(0, 2)}%`} order by year, metric, id`.execute(
      ctx.db,
    );
    expect(all.rows.length).toBeGreaterThan(100);
    const expected = all.rows.map((r) => encodeGlobalId('Observation', r.id));
    const page = await gql<Obs>(OBS, { code: province });
    expect(page.errors).toBeUndefined();
    expect(page.data?.region.observations.map((o) => o.id)).toEqual(expected.slice(0, 100));
    const five = await gql<Obs>(OBS, { code: province, first: 5 });
    expect(five.data?.region.observations.map((o) => o.id)).toEqual(expected.slice(0, 5));
    refused(await gql(OBS, { code: province, first: 101 }));
    // a city's own and its counties', none of the next city's (its codes as a range of the index)
    const city = `${countyCode.slice(0, 4)}00`;
    const next = `${countyCode.slice(0, 2)}${String(Number(countyCode.slice(2, 4)) + 1).padStart(2, '0')}00`;
    await sql`insert into regions (code, name, level, parent_code)
      values (${next}, 'Next city', 'PREFECTURE', ${province}) on conflict do nothing`.execute(
      ctx.db,
    );
    await sql`insert into observations (key, metric, value, qualifier, unit, year, kind, region_code)
      values ('cap-next', 'cap-metric-0', 1, 'EXACT', 'HOUSEHOLD', 1990, 'ACTUAL', ${next})`.execute(
      ctx.db,
    );
    const ofCity = await sql<{ id: number }>`select id from observations
      where region_code like ${`${countyCode.slice(0, 4)}%`} order by year, metric, id limit 100`.execute(
      ctx.db,
    );
    const cityPage = await gql<Obs>(OBS, { code: city });
    expect(cityPage.data?.region.observations.map((o) => o.id)).toEqual(
      ofCity.rows.map((r) => encodeGlobalId('Observation', r.id)),
    );
    expect(ofCity.rows.length).toBeGreaterThan(0);
    refused(await gql(OBS, { code: province, first: 0 }));
    // Without includeDescendants, the county's own, capped alike.
    const own = await gql<Obs>(
      `query($code: String!) { region(code: $code) { observations(first: 100) { id } } }`,
      { code: countyCode },
    );
    expect(own.data?.region.observations).toHaveLength(100);
  });

  it('is priced by what it can return', async () => {
    const nested = (first: number) => `{ region(code: "150000") { children { children {
      observations(first: ${first}, includeDescendants: true) { id metric value unit year kind }
    } } } }`;
    const heavy = await gql(nested(100));
    expect(heavy.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
    expect((await gql(nested(5))).errors).toBeUndefined();
  });
});

describe('Actor.pairings: at most 100, with their count', () => {
  it('answers the first 100 by id, `first` fewer, refuses more; pairingCount counts all', async () => {
    type Pairings = { node: { pairingCount: number; pairings: { id: string }[] } };
    const Q = `query($id: ID!, $first: Int) { node(id: $id) { ... on Actor {
      pairingCount pairings(first: $first) { id } } } }`;
    const id = encodeGlobalId('Actor', root);
    const all = await gql<Pairings>(Q, { id });
    expect(all.errors).toBeUndefined();
    expect(all.data?.node.pairingCount).toBe(122);
    expect(all.data?.node.pairings).toHaveLength(100);
    const ids = await sql<{ id: number }>`select id from pairings
      where helper_id = ${root} or recipient_id = ${root} order by id`.execute(ctx.db);
    const expected = ids.rows.map((r) => encodeGlobalId('Pairing', r.id));
    expect(all.data?.node.pairings.map((p) => p.id)).toEqual(expected.slice(0, 100));
    const three = await gql<Pairings>(Q, { id, first: 3 });
    expect(three.data?.node.pairings.map((p) => p.id)).toEqual(expected.slice(0, 3));
    refused(await gql(Q, { id, first: 101 }));
  });
});

describe('TotalRow.overlaps: at most 100, with their count', () => {
  it('answers the first 100 by id, refuses more; overlapCount counts all', async () => {
    type Rows = { totals: { overlapCount: number; overlaps: { id: string }[] }[] };
    const Q = `query($first: Int) { totals(groupBy: [YEAR], filter: { year: 2016 }) {
      overlapCount overlaps(first: $first) { id } } }`;
    const all = await gql<Rows>(Q);
    expect(all.errors).toBeUndefined();
    const [row] = all.data?.totals ?? [];
    expect(row?.overlapCount).toBe(119);
    expect(row?.overlaps).toHaveLength(100);
    const ids = await sql<{ id: number }>`select id from flow_overlaps where key like 'cap-v-%'
      order by id`.execute(ctx.db);
    const expected = ids.rows.map((r) => encodeGlobalId('Overlap', r.id));
    expect(row?.overlaps.map((o) => o.id)).toEqual(expected.slice(0, 100));
    const two = await gql<Rows>(Q, { first: 2 });
    expect(two.data?.totals[0]?.overlaps.map((o) => o.id)).toEqual(expected.slice(0, 2));
    refused(await gql(Q, { first: 101 }));
  });
});

describe('Document.citations pages', () => {
  it('pages by first/after through every citation in id order, and refuses first > 100', async () => {
    type Page = {
      node: {
        citations: {
          totalCount: number;
          edges: { node: { start: number; quote: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      };
    };
    const Q = `query($id: ID!, $first: Int, $after: String) { node(id: $id) { ... on Document {
      citations(first: $first, after: $after) { totalCount edges { node { start quote } }
        pageInfo { hasNextPage endCursor } } } } }`;
    const doc = await ctx.db.selectFrom('documents').select('id').orderBy('id').executeTakeFirst();
    const id = encodeGlobalId('Document', doc?.id ?? 0);
    const pages = async (first: number) => {
      const nodes: { start: number; quote: string }[] = [];
      let after: string | null = null;
      for (let n = 0; n < 100; n += 1) {
        const page: Awaited<ReturnType<typeof gql<Page>>> = await gql<Page>(Q, {
          id,
          first,
          after,
        });
        expect(page.errors).toBeUndefined();
        const connection = page.data?.node.citations;
        expect(connection?.edges.length).toBeLessThanOrEqual(first);
        expect(connection?.totalCount).toBe(count);
        nodes.push(...(connection?.edges.map((e) => e.node) ?? []));
        if (!connection?.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
      }
      return nodes;
    };
    const stored = await sql<{ start_offset: number; quote: string }>`select start_offset, quote
      from citations where document_id = ${doc?.id} order by id`.execute(ctx.db);
    const count = stored.rows.length;
    expect(count).toBeGreaterThan(100); // more than one page of 100
    const expected = stored.rows.map((r) => ({ start: r.start_offset, quote: r.quote }));
    expect(await pages(100)).toEqual(expected);
    expect(await pages(7)).toEqual(expected);
    refused(await gql(Q, { id, first: 101 }));
    const bad = await gql(Q, { id, first: 5, after: 'not-a-cursor' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
