import { Reported } from '../components/glance';
import { num, TableHead } from '../components/table-head';
import type { Locale } from '../display-name';
import { translate } from '../lib/i18n';
import { enumLabel } from '../lib/labels';
import type { full } from '../lib/money';

// The place page's figures: badges, breadcrumb totals and the boundary table.

export function Designations({
  designations,
  locale,
}: {
  designations: readonly string[];
  locale: Locale;
}) {
  return (
    <>
      {designations.map((d) => (
        <span
          key={d}
          className={`badge ${d === 'NATIONAL_POOR_COUNTY' ? 'national' : d === 'REGIONAL_POOR_COUNTY' ? 'regional' : ''}`}
        >
          {enumLabel(d, locale)}
        </span>
      ))}
    </>
  );
}

type Money = Parameters<typeof full>[0];
export type Sides = Record<'incoming' | 'internal' | 'outgoing', { publicMoney: Money }>;

/** Incoming public money of a place in the breadcrumb. */
export function CrumbFigure({ money, locale }: { money: Money; locale: Locale }) {
  return (
    <span className="crumb-total">
      <Reported money={money} locale={locale} rounded />
    </span>
  );
}

type Totals = {
  flowCount: number;
  publicMoney: Money;
  loanPrincipal: Money;
  leveraged: Money;
  planned: Money;
};

export function BoundaryTable({
  totals,
  locale,
}: {
  totals: { incoming: Totals; internal: Totals; outgoing: Totals };
  locale: Locale;
}) {
  const rows = ['incoming', 'internal', 'outgoing'] as const;
  return (
    <table className="data boundary">
      <caption>
        {lang(locale, 'Money crossing and inside this place', '流入、内部与流出资金')}
      </caption>
      <TableHead
        locale={locale}
        columns={[
          null,
          num('publicMoney'),
          num('loans'),
          num('leveraged'),
          num('planned'),
          num('flowCount'),
        ]}
      />
      <tbody>
        {rows.map((k) => (
          <tr key={k} data-boundary={k}>
            <th scope="row">{translate(k, locale)}</th>
            <td className="num">
              <Reported money={totals[k].publicMoney} locale={locale} />
            </td>
            <td className="num">
              <Reported money={totals[k].loanPrincipal} locale={locale} />
            </td>
            <td className="num">
              <Reported money={totals[k].leveraged} locale={locale} />
            </td>
            <td className="num">
              <Reported money={totals[k].planned} locale={locale} />
            </td>
            <td className="num">{totals[k].flowCount}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const lang = (locale: Locale, en: string, zh: string) => (locale === 'EN' ? en : zh);
