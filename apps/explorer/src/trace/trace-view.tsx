import { useMemo } from 'react';
import { useQuery } from 'urql';
import { Link, useLocation, useParams as useRouteParams } from 'wouter';
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
import { TraceQuery } from './queries';
import { TraceControls } from './trace-controls';
import { RESIDUAL_PREFIX, traceGraph } from './trace-graph';

/** Nodes, outcomes and residuals listed by name; the rest are summed into "Other (k)". */
export const TRACE_LIMIT = 40;

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
      <header className="view-header">
        <h1>
          {translate('trace', lang)}
          {trace ? `: ${displayName(trace.origin, lang)}` : ''}
        </h1>
        {trace ? (
          <p className="as-of">
            {translate(direction === 'UPSTREAM' ? 'upstream' : 'downstream', lang)} ·{' '}
            {year ?? translate('allYears', lang)} · {full(trace.total, lang)} ·{' '}
            <Link href={href(idPath('/actors', trace.origin.id), {}, ['year'])}>
              {translate('open', lang)}
            </Link>
          </p>
        ) : null}
      </header>
      <TraceControls direction={direction} year={year} depth={depth} />
      <QueryState
        fetching={fetching}
        error={error}
        hasData={!!data}
        retry={() => refetch({ requestPolicy: 'network-only' })}
      />
      {trace && graph && graph.links.length === 0 ? (
        <p className="status empty">
          {lang === 'EN'
            ? 'No traced money for these settings. Try all years, the other direction or a greater depth.'
            : '在当前设置下没有可追踪的资金。请尝试全部年份、另一方向或更大层级。'}
        </p>
      ) : null}
      {trace && graph && graph.links.length > 0 ? (
        <>
          <ChartFrame
            graph={graph}
            locale={lang}
            title={`${translate('trace', lang)}: ${displayName(trace.origin, lang)} (${full(trace.total, lang)})`}
            desc={
              lang === 'EN'
                ? `${trace.nodeCount} actors and ${trace.linkCount} flows reached. Grey hatched nodes are unaccounted money. Hatched links are pooled shares.`
                : `共涉及 ${trace.nodeCount} 个主体、${trace.linkCount} 笔资金流。灰色斜纹节点为未说明去向的资金，斜纹连线为按比例归属的资金。`
            }
            selectedId={link ? link.source : null}
            onNode={onNode}
            onLink={onLink}
          />
          <p className="rule">
            <strong>{translate('rule', lang)}:</strong> {trace.rule}
          </p>
          <p className="note">{translate('residualNote', lang)}</p>
          {explainResidual ? (
            <ResidualPanel
              trace={trace}
              onClose={() => setParams({ res: null }, { replace: true })}
            />
          ) : null}
          {link ? (
            <LinkPanel link={link} onClose={() => setParams({ link: null }, { replace: true })} />
          ) : null}
          {params.get('view') === 'table' ? (
            <TraceNodeTable nodes={trace.nodes} locale={lang} />
          ) : null}
          <Outcomes outcomes={trace.outcomes} locale={lang} />
          {trace.warnings.length > 0 ? (
            <section className="panel warning" aria-labelledby="warnings-h">
              <h2 id="warnings-h">{translate('warnings', lang)}</h2>
              <ul>
                {trace.warnings.map((w) => (
                  <li key={`${w.code}-${w.actor?.id}-${w.flow?.id}-${w.message}`}>
                    <strong>{w.code}</strong>: {w.message}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : null}
    </article>
  );
}

function LinkPanel({ link, onClose }: { link: GraphLink; onClose: () => void }) {
  const lang = useLang();
  return (
    <section className="panel link-panel" aria-label={translate('flow', lang)}>
      <button type="button" onClick={onClose} className="close">
        {translate('close', lang)}
      </button>
      <p>
        {translate('amount', lang)}: <strong>{full(link.amount, lang)}</strong>
      </p>
      {link.flowIds.length === 0 ? (
        <p className="note">
          {link.source.startsWith(RESIDUAL_PREFIX) || link.target.startsWith(RESIDUAL_PREFIX)
            ? translate('residualNote', lang)
            : lang === 'EN'
              ? 'A sum over the actors in “Other”.'
              : '“其他”中各主体的合计。'}
        </p>
      ) : (
        link.flowIds.map((id) => <FlowCard key={id} id={id} locale={lang} />)
      )}
    </section>
  );
}

function ResidualPanel(props: {
  trace: {
    residualTotals: readonly {
      kind: string;
      actorCount: number;
      amount: Parameters<typeof full>[0];
    }[];
  };
  onClose: () => void;
}) {
  const lang = useLang();
  return (
    <section className="panel residual-panel" aria-label={translate('unaccounted', lang)}>
      <button type="button" onClick={props.onClose} className="close">
        {translate('close', lang)}
      </button>
      <p>{translate('residualNote', lang)}</p>
      <ul>
        {props.trace.residualTotals.map((r) => (
          <li key={r.kind}>
            {enumLabel(r.kind, lang)}: {full(r.amount, lang)} ({r.actorCount})
          </li>
        ))}
      </ul>
    </section>
  );
}
