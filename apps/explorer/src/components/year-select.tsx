import { useQuery } from 'urql';
import { graphql } from '../gql';
import { translate } from '../lib/i18n';
import { useLang, useSetParams } from '../lib/url-state';

export function YearSelect({
  years,
  value,
  allowAll = false,
  reset = [],
}: {
  years: readonly number[];
  value: number | null;
  allowAll?: boolean;
  /** Params that lose their meaning with another year (page cursors). */
  reset?: readonly string[];
}) {
  const lang = useLang();
  const setParams = useSetParams();
  return (
    <label className="control">
      {translate('year', lang)}{' '}
      <select
        value={value ?? ''}
        onChange={(e) =>
          setParams({
            year: e.target.value || null,
            ...Object.fromEntries(reset.map((k) => [k, null])),
          })
        }
      >
        {allowAll ? <option value="">{translate('allYears', lang)}</option> : null}
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </label>
  );
}

const YearsQuery = graphql(`
  query Years {
    totals(groupBy: [YEAR]) {
      year
      flowCount
    }
  }
`);

/** The years that have flows, latest first. */
export function useYears(): number[] {
  const [{ data }] = useQuery({ query: YearsQuery });
  return (data?.totals ?? [])
    .filter((r) => r.flowCount > 0)
    .map((r) => r.year)
    .filter((y): y is number => y !== null)
    .sort((a, b) => b - a);
}
