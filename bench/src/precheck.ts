/**
 * Before timing: for a few parameter sets per shape, drawn with their own seed, both servers
 * (and ours without its response cache) must return the same data; the bench stops if not.
 * Also gives each target's single-request time, which decides whether a shape runs by time or
 * by count (report.ts SLOW_MS).
 */
import type { Params, Shape } from './shapes.js';

export async function post(url: string, request: { query: string; variables: unknown }) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown };
  if (!response.ok || body.errors) {
    throw new Error(
      `${url}: HTTP ${response.status} ${JSON.stringify(body.errors ?? body).slice(0, 800)}`,
    );
  }
  return body.data;
}

const timed = async (f: () => Promise<unknown>) => {
  const t = performance.now();
  await f();
  return performance.now() - t;
};

/** The shape's comparison; an answer it cannot read (a null where data was due) differs too. */
function compare(shape: Shape, ours: unknown, theirs: unknown): string | null {
  try {
    return shape.compare(ours, theirs);
  } catch (error) {
    return `${error}\nours:  ${JSON.stringify(ours).slice(0, 800)}\nother: ${JSON.stringify(theirs).slice(0, 800)}`;
  }
}

export interface Urls {
  ours: string;
  uncached: string;
  postgraphile: string;
}

/**
 * Checks all of `params` but the last on every server, then times one request of the last on
 * each (a set the check did not ask, so no cache answers it); returns those times (ms).
 */
export async function precheck(shape: Shape, params: Params[], urls: Urls) {
  const check = shape.check ?? { ours: shape.ours, postgraphile: shape.postgraphile };
  for (const p of params.slice(0, -1)) {
    const ours = await post(urls.ours, check.ours(p));
    const uncached = await post(urls.uncached, check.ours(p));
    const theirs = await post(urls.postgraphile, check.postgraphile(p));
    const differs =
      compare(shape, ours, theirs) ??
      (JSON.stringify(ours) === JSON.stringify(uncached)
        ? null
        : 'ours without the response cache answers otherwise');
    if (differs) {
      throw new Error(`shape ${shape.key}, ${JSON.stringify(p)}: ${differs}`);
    }
  }
  const last = params.at(-1) as Params;
  const ms = {
    ours: await timed(() => post(urls.ours, shape.ours(last))),
    uncached: await timed(() => post(urls.uncached, shape.ours(last))),
    postgraphile: await timed(() => post(urls.postgraphile, shape.postgraphile(last))),
  };
  console.log(
    `  ${shape.key}: same data for ${params.length - 1} parameter sets; one request: ours ` +
      `${ms.ours.toFixed(0)} ms, without the response cache ${ms.uncached.toFixed(0)} ms, ` +
      `PostGraphile ${ms.postgraphile.toFixed(0)} ms`,
  );
  return ms;
}
