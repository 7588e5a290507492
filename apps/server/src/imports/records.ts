import { AMOUNT_QUALIFIERS } from '@fundtrace/schema/money';
import { z } from 'zod';
import {
  ACTOR_KINDS,
  boundColumns,
  decimalString,
  FLOW_STATUSES,
  freeText,
  INSTRUMENTS,
  key,
  metric,
  moneyInput,
  name,
  OBSERVATION_KINDS,
  regionCode,
  unit,
  year,
} from '../mutations/inputs.js';

/**
 * Imported records, in the shape of the GraphQL inputs, but naming other records by their
 * external ids (`key`): a file knows keys, not database ids. The rules are the mutations'.
 */

export interface ActorRecord {
  type: 'actor';
  key: string;
  name: string;
  nameEn: string | null;
  kind: string;
  regionCode: string | null;
  memberCount: number | null;
  aliases: string[];
  note: string | null;
}

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
}

export interface ObservationRecord {
  type: 'observation';
  key: string;
  metric: string;
  value: string;
  qualifier: string;
  low: string | null;
  high: string | null;
  unit: string;
  year: number;
  kind: string;
  actorKey: string | null;
  regionCode: string | null;
  programKey: string | null;
  note: string | null;
}

export type ImportRecord = ActorRecord | FlowRecord | ObservationRecord;

const actorJson = z
  .strictObject({
    type: z.literal('actor'),
    /** Exports carry the global id; imports match by key and ignore it. */
    id: z.string().max(100).nullish(),
    key,
    name: name(),
    nameEn: name().nullish(),
    kind: z.enum(ACTOR_KINDS),
    regionCode: regionCode.nullish(),
    memberCount: z.number().int().min(1).max(1_000_000_000).nullish(),
    aliases: z.array(name(100)).max(20).nullish(),
    note: freeText().nullish(),
  })
  .transform(
    (a): ActorRecord => ({
      type: 'actor',
      key: a.key,
      name: a.name,
      nameEn: a.nameEn ?? null,
      kind: a.kind,
      regionCode: a.regionCode ?? null,
      memberCount: a.memberCount ?? null,
      aliases: a.aliases ?? [],
      note: a.note ?? null,
    }),
  );

const flowJson = z
  .strictObject({
    type: z.literal('flow'),
    /** Exports carry the global id; imports match by key and ignore it. */
    id: z.string().max(100).nullish(),
    key,
    sourceKey: key,
    targetKey: key,
    amount: moneyInput,
    year,
    status: z.enum(FLOW_STATUSES),
    instrument: z.enum(INSTRUMENTS),
    programKey: key.nullish(),
    parentKey: key.nullish(),
    note: freeText().nullish(),
  })
  .superRefine((f, ctx) => {
    if (f.sourceKey === f.targetKey) {
      ctx.addIssue({ code: 'custom', path: ['targetKey'], message: 'must differ from sourceKey' });
    }
    if (f.parentKey === f.key) {
      ctx.addIssue({
        code: 'custom',
        path: ['parentKey'],
        message: 'a flow is not its own parent',
      });
    }
  })
  .transform(
    (f): FlowRecord => ({
      type: 'flow',
      key: f.key,
      sourceKey: f.sourceKey,
      targetKey: f.targetKey,
      amount: f.amount.value,
      qualifier: f.amount.qualifier,
      ...boundColumns(f.amount),
      unit: f.amount.unit,
      year: f.year,
      status: f.status,
      instrument: f.instrument,
      programKey: f.programKey ?? null,
      parentKey: f.parentKey ?? null,
      note: f.note ?? null,
    }),
  );

const observationJson = z
  .strictObject({
    type: z.literal('observation'),
    /** Exports carry the global id; imports match by key and ignore it. */
    id: z.string().max(100).nullish(),
    key,
    metric,
    value: decimalString,
    qualifier: z.enum(AMOUNT_QUALIFIERS).nullish(),
    low: decimalString.nullish(),
    high: decimalString.nullish(),
    unit,
    year,
    kind: z.enum(OBSERVATION_KINDS),
    actorKey: key.nullish(),
    regionCode: regionCode.nullish(),
    programKey: key.nullish(),
    note: freeText().nullish(),
  })
  .superRefine((o, ctx) => {
    const bounds = moneyInput.safeParse({
      value: o.value,
      qualifier: o.qualifier,
      low: o.low,
      high: o.high,
    });
    for (const issue of bounds.success ? [] : bounds.error.issues) {
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    }
    if (o.actorKey == null && o.regionCode == null && o.programKey == null) {
      ctx.addIssue({
        code: 'custom',
        path: ['actorKey'],
        message: 'give actorKey, regionCode or programKey',
      });
    }
  })
  .transform((o): ObservationRecord => {
    const qualifier = o.qualifier ?? 'EXACT';
    return {
      type: 'observation',
      key: o.key,
      metric: o.metric,
      value: o.value,
      qualifier,
      ...boundColumns({ value: o.value, qualifier, low: o.low, high: o.high }),
      unit: o.unit,
      year: o.year,
      kind: o.kind,
      actorKey: o.actorKey ?? null,
      regionCode: o.regionCode ?? null,
      programKey: o.programKey ?? null,
      note: o.note ?? null,
    };
  });

/** One element of a JSON import: `type` says which record it is. */
export const jsonRecord = z.discriminatedUnion('type', [actorJson, flowJson, observationJson], {
  error: 'each element needs "type": "actor", "flow" or "observation"',
});
