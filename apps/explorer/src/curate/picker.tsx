import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useLang } from '../lib/url-state';
import { CreateActorMutation, PickerSearchQuery } from './queries';
import { t } from './strings';

export interface Picked {
  id: string;
  name: string;
}

export type PickKind = 'ACTOR' | 'PROGRAM' | 'REGION';

const PLACEHOLDER = {
  ACTOR: 'searchActor',
  PROGRAM: 'searchProgram',
  REGION: 'searchPlace',
} as const;

/** The records of one kind among search hits; a place is picked by its code. */
export function hitsOf(
  hits: readonly {
    type: string;
    actor?: Picked | null;
    program?: Picked | null;
    region?: { code: string; name: string } | null;
  }[],
  kind: PickKind,
): Picked[] {
  return hits.flatMap((hit) => {
    if (kind === 'REGION') {
      return hit.type === 'REGION' && hit.region
        ? [{ id: hit.region.code, name: hit.region.name }]
        : [];
    }
    const record = kind === 'ACTOR' ? hit.actor : hit.program;
    return record ? [{ id: record.id, name: record.name }] : [];
  });
}

/**
 * Searches actors, programs or places by name as one types; a pick fills the field. For actors, a
 * name nobody has yet can be created on the spot.
 */
export function Picker(props: {
  label: string;
  field: string;
  kind: PickKind;
  value: Picked | null;
  onChange: (value: Picked | null) => void;
  error?: string | undefined;
}) {
  const lang = useLang();
  const [text, setText] = useState('');
  const [{ data }] = useQuery({
    query: PickerSearchQuery,
    variables: { text },
    // Fresh each time: an actor created a moment ago (by another field) must be found.
    requestPolicy: 'cache-and-network',
    pause: text.trim().length === 0 || props.value !== null,
  });
  const [created, createActor] = useMutation(CreateActorMutation);
  const [problem, setProblem] = useState<string | null>(null);
  const hits = hitsOf(data?.search ?? [], props.kind);

  const create = async () => {
    const result = await createActor({ input: { name: text.trim(), kind: 'OTHER' } });
    const answer = result.data?.createActor;
    if (answer?.__typename === 'CreateActorSuccess') {
      props.onChange(answer.actor);
      setProblem(null);
    } else {
      setProblem(
        (answer && 'message' in answer ? answer.message : null) ?? result.error?.message ?? '',
      );
    }
  };

  if (props.value) {
    return (
      <div className="field picker" data-field={props.field}>
        <span className="label">{props.label}</span>{' '}
        <span className="picked">{props.value.name}</span>{' '}
        <button type="button" onClick={() => props.onChange(null)}>
          ×
        </button>
        <FieldError message={props.error} />
      </div>
    );
  }
  return (
    <div className="field picker" data-field={props.field}>
      <label>
        <span className="label">{props.label}</span>
        <input
          type="search"
          value={text}
          placeholder={t(PLACEHOLDER[props.kind], lang)}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <ul className="picker-hits">
        {hits.slice(0, 8).map((hit) => (
          <li key={hit.id}>
            <button type="button" onClick={() => props.onChange(hit)}>
              {hit.name}
            </button>
          </li>
        ))}
        {props.kind === 'ACTOR' && text.trim() ? (
          <li>
            <button type="button" className="create" onClick={create} disabled={created.fetching}>
              {t('createActor', lang, { name: text.trim() })}
            </button>
          </li>
        ) : null}
      </ul>
      <FieldError message={props.error ?? problem ?? undefined} />
    </div>
  );
}

export function FieldError({ message }: { message?: string | undefined }) {
  if (!message) return null;
  return (
    <span className="field-error" role="alert">
      {message}
    </span>
  );
}
