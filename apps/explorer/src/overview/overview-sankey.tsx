import { useMemo } from 'react';
import { useQuery } from 'urql';
import { useLocation } from 'wouter';
import { QueryState } from '../components/status';
import { translate } from '../lib/i18n';
import { toAmount } from '../lib/money';
import {
  OVERVIEW_KINDS as KINDS,
  type OverviewKind as Kind,
  OVERVIEW_GROUPS,
  overviewFlowsVariables,
} from '../lib/prefetch-script';
import { idPath, useHref, useLang, useParams, useSetParams } from '../lib/url-state';
import { ChartFrame } from '../sankey/chart-frame';
import type { GraphNode } from '../sankey/graph';
import { NodeMenu } from '../sankey/node-menu';
import { endsOf, overviewGraph, SMALLER_FLOWS_ID, splitTriples } from './overview-graph';
import { OverviewFlowsQuery } from './queries';
import { RibbonPanel } from './ribbon-panel';

const KIND_LABEL = {
  publicMoney: 'publicMoney',
  loanPrincipal: 'loans',
  leveraged: 'leveraged',
  planned: 'planned',
} as const;

export function OverviewSankey({ year }: { year: number }) {
  const lang = useLang();
  const params = useParams();
  const setParams = useSetParams();
  const kind: Kind = KINDS.find((k) => k === params.get('money')) ?? 'publicMoney';
  const expanded = useExpandedColumns();
  const selected = params.get('sel');
  const { data, fetching, error, refetch, graph } = useOverviewGraph(year, kind, expanded);

  const selectedNode = graph?.nodes.find((n) => n.id === selected) ?? null;
  const onNode = (n: GraphNode) => {
    if (n.kind === 'other') {
      setParams({ expand: [...expanded, n.column].join(',') });
      return;
    }
    setParams({ sel: n.id === selected ? null : n.id }, { replace: true });
  };
  const ribbon = graph?.links.find((l) => l.id === params.get('link')) ?? null;
  const rest = data?.totals.find((r) => r.rest);

  return (
    <section className="overview-sankey" aria-labelledby="sankey-heading">
      <h2 id="sankey-heading">{translate('sankeyTitle', lang)}</h2>
      <OverviewControls kind={kind} expanded={expanded} />
      <QueryState fetching={fetching} error={error} hasData={!!data} refetch={refetch} />
      {graph && graph.links.length === 0 ? (
        <p className="status empty">
          {translate('noFlowsOfKind', lang, { kind: translate(KIND_LABEL[kind], lang) })}
        </p>
      ) : null}
      {graph && graph.links.length > 0 ? (
        <ChartFrame
          graph={graph}
          locale={lang}
          title={`${translate('sankeyTitle', lang)} · ${year} · ${translate(KIND_LABEL[kind], lang)}`}
          desc={
            lang === 'EN'
              ? `${graph.nodes.length} nodes and ${graph.links.length} links. Link width is proportional to the amount. The same rows are in the table.`
              : `共 ${graph.nodes.length} 个节点、${graph.links.length} 条资金流。线宽与金额成正比。表格中有相同数据。`
          }
          selectedId={selected}
          onNode={onNode}
          onLink={(l) => setParams({ link: l.id, sel: null }, { replace: true })}
        />
      ) : null}
      {rest ? (
        <p className="note">
          {translate('smallerFlowsNote', lang, {
            kept: (data?.totals.length ?? 1) - 1,
            count: rest.flowCount.toLocaleString(lang === 'EN' ? 'en' : 'zh-CN'),
          })}
        </p>
      ) : null}
      {ribbon ? (
        <RibbonPanel
          key={ribbon.id}
          link={ribbon}
          year={year}
          locale={lang}
          onClose={() => setParams({ link: null }, { replace: true })}
        />
      ) : null}
      {selectedNode ? (
        <SelectedNodeMenu key={selectedNode.id} node={selectedNode} year={year} />
      ) : null}
    </section>
  );
}

/** The overview's columns the reader has opened ("Other" expanded), from the URL. */
function useExpandedColumns() {
  const params = useParams();
  return useMemo(
    () =>
      new Set(
        (params.get('expand') ?? '')
          .split(',')
          .filter((c) => /^[0-2]$/.test(c))
          .map(Number),
      ),
    [params],
  );
}

/** The selected node's menu: trace it, open its actor, or close (focus back on the node). */
function SelectedNodeMenu({ node, year }: { node: GraphNode; year: number }) {
  const lang = useLang();
  const setParams = useSetParams();
  const href = useHref();
  const [, navigate] = useLocation();
  const id = node.id.match(/^[st]:(.+)$/)?.[1];
  const actorId = id === SMALLER_FLOWS_ID ? undefined : id;
  return (
    <NodeMenu
      node={node}
      locale={lang}
      onTrace={actorId ? () => navigate(href(idPath('/trace', actorId), { year })) : undefined}
      onOpen={actorId ? () => navigate(href(idPath('/actors', actorId), { year })) : undefined}
      onClear={() => {
        const id = node.id;
        setParams({ sel: null }, { replace: true });
        // Back to the node the menu belonged to, for keyboard users.
        requestAnimationFrame(() =>
          document.querySelector<SVGElement>(`[data-node-id="${CSS.escape(id)}"]`)?.focus(),
        );
      }}
    />
  );
}

/** The year's totals of one kind of money, as an overview graph with `expanded` columns open. */
function useOverviewGraph(year: number, kind: Kind, expanded: Set<number>) {
  const lang = useLang();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: OverviewFlowsQuery,
    variables: overviewFlowsVariables(year, kind, OVERVIEW_GROUPS),
  });
  const graph = useMemo(() => {
    if (!data) return null;
    const rows = [];
    for (const r of data.totals) {
      const money = r[kind];
      // only the kind asked for is answered: none yet while another kind's answer is shown
      if (!money) return null;
      rows.push({ ...endsOf(r), amount: toAmount(money), mayOverlap: r.overlappingFlowCount > 0 });
    }
    const { bySource, byTarget } = splitTriples(rows);
    return overviewGraph(bySource, byTarget, lang, { expanded });
  }, [data, kind, lang, expanded]);
  return { data, fetching, error, refetch, graph };
}

/** Which money the overview shows, and the way back from expanded small nodes. */
function OverviewControls({ kind, expanded }: { kind: Kind; expanded: Set<number> }) {
  const lang = useLang();
  const setParams = useSetParams();
  return (
    <div className="controls">
      <label className="control">
        {translate('moneyKind', lang)}{' '}
        <select
          value={kind}
          onChange={(e) =>
            setParams({
              money: e.target.value === 'publicMoney' ? null : e.target.value,
              sel: null,
            })
          }
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {translate(KIND_LABEL[k], lang)}
            </option>
          ))}
        </select>
      </label>
      {expanded.size > 0 ? (
        <button type="button" onClick={() => setParams({ expand: null })}>
          {lang === 'EN' ? 'Collapse small nodes' : '合并小项'}
        </button>
      ) : null}
    </div>
  );
}
