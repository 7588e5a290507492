import { AMOUNT_QUALIFIERS } from '@fundtrace/schema/money';
import { z } from 'zod';
import { actorFields } from '../domain/actor/actor.rules.js';
import {
  checkFlowByKeys,
  type FlowRecord,
  flowByKeysFields,
  toFlowRecord,
} from '../domain/flow/flow.rules.js';
import { storedBounds } from '../domain/money/amount-columns.js';
import { decimalString, moneyInput, unit } from '../domain/money/money.rules.js';
import { checkSubject, OBSERVATION_KINDS } from '../domain/observation/observation.rules.js';
import {
  OVERLAP_CERTAINTIES,
  type OverlapCertainty,
  SELF_OVERLAP,
} from '../domain/overlap/overlap.rules.js';
import { inferredColumn, observationInferences } from '../domain/records/inference.rules.js';
import { freeText, key, metric, regionCode, year } from '../domain/records/record.rules.js';

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
  noteZh: string | null;
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
  noteZh: string | null;
  /** As stored: JSON text (`[]` for none). */
  inferred: string;
}

/** Two flows that may share money, named by their external ids (the export's `flowKeys`). */
export interface OverlapRecord {
  type: 'overlap';
  key: string;
  flowKeys: [string, string];
  certainty: OverlapCertainty;
  maxShared: string | null;
  statedTotal: string | null;
  note: string | null;
  noteZh: string | null;
}

export type ImportRecord = ActorRecord | FlowRecord | ObservationRecord | OverlapRecord;

const actorJson = z
  .strictObject({
    type: z.literal('actor'),
    /** Exports carry the global id; imports match by key and ignore it. */
    id: z.string().max(100).nullish(),
    ...actorFields,
    key,
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
      noteZh: a.noteZh ?? null,
    }),
  );

const flowJson = z
  .strictObject({
    type: z.literal('flow'),
    /** Exports carry the global id; imports match by key and ignore it. */
    id: z.string().max(100).nullish(),
    ...flowByKeysFields,
  })
  .superRefine(checkFlowByKeys)
  .transform(toFlowRecord);

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
    noteZh: freeText().nullish(),
    inferred: observationInferences.nullish(),
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
    checkSubject(o, ['actorKey', 'regionCode', 'programKey'], ctx);
  })
  .transform((o): ObservationRecord => {
    const qualifier = o.qualifier ?? 'EXACT';
    return {
      type: 'observation',
      key: o.key,
      metric: o.metric,
      value: o.value,
      qualifier,
      ...storedBounds({ value: o.value, qualifier, low: o.low, high: o.high }),
      unit: o.unit,
      year: o.year,
      kind: o.kind,
      actorKey: o.actorKey ?? null,
      regionCode: o.regionCode ?? null,
      programKey: o.programKey ?? null,
      note: o.note ?? null,
      noteZh: o.noteZh ?? null,
      inferred: inferredColumn(o.inferred),
    };
  });

const overlapJson = z
  .strictObject({
    type: z.literal('overlap'),
    /** Exports carry the global id; imports match by key and ignore it. */
    id: z.string().max(100).nullish(),
    key,
    flowKeys: z.tuple([key, key]),
    certainty: z.enum(OVERLAP_CERTAINTIES),
    maxShared: decimalString.nullish(),
    statedTotal: decimalString.nullish(),
    note: freeText().nullish(),
    noteZh: freeText().nullish(),
  })
  .superRefine((o, ctx) => {
    if (o.flowKeys[0] === o.flowKeys[1]) {
      ctx.addIssue({ code: 'custom', path: ['flowKeys', 1], message: SELF_OVERLAP });
    }
  })
  .transform(
    (o): OverlapRecord => ({
      type: 'overlap',
      key: o.key,
      flowKeys: o.flowKeys,
      certainty: o.certainty,
      maxShared: o.maxShared ?? null,
      statedTotal: o.statedTotal ?? null,
      note: o.note ?? null,
      noteZh: o.noteZh ?? null,
    }),
  );

/** One element of a JSON import: `type` says which record it is. */
export const jsonRecord = z.discriminatedUnion(
  'type',
  [actorJson, flowJson, observationJson, overlapJson],
  { error: 'each element needs "type": "actor", "flow", "observation" or "overlap"' },
);
