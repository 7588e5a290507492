import type { AmountQualifier } from '@fundtrace/schema/money';
import type { Inference } from '../components/inferred';
import type { Named } from '../display-name';
import type { MoneyFields } from '../lib/money';

/** The flow fields the flow tables use (FlowRowParts). */
export interface FlowRow {
  id: string;
  year: number;
  status: string;
  instrument: string;
  amount: MoneyFields & { qualifier: AmountQualifier };
  source: { id: string } & Named;
  target: { id: string } & Named;
  program?: ({ id: string } & Named) | null;
  /** Fields the source does not state (Flow.inferred). */
  inferred: readonly Inference[];
  citations: readonly { start: number; end: number; quote: string; document: { id: string } }[];
}
