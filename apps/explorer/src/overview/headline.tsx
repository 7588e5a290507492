import type { Locale } from '../display-name';
import { translate } from '../lib/i18n';
import { full, type MoneyFields } from '../lib/money';

export interface YearTotals {
  year: number | null;
  flowCount: number;
  publicMoney: MoneyFields;
  loanPrincipal: MoneyFields;
  leveraged: MoneyFields;
  planned: MoneyFields;
  otherResources: readonly MoneyFields[];
}

/** Public money, loans, leveraged and planned money side by side, never added together. */
export function Headline({ totals, locale }: { totals: YearTotals; locale: Locale }) {
  const figures = [
    ['publicMoney', totals.publicMoney, 'public'],
    ['loans', totals.loanPrincipal, 'apart'],
    ['leveraged', totals.leveraged, 'apart'],
    ['planned', totals.planned, 'apart'],
  ] as const;
  return (
    <dl className="headline">
      {figures.map(([key, money, kind]) => (
        <div key={key} className={`figure figure-${kind}`} data-figure={key}>
          <dt>{translate(key, locale)}</dt>
          <dd>{full(money, locale)}</dd>
        </div>
      ))}
      {totals.otherResources.length > 0 ? (
        <div className="figure figure-apart" data-figure="otherResources">
          <dt>{translate('otherResources', locale)}</dt>
          <dd>
            {totals.otherResources.map((m) => full(m, locale)).join(locale === 'EN' ? ', ' : '、')}
          </dd>
        </div>
      ) : null}
      <div className="figure figure-count">
        <dt>{translate('flowCount', locale)}</dt>
        <dd>{totals.flowCount}</dd>
      </div>
    </dl>
  );
}
