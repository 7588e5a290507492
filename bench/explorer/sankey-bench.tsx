import { layoutGraph } from '@fundtrace/explorer/sankey/layout';
import { SankeyChart } from '@fundtrace/explorer/sankey/sankey-chart';
import '@fundtrace/explorer/styles.css';
import { StrictMode, useLayoutEffect, useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { syntheticGraph } from './synthetic-graph';

declare global {
  interface Window {
    __sankeyBench?: { links: number; nodes: number; renderMs: number; layoutMs: number };
  }
}

/**
 * `?links=2000`: renders the explorer's Sankey of a synthetic graph and records, in
 * window.__sankeyBench, the time from building the graph to the next frame after React's commit
 * (layout, SVG and paint). Built and served by bench.mjs, apart from the explorer's bundle.
 */
function SankeyBench({ links }: { links: number }) {
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

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const links = Number(new URLSearchParams(location.search).get('links') ?? 2000);
createRoot(root).render(
  <StrictMode>
    <main id="main">
      <SankeyBench links={links} />
    </main>
  </StrictMode>,
);
