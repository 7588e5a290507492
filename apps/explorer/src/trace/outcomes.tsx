import { Link } from 'wouter';
import { num, TableHead } from '../components/table-head';
import { displayName, type Locale } from '../display-name';
import { citationHref } from '../documents/citation-href';
import { translate } from '../lib/i18n';
import { enumLabel } from '../lib/labels';
import { full, type MoneyFields } from '../lib/money';
import { quantity, unitCostFormula } from '../lib/unit-cost';
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
  locale,
}: {
  outcomes: readonly OutcomeRow[];
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
                {unitCostFormula({ ...o, unit: obs.unit }, locale) ?? '—'}{' '}
                <Link
                  href={href(idPath('/trace', obs.id), { direction: 'upstream' })}
                  className="upstream"
                >
                  ← {translate('traceSources', locale)}
                </Link>
              </td>
              <td>
                {obs.citations.map((c) => (
                  <Link
                    key={`${c.start}-${c.end}`}
                    href={href(citationHref(c))}
                    className="citation-link"
                  >
                    “{c.quote}”
                  </Link>
                ))}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
