import { makeAmount } from '@fundtrace/schema/money';
import { describe, expect, it } from 'vitest';
import { full } from '../lib/money';
import { endsOf, overviewGraph, splitTriples } from './overview-graph';

const treasury = { id: 'T', name: '内蒙古自治区本级财政', nameEn: 'Regional treasury' };
const fund = { id: 'F', name: '产业扶贫基金', nameEn: null };
const counties = { id: 'C', name: '贫困旗县', nameEn: 'Poor counties' };
const regional = { id: 'P1', name: '自治区本级财政扶贫投入', nameEn: 'Regional fiscal investment' };
const industry = { id: 'P2', name: '产业扶贫基金', nameEn: 'Industrial fund' };

describe('overviewGraph', () => {
  const bySource = [
    { from: treasury, to: regional, amount: makeAmount('4880000000') },
    { from: treasury, to: industry, amount: makeAmount('2000000000') },
  ];
  const byTarget = [
    { from: regional, to: counties, amount: makeAmount('4880000000') },
    { from: industry, to: fund, amount: makeAmount('2000000000') },
  ];

  it('lays out sources, programs and recipients in three columns with exact totals', () => {
    const g = overviewGraph(bySource, byTarget, 'ZH');
    const node = (id: string) => g.nodes.find((n) => n.id === id);
    expect(node('s:T')?.column).toBe(0);
    expect(node('p:P1')?.column).toBe(1);
    expect(node('t:C')?.column).toBe(2);
    expect(full(node('s:T')?.total ?? makeAmount('0'), 'ZH')).toBe('68.8亿元');
    expect(full(node('p:P1')?.total ?? makeAmount('0'), 'ZH')).toBe('48.8亿元');
    expect(g.links).toHaveLength(4);
  });

  it('names nodes in the chosen language, falling back to Chinese', () => {
    const g = overviewGraph(bySource, byTarget, 'EN');
    expect(g.nodes.find((n) => n.id === 's:T')?.label).toBe('Regional treasury');
    expect(g.nodes.find((n) => n.id === 't:F')?.label).toBe('产业扶贫基金');
  });

  it('drops zero rows and carries qualifiers into node totals', () => {
    const g = overviewGraph(
      [
        { from: treasury, to: regional, amount: makeAmount('15000000000', 'AT_LEAST') },
        { from: fund, to: industry, amount: makeAmount('0') },
      ],
      [{ from: regional, to: counties, amount: makeAmount('15000000000', 'AT_LEAST') }],
      'ZH',
    );
    expect(g.nodes.map((n) => n.id).sort()).toEqual(['p:P1', 's:T', 't:C']);
    expect(full(g.nodes.find((n) => n.id === 't:C')?.total ?? makeAmount('0'), 'ZH')).toBe(
      '≥150亿元',
    );
  });

  it('keeps the top N of a column and sums the rest into "Other (k)" unless expanded', () => {
    const recipients = Array.from({ length: 5 }, (_, i) => ({
      id: `R${i}`,
      name: `村${i}`,
      nameEn: null,
    }));
    const rows = recipients.map((r, i) => ({
      from: regional,
      to: r,
      amount: makeAmount(String((i + 1) * 100)),
    }));
    const g = overviewGraph(
      [{ from: treasury, to: regional, amount: makeAmount('1500') }],
      rows,
      'EN',
      { top: 2 },
    );
    const column2 = g.nodes.filter((n) => n.column === 2);
    expect(column2.map((n) => n.label)).toEqual(['村4', '村3', 'Other (3)']);
    expect(column2[2]?.total.value.toFixed()).toBe('600');
    expect(g.links.filter((l) => l.target === 'other:2')).toHaveLength(1);
    const all = overviewGraph(
      [{ from: treasury, to: regional, amount: makeAmount('1500') }],
      rows,
      'EN',
      {
        top: 2,
        expanded: new Set([2]),
      },
    );
    expect(all.nodes.filter((n) => n.column === 2)).toHaveLength(5);
  });
});

describe('splitTriples', () => {
  it('sums source → program → target rows into the two link sets, exactly', () => {
    const { bySource, byTarget } = splitTriples([
      { source: treasury, program: regional, target: counties, amount: makeAmount('4880000000') },
      { source: treasury, program: regional, target: fund, amount: makeAmount('0.01') },
      {
        source: treasury,
        program: industry,
        target: fund,
        amount: makeAmount('15000000000', 'AT_LEAST'),
      },
    ]);
    expect(bySource.map((r) => [r.from?.id, r.to?.id, full(r.amount, 'ZH')])).toEqual([
      ['T', 'P1', '48.8000000001亿元'],
      ['T', 'P2', '≥150亿元'],
    ]);
    expect(byTarget).toHaveLength(3);
  });
});

describe('the rest row of totals(largest:)', () => {
  it('is drawn as "Smaller flows" in every column, so the columns still add up to every row', () => {
    const rows = [
      {
        rest: false,
        source: treasury,
        program: regional,
        target: counties,
        amount: makeAmount('4880000000'),
      },
      { rest: true, source: null, program: null, target: null, amount: makeAmount('120000000') },
    ];
    const { bySource, byTarget } = splitTriples(
      rows.map((r) => ({ ...endsOf(r), amount: r.amount })),
    );
    const g = overviewGraph(bySource, byTarget, 'EN');
    const smaller = g.nodes.filter((n) => n.label === 'Smaller flows');
    expect(smaller.map((n) => n.column).sort()).toEqual([0, 1, 2]);
    for (const column of [0, 1, 2]) {
      const sum = g.nodes
        .filter((n) => n.column === column)
        .reduce((t, n) => t.plus(n.total.value), makeAmount('0').value);
      expect(sum.toString()).toBe('5000000000');
    }
  });
});
