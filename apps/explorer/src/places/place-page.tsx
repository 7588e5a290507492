import { useQuery } from 'urql';
import { Link, useParams as useRouteParams } from 'wouter';
import { reportedText } from '../components/glance';
import { Indicators } from '../components/indicators';
import { NotFound, QueryState } from '../components/status';
import { useYears, YearSelect } from '../components/year-select';
import { displayName } from '../display-name';
import { translate } from '../lib/i18n';
import { enumLabel } from '../lib/labels';
import { toAmount, total } from '../lib/money';
import { useHref, useIntParam, useLang } from '../lib/url-state';
import { ChildrenSection, PairingsSection } from './children-section';
import { BoundaryTable, CrumbFigure, Designations } from './place-tables';
import { PlaceQuery } from './queries';
import { SharedMoney, useSharedMoney } from './shared-money';

export default function PlacePage() {
  const lang = useLang();
  const href = useHref();
  const code = useRouteParams<{ code?: string }>().code ?? '150000';
  const year = useIntParam('year');
  const years = useYears();
  const valid = /^[0-9]{6}$/.test(code);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: PlaceQuery,
    variables: { code, year },
    pause: !valid,
  });
  const region = data?.region;
  const shared = useSharedMoney(code, year, !valid);
  if (!valid || (data && !region)) return <NotFound />;
  const ancestors = region?.ancestors ?? [];
  const actors = data?.actors.edges.map((e) => e.node) ?? [];
  const here = actors.filter((a) => a.region?.code === code);
  const pairings = [...new Map(actors.flatMap((a) => a.pairings).map((p) => [p.id, p])).values()];
  return (
    <article className="place">
      <QueryState fetching={fetching} error={error} hasData={!!data} refetch={refetch} />
      {region && data ? (
        <>
          <nav className="breadcrumb" aria-label={lang === 'EN' ? 'Breadcrumb' : '层级导航'}>
            <ol>
              {ancestors.map((a) => (
                <li key={a.code}>
                  <Link href={href(`/places/${a.code}`, {}, ['year'])}>{displayName(a, lang)}</Link>{' '}
                  <CrumbFigure money={a.boundary.incoming.publicMoney} locale={lang} />
                </li>
              ))}
              <li aria-current="page">
                <strong>{displayName(region, lang)}</strong>{' '}
                <CrumbFigure money={data.boundaryTotals.incoming.publicMoney} locale={lang} />
              </li>
            </ol>
          </nav>
          <header className="view-header">
            <h1>{displayName(region, lang)}</h1>
            <span className="badge">{enumLabel(region.level, lang)}</span>
            <Designations designations={region.designations} locale={lang} />
            <YearSelect years={years} value={year} allowAll />
          </header>
          <BoundaryTable totals={data.boundaryTotals} locale={lang} />
          <p className="note overview-note">
            {translate('overviewDiffers', lang, {
              sum: reportedText(
                total([
                  toAmount(data.boundaryTotals.incoming.publicMoney),
                  toAmount(data.boundaryTotals.internal.publicMoney),
                ]),
                lang,
              ),
            })}
          </p>
          <SharedMoney shared={shared.get(code) ?? []} locale={lang} />
          <ChildrenSection region={region} here={here} shared={shared} locale={lang} />
          <Indicators observations={region.observations} locale={lang} />
          <PairingsSection pairings={pairings} locale={lang} />
        </>
      ) : null}
    </article>
  );
}
