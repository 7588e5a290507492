import { describe, expect, it } from 'vitest';
import { full, total } from '../lib/money';
import { type TraceData, traceGraph } from './trace-graph';

const m = (value: string) => ({ value, qualifier: 'EXACT' as const, unit: 'CNY' });
const actor = (id: string, name: string) => ({ id, name, nameEn: null });

const trace: TraceData = {
  direction: 'DOWNSTREAM',
  nodes: [
    {
      actor: actor('T', '财政'),
      depth: 0,
      flags: [],
      attributed: m('1000'),
      outflow: m('900'),
      residual: m('100'),
    },
    {
      actor: actor('C', '旗县'),
      depth: 1,
      flags: [],
      attributed: m('600'),
      outflow: m('500'),
      residual: m('100'),
    },
    {
      actor: actor('V', '村'),
      depth: 2,
      flags: [],
      attributed: m('500'),
      outflow: m('0'),
      residual: m('500'),
    },
  ],
  others: [
    {
      depth: 1,
      actorCount: 3,
      attributed: m('300'),
      outflow: m('0'),
      residual: m('300'),
      inflows: [{ actor: { id: 'T' }, attributed: m('300') }],
      outflows: [],
    },
  ],
  links: [
    {
      flow: { id: 'f1', source: { id: 'T' }, target: { id: 'C' } },
      attributed: m('600'),
      share: 1,
      earmarked: false,
    },
    {
      flow: { id: 'f2', source: { id: 'C' }, target: { id: 'V' } },
      attributed: m('500'),
      share: 0.5,
      earmarked: false,
    },
  ],
  residuals: [
    { actor: { id: 'T' }, amount: m('100'), kind: 'RETAINED' },
    { actor: { id: 'C' }, amount: m('100'), kind: 'SHORTFALL' },
    { actor: { id: 'V' }, amount: m('500'), kind: 'UNREPORTED' },
  ],
};

describe('traceGraph', () => {
  const g = traceGraph(trace, 'EN');
  const node = (id: string) => g.nodes.find((n) => n.id === id);

  it('places nodes by longest path and adds an Other node per depth', () => {
    expect(node('a:T')?.column).toBe(0);
    expect(node('a:C')?.column).toBe(1);
    expect(node('a:V')?.column).toBe(2);
    expect(node('o:1')?.label).toBe('Other (3)');
  });

  it('sends each residual to a node of its kind in the next column, so in = out + what stays', () => {
    const stays = g.nodes.filter((n) => n.kind === 'residual');
    expect(stays.map((n) => [n.column, n.label, n.total.value.toFixed()]).sort()).toEqual([
      [1, 'Used or kept here', '100'],
      [2, 'Outflows fall short', '100'],
      [2, 'Stays with the actors in “Other”', '300'],
      [3, 'Not reported further', '500'],
    ]);
    expect(new Set(stays.map((n) => n.color)).size).toBe(4);
    for (const id of ['a:T', 'a:C', 'a:V', 'o:1']) {
      const out = g.links.filter((l) => l.source === id).map((l) => l.amount);
      expect(total(out).value.toFixed()).toBe(node(id)?.total.value.toFixed());
    }
    expect(node('a:C')?.detail).toEqual([
      'in CNY 600 = out CNY 500 + stays here CNY 100',
      'Outflows fall short: CNY 100',
    ]);
  });

  it('hatches pooled shares and keeps full flows solid', () => {
    expect(g.links.find((l) => l.id === 'f1')?.hatched).toBe(false);
    expect(g.links.find((l) => l.id === 'f2')?.hatched).toBe(true);
    expect(full(g.links.find((l) => l.id === 'f2')?.amount ?? m('0'), 'ZH')).toBe('500元');
  });

  it('flags a node that reports more out than in', () => {
    const over = traceGraph(
      {
        ...trace,
        nodes: [
          { ...trace.nodes[0], flags: ['OVERDRAWN'] } as TraceData['nodes'][number],
          ...trace.nodes.slice(1),
        ],
      },
      'ZH',
    );
    expect(over.nodes.find((n) => n.id === 'a:T')?.flagged).toBe(true);
  });
});
