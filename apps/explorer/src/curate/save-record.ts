import { useMutation } from 'urql';
import type { Passage } from './passage';
import type { Picked } from './picker';
import {
  CreateActorMutation,
  RecordFlowMutation,
  RecordObservationMutation,
  RecordPairingMutation,
} from './queries';

export type RecordType = 'FLOW' | 'OBSERVATION' | 'ACTOR' | 'PAIRING';
/** Field errors keyed by their path without "input" ("amount.value"); '' for the whole form. */
export type Errors = Record<string, string>;

export interface FormValues {
  value: string;
  qualifier: string;
  unit: string;
  year: string;
  status: string;
  instrument: string;
  metric: string;
  kind: string;
  name: string;
  actorKind: string;
  pairingKind: string;
  coverage: string;
}

export interface Picks {
  source: Picked | null;
  target: Picked | null;
  actor: Picked | null;
  helper: Picked | null;
  recipient: Picked | null;
}

type Answer =
  | { __typename: string; message?: string; fieldErrors?: { path: string[]; message: string }[] }
  | null
  | undefined;

function errorsOf(answer: Answer, fallback: string | undefined): Errors | null {
  if (answer?.__typename.endsWith('Success')) return null;
  const errors: Errors = {};
  for (const e of answer?.fieldErrors ?? []) errors[e.path.slice(1).join('.')] ??= e.message;
  if (Object.keys(errors).length === 0) errors[''] = answer?.message ?? fallback ?? '?';
  return errors;
}

/** Saves through the existing mutations; resolves to the errors, or null when saved. */
export function useSaveRecord(documentId: string) {
  const [flow, recordFlow] = useMutation(RecordFlowMutation);
  const [observation, recordObservation] = useMutation(RecordObservationMutation);
  const [actor, createActor] = useMutation(CreateActorMutation);
  const [pairing, recordPairing] = useMutation(RecordPairingMutation);
  const saving = flow.fetching || observation.fetching || actor.fetching || pairing.fetching;

  const save = async (
    type: RecordType,
    v: FormValues,
    picks: Picks,
    passage: Passage,
  ): Promise<Errors | null> => {
    const citations = [{ documentId, start: passage.start, end: passage.end }];
    const year = Number(v.year);
    if (type === 'FLOW') {
      const r = await recordFlow({
        input: {
          sourceId: picks.source?.id ?? '',
          targetId: picks.target?.id ?? '',
          amount: { value: v.value, qualifier: v.qualifier as 'EXACT', unit: 'CNY' },
          year,
          status: v.status as 'DISBURSED',
          instrument: v.instrument as 'TRANSFER',
          citations,
        },
      });
      return errorsOf(r.data?.recordFlow, r.error?.message);
    }
    if (type === 'OBSERVATION') {
      const r = await recordObservation({
        input: {
          metric: v.metric,
          value: v.value,
          qualifier: v.qualifier as 'EXACT',
          unit: v.unit,
          year,
          kind: v.kind as 'ACTUAL',
          actorId: picks.actor?.id ?? null,
          citations,
        },
      });
      return errorsOf(r.data?.recordObservation, r.error?.message);
    }
    if (type === 'PAIRING') {
      const r = await recordPairing({
        input: {
          helperId: picks.helper?.id ?? '',
          recipientId: picks.recipient?.id ?? '',
          kind: v.pairingKind,
          year: v.year.trim() ? year : null,
          coverage: v.coverage.trim() ? Number(v.coverage) : null,
          citations,
        },
      });
      return errorsOf(r.data?.recordPairing, r.error?.message);
    }
    const r = await createActor({
      input: { name: v.name, kind: v.actorKind as 'GOVERNMENT', citations },
    });
    return errorsOf(r.data?.createActor, r.error?.message);
  };
  return { saving, save };
}
