import type { Locale } from '../display-name';
import { compact, full, percentOf } from '../lib/money';
import type { Graph, GraphLink, GraphNode } from './graph';

/**
 * The Sankey on a phone: the same links, largest first, as bars with their words and figures.
 * Each end and the bar itself are buttons doing what a tap on the chart would.
 */
export function RankedFlows(props: {
  graph: Graph;
  locale: Locale;
  title: string;
  onNode?: (n: GraphNode) => void;
  onLink?: (l: GraphLink) => void;
}) {
  const { graph, locale } = props;
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const rows = [...graph.links].sort((a, b) => b.amount.value.cmp(a.amount.value));
  const largest = rows[0]?.amount.value;
  const end = (n: GraphNode | undefined) =>
    n ? (
      <button
        type="button"
        className={`ranked-node ranked-${n.kind}`}
        onClick={() => props.onNode?.(n)}
        disabled={!props.onNode}
      >
        {n.label}
      </button>
    ) : null;
  return (
    <ol className="ranked-flows" aria-label={props.title}>
      {rows.map((l) => {
        const source = byId.get(l.source);
        const target = byId.get(l.target);
        const residual = [source, target].find((n) => n?.kind === 'residual');
        const width = largest?.isZero()
          ? 0
          : l.amount.value
              .div(largest ?? 1)
              .times(100)
              .toNumber();
        return (
          <li key={l.id} data-link-id={l.id}>
            <div className="ranked-ends">
              {end(source)} <span aria-hidden="true">→</span> {end(target)}
            </div>
            <button
              type="button"
              className="ranked-bar"
              onClick={() => props.onLink?.(l)}
              disabled={!props.onLink}
              title={full(l.amount, locale)}
            >
              <span className="track">
                <span
                  className={`bar${l.hatched ? ' hatched' : ''}`}
                  style={{ width: `${Math.max(1, width)}%`, background: residual?.color }}
                />
              </span>
              <span className="figure">
                {compact(l.amount, locale)}
                {source && percentOf(l.amount, source.total)
                  ? ` · ${percentOf(l.amount, source.total)}`
                  : ''}
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
