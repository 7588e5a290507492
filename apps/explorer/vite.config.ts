import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist' },
  server: {
    // The API runs separately in development (`pnpm --filter @fundtrace/server dev`).
    proxy: { '/graphql': 'http://localhost:4000' },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
