import { createCounter, createHistogram, usePrometheus } from '@graphql-yoga/plugin-prometheus';
import type { Plugin } from 'graphql-yoga';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { KNOWN_OPERATIONS } from './operation-names.js';

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
 * Clients choose operation names, and every name is a new series in each metric: only known
 * names (the explorer's, and those the operator adds with METRICS_OPERATIONS) are labelled;
 * every other name counts as "unknown", so inventing names can neither grow the server's memory
 * nor take a known operation's place.
 */
export function operationLabels(known: Iterable<string> = KNOWN_OPERATIONS) {
  const names = new Set(known);
  return (params: { operationName?: string; operationType?: string }) => {
    const given = params.operationName;
    const name = !given ? 'Anonymous' : names.has(given) ? given : 'unknown';
    return { operationName: name, operationType: params.operationType ?? 'unknown' };
  };
}

const OPERATION = ['operationName', 'operationType'] as const;

/**
 * GraphQL requests, latency and errors by operation name and type (Yoga's Prometheus plugin),
 * with bounded labels: no URL (a GET's query string carries the document and variables), no
 * error path (list indices), operation names as above.
 */
export function metricsPlugin(registry: Registry, extraOperations: string[] = []): Plugin {
  const labels = operationLabels([...KNOWN_OPERATIONS, ...extraOperations]);
  return usePrometheus({
    registry,
    endpoint: false,
    metrics: {
      graphql_envelop_request: createCounter({
        registry,
        counter: {
          name: 'graphql_envelop_request',
          help: 'GraphQL operations executed',
          labelNames: OPERATION,
        },
        fillLabelsFn: labels,
      }),
      graphql_envelop_request_duration: createHistogram({
        registry,
        histogram: {
          name: 'graphql_envelop_request_duration',
          help: 'Time to execute a GraphQL operation (seconds)',
          labelNames: OPERATION,
        },
        fillLabelsFn: labels,
      }),
      graphql_envelop_error_result: createCounter({
        registry,
        counter: {
          name: 'graphql_envelop_error_result',
          help: 'GraphQL results with errors, by the phase that reported them',
          labelNames: [...OPERATION, 'phase'],
        },
        fillLabelsFn: (params) => ({ ...labels(params), phase: params.errorPhase ?? 'unknown' }),
      }),
      graphql_yoga_http_duration: createHistogram({
        registry,
        histogram: {
          name: 'graphql_yoga_http_duration',
          help: 'Time to answer a GraphQL HTTP request (seconds)',
          labelNames: [...OPERATION, 'method', 'statusCode'],
        },
        fillLabelsFn: (params, { request, response }) => ({
          ...labels(params),
          method: request.method,
          statusCode: response.status,
        }),
      }),
      // Per-phase timings are noise at this size; requests, durations and errors stay.
      graphql_envelop_phase_parse: false,
      graphql_envelop_phase_validate: false,
      graphql_envelop_phase_context: false,
      graphql_envelop_phase_execute: false,
      graphql_envelop_phase_subscribe: false,
      graphql_envelop_request_time_summary: false,
      // on by default: walked every document with a TypeInfo (2% of the server's CPU under list
      // load, issue 14) to count deprecated fields, of which the schema has none
      graphql_envelop_deprecated_field: false,
    },
  });
}
