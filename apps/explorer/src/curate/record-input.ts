import type {
  CitationInput,
  RecordFlowInput,
  RecordObservationInput,
  RecordPairingInput,
} from '../gql/graphql';
import { yearInference } from './inferred-year';
import type { Passage } from './passage';
import type { FormValues, Picks } from './save-record';

/** What a record is made from: the form, its picks, and the passage it cites in the text. */
export interface RecordSource {
  documentId: string;
  text: string;
  passage: Passage;
  v: FormValues;
  picks: Picks;
}

function citationsOf(s: RecordSource): CitationInput[] {
  return [{ documentId: s.documentId, start: s.passage.start, end: s.passage.end }];
}

/** The year's inference, when the cited sentence does not state it (inferred-year.ts). */
function inferredOf(s: RecordSource) {
  const year = yearInference(s.text, s.passage, s.v.year);
  return year ? { inferred: [year] } : {};
}

export function flowInput(s: RecordSource): RecordFlowInput {
  const { v, picks } = s;
  return {
    sourceId: picks.source?.id ?? '',
    targetId: picks.target?.id ?? '',
    amount: { value: v.value, qualifier: v.qualifier as 'EXACT', unit: 'CNY' },
    year: Number(v.year),
    status: v.status as 'DISBURSED',
    instrument: v.instrument as 'TRANSFER',
    programId: picks.program?.id ?? null,
    ...inferredOf(s),
    citations: citationsOf(s),
  };
}

export function observationInput(s: RecordSource): RecordObservationInput {
  const { v, picks } = s;
  return {
    metric: v.metric,
    value: v.value,
    qualifier: v.qualifier as 'EXACT',
    unit: v.unit,
    year: Number(v.year),
    kind: v.kind as 'ACTUAL',
    actorId: picks.actor?.id ?? null,
    regionCode: picks.region?.id ?? null,
    programId: picks.program?.id ?? null,
    ...inferredOf(s),
    citations: citationsOf(s),
  };
}

export function pairingInput(s: RecordSource): RecordPairingInput {
  const { v, picks } = s;
  return {
    helperId: picks.helper?.id ?? '',
    recipientId: picks.recipient?.id ?? '',
    kind: v.pairingKind,
    year: v.year.trim() ? Number(v.year) : null,
    coverage: v.coverage.trim() ? Number(v.coverage) : null,
    citations: citationsOf(s),
  };
}
