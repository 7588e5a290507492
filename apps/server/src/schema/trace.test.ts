import { Decimal } from '@fundtrace/schema/money';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDb, graphqlClient } from '../test/test-db.js';

const ctx = await createTestDb();
const gql = graphqlClient(ctx.db);
afterAll(() => ctx.close());

const idOf = async (table: 'actors' | 'observations', key: string) => {
  const row = await ctx.db
    .selectFrom(table)
    .select('id')
    .where('key', '=', key)
    .executeTakeFirstOrThrow();
  return encodeGlobalID(table === 'actors' ? 'Actor' : 'Observation', row.id);
};

/** Records a 2017 flow of 1 yuan between two seed actors (by key); returns what removes it. */
async function probeFlow(key: string, sourceKey: string, targetKey: string) {
  const [source, target] = await Promise.all(
    [sourceKey, targetKey].map((k) =>
      ctx.db.selectFrom('actors').select('id').where('key', '=', k).executeTakeFirstOrThrow(),
    ),
  );
  await ctx.db
    .insertInto('flows')
    .values({
      key,
      source_id: source?.id ?? 0,
      target_id: target?.id ?? 0,
      amount: '1',
      qualifier: 'EXACT',
      year: 2017,
      status: 'DISBURSED',
      instrument: 'GRANT',
    })
    .execute();
  return () => ctx.db.deleteFrom('flows').where('key', '=', key).execute();
}

interface Money {
  value: string;
  qualifier: string;
}
interface TraceData {
  trace: {
    total: Money;
    nodes: {
      actor: { key: string };
      depth: number;
      attributed: Money;
      outflow: Money;
      residual: Money;
    }[];
    links: { flow: { id: string }; attributed: Money; share: number }[];
    outcomes: {
      observation: { metric: string; value: string };
      attributedValue: string;
      money: Money;
      unitCost: Money | null;
    }[];
    residuals: { actor: { key: string }; amount: Money; kind: string }[];
    warnings: { code: string; message: string }[];
  };
}
const TRACE = `query($from: ID!, $direction: TraceDirection, $year: Int, $maxDepth: Int, $limit: Int) {
  trace(from: $from, direction: $direction, year: $year, maxDepth: $maxDepth, limit: $limit) {
    total { value qualifier }
    nodes { actor { key } depth attributed { value qualifier } outflow { value qualifier } residual { value qualifier } }
    links { flow { id } attributed { value qualifier } share }
    outcomes { observation { metric value } attributedValue money { value qualifier } unitCost { value qualifier } }
    residuals { actor { key } amount { value qualifier } kind }
    warnings { code message }
  }
}`;

describe('trace on the seed data set', () => {
  it('takes null for direction and maxDepth as their defaults, as the contract types them', async () => {
    const from = await idOf('actors', 'im-regional-treasury');
    const query = `query($from: ID!, $direction: TraceDirection, $maxDepth: Int) {
      trace(from: $from, year: 2017, direction: $direction, maxDepth: $maxDepth) { total { value } } }`;
    const explicit = await gql<TraceData>(query, { from, direction: 'DOWNSTREAM', maxDepth: 6 });
    const nulls = await gql<TraceData>(query, { from, direction: null, maxDepth: null });
    expect(nulls.errors).toBeUndefined();
    expect(nulls.data).toEqual(explicit.data);
    expect(nulls.data?.trace.total.value).toBe('4880000000');
  });

  it('states its attribution rule in English by default, and in Chinese when asked', async () => {
    const from = await idOf('actors', 'im-regional-treasury');
    const result = await gql<{ trace: { en: string; zh: string; plain: string } }>(
      `query($from: ID!) { trace(from: $from) { plain: rule en: rule(locale: EN) zh: rule(locale: ZH) } }`,
      { from },
    );
    expect(result.errors).toBeUndefined();
    const rule = result.data?.trace;
    expect(rule?.plain).toBe(rule?.en);
    expect(rule?.en).toMatch(/^Earmarked flows carry their parent flow exactly/);
    expect(rule?.zh).toMatch(/^指定用途的资金/);
    expect(rule?.zh).toContain('未再报告去向');
    expect(rule?.zh).not.toMatch(/[A-Z]{4,}/);
  });

  it('words its warnings in English by default, and in Chinese when asked', async () => {
    const from = await idOf('actors', 'im-regional-treasury');
    // Money that comes back to the treasury: a cycle, reported as a warning.
    const remove = await probeFlow('cycle-probe', 'poor-counties', 'im-regional-treasury');
    try {
      const result = await gql<{ trace: { warnings: { code: string; en: string; zh: string }[] } }>(
        `query($from: ID!) { trace(from: $from, year: 2017) {
          warnings { code en: message zh: message(locale: ZH) } } }`,
        { from },
      );
      expect(result.errors).toBeUndefined();
      const cycle = result.data?.trace.warnings.find((w) => w.code === 'CYCLE');
      // English pages name actors in English where a name is recorded.
      expect(cycle?.en).toMatch(
        /^Money comes back to Inner Mongolia regional-level treasury through .+ → .+; it is/,
      );
      expect(cycle?.zh).toMatch(/^资金经.+ → .+流回内蒙古自治区本级财政；不再重复流转。$/);
    } finally {
      await remove();
    }
  });
});

describe('trace on the seed data set: following money', () => {
  it('follows the unstated payer’s 2017 money to the relocation outcome, conserving at every node', async () => {
    const from = await idOf('actors', 'unstated-payer');
    const result = await gql<TraceData>(TRACE, { from, year: 2017 });
    expect(result.errors).toBeUndefined();
    const t = result.data?.trace;
    // 20亿 to the industrial fund, 33亿 planned for relocation: the article names no payer of either
    expect(t?.total).toEqual({ value: '5300000000', qualifier: 'EXACT' });
    for (const n of t?.nodes ?? []) {
      expect(
        new Decimal(n.outflow.value).plus(n.residual.value).eq(n.attributed.value),
        n.actor.key,
      ).toBe(true);
    }
    const residuals = (t?.residuals ?? []).reduce((s, r) => s.plus(r.amount.value), new Decimal(0));
    expect(residuals.eq(t?.total.value ?? '')).toBe(true);
    const relocated = t?.outcomes.find((o) => o.observation.metric === 'relocated_population');
    expect(relocated).toMatchObject({
      attributedValue: '50000',
      money: { value: '3300000000', qualifier: 'EXACT' },
      unitCost: { value: '66000', qualifier: 'EXACT' },
    });
    expect(t?.nodes.find((n) => n.actor.key === 'resettlement-sites')?.depth).toBe(1);
    // The fund reports no onward flows; the sites report outcomes.
    const kindOf = (key: string) => t?.residuals.find((r) => r.actor.key === key)?.kind;
    expect(kindOf('industrial-poverty-fund')).toBe('UNREPORTED');
    expect(kindOf('resettlement-sites')).toBe('RETAINED');
  });

  it('does not flag a source (no recorded inflows) as overdrawn', async () => {
    const from = await idOf('actors', 'poor-counties');
    const result = await gql<TraceData>(TRACE, { from, direction: 'UPSTREAM' });
    expect(result.errors).toBeUndefined();
    const treasury = result.data?.trace.residuals.find(
      (r) => r.actor.key === 'im-regional-treasury',
    );
    expect(treasury?.kind).toBe('ORIGIN');
    expect(result.data?.trace.warnings.map((w) => w.code)).not.toContain('OVERDRAWN');
  });

  it('traces upstream from an outcome to its source', async () => {
    const from = await idOf('observations', 'relocated-population-target-2017');
    const result = await gql<TraceData>(TRACE, { from, direction: 'UPSTREAM', year: 2017 });
    expect(result.errors).toBeUndefined();
    const t = result.data?.trace;
    expect(t?.total.value).toBe('3300000000');
    expect(t?.residuals).toEqual([
      {
        actor: { key: 'unstated-payer' },
        amount: { value: '3300000000', qualifier: 'EXACT' },
        kind: 'ORIGIN',
      },
    ]);
    expect(t?.outcomes[0]?.unitCost?.value).toBe('66000');
  });
});

describe('trace on the seed data set: the node limit', () => {
  it('trims to the limit and accounts for the rest, so totals still add up', async () => {
    const from = await idOf('actors', 'unstated-payer');
    const SUMS = `total { value } nodeCount truncated
      nodes { attributed { value } residual { value } }
      others { actorCount attributed { value } residual { value } }
      residualTotals { kind amount { value } } outcomeTotals { metric money { value } }`;
    const full = await gql<{ trace: Record<string, never> }>(
      `query($from: ID!) { trace(from: $from, limit: 1000) { ${SUMS} } }`,
      { from },
    );
    const cut = await gql<{ trace: Record<string, never> }>(
      `query($from: ID!) { trace(from: $from, limit: 2) { ${SUMS} } }`,
      { from },
    );
    type T = {
      total: { value: string };
      nodeCount: number;
      truncated: boolean;
      nodes: { attributed: { value: string }; residual: { value: string } }[];
      others: { actorCount: number; attributed: { value: string }; residual: { value: string } }[];
      residualTotals: { amount: { value: string } }[];
    };
    const a = full.data?.trace as unknown as T;
    const b = cut.data?.trace as unknown as T;
    expect(a.truncated).toBe(false);
    expect(b.truncated).toBe(true);
    expect(b.nodes).toHaveLength(2);
    expect(b.nodes.length + b.others.reduce((s, o) => s + o.actorCount, 0)).toBe(a.nodeCount);
    const sum = (xs: { value: string }[]) =>
      xs.reduce((s, x) => s.plus(x.value), new Decimal(0)).toFixed();
    expect(sum([...b.nodes.map((n) => n.attributed), ...b.others.map((o) => o.attributed)])).toBe(
      sum(a.nodes.map((n) => n.attributed)),
    );
    expect(sum([...b.nodes.map((n) => n.residual), ...b.others.map((o) => o.residual)])).toBe(
      a.total.value,
    );
    expect(sum(b.residualTotals.map((r) => r.amount))).toBe(a.total.value);
    expect(cut.data?.trace).toMatchObject({ outcomeTotals: full.data?.trace.outcomeTotals });
  });
});

describe('trace on the seed data set: pooled pairs and the cache', () => {
  it('lists each flow of a pair traced as one pool, with its own attributed amount', async () => {
    const from = await idOf('actors', 'beijing-districts');
    const result = await gql<{
      trace: {
        linkCount: number;
        links: { flow: { year: number; amount: Money }; attributed: Money; share: number }[];
      };
    }>(
      `query($from: ID!) { trace(from: $from) { linkCount links { flow { year amount { value qualifier } } attributed { value qualifier } share } } }`,
      { from },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.trace.linkCount).toBe(2);
    expect(result.data?.trace.links.map((l) => [l.flow.year, l.attributed.value, l.share])).toEqual(
      [
        [2017, '250000000', 1],
        [2016, '126000000', 1],
      ],
    );
  });

  it('serves a cached trace only until the data changes', async () => {
    const from = await idOf('actors', 'im-regional-treasury');
    const total = async () =>
      (await gql<TraceData>(TRACE, { from, year: 2017 })).data?.trace.total.value;
    expect(await total()).toBe('4880000000');
    const remove = await probeFlow('cache-probe', 'im-regional-treasury', 'poor-counties');
    expect(await total()).toBe('4880000001');
    await remove();
    expect(await total()).toBe('4880000000');
  });

  it.each([
    [{ limit: 0 }, 'limit'],
    [{ maxDepth: 1000 }, 'maxDepth'],
    [{ maxDepth: 0 }, 'maxDepth'],
    [{ year: 3000 }, 'year'],
    [{ from: 'UmVnaW9uOjE1MDAwMA==' }, 'from'],
    [{ from: 'QWN0b3I6OTk5OTk5' }, 'from'],
    [{ from: 'nonsense' }, 'from'],
  ])('refuses %j with a typed error', async (variables, argument) => {
    const from = await idOf('actors', 'im-regional-treasury');
    const result = await gql(TRACE, { from, ...variables });
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });
});
