/** The tracing core's values: flows in, per-node and per-flow results out. */
import type { AmountQualifier } from '@fundtrace/schema/money';

export type Qualifier = AmountQualifier;
export type Direction = 'DOWNSTREAM' | 'UPSTREAM';
export type ResidualKind = 'RETAINED' | 'RETURNED' | 'DEPTH_LIMIT' | 'ORIGIN' | 'UNATTRIBUTED';

export interface TraceFlow {
  id: number;
  source: number;
  target: number;
  amount: bigint;
  qualifier: Qualifier;
  parent: number | null;
}

export interface TraceInput {
  flows: readonly TraceFlow[];
  direction: Direction;
  /** The actor the trace starts from. */
  origin: number;
  /** The flows that carry the starting amount in full (all of the origin's, or one flow). */
  seeds: readonly number[];
  maxDepth: number;
}

export interface NodeResult {
  depth: number;
  /** Traced money arriving (for the origin: the starting total, plus any that returns). */
  in: bigint;
  out: bigint;
  qualifier: Qualifier;
}

export interface LinkResult {
  attributed: bigint;
  qualifier: Qualifier;
}

export interface Residual {
  actor: number;
  amount: bigint;
  kind: ResidualKind;
  qualifier: Qualifier;
}

export interface Warning {
  code: 'OVERDRAWN' | 'CYCLE' | 'DEPTH_LIMIT' | 'BAD_PARENT' | 'OVERLAP';
  actor?: number;
  flow?: number;
  /** The recorded overlap an OVERLAP warning names. */
  overlap?: number;
}

export interface TraceResult {
  total: bigint;
  qualifier: Qualifier;
  nodes: ReadonlyMap<number, NodeResult>;
  links: ReadonlyMap<number, LinkResult>;
  residuals: Residual[];
  warnings: Warning[];
}
