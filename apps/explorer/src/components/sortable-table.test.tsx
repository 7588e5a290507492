// @vitest-environment happy-dom
import { makeAmount } from '@fundtrace/schema/money';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { full } from '../lib/money';
import { renderAt } from '../test/render';
import { type Column, SortableTable } from './sortable-table';

interface Row {
  id: string;
  name: string;
  amount: ReturnType<typeof makeAmount>;
}

const rows: Row[] = [
  { id: '1', name: '乙', amount: makeAmount('4880000000') },
  { id: '2', name: '甲', amount: makeAmount('15000000000', 'AT_LEAST') },
  { id: '3', name: '丙', amount: makeAmount('67130000') },
];
const columns: Column<Row>[] = [
  { key: 'name', header: 'Name', render: (r) => r.name, sortValue: (r) => r.name },
  {
    key: 'amount',
    header: 'Amount',
    render: (r) => full(r.amount, 'ZH'),
    sortValue: (r) => r.amount.value,
    numeric: true,
  },
];

afterEach(cleanup);

const amounts = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((tr) => within(tr).getAllByRole('cell')[1]?.textContent);

describe('SortableTable', () => {
  it('sorts by exact amounts, descending by default, and toggles on the header', () => {
    const { history } = renderAt(
      '/actors/x',
      <SortableTable
        caption="Flows"
        columns={columns}
        rows={rows}
        rowKey={(r) => r.id}
        sortParam="in"
        defaultSort="-amount"
      />,
    );
    expect(amounts()).toEqual(['≥150亿元', '48.8亿元', '6713万元']);
    expect(screen.getByRole('columnheader', { name: /Amount/ }).getAttribute('aria-sort')).toBe(
      'descending',
    );
    fireEvent.click(screen.getByRole('button', { name: /Amount/ }));
    expect(amounts()).toEqual(['6713万元', '48.8亿元', '≥150亿元']);
    expect(history.at(-1)).toBe('/actors/x?in=amount');
  });
});
