import { formatDocument } from '@urql/core';
import react from '@vitejs/plugin-react';
import { print } from 'graphql';
import type { IndexHtmlTransformContext, Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import {
  ActorFlowsDocument,
  ActorPageDocument,
  DocumentTextDocument,
  FlowPageDocument,
  OverviewDocument,
  OverviewFlowsDocument,
  PlaceDocument,
  PlaceSharedDocument,
  TraceDocument,
  YearsDocument,
} from './src/gql/graphql';
import {
  OVERVIEW_GROUPS,
  PAGE_MODULES,
  type Page,
  prefetchScript,
} from './src/lib/prefetch-script';
import { TRACE_LIMIT } from './src/trace/queries';

/** Each lazily loaded page's chunk and the chunks it imports, as URLs (a build only). */
function pageFiles(
  bundle: NonNullable<IndexHtmlTransformContext['bundle']>,
): Partial<Record<Page, string[]>> {
  const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const files: Partial<Record<Page, string[]>> = {};
  for (const [page, module] of Object.entries(PAGE_MODULES) as [Page, string][]) {
    const chunk = chunks.find((c) => c.facadeModuleId?.endsWith(`/src/${module}`));
    if (!chunk) continue;
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const imported of byFile.get(file)?.imports ?? []) visit(imported);
    };
    visit(chunk.fileName);
    files[page] = [...seen].map((f) => `/${f}`);
  }
  return files;
}

/** Starts a page's first queries from index.html, before the bundle loads (prefetch-script.ts). */
function prefetchPages(): Plugin {
  const printed = (doc: Parameters<typeof formatDocument>[0]) => print(formatDocument(doc));
  const docs = {
    Overview: printed(OverviewDocument),
    OverviewFlows: printed(OverviewFlowsDocument),
    Years: printed(YearsDocument),
    FlowPage: printed(FlowPageDocument),
    DocumentText: printed(DocumentTextDocument),
    ActorPage: printed(ActorPageDocument),
    ActorFlows: printed(ActorFlowsDocument),
    Place: printed(PlaceDocument),
    PlaceShared: printed(PlaceSharedDocument),
    Trace: printed(TraceDocument),
  };
  return {
    name: 'fundtrace-prefetch-pages',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, ctx) => [
        {
          tag: 'script',
          children: prefetchScript(
            docs,
            { largest: OVERVIEW_GROUPS, trace: TRACE_LIMIT },
            ctx.bundle ? pageFiles(ctx.bundle) : {},
          ),
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}

export default defineConfig({
  plugins: [react(), prefetchPages()],
  build: { outDir: 'dist' },
  server: {
    // The API runs separately in development (`pnpm --filter @fundtrace/server dev`).
    proxy: { '/graphql': 'http://localhost:4000', '/export': 'http://localhost:4000' },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
