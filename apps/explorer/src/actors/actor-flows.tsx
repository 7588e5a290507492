import { useQuery } from 'urql';
import { Link } from 'wouter';
import { CitationLink, type CitationLinkFields } from '../components/citation-link';
import { QueryState } from '../components/status';
import { displayName, type Named } from '../display-name';
import { FlowTable } from '../flows/flow-table';
import { translate } from '../lib/i18n';
import { enumLabel } from '../lib/labels';
import { idPath, useHref, useLang, useParams, useSetParams } from '../lib/url-state';
import { ActorFlowsQuery } from './queries';

export const STATUSES = ['PLANNED', 'COMMITTED', 'DISBURSED', 'SPENT'] as const;
export type Status = (typeof STATUSES)[number];

/** The actor's two flow tables: money in (named by source), money out (named by target). */
const SIDES = [
  { list: 'inflows', side: 'source', page: 'inAfter', sort: 'in' },
  { list: 'outflows', side: 'target', page: 'outAfter', sort: 'out' },
] as const;

/** An actor's inflows and outflows, a page at a time, filtered by year and status. */
export function ActorFlows(props: {
  id: string;
  year: number | null;
  status: Status | null;
  filename: (list: 'inflows' | 'outflows') => string;
}) {
  const lang = useLang();
  const params = useParams();
  const { id, year, status } = props;
  const filters = {
    inflows: { targetId: id, year, status },
    outflows: { sourceId: id, year, status },
  };
  const [flows, refetch] = useQuery({
    query: ActorFlowsQuery,
    variables: { ...filters, inAfter: params.get('inAfter'), outAfter: params.get('outAfter') },
  });
  return (
    <>
      <QueryState
        fetching={flows.fetching}
        error={flows.error}
        hasData={!!flows.data}
        refetch={refetch}
      />
      {flows.data
        ? SIDES.map(({ list, side, page, sort }) => {
            const connection = flows.data?.[list];
            return (
              <FlowTable
                key={list}
                caption={translate(list, lang)}
                rows={connection?.edges.map((e) => e.node) ?? []}
                totalCount={connection?.totalCount ?? 0}
                nextCursor={connection?.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null}
                pageParam={page}
                side={side}
                locale={lang}
                sortParam={sort}
                filter={filters[list]}
                filename={props.filename(list)}
              />
            );
          })
        : null}
    </>
  );
}

interface ActorPairing {
  id: string;
  coverage: number | null;
  year: number | null;
  helper: { id: string } & Named;
  recipient: { id: string } & Named;
  citations: readonly CitationLinkFields[];
}

/** Who helps whom, with the passages that say so. */
export function ActorPairings({ pairings }: { pairings: readonly ActorPairing[] }) {
  const lang = useLang();
  const href = useHref();
  if (pairings.length === 0) return null;
  return (
    <section>
      <h2>{translate('pairings', lang)}</h2>
      <ul>
        {pairings.map((p) => (
          <li key={p.id}>
            <Link href={href(idPath('/actors', p.helper.id))}>{displayName(p.helper, lang)}</Link> →{' '}
            <Link href={href(idPath('/actors', p.recipient.id))}>
              {displayName(p.recipient, lang)}
            </Link>
            {p.coverage ? ` (${translate('coverage', lang)} ${p.coverage})` : ''}
            {p.year ? ` · ${p.year}` : ''}{' '}
            {p.citations.map((c) => (
              <CitationLink key={`${c.start}-${c.end}`} c={c} locale={lang} />
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Which statuses the flow tables show; a change goes back to their first pages. */
export function StatusFilter({ status }: { status: Status | null }) {
  const lang = useLang();
  const setParams = useSetParams();
  return (
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
  );
}
