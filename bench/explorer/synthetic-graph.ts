import type { Graph, GraphLink, GraphNode } from '@fundtrace/explorer/sankey/graph';
import { makeAmount } from '@fundtrace/schema/money';
import { prng as random } from '../src/random';

/**
 * A trace-shaped graph like the synthetic data set (packages/generator/src/synthetic.ts): the
 * regional treasury → 12 leagues → 57 poor counties → villages, with a grey Unaccounted node per
 * column, until `links` links. Amounts are integer yuan strings, split exactly.
 */
export function syntheticGraph(links: number, seed = 1): Graph {
  const rnd = random(seed);
  const nodes: GraphNode[] = [];
  const out: GraphLink[] = [];
  const node = (id: string, label: string, column: number, kind: GraphNode['kind'] = 'actor') => {
    nodes.push({
      id,
      label,
      column,
      kind,
      total: makeAmount('0'),
      colorKey: kind === 'residual' ? 'residual' : id,
    });
    return id;
  };
  const link = (source: string, target: string, value: number, hatched = false) => {
    out.push({
      id: `${source}>${target}`,
      source,
      target,
      amount: makeAmount(String(Math.max(1, Math.round(value)))),
      hatched,
      flowIds: [],
    });
  };
  const treasury = node('t', '自治区本级财政', 0);
  const leagues = Array.from({ length: 12 }, (_, i) => node(`l${i}`, `盟市${i + 1}`, 1));
  const counties = Array.from({ length: 57 }, (_, i) => node(`c${i}`, `旗县${i + 1}`, 2));
  const leagueMoney = leagues.map(() => 1e8 + rnd() * 9e8);
  for (const [i, l] of leagues.entries()) link(treasury, l, leagueMoney[i] ?? 0);
  const countyMoney = counties.map((c, i) => {
    const league = leagues[i % leagues.length] as string;
    const value = ((leagueMoney[i % leagues.length] ?? 0) / 5) * (0.8 + rnd() * 0.4);
    link(league, c, value);
    return value;
  });
  const villages = links - out.length - 3;
  for (let v = 0; v < villages; v++) {
    const c = v % counties.length;
    const id = node(`v${v}`, `嘎查村${v + 1}`, 3);
    link(
      counties[c] as string,
      id,
      ((countyMoney[c] ?? 0) / (villages / counties.length)) * (0.85 + rnd() * 0.1),
      rnd() < 0.9,
    );
  }
  // Residuals of the last three columns into grey nodes.
  for (const [column, from] of [
    [2, leagues[0]],
    [3, counties[0]],
    [4, 'v0'],
  ] as const) {
    const r = node(`r${column}`, '未说明去向', column, 'residual');
    link(from as string, r, 1e7);
  }
  const sums = new Map<string, number>();
  for (const l of out) {
    sums.set(l.target, (sums.get(l.target) ?? 0) + Number(l.amount.value.toFixed()));
    if (l.source === treasury)
      sums.set(treasury, (sums.get(treasury) ?? 0) + Number(l.amount.value.toFixed()));
  }
  for (const n of nodes) n.total = makeAmount(String(Math.round(sums.get(n.id) ?? 0)));
  return { nodes, links: out };
}
