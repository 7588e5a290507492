import { usePrometheus } from '@graphql-yoga/plugin-prometheus';
import type { Plugin } from 'graphql-yoga';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';

/** What a pool reports (pg.Pool's counters). */
export interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/**
 * One registry per server (tests build many): process metrics (memory, CPU, event loop lag,
 * handles) and, on PostgreSQL, the pool's connections by state, read at each scrape.
 */
export function createMetricsRegistry(pool: PoolCounts | null): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  if (pool) {
    const gauge = (name: string, help: string, read: () => number) =>
      new Gauge({
        name,
        help,
        registers: [registry],
        collect() {
          this.set(read());
        },
      });
    gauge('fundtrace_db_pool_total', 'Connections open in the pool', () => pool.totalCount);
    gauge('fundtrace_db_pool_idle', 'Idle connections in the pool', () => pool.idleCount);
    gauge('fundtrace_db_pool_waiting', 'Queries waiting for a connection', () => pool.waitingCount);
  }
  return registry;
}

/**
 * GraphQL requests, latency and errors by operation name and type (Yoga's Prometheus plugin).
 * The URL label is off: a GET's query string carries the document and variables.
 */
export function metricsPlugin(registry: Registry): Plugin {
  return usePrometheus({
    registry,
    endpoint: false,
    labels: { url: false },
    metrics: {
      // Per-phase timings are noise at this size; requests, durations and errors stay.
      graphql_envelop_phase_parse: false,
      graphql_envelop_phase_validate: false,
      graphql_envelop_phase_context: false,
      graphql_envelop_phase_execute: false,
      graphql_envelop_phase_subscribe: false,
      graphql_envelop_request_time_summary: false,
    },
  });
}
