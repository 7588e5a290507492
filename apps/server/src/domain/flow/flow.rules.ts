import { z } from 'zod';
import type { Inference } from '../../db/database.js';
import { citations } from '../citation/citation.rules.js';
import { storedBounds } from '../money/amount-columns.js';
import { type MoneyValue, moneyInput } from '../money/money.rules.js';
import { flowInferences, inferredColumn } from '../records/inference.rules.js';
import {
  expectedRevision,
  freeText,
  globalId,
  key,
  reason,
  year,
} from '../records/record.rules.js';

export const FLOW_STATUSES = ['PLANNED', 'COMMITTED', 'DISBURSED', 'SPENT'] as const;
export const INSTRUMENTS = [
  'GRANT',
  'LOAN',
  'FUND',
  'LEVERAGED',
  'IN_KIND',
  'TRANSFER',
  'OTHER',
] as const;
export const flowStatus = z.enum(FLOW_STATUSES);
export const instrument = z.enum(INSTRUMENTS);

/** A flow goes from one actor to another (the database checks it too: flows_source_not_target). */
export const endsDiffer = (source: unknown, target: unknown) => source !== target;

/** The ends rule as a zod issue at the target's field. */
export function checkEnds(
  f: Record<string, unknown>,
  sourceField: string,
  targetField: string,
  ctx: z.RefinementCtx,
) {
  const [source, target] = [f[sourceField], f[targetField]];
  if (source == null || target == null || endsDiffer(source, target)) return;
  ctx.addIssue({ code: 'custom', path: [targetField], message: `must differ from ${sourceField}` });
}

/** A flow is not its own parent (deeper cycles are checked against the stored flows). */
export const ownParent = (key: unknown, parent: unknown) => parent != null && parent === key;

export function checkParent(
  f: Record<string, unknown>,
  keyField: string,
  parentField: string,
  ctx: z.RefinementCtx,
) {
  if (!ownParent(f[keyField], f[parentField])) return;
  ctx.addIssue({ code: 'custom', path: [parentField], message: 'a flow is not its own parent' });
}

const flowFields = {
  key: key.nullish(),
  sourceId: globalId('Actor'),
  targetId: globalId('Actor'),
  amount: moneyInput,
  year,
  status: flowStatus,
  instrument,
  programId: globalId('Program').nullish(),
  parentId: globalId('Flow').nullish(),
  note: freeText().nullish(),
  noteZh: freeText().nullish(),
  inferred: flowInferences.nullish(),
  citations,
  reason,
};

const ids = (f: {
  sourceId?: { id: number } | undefined;
  targetId?: { id: number } | undefined;
}) => ({
  sourceId: f.sourceId?.id,
  targetId: f.targetId?.id,
});

export const recordFlowInput = z
  .object(flowFields)
  .superRefine((f, ctx) => checkEnds(ids(f), 'sourceId', 'targetId', ctx));
export type RecordFlowValue = z.output<typeof recordFlowInput>;

export const updateFlowInput = z
  .object(flowFields)
  .omit({ key: true })
  .partial()
  .extend({ id: globalId('Flow'), expectedRevision })
  .superRefine((f, ctx) => checkEnds(ids(f), 'sourceId', 'targetId', ctx));
export type UpdateFlowValue = z.output<typeof updateFlowInput>;

/**
 * A flow naming its actors, program and parent by key, its amount in stored columns: what
 * imports stage and write, and what the seed loads.
 */
export interface FlowRecord {
  type: 'flow';
  key: string;
  sourceKey: string;
  targetKey: string;
  amount: string;
  qualifier: string;
  low: string | null;
  high: string | null;
  unit: string;
  year: number;
  status: string;
  instrument: string;
  programKey: string | null;
  parentKey: string | null;
  note: string | null;
  noteZh: string | null;
  /** The inferences as the jsonb column stores them (JSON text; `[]` for none). */
  inferred: string;
}

/** The fields of a flow by keys (JSON imports, the seed). */
export const flowByKeysFields = {
  key,
  sourceKey: key,
  targetKey: key,
  amount: moneyInput,
  year,
  status: flowStatus,
  instrument,
  programKey: key.nullish(),
  parentKey: key.nullish(),
  note: freeText().nullish(),
  noteZh: freeText().nullish(),
  inferred: flowInferences.nullish(),
};

export function checkFlowByKeys(f: Record<string, unknown>, ctx: z.RefinementCtx) {
  checkEnds(f, 'sourceKey', 'targetKey', ctx);
  checkParent(f, 'key', 'parentKey', ctx);
}

/** A flow by keys, checked (the seed's flows; JSON imports add their `type` and `id`). */
export const flowByKeys = z.object(flowByKeysFields).superRefine(checkFlowByKeys);

/** A checked flow as a FlowRecord: bounds as stored, absent references as null. */
export function toFlowRecord(f: {
  key: string;
  sourceKey: string;
  targetKey: string;
  amount: MoneyValue;
  year: number;
  status: string;
  instrument: string;
  programKey?: string | null | undefined;
  parentKey?: string | null | undefined;
  note?: string | null | undefined;
  noteZh?: string | null | undefined;
  inferred?: Inference[] | null | undefined;
}): FlowRecord {
  return {
    type: 'flow',
    key: f.key,
    sourceKey: f.sourceKey,
    targetKey: f.targetKey,
    amount: f.amount.value,
    qualifier: f.amount.qualifier,
    ...storedBounds(f.amount),
    unit: f.amount.unit,
    year: f.year,
    status: f.status,
    instrument: f.instrument,
    programKey: f.programKey ?? null,
    parentKey: f.parentKey ?? null,
    note: f.note ?? null,
    noteZh: f.noteZh ?? null,
    inferred: inferredColumn(f.inferred),
  };
}

/** A flow's values between its ends and its program, in the column order of flows and staging. */
export const flowValues = (f: FlowRecord) => [
  f.amount,
  f.qualifier,
  f.low,
  f.high,
  f.unit,
  f.year,
  f.status,
  f.instrument,
];
