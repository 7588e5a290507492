import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import type { CORSOptions, Plugin } from 'graphql-yoga';
import type { Registry } from 'prom-client';
import type { RateLimitConfig } from './config.js';
import { metricsPlugin } from './observability/metrics.js';
import { operationLogPlugin } from './observability/request-log.js';
import { rateLimitPlugin } from './rate-limit.js';

/** The header browsers must send on requests that skip a CORS preflight (GET, forms). */
export const CSRF_HEADER = 'x-graphql-yoga-csrf';

export interface HardeningOptions {
  introspection?: boolean;
  /** Origins allowed to call from another origin; empty means same-origin only; `*` any. */
  corsOrigins?: string[];
  /** Absent: no rate limits (tests that fire many traces). The server always passes them. */
  rateLimits?: RateLimitConfig | undefined;
  /** Registry for request, latency and error metrics; absent: none collected. */
  metrics?: Registry | undefined;
  /** Operation names labelled in metrics besides the known ones. */
  metricsOperations?: string[];
}

/**
 * A cross-site form or image tag can send a "simple" request without a preflight: with CSRF
 * prevention, such requests (GET, form or text bodies) must carry a custom header, which a
 * cross-site page cannot add without CORS allowing it.
 */
export function hardeningPlugins(options: HardeningOptions = {}): Plugin[] {
  const plugins: Plugin[] = [
    useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }),
    operationLogPlugin,
  ];
  if (options.introspection === false) plugins.push(useDisableIntrospection());
  if (options.rateLimits) plugins.push(rateLimitPlugin(options.rateLimits));
  if (options.metrics) plugins.push(metricsPlugin(options.metrics, options.metricsOperations));
  return plugins;
}

/** Yoga's default reflects any origin; here only the configured ones get CORS headers. */
export function corsOptions(origins: string[] = []): CORSOptions | false {
  if (origins.length === 0) return false;
  return {
    origin: origins.includes('*') ? '*' : origins,
    methods: ['GET', 'POST'],
    allowedHeaders: ['content-type', 'authorization', 'x-request-id', CSRF_HEADER],
    exposedHeaders: [
      'x-request-id',
      'RateLimit-Limit',
      'RateLimit-Remaining',
      'RateLimit-Reset',
      'Retry-After',
    ],
    credentials: false,
    maxAge: 600,
  };
}
