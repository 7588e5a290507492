import { useMemo } from 'react';
import { useQuery } from 'urql';
import { Link, useLocation, useParams as useRouteParams } from 'wouter';
import { ClosablePanel } from '../components/closable-panel';
import { Glance } from '../components/glance';
import { QueryState } from '../components/status';
import { displayName } from '../display-name';
import { FlowCard } from '../flows/flow-card';
import { translate } from '../lib/i18n';
import { enumLabel } from '../lib/labels';
import { full } from '../lib/money';
import {
  decodeParam,
  idPath,
  useHref,
  useIntParam,
  useLang,
  useParams,
  useSetParams,
} from '../lib/url-state';
import { ChartFrame } from '../sankey/chart-frame';
import type { GraphLink, GraphNode } from '../sankey/graph';
import { TraceNodeTable } from './node-table';
import { Outcomes } from './outcomes';
import { TRACE_LIMIT, TraceQuery } from './queries';
import { residualExplain } from './residual-kinds';
import { ResidualLegend } from './residual-legend';
import { TraceControls } from './trace-controls';
import { RESIDUAL_PREFIX, traceGraph } from './trace-graph';

export default function TraceView() {
  const lang = useLang();
  const id = decodeParam(useRouteParams<{ id: string }>().id);
  const params = useParams();
  const setParams = useSetParams();
  const href = useHref();
  const [, navigate] = useLocation();
  const direction =
    params.get('direction')?.toUpperCase() === 'UPSTREAM' ? 'UPSTREAM' : 'DOWNSTREAM';
  const year = useIntParam('year');
  const depth = Math.min(12, Math.max(1, useIntParam('depth') ?? 6));
  const [{ data, fetching, error }, refetch] = useQuery({
    query: TraceQuery,
    variables: { from: id, direction, year, maxDepth: depth, limit: TRACE_LIMIT, locale: lang },
  });
  const trace = data?.trace;
  const graph = useMemo(() => (trace ? traceGraph(trace, lang) : null), [trace, lang]);
  const statusesAt = useStatusesAt(trace?.links);
  const selectedLink = params.get('link');
  const link = graph?.links.find((l) => l.id === selectedLink) ?? null;
  const explainResidual = params.get('res') !== null;

  const onNode = (n: GraphNode) => {
    if (n.kind === 'actor') {
      // Re-centre on this actor; direction, year and depth stay.
      navigate(href(idPath('/trace', n.id.slice(2)), {}, ['direction', 'year', 'depth', 'view']));
    } else if (n.kind === 'residual') {
      setParams({ res: '1', link: null }, { replace: true });
    }
  };
  const onLink = (l: GraphLink) => setParams({ link: l.id, res: null }, { replace: true });

  return (
    <article className="trace">
      <TraceHeader origin={trace?.origin} total={trace?.total} direction={direction} year={year} />
      <TraceControls direction={direction} year={year} depth={depth} />
      <QueryState fetching={fetching} error={error} hasData={!!data} refetch={refetch} />
      {trace && graph && graph.links.length === 0 ? (
        <TraceEmpty origin={trace.origin} direction={direction} />
      ) : null}
      {trace && graph && graph.links.length > 0 ? (
        <>
          <ChartFrame
            graph={graph}
            locale={lang}
            title={`${translate('trace', lang)}: ${displayName(trace.origin, lang)} (${full(trace.total, lang)})`}
            desc={
              lang === 'EN'
                ? `${trace.nodeCount} actors and ${trace.linkCount} flows reached. Hatched nodes are money that stays where the trail stops, named by kind. Hatched links are pooled shares.`
                : `共涉及 ${trace.nodeCount} 个主体、${trace.linkCount} 笔资金流。斜纹节点为追踪停下处的资金，按类别标明；斜纹连线为按比例归属的资金。`
            }
            selectedId={link ? link.source : null}
            onNode={onNode}
            onLink={onLink}
          />
          <p className="rule">
            <strong>{translate('rule', lang)}:</strong> {trace.rule}
          </p>
          <ResidualLegend
            totals={trace.residualTotals}
            upstream={direction === 'UPSTREAM'}
            selected={explainResidual}
            locale={lang}
          />
          {link ? (
            <LinkPanel link={link} onClose={() => setParams({ link: null }, { replace: true })} />
          ) : null}
          {params.get('view') === 'table' ? (
            <TraceNodeTable nodes={trace.nodes} locale={lang} />
          ) : null}
          <Outcomes outcomes={trace.outcomes} statusesAt={statusesAt} locale={lang} />
          <TraceWarnings warnings={trace.warnings} />
        </>
      ) : null}
    </article>
  );
}

function LinkPanel({ link, onClose }: { link: GraphLink; onClose: () => void }) {
  const lang = useLang();
  const residualEnd = [link.source, link.target].find((id) => id.startsWith(RESIDUAL_PREFIX));
  return (
    <ClosablePanel
      className="link-panel"
      label={translate('flow', lang)}
      locale={lang}
      onClose={onClose}
    >
      <p>
        {translate('amount', lang)}: <strong>{full(link.amount, lang)}</strong>
      </p>
      {link.flowIds.length === 0 ? (
        <p className="note">
          {residualEnd
            ? residualExplain(residualEnd.split(':')[2] ?? '', lang)
            : lang === 'EN'
              ? 'A sum over the actors in “Other”.'
              : '“其他”中各主体的合计。'}
        </p>
      ) : (
        link.flowIds.map((id) => <FlowCard key={id} id={id} locale={lang} />)
      )}
    </ClosablePanel>
  );
}

type Origin = Parameters<typeof displayName>[0] & { id: string };
type Direction = 'UPSTREAM' | 'DOWNSTREAM';

/** The trace's title: its origin, direction, year and total, and a link to the origin. */
function TraceHeader(props: {
  origin: Origin | undefined;
  total: Parameters<typeof full>[0] | undefined;
  direction: Direction;
  year: number | null | undefined;
}) {
  const { origin, total, direction, year } = props;
  const lang = useLang();
  const href = useHref();
  return (
    <header className="view-header">
      <h1>
        {translate('trace', lang)}
        {origin ? `: ${displayName(origin, lang)}` : ''}
      </h1>
      {origin && total ? (
        <p className="as-of">
          {translate(direction === 'UPSTREAM' ? 'upstream' : 'downstream', lang)} ·{' '}
          {year ?? translate('allYears', lang)} · <Glance money={total} locale={lang} /> ·{' '}
          <Link href={href(idPath('/actors', origin.id), {}, ['year'])}>
            {translate('open', lang)}
          </Link>
        </p>
      ) : null}
    </header>
  );
}

/** A trace with no flows: it ends (or starts) here; the other direction may go on. */
function TraceEmpty({ origin, direction }: { origin: Origin; direction: Direction }) {
  const lang = useLang();
  const href = useHref();
  return (
    <p className="status empty">
      {direction === 'DOWNSTREAM'
        ? translate('traceEndsHere', lang, { name: displayName(origin, lang) })
        : translate('traceStartsHere', lang, { name: displayName(origin, lang) })}{' '}
      <Link
        href={href(
          idPath('/trace', origin.id),
          { direction: direction === 'DOWNSTREAM' ? 'upstream' : null },
          ['year', 'depth'],
        )}
      >
        {translate(direction === 'DOWNSTREAM' ? 'upstream' : 'downstream', lang)} →
      </Link>
    </p>
  );
}

function TraceWarnings(props: {
  warnings: readonly {
    code: string;
    message: string;
    actor?: { id: string } | null;
    flow?: { id: string } | null;
  }[];
}) {
  const lang = useLang();
  if (props.warnings.length === 0) return null;
  return (
    <section className="panel warning" aria-labelledby="warnings-h">
      <h2 id="warnings-h">{translate('warnings', lang)}</h2>
      <ul>
        {props.warnings.map((w) => (
          <li key={`${w.code}-${w.actor?.id}-${w.flow?.id}-${w.message}`}>
            <strong>{enumLabel(w.code, lang)}</strong>: {w.message}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The statuses of the flows into each actor (an outcome's money may be planned, not spent). */
function useStatusesAt(
  links: readonly { flow: { status: string; target: { id: string } } }[] | undefined,
) {
  return useMemo(() => {
    const at = new Map<string, Set<string>>();
    for (const l of links ?? []) {
      const id = l.flow.target.id;
      at.set(id, (at.get(id) ?? new Set()).add(l.flow.status));
    }
    return at;
  }, [links]);
}
