import { Link } from 'wouter';
import type { Locale } from '../display-name';
import { translate } from '../lib/i18n';
import { compact, compactRange, full, fullRange, isZero, type MoneyFields } from '../lib/money';
import { useHref } from '../lib/url-state';

export interface YearTotals {
  year: number | null;
  flowCount: number;
  publicMoney: MoneyFields;
  loanPrincipal: MoneyFields;
  leveraged: MoneyFields;
  planned: MoneyFields;
  otherResources: readonly MoneyFields[];
  overlaps?: readonly { id: string; statedTotal?: { value: string } | null }[];
  /** All the overlaps (`overlaps` lists the first 100). */
  overlapCount?: number;
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
          {isZero(money) ? (
            <dd className="not-reported">{translate('notReported', locale)}</dd>
          ) : (
            // Rounded to what a reader takes in; the exact figure on hover and in tables.
            <dd title={(kind === 'public' && fullRange(money, locale)) || full(money, locale)}>
              {(kind === 'public' && compactRange(money, locale)) || compact(money, locale)}
            </dd>
          )}
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
      <OverlapReason totals={totals} locale={locale} />
      <div className="figure figure-count">
        <dt>{translate('flowCount', locale)}</dt>
        <dd>{totals.flowCount.toLocaleString(locale === 'EN' ? 'en' : 'zh-CN')}</dd>
      </div>
    </dl>
  );
}

/**
 * Why public money is a range, with a link to the overlaps that make it one, and to where the
 * sources disagree when a total another source states lowers its high end.
 */
function OverlapReason({ totals, locale }: { totals: YearTotals; locale: Locale }) {
  const href = useHref();
  const n = totals.overlapCount ?? totals.overlaps?.length ?? 0;
  if (n === 0 || !compactRange(totals.publicMoney, locale)) return null;
  const bound = totals.overlaps?.some((o) => o.statedTotal) ?? false;
  return (
    <p className="overlap-reason" data-figure="overlapReason">
      {translate('overlapReason', locale, { n })}{' '}
      <Link href={href('/overlaps', { year: String(totals.year ?? '') })}>
        {translate('seeOverlaps', locale)}
      </Link>
      {bound ? (
        <>
          {' '}
          {translate('boundReason', locale)}{' '}
          <Link href={href('/sources-disagree')} data-link="sourcesDisagree">
            {translate('sourcesDisagree', locale)}
          </Link>
        </>
      ) : null}
    </p>
  );
}
