import { num, TableHead } from '../components/table-head';
import type { Locale } from '../display-name';
import { full, percentOf } from '../lib/money';
import type { Graph } from './graph';

/** The chart's rows as a table: the same links, full figures with the currency. */
export function SankeyTable({
  graph,
  locale,
  caption,
}: {
  graph: Graph;
  locale: Locale;
  caption: string;
}) {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const rows = [...graph.links].sort(
    (a, b) =>
      (byId.get(a.source)?.column ?? 0) - (byId.get(b.source)?.column ?? 0) ||
      b.amount.value.cmp(a.amount.value),
  );
  return (
    <table className="data sankey-table">
      <caption>{caption}</caption>
      <TableHead
        locale={locale}
        columns={['source', 'target', num('amount'), num('shareOfSource')]}
      />
      <tbody>
        {rows.map((l) => {
          const source = byId.get(l.source);
          const target = byId.get(l.target);
          return (
            <tr key={l.id}>
              <td>{source?.label}</td>
              <td>{target?.label}</td>
              <td className="num">{full(l.amount, locale)}</td>
              <td className="num">{source ? (percentOf(l.amount, source.total) ?? '—') : '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
