import { useQuery } from 'urql';
import { Link, useParams as useRouteParams } from 'wouter';
import { Indicators } from '../components/indicators';
import { RecordNote } from '../components/record-note';
import { NotFound, QueryState } from '../components/status';
import { useYears, YearSelect } from '../components/year-select';
import { displayName } from '../display-name';
import { Citations } from '../flows/flow-card';
import { translate } from '../lib/i18n';
import { enumLabel } from '../lib/labels';
import { nodeWith } from '../lib/node';
import { decodeParam, idPath, useHref, useIntParam, useLang, useParams } from '../lib/url-state';
import { ActorFlows, ActorPairings, STATUSES, type Status, StatusFilter } from './actor-flows';
import { Balance } from './balance';
import { ActorPageQuery } from './queries';

export default function ActorPage() {
  const lang = useLang();
  const href = useHref();
  const id = decodeParam(useRouteParams<{ id: string }>().id);
  const year = useIntParam('year');
  const years = useYears();
  const params = useParams();
  const status: Status | null = STATUSES.find((s) => s === params.get('status')) ?? null;
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ActorPageQuery,
    variables: { id, year },
  });
  const actor = nodeWith(data?.node, 'kind');
  if (data && !actor) return <NotFound />;
  const slug = actor
    ? `${actor.nameEn ?? actor.name}`.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 40)
    : 'actor';
  const suffix = `${year ?? 'all'}${status ? `-${status.toLowerCase()}` : ''}`;
  return (
    <article className="actor">
      <QueryState fetching={fetching} error={error} hasData={!!data} refetch={refetch} />
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
            <RecordNote note={actor.note} noteZh={actor.noteZh} locale={lang} />
          </header>
          <div className="controls">
            <YearSelect years={years} value={year} allowAll reset={['inAfter', 'outAfter']} />
            <StatusFilter status={status} />
          </div>
          <Balance balance={actor.balance} locale={lang} />
          <ActorFlows
            id={actor.id}
            year={year}
            status={status}
            filename={(list) => `${slug}-${list}-${suffix}.csv`}
          />
          <ActorPairings pairings={actor.pairings} />
          <Indicators
            observations={data?.observations.edges.map((e) => e.node) ?? []}
            locale={lang}
          />
          <section>
            <h2>{translate('citations', lang)}</h2>
            <Citations citations={actor.citations} locale={lang} />
          </section>
        </>
      ) : null}
    </article>
  );
}
