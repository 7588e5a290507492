import { type ReactNode, useMemo } from 'react';
import type { Decimal } from '../lib/money';
import { useParams, useSetParams } from '../lib/url-state';

export type SortKey = string | number | Decimal | null;

export interface Column<Row> {
  key: string;
  header: string;
  render: (row: Row) => ReactNode;
  sortValue?: (row: Row) => SortKey;
  numeric?: boolean;
}

function compare(a: SortKey, b: SortKey): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'object' && typeof b === 'object') return a.cmp(b);
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'zh-Hans-CN');
}

export function sortRows<Row>(
  rows: readonly Row[],
  column: Column<Row> | undefined,
  descending: boolean,
): Row[] {
  const get = column?.sortValue;
  if (!get) return [...rows];
  const sorted = rows
    .map((row, index) => ({ row, index, key: get(row) }))
    .sort((x, y) => compare(x.key, y.key) * (descending ? -1 : 1) || x.index - y.index);
  return sorted.map((x) => x.row);
}

/**
 * A table whose headers sort it. The sort lives in the URL (`?<param>=key` or `-key` descending)
 * so a shared link shows the same order.
 */
export function SortableTable<Row>(props: {
  caption: ReactNode;
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  sortParam: string;
  defaultSort?: string;
}) {
  const params = useParams();
  const setParams = useSetParams();
  const raw = params.get(props.sortParam) ?? props.defaultSort ?? '';
  const descending = raw.startsWith('-');
  const sortKey = descending ? raw.slice(1) : raw;
  const column = props.columns.find((c) => c.key === sortKey);
  const rows = useMemo(
    () => sortRows(props.rows, column, descending),
    [props.rows, column, descending],
  );
  const toggle = (key: string) => {
    const next = key === sortKey && !descending ? `-${key}` : key;
    setParams({ [props.sortParam]: next }, { replace: true });
  };
  return (
    <table className="data">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          {props.columns.map((c) => {
            const active = c.key === sortKey;
            const aria = active ? (descending ? 'descending' : 'ascending') : undefined;
            return (
              <th
                key={c.key}
                scope="col"
                aria-sort={aria}
                className={c.numeric ? 'num' : undefined}
              >
                {c.sortValue ? (
                  <button type="button" className="sort" onClick={() => toggle(c.key)}>
                    {c.header}
                    <span aria-hidden="true">{active ? (descending ? ' ▼' : ' ▲') : ' ↕'}</span>
                  </button>
                ) : (
                  c.header
                )}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={props.rowKey(row)}>
            {props.columns.map((c) => (
              <td key={c.key} className={c.numeric ? 'num' : undefined}>
                {c.render(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
