import { useMutation } from 'urql';
import type { Passage } from './passage';
import type { Picked } from './picker';
import {
  CreateActorMutation,
  RecordFlowMutation,
  RecordObservationMutation,
  RecordPairingMutation,
} from './queries';
import { flowInput, observationInput, pairingInput, type RecordSource } from './record-input';

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
  /** A program; for a place (region) the id is its code. */
  program: Picked | null;
  region: Picked | null;
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
export function useSaveRecord(documentId: string, text: string) {
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
    const source: RecordSource = { documentId, text, passage, v, picks };
    if (type === 'FLOW') {
      const r = await recordFlow({ input: flowInput(source) });
      return errorsOf(r.data?.recordFlow, r.error?.message);
    }
    if (type === 'OBSERVATION') {
      const r = await recordObservation({ input: observationInput(source) });
      return errorsOf(r.data?.recordObservation, r.error?.message);
    }
    if (type === 'PAIRING') {
      const r = await recordPairing({ input: pairingInput(source) });
      return errorsOf(r.data?.recordPairing, r.error?.message);
    }
    const citations = [{ documentId, start: passage.start, end: passage.end }];
    const r = await createActor({
      input: { name: v.name, kind: v.actorKind as 'GOVERNMENT', citations },
    });
    return errorsOf(r.data?.createActor, r.error?.message);
  };
  return { saving, save };
}
