import type { Locale } from '../display-name';
import { translate } from '../lib/i18n';
import { useParams, useSetParams } from '../lib/url-state';
import type { Graph, GraphLink, GraphNode } from './graph';
import { RankedFlows } from './ranked-flows';
import { SankeyChart } from './sankey-chart';
import { SankeyTable } from './sankey-table';
import { useNarrow } from './use-narrow';

/** A chart with its table: a toggle (kept in the URL as ?view=table) switches between them. */
export function ChartFrame(props: {
  graph: Graph;
  locale: Locale;
  title: string;
  desc: string;
  selectedId?: string | null;
  onNode?: (n: GraphNode) => void;
  onLink?: (l: GraphLink) => void;
}) {
  const table = useParams().get('view') === 'table';
  const setParams = useSetParams();
  const narrow = useNarrow();
  // What both the chart and the narrow screen's ranked list show, and what they answer to.
  const { graph, locale, title, desc, selectedId, onNode, onLink } = props;
  const shown = { graph, locale, title, onNode, onLink };
  return (
    <figure className="chart-frame">
      <div className="chart-toggle">
        <button
          type="button"
          aria-pressed={table}
          onClick={() => setParams({ view: table ? null : 'table' })}
        >
          {translate(table ? 'showChart' : 'showTable', locale)}
        </button>
      </div>
      {table ? (
        <SankeyTable graph={graph} locale={locale} caption={title} />
      ) : narrow ? (
        <RankedFlows {...shown} />
      ) : (
        <SankeyChart {...shown} desc={desc} selectedId={selectedId} />
      )}
    </figure>
  );
}
