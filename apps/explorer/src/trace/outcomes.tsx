import { Link } from 'wouter';
import { CitationLink } from '../components/citation-link';
import { num, TableHead } from '../components/table-head';
import { displayName, type Locale } from '../display-name';
import { translate } from '../lib/i18n';
import { enumLabel } from '../lib/labels';
import { full, type MoneyFields } from '../lib/money';
import { quantity, unitCostFormula } from '../lib/unit-cost';
import { unitCostLabel } from '../lib/unit-cost-label';
import { idPath, useHref } from '../lib/url-state';

export interface OutcomeRow {
  observation: {
    id: string;
    metric: string;
    metricInfo: { name: string; nameEn?: string | null };
    unit: string;
    year: number;
    kind: string;
    actor?: { id: string; name: string; nameEn?: string | null } | null;
    citations: readonly { start: number; end: number; quote: string; document: { id: string } }[];
  };
  attributedValue: string;
  money: MoneyFields;
  unitCost?: MoneyFields | null;
  share: number;
}

export function Outcomes({
  outcomes,
  statusesAt,
  locale,
}: {
  outcomes: readonly OutcomeRow[];
  /** The statuses of the traced flows into each actor: what kind of money a cost divides. */
  statusesAt: ReadonlyMap<string, ReadonlySet<string>>;
  locale: Locale;
}) {
  const href = useHref();
  if (outcomes.length === 0) return null;
  return (
    <table className="data outcomes">
      <caption>{translate('outcomes', locale)}</caption>
      <TableHead
        locale={locale}
        columns={['metric', 'actor', num('value'), num('amount'), 'unitCost', 'citations']}
      />
      <tbody>
        {outcomes.map((o) => {
          const obs = o.observation;
          const named = unitCostLabel(
            {
              statuses: statusesAt.get(obs.actor?.id ?? '') ?? new Set(),
              kind: obs.kind,
              unit: obs.unit,
            },
            locale,
          );
          return (
            <tr key={obs.id} data-outcome={obs.metric}>
              <td>
                {displayName(obs.metricInfo, locale)}{' '}
                <span className="badge">
                  {enumLabel(obs.kind, locale)} {obs.year}
                </span>
              </td>
              <td>{obs.actor ? displayName(obs.actor, locale) : '—'}</td>
              <td className="num">{full(quantity(o.attributedValue, obs.unit), locale)}</td>
              <td className="num">{full(o.money, locale)}</td>
              <td className="outcome-formula">
                {o.unitCost ? <span className="unit-cost-label">{named.label}: </span> : null}
                {unitCostFormula({ ...o, unit: obs.unit }, locale) ?? '—'}{' '}
                {o.unitCost && named.unlike ? (
                  <span className="badge unlike">{named.unlike}</span>
                ) : null}
                <Link
                  href={href(idPath('/trace', obs.id), { direction: 'upstream' })}
                  className="upstream"
                >
                  ← {translate('traceSources', locale)}
                </Link>
              </td>
              <td>
                {obs.citations.map((c) => (
                  <CitationLink key={`${c.start}-${c.end}`} c={c} locale={locale} />
                ))}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
