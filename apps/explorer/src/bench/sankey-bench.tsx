import { useLayoutEffect, useMemo } from 'react';
import { useIntParam } from '../lib/url-state';
import { layoutGraph } from '../sankey/layout';
import { SankeyChart } from '../sankey/sankey-chart';
import { syntheticGraph } from './synthetic-graph';

declare global {
  interface Window {
    __sankeyBench?: { links: number; nodes: number; renderMs: number; layoutMs: number };
  }
}

/**
 * `/_bench/sankey?links=2000`: renders the Sankey of a synthetic graph and records, in
 * window.__sankeyBench, the time from building the graph to the next frame after React's commit
 * (layout, SVG and paint). Used by e2e/bench.mjs; not linked from the app.
 */
export default function SankeyBench() {
  const links = useIntParam('links') ?? 2000;
  const started = useMemo(() => performance.now(), []);
  const graph = useMemo(() => syntheticGraph(links), [links]);
  useLayoutEffect(() => {
    requestAnimationFrame(() => {
      const renderMs = performance.now() - started;
      // The layout alone, once more, to tell layout from drawing.
      const t0 = performance.now();
      layoutGraph(graph, 960, 6000);
      window.__sankeyBench = {
        layoutMs: performance.now() - t0,
        links: graph.links.length,
        nodes: graph.nodes.length,
        renderMs,
      };
    });
  }, [graph, started]);
  return (
    <SankeyChart
      graph={graph}
      title={`Synthetic Sankey, ${graph.links.length} links`}
      desc="benchmark"
      locale="ZH"
    />
  );
}
