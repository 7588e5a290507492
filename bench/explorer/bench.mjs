// `pnpm bench:explorer`: the explorer's initial JavaScript (gzipped, from its built index.html),
// and the time to render the explorer's Sankey of 2,000 links shaped like the synthetic data set in
// headless Chromium (median of five runs), on a page of its own (sankey-bench.tsx) built and
// served here, so that nothing of the benchmark ships in the explorer. Budgets: 200 kB, 500 ms.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launchBrowser, ROOT } from '@fundtrace/explorer/e2e/harness';
import react from '@vitejs/plugin-react';
import { build, preview } from 'vite';

const DIST = join(ROOT, 'apps/explorer/dist');
const LINKS = Number(process.env.BENCH_LINKS ?? 2000);
const RENDER_BUDGET_MS = Number(process.env.BENCH_RENDER_BUDGET_MS ?? 500);
const JS_BUDGET_KB = 200;

/** The entry script and every module it preloads: what the first page load runs. */
export function initialJs() {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const sizes = files.map((f) => {
    const body = readFileSync(join(DIST, f));
    return { file: f, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length };
  });
  return { files: sizes, gzipKb: sizes.reduce((s, f) => s + f.gzip, 0) / 1000 };
}

const js = initialJs();
console.log(
  `initial JS: ${js.gzipKb.toFixed(1)} kB gzipped (${js.files.map((f) => f.file).join(', ')})`,
);

/** Builds the benchmark page (production mode, as the explorer ships) and serves it on loopback. */
async function servePage() {
  const root = dirname(fileURLToPath(import.meta.url));
  const config = {
    root,
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    resolve: { dedupe: ['react', 'react-dom'] },
    build: { outDir: 'dist', emptyOutDir: true },
  };
  await build(config);
  const server = await preview({ ...config, preview: { host: '127.0.0.1', port: 0 } });
  return { url: server.resolvedUrls.local[0].replace(/\/$/, ''), stop: () => server.close() };
}

const server = await servePage();
const browser = await launchBrowser();
const runs = [];
try {
  for (let k = 0; k < 5; k++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/?links=${LINKS}`);
    const result = await page.waitForFunction(() => window.__sankeyBench, null, {
      timeout: 60_000,
    });
    runs.push(await result.jsonValue());
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
const times = runs.map((r) => Math.round(r.renderMs)).sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
const layouts = runs.map((r) => Math.round(r.layoutMs)).sort((a, b) => a - b);
console.log(
  `Sankey of ${runs[0].links} links, ${runs[0].nodes} nodes: median ${median} ms (runs: ${times.join(', ')}); ` +
    `d3-sankey layout alone: median ${layouts[Math.floor(layouts.length / 2)]} ms`,
);
const failed = [js.gzipKb > JS_BUDGET_KB, median > RENDER_BUDGET_MS].filter(Boolean).length;
console.log(`${2 - failed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
