import type { Locale } from '../display-name';
import { translate } from '../lib/i18n';
import { useParams, useSetParams } from '../lib/url-state';
import type { Graph, GraphLink, GraphNode } from './graph';
import { SankeyChart } from './sankey-chart';
import { SankeyTable } from './sankey-table';

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
  return (
    <figure className="chart-frame">
      <div className="chart-toggle">
        <button
          type="button"
          aria-pressed={table}
          onClick={() => setParams({ view: table ? null : 'table' })}
        >
          {translate(table ? 'showChart' : 'showTable', props.locale)}
        </button>
      </div>
      {table ? (
        <SankeyTable graph={props.graph} locale={props.locale} caption={props.title} />
      ) : (
        <SankeyChart
          graph={props.graph}
          title={props.title}
          desc={props.desc}
          locale={props.locale}
          selectedId={props.selectedId}
          onNode={props.onNode}
          onLink={props.onLink}
        />
      )}
    </figure>
  );
}
