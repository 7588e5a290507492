import { useMemo } from 'react';
import { useQuery } from 'urql';
import { QueryState } from '../components/status';
import { YearSelect } from '../components/year-select';
import { translate } from '../lib/i18n';
import { useIntParam, useLang } from '../lib/url-state';
import { defaultYear } from './default-year';
import { Headline } from './headline';
import { OverviewSankey } from './overview-sankey';
import { OverviewQuery } from './queries';

export function Overview() {
  const lang = useLang();
  const [{ data, fetching, error }, refetch] = useQuery({ query: OverviewQuery });
  const yearParam = useIntParam('year');
  const rows = useMemo(
    () => (data?.totals ?? []).filter((r) => r.year !== null && r.flowCount > 0),
    [data],
  );
  const years = rows.map((r) => r.year as number).sort((a, b) => b - a);
  const year = yearParam ?? defaultYear(rows);
  const row = rows.find((r) => r.year === year);
  const asOf = (data?.documents.edges ?? [])
    .map((e) => e.node.publishedOn)
    .filter((d): d is string => !!d)
    .sort()
    .at(-1);

  return (
    <article className="overview">
      <QueryState fetching={fetching} error={error} hasData={!!data} refetch={refetch} />
      {data ? (
        <>
          <header className="view-header">
            <h1>
              {translate('overview', lang)} {year ?? ''}
            </h1>
            <YearSelect years={years} value={year} />
            <p className="as-of">
              {translate('dataAsOf', lang)}: {asOf ?? '—'} · {translate('counted', lang)}
            </p>
          </header>
          {row ? (
            <Headline totals={row} locale={lang} />
          ) : (
            <p className="status empty">{translate('noFlows', lang)}</p>
          )}
          {year !== null && row && yearParam === null ? <OverviewSankey year={year} /> : null}
        </>
      ) : null}
      {/* With the year in the URL, the flows load alongside the totals rather than after them. */}
      {yearParam !== null && (!data || row) ? <OverviewSankey year={yearParam} /> : null}
    </article>
  );
}
