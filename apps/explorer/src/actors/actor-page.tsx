import { useQuery } from 'urql';
import { Link, useParams as useRouteParams } from 'wouter';
import { Indicators } from '../components/indicators';
import { NotFound, QueryState } from '../components/status';
import { useYears, YearSelect } from '../components/year-select';
import { displayName } from '../display-name';
import { citationHref } from '../documents/citation-href';
import { Citations } from '../flows/flow-card';
import { FlowTable } from '../flows/flow-table';
import { translate } from '../lib/i18n';
import { enumLabel } from '../lib/labels';
import { nodeWith } from '../lib/node';
import {
  decodeParam,
  idPath,
  useHref,
  useIntParam,
  useLang,
  useParams,
  useSetParams,
} from '../lib/url-state';
import { Balance } from './balance';
import { ActorFlowsQuery, ActorPageQuery } from './queries';

const STATUSES = ['PLANNED', 'COMMITTED', 'DISBURSED', 'SPENT'] as const;
type Status = (typeof STATUSES)[number];

/** The actor's two flow tables: money in (named by source), money out (named by target). */
const SIDES = [
  { list: 'inflows', side: 'source', page: 'inAfter', sort: 'in' },
  { list: 'outflows', side: 'target', page: 'outAfter', sort: 'out' },
] as const;

export default function ActorPage() {
  const lang = useLang();
  const href = useHref();
  const id = decodeParam(useRouteParams<{ id: string }>().id);
  const year = useIntParam('year');
  const years = useYears();
  const params = useParams();
  const setParams = useSetParams();
  const status: Status | null = STATUSES.find((s) => s === params.get('status')) ?? null;
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ActorPageQuery,
    variables: { id, year },
  });
  const filters = {
    inflows: { targetId: id, year, status },
    outflows: { sourceId: id, year, status },
  };
  const [flows] = useQuery({
    query: ActorFlowsQuery,
    variables: {
      ...filters,
      inAfter: params.get('inAfter'),
      outAfter: params.get('outAfter'),
    },
  });
  const actor = nodeWith(data?.node, 'kind');
  if (data && !actor) return <NotFound />;
  const slug = actor
    ? `${actor.nameEn ?? actor.name}`.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 40)
    : 'actor';
  const suffix = `${year ?? 'all'}${status ? `-${status.toLowerCase()}` : ''}`;
  return (
    <article className="actor">
      <QueryState
        fetching={fetching}
        error={error}
        hasData={!!data}
        retry={() => refetch({ requestPolicy: 'network-only' })}
      />
      {actor ? (
        <>
          <header className="view-header">
            <h1>{displayName(actor, lang)}</h1>
            <span className="badge">{enumLabel(actor.kind, lang)}</span>
            {actor.memberCount ? <span className="badge">×{actor.memberCount}</span> : null}
            <p className="as-of">
              {lang === 'EN' && actor.nameEn ? `${actor.name} · ` : ''}
              {actor.region ? (
                <Link href={href(`/places/${actor.region.code}`, {}, ['year'])}>
                  {displayName(actor.region, lang)}
                </Link>
              ) : null}
              {' · '}
              <Link href={href(idPath('/trace', actor.id), {}, ['year'])}>
                {translate('trace', lang)} →
              </Link>
              {' · '}
              <Link href={href(idPath('/trace', actor.id), { direction: 'upstream' }, ['year'])}>
                ← {translate('upstream', lang)}
              </Link>
            </p>
            {actor.note ? <p className="note">{actor.note}</p> : null}
          </header>
          <div className="controls">
            <YearSelect years={years} value={year} allowAll reset={['inAfter', 'outAfter']} />
            <label className="control">
              {translate('filterStatus', lang)}{' '}
              <select
                value={status ?? ''}
                onChange={(e) =>
                  setParams({ status: e.target.value || null, inAfter: null, outAfter: null })
                }
              >
                <option value="">{translate('all', lang)}</option>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {enumLabel(s, lang)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <Balance balance={actor.balance} locale={lang} />
          <QueryState fetching={flows.fetching} error={flows.error} hasData={!!flows.data} />
          {flows.data
            ? SIDES.map(({ list, side, page, sort }) => {
                const connection = flows.data?.[list];
                return (
                  <FlowTable
                    key={list}
                    caption={translate(list, lang)}
                    rows={connection?.edges.map((e) => e.node) ?? []}
                    totalCount={connection?.totalCount ?? 0}
                    nextCursor={
                      connection?.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null
                    }
                    pageParam={page}
                    side={side}
                    locale={lang}
                    sortParam={sort}
                    filter={filters[list]}
                    filename={`${slug}-${list}-${suffix}.csv`}
                  />
                );
              })
            : null}
          {actor.pairings.length > 0 ? (
            <section>
              <h2>{translate('pairings', lang)}</h2>
              <ul>
                {actor.pairings.map((p) => (
                  <li key={p.id}>
                    <Link href={href(idPath('/actors', p.helper.id))}>
                      {displayName(p.helper, lang)}
                    </Link>{' '}
                    →{' '}
                    <Link href={href(idPath('/actors', p.recipient.id))}>
                      {displayName(p.recipient, lang)}
                    </Link>
                    {p.coverage ? ` (${translate('coverage', lang)} ${p.coverage})` : ''}
                    {p.year ? ` · ${p.year}` : ''}{' '}
                    {p.citations.map((c) => (
                      <Link
                        key={`${c.start}-${c.end}`}
                        href={href(citationHref(c))}
                        className="citation-link"
                      >
                        “{c.quote}”
                      </Link>
                    ))}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <Indicators observations={data?.observations ?? []} locale={lang} />
          <section>
            <h2>{translate('citations', lang)}</h2>
            <Citations citations={actor.citations} locale={lang} />
          </section>
        </>
      ) : null}
    </article>
  );
}
