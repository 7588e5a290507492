import type { TraceComputation } from './compute.js';
import { ITEMS_PER_STEP, type Steps } from './steps.js';
import type { Warning } from './trace-types.js';

/** The warnings a reader sees: a source (no recorded inflows) cannot be overdrawn. */
export function* readerWarnings(c: TraceComputation): Steps<Warning[]> {
  const overdrawn = new Set<number>();
  for (const w of c.result.warnings) {
    if (w.code === 'OVERDRAWN' && w.actor !== undefined) overdrawn.add(w.actor);
  }
  const fed = new Set<number>();
  let n = 0;
  for (const f of overdrawn.size ? c.flows.values() : []) {
    if (overdrawn.has(f.target)) fed.add(f.target);
    if (++n % ITEMS_PER_STEP === 0) yield;
  }
  return c.result.warnings.filter(
    (w) => w.code !== 'OVERDRAWN' || w.actor === undefined || fed.has(w.actor),
  );
}

const CERTAINTY = {
  EN: { STATED: 'a source states it', PROBABLE: 'probable', POSSIBLE: 'possible' },
  ZH: { STATED: '来源载明', PROBABLE: '很可能', POSSIBLE: '可能' },
} as const;

type Locale = 'EN' | 'ZH';

/** Actors and flows by name in one language (an actor without an English name keeps its own). */
function namer(c: TraceComputation, locale: Locale) {
  const name = (id: number | undefined) => {
    const n = id === undefined ? undefined : c.names.actors.get(id);
    if (!n) return id === undefined ? '' : `#${id}`;
    return locale === 'EN' ? (n.en ?? n.zh) : n.zh;
  };
  const flowName = (id: number | undefined) => {
    const f = id === undefined ? undefined : c.names.ends.get(id);
    return f ? `${name(f.source)} → ${name(f.target)}` : '';
  };
  return { name, flowName };
}

/** A warning in words, in English and in Chinese, naming the actors and flows it concerns. */
export function warningMessage(c: TraceComputation, w: Warning): { EN: string; ZH: string } {
  const en = namer(c, 'EN');
  const zh = namer(c, 'ZH');
  const depth = c.request.maxDepth;
  const messages: Record<Warning['code'], () => { EN: string; ZH: string }> = {
    OVERDRAWN: () => ({
      EN: `${en.name(w.actor)} reports more outflow than inflow${w.flow ? ` (earmarked from ${en.flowName(w.flow)})` : ''}; its outflows are scaled down for attribution, the stored figures are unchanged.`,
      ZH: `${zh.name(w.actor)}报告的流出多于流入${w.flow ? `（专款来自${zh.flowName(w.flow)}）` : ''}；归属时按比例缩减其流出，存储的数字不变。`,
    }),
    CYCLE: () => ({
      EN: `Money comes back to ${en.name(w.actor)} through ${en.flowName(w.flow)}; it is not sent round again.`,
      ZH: `资金经${zh.flowName(w.flow)}流回${zh.name(w.actor)}；不再重复流转。`,
    }),
    DEPTH_LIMIT: () => ({
      EN: `The trace stops at ${en.name(w.actor)} (maxDepth ${depth}); its onward flows are not followed.`,
      ZH: `追踪止于${zh.name(w.actor)}（最大层级 ${depth}）；其后续流向未追踪。`,
    }),
    BAD_PARENT: () => ({
      EN: `${en.flowName(w.flow)} names a parent flow that does not reach ${en.name(w.actor)}; it is treated as pooled.`,
      ZH: `${zh.flowName(w.flow)}所列的上级资金未流到${zh.name(w.actor)}；按汇集资金处理。`,
    }),
    OVERLAP: () => {
      const o = w.overlap === undefined ? undefined : c.overlaps.get(w.overlap);
      const other = o?.flow_a_id === w.flow ? o?.flow_b_id : o?.flow_a_id;
      const certainty = o?.certainty ?? 'POSSIBLE';
      return {
        EN: `${en.flowName(w.flow)} may share money with ${en.flowName(other)} (overlap ${o?.key ?? ''}: ${CERTAINTY.EN[certainty]}): money counted through both may be counted twice.`,
        ZH: `${zh.flowName(w.flow)}可能与${zh.flowName(other)}重叠（${CERTAINTY.ZH[certainty]}）：经两者计算的资金可能被重复计算。`,
      };
    },
  };
  return messages[w.code]();
}
