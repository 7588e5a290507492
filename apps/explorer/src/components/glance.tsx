import type { Locale } from '../display-name';
import { translate } from '../lib/i18n';
import { compact, full, isZero, type MoneyFields } from '../lib/money';

type Money = Parameters<typeof full>[0];

/**
 * An amount outside a table, rounded to what a reader takes in ("1,116亿元", "CNY 111.6 bn"),
 * with the exact figure on hover and for assistive technology. Tables keep `full`.
 */
export function Glance({ money, locale }: { money: Money | MoneyFields; locale: Locale }) {
  const exact = full(money, locale);
  const shown = compact(money, locale);
  return (
    <span className="glance" title={exact} data-exact={exact}>
      {shown}
    </span>
  );
}

/**
 * An amount where a source may be silent: no recorded money reads "not reported", never 0.
 * `rounded` gives the glance form (outside tables).
 */
export function Reported(props: { money: Money | MoneyFields; locale: Locale; rounded?: boolean }) {
  if (isZero(props.money))
    return <span className="not-reported">{reportedText(props.money, props.locale)}</span>;
  if (props.rounded) return <Glance money={props.money} locale={props.locale} />;
  return <>{full(props.money, props.locale)}</>;
}

/** The exact figure as text, or "not reported" where no recorded money adds up to it. */
export const reportedText = (money: Money | MoneyFields, locale: Locale): string =>
  isZero(money) ? translate('notReported', locale) : full(money, locale);
