import { formatDocument } from '@urql/core';
import react from '@vitejs/plugin-react';
import { print } from 'graphql';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { OverviewDocument, OverviewFlowsDocument } from './src/gql/graphql';
import { OVERVIEW_GROUPS, prefetchScript } from './src/overview/prefetch-script';

/** Starts the overview's queries from index.html, before the bundle loads (prefetch-script.ts). */
function prefetchOverview(): Plugin {
  const printed = (doc: Parameters<typeof formatDocument>[0]) => print(formatDocument(doc));
  return {
    name: 'fundtrace-prefetch-overview',
    transformIndexHtml: () => [
      {
        tag: 'script',
        children: prefetchScript(
          printed(OverviewDocument),
          printed(OverviewFlowsDocument),
          OVERVIEW_GROUPS,
        ),
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  plugins: [react(), prefetchOverview()],
  build: { outDir: 'dist' },
  server: {
    // The API runs separately in development (`pnpm --filter @fundtrace/server dev`).
    proxy: { '/graphql': 'http://localhost:4000', '/export': 'http://localhost:4000' },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
