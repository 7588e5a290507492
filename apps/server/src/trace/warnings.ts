import type { TraceComputation } from './compute.js';
import type { Warning } from './trace-types.js';

/** The warnings a reader sees: a source (no recorded inflows) cannot be overdrawn. */
export function readerWarnings(c: TraceComputation): Warning[] {
  const fed = new Set<number>();
  for (const f of c.flows.values()) fed.add(f.target);
  return c.result.warnings.filter(
    (w) => w.code !== 'OVERDRAWN' || w.actor === undefined || fed.has(w.actor),
  );
}

const CERTAINTY_ZH = { STATED: '来源载明', PROBABLE: '很可能', POSSIBLE: '可能' } as const;

/** A warning in words, in English and in Chinese, naming the actors and flows it concerns. */
export function warningMessage(c: TraceComputation, w: Warning): { EN: string; ZH: string } {
  const { flows, request } = c;
  const name = (id: number | undefined) => (id === undefined ? '' : (c.names.get(id) ?? `#${id}`));
  const flowName = (id: number | undefined) => {
    const f = id === undefined ? undefined : flows.get(id);
    return f ? `${name(f.source)} → ${name(f.target)}` : '';
  };
  const messages: Record<Warning['code'], () => { EN: string; ZH: string }> = {
    OVERDRAWN: () => ({
      EN: `${name(w.actor)} reports more outflow than inflow${w.flow ? ` (earmarked from ${flowName(w.flow)})` : ''}; its outflows are scaled down for attribution, the stored figures are unchanged.`,
      ZH: `${name(w.actor)}报告的流出多于流入${w.flow ? `（专款来自${flowName(w.flow)}）` : ''}；归属时按比例缩减其流出，存储的数字不变。`,
    }),
    CYCLE: () => ({
      EN: `Money comes back to ${name(w.actor)} through ${flowName(w.flow)}; it is not sent round again.`,
      ZH: `资金经${flowName(w.flow)}流回${name(w.actor)}；不再重复流转。`,
    }),
    DEPTH_LIMIT: () => ({
      EN: `The trace stops at ${name(w.actor)} (maxDepth ${request.maxDepth}); its onward flows are not followed.`,
      ZH: `追踪止于${name(w.actor)}（最大层级 ${request.maxDepth}）；其后续流向未追踪。`,
    }),
    BAD_PARENT: () => ({
      EN: `${flowName(w.flow)} names a parent flow that does not reach ${name(w.actor)}; it is treated as pooled.`,
      ZH: `${flowName(w.flow)}所列的上级资金未流到${name(w.actor)}；按汇集资金处理。`,
    }),
    OVERLAP: () => {
      const o = w.overlap === undefined ? undefined : c.overlaps.get(w.overlap);
      return {
        EN: `${flowName(w.flow)} may share money with another flow (overlap ${o?.key ?? ''}, ${o?.certainty ?? ''}): money counted through both may be counted twice.`,
        ZH: `${flowName(w.flow)}可能与另一笔资金重叠（重叠记录 ${o?.key ?? ''}，${CERTAINTY_ZH[o?.certainty ?? 'POSSIBLE']}）：经两者计算的资金可能被重复计算。`,
      };
    },
  };

  return messages[w.code]();
}
