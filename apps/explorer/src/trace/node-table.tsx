import { num, TableHead } from '../components/table-head';
import { displayName, type Locale } from '../display-name';
import { translate } from '../lib/i18n';
import { enumLabel } from '../lib/labels';
import { full, type MoneyFields } from '../lib/money';

export interface NodeRow {
  actor: { id: string; name: string; nameEn?: string | null };
  depth: number;
  flags: readonly string[];
  attributed: MoneyFields;
  outflow: MoneyFields;
  residual: MoneyFields;
}

/** Every listed node with in = out + unaccounted, and its flags (OVERDRAWN ...). */
export function TraceNodeTable({ nodes, locale }: { nodes: readonly NodeRow[]; locale: Locale }) {
  return (
    <table className="data trace-nodes">
      <caption>
        {translate('inflow', locale)} = {translate('outflow', locale)} +{' '}
        {translate('residual', locale)}
      </caption>
      <TableHead
        locale={locale}
        columns={['actor', num('depth'), num('inflow'), num('outflow'), num('residual')]}
      />
      <tbody>
        {nodes.map((n) => (
          <tr key={n.actor.id}>
            <td>
              {displayName(n.actor, locale)}
              {n.flags.map((f) => (
                <span key={f} className="badge flag">
                  {enumLabel(f, locale)}
                </span>
              ))}
            </td>
            <td className="num">{n.depth}</td>
            <td className="num">{full(n.attributed, locale)}</td>
            <td className="num">{full(n.outflow, locale)}</td>
            <td className="num">{full(n.residual, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
