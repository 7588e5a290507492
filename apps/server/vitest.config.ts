import { defineConfig } from 'vitest/config';

// graphql 17 ships a separate development build behind the "development" export condition.
// Vite adds that condition in tests while Node loads the libraries (Pothos, Yoga) without it,
// which would create two graphql realms; resolve as Node does.
const nodeConditions = ['module-sync', 'node'];

export default defineConfig({
  resolve: { conditions: nodeConditions },
  ssr: { resolve: { conditions: nodeConditions } },
  test: {
    include: ['src/**/*.test.ts'],
    // Each test file opens its own database; two workers fit two cores.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
