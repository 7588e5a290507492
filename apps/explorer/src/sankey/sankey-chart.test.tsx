// @vitest-environment happy-dom
import { makeAmount } from '@fundtrace/schema/money';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Graph } from './graph';
import { fitLabel } from './labels';
import { SankeyChart } from './sankey-chart';

afterEach(cleanup);

const graph: Graph = {
  nodes: [
    {
      id: 's',
      label: '财政',
      column: 0,
      kind: 'actor',
      total: makeAmount('6880000000'),
      colorKey: 's',
    },
    {
      id: 'p',
      label: '扶贫投入',
      column: 1,
      kind: 'program',
      total: makeAmount('4880000000'),
      colorKey: 'p',
    },
    {
      id: 'q',
      label: '产业基金',
      column: 1,
      kind: 'program',
      total: makeAmount('2000000000'),
      colorKey: 'q',
    },
    {
      id: 't',
      label: '贫困旗县',
      column: 2,
      kind: 'actor',
      total: makeAmount('4880000000'),
      colorKey: 't',
    },
  ],
  links: [
    {
      id: 'sp',
      source: 's',
      target: 'p',
      amount: makeAmount('4880000000'),
      hatched: false,
      flowIds: [],
    },
    {
      id: 'sq',
      source: 's',
      target: 'q',
      amount: makeAmount('2000000000'),
      hatched: false,
      flowIds: [],
    },
    {
      id: 'pt',
      source: 'p',
      target: 't',
      amount: makeAmount('4880000000'),
      hatched: false,
      flowIds: [],
    },
  ],
};

describe('SankeyChart', () => {
  it('is an image with a title and description, labelled compactly with the currency', () => {
    render(<SankeyChart graph={graph} title="资金流向" desc="3 条资金流" locale="ZH" />);
    const img = screen.getByRole('img', { name: /资金流向/ });
    expect(img.querySelector('title')?.textContent).toBe('资金流向');
    expect(img.querySelector('desc')?.textContent).toBe('3 条资金流');
    expect(img.textContent).toContain('48.8亿元');
  });

  it('orders focus column by column, links after their column, and names amounts in full', () => {
    render(<SankeyChart graph={graph} title="t" desc="d" locale="EN" />);
    const names = screen.getAllByRole('button').map((b) => b.getAttribute('aria-label'));
    expect(names).toEqual([
      '财政: CNY 6.88 bn',
      '财政 → 扶贫投入, CNY 4.88 bn, 70.9% of 财政',
      '财政 → 产业基金, CNY 2 bn, 29.1% of 财政',
      '扶贫投入: CNY 4.88 bn',
      '产业基金: CNY 2 bn',
      '扶贫投入 → 贫困旗县, CNY 4.88 bn, 100.0% of 扶贫投入',
      '贫困旗县: CNY 4.88 bn',
    ]);
  });

  it('activates a node with Enter and a link with a click', () => {
    const onNode = vi.fn();
    const onLink = vi.fn();
    render(
      <SankeyChart graph={graph} title="t" desc="d" locale="EN" onNode={onNode} onLink={onLink} />,
    );
    fireEvent.keyDown(screen.getByRole('button', { name: '贫困旗县: CNY 4.88 bn' }), {
      key: 'Enter',
    });
    expect(onNode).toHaveBeenCalledWith(expect.objectContaining({ id: 't' }));
    fireEvent.click(screen.getByRole('button', { name: /财政 → 产业基金/ }));
    expect(onLink).toHaveBeenCalledWith(expect.objectContaining({ id: 'sq' }));
  });
});

describe('fitLabel', () => {
  it('keeps short labels and shortens long ones with an ellipsis', () => {
    expect(fitLabel('贫困旗县', 100)).toBe('贫困旗县');
    expect(fitLabel('Designated assistance by regional departments', 120)).toBe(
      'Designated assist…',
    );
    expect(fitLabel('赤峰市和乌兰察布市国贫旗县（京蒙对口帮扶）', 100)).toBe('赤峰市和乌兰察…');
  });
});
