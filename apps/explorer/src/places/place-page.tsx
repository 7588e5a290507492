import { useQuery } from 'urql';
import { Link, useParams as useRouteParams } from 'wouter';
import { Indicators } from '../components/indicators';
import { Empty, NotFound, QueryState } from '../components/status';
import { num, TableHead } from '../components/table-head';
import { useYears, YearSelect } from '../components/year-select';
import { displayName, type Locale } from '../display-name';
import { translate } from '../lib/i18n';
import { enumLabel } from '../lib/labels';
import { full } from '../lib/money';
import { idPath, useHref, useIntParam, useLang } from '../lib/url-state';
import { PlaceQuery } from './queries';

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
  if (!valid || (data && !region)) return <NotFound />;
  const ancestors = region?.ancestors ?? [];
  const actors = data?.actors.edges.map((e) => e.node) ?? [];
  const here = actors.filter((a) => a.region?.code === code);
  const pairings = [...new Map(actors.flatMap((a) => a.pairings).map((p) => [p.id, p])).values()];
  return (
    <article className="place">
      <QueryState
        fetching={fetching}
        error={error}
        hasData={!!data}
        retry={() => refetch({ requestPolicy: 'network-only' })}
      />
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
          <section>
            <h2>{translate('children', lang)}</h2>
            {region.children.length === 0 ? (
              <Empty>{lang === 'EN' ? 'No places below this one.' : '没有下级地区。'}</Empty>
            ) : null}
            {region.children.length > 0 || here.length > 0 ? (
              <table className="data children">
                <caption>{translate('children', lang)}</caption>
                <TableHead
                  locale={lang}
                  columns={['region', num('incoming'), num('internal'), num('outgoing')]}
                />
                <tbody>
                  {region.children.map((c) => (
                    <ChildRow key={c.code} child={c} locale={lang} />
                  ))}
                  {here.length > 0 ? (
                    <tr className="not-broken-down">
                      <td colSpan={4}>
                        {translate('notBrokenDown', lang)}:{' '}
                        {here.map((a, i) => (
                          <span key={a.id}>
                            {i > 0 ? '、' : ''}
                            <Link href={href(idPath('/actors', a.id), {}, ['year'])}>
                              {displayName(a, lang)}
                            </Link>
                          </span>
                        ))}
                      </td>
                    </tr>
                  ) : null}
                </tbody>
              </table>
            ) : null}
          </section>
          <Indicators observations={region.observations} locale={lang} />
          {pairings.length > 0 ? (
            <section>
              <h2>{translate('pairings', lang)}</h2>
              <table className="data pairings">
                <caption>{translate('pairings', lang)}</caption>
                <TableHead locale={lang} columns={['helper', 'recipient', num('coverage')]} />
                <tbody>
                  {pairings.map((p) => (
                    <tr key={p.id}>
                      <td>
                        <Link href={href(idPath('/actors', p.helper.id))}>
                          {displayName(p.helper, lang)}
                        </Link>
                      </td>
                      <td>
                        <Link href={href(idPath('/actors', p.recipient.id))}>
                          {displayName(p.recipient, lang)}
                        </Link>
                      </td>
                      <td className="num">{p.coverage ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ) : null}
        </>
      ) : null}
    </article>
  );
}

function Designations({
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
type Sides = Record<'incoming' | 'internal' | 'outgoing', { publicMoney: Money }>;

/** Incoming public money of a place in the breadcrumb. */
function CrumbFigure({ money, locale }: { money: Money; locale: Locale }) {
  return <span className="crumb-total">{full(money, locale)}</span>;
}

function ChildRow(props: {
  child: {
    code: string;
    name: string;
    nameEn?: string | null;
    designations: readonly string[];
    boundary: Sides;
  };
  locale: Locale;
}) {
  const href = useHref();
  const cell = (k: keyof Sides) => full(props.child.boundary[k].publicMoney, props.locale);
  return (
    <tr>
      <td>
        <Link href={href(`/places/${props.child.code}`, {}, ['year'])}>
          {displayName(props.child, props.locale)}
        </Link>
        <Designations designations={props.child.designations} locale={props.locale} />
      </td>
      <td className="num">{cell('incoming')}</td>
      <td className="num">{cell('internal')}</td>
      <td className="num">{cell('outgoing')}</td>
    </tr>
  );
}

type Totals = {
  flowCount: number;
  publicMoney: Money;
  loanPrincipal: Money;
  leveraged: Money;
  planned: Money;
};

function BoundaryTable({
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
            <td className="num">{full(totals[k].publicMoney, locale)}</td>
            <td className="num">{full(totals[k].loanPrincipal, locale)}</td>
            <td className="num">{full(totals[k].leveraged, locale)}</td>
            <td className="num">{full(totals[k].planned, locale)}</td>
            <td className="num">{totals[k].flowCount}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const lang = (locale: Locale, en: string, zh: string) => (locale === 'EN' ? en : zh);
