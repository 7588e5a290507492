import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Link } from 'wouter';
import { useHref, useLang } from '../lib/url-state';
import {
  HistoryQuery,
  RetractActorMutation,
  RetractFlowMutation,
  RetractObservationMutation,
  RetractPairingMutation,
} from './queries';
import { t } from './strings';

export interface RecordedItem {
  id: string;
  type: 'Flow' | 'Observation' | 'Actor' | 'Pairing';
  label: string;
  quote: string;
}

const PATHS = { Flow: '/flows/', Observation: null, Actor: '/actors/', Pairing: null } as const;

/** The records citing this document: each with its history, and (signed in) a retract button. */
export function RecordedList(props: {
  items: readonly RecordedItem[];
  canEdit: boolean;
  onChange: () => void;
}) {
  const lang = useLang();
  const [retracted, setRetracted] = useState<RecordedItem[]>([]);
  return (
    <section className="recorded panel" aria-label={t('recordedHere', lang)}>
      <h2>{t('recordedHere', lang)}</h2>
      <ul>
        {props.items.map((item) => (
          <Item
            key={item.id}
            item={item}
            canEdit={props.canEdit}
            onRetracted={() => {
              setRetracted((old) => [...old, item]);
              props.onChange();
            }}
          />
        ))}
        {retracted.map((item) => (
          <Item key={item.id} item={item} canEdit={false} retracted />
        ))}
      </ul>
    </section>
  );
}

function Item(props: {
  item: RecordedItem;
  canEdit: boolean;
  retracted?: boolean;
  onRetracted?: () => void;
}) {
  const lang = useLang();
  const href = useHref();
  const { item } = props;
  const [showHistory, setShowHistory] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [, retractFlow] = useMutation(RetractFlowMutation);
  const [, retractObservation] = useMutation(RetractObservationMutation);
  const [, retractActor] = useMutation(RetractActorMutation);
  const [, retractPairing] = useMutation(RetractPairingMutation);
  const retract = async () => {
    const input = { input: { id: item.id } };
    const retractOne = async () => {
      switch (item.type) {
        case 'Flow':
          return (await retractFlow(input)).data?.retractFlow;
        case 'Observation':
          return (await retractObservation(input)).data?.retractObservation;
        case 'Actor':
          return (await retractActor(input)).data?.retractActor;
        case 'Pairing':
          return (await retractPairing(input)).data?.retractPairing;
      }
    };
    const r = await retractOne();
    if (r?.__typename.endsWith('Success')) props.onRetracted?.();
    else setProblem((r && 'message' in r ? r.message : null) ?? '?');
  };
  const path = PATHS[item.type];
  return (
    <li
      className={`recorded-item${props.retracted ? ' retracted' : ''}`}
      data-record={`${item.type}:${item.id}`}
    >
      <span className="hit-type">{item.type}</span>{' '}
      {path && !props.retracted ? (
        <Link href={href(path + item.id)}>{item.label}</Link>
      ) : (
        item.label
      )}{' '}
      <q>{item.quote}</q> {props.retracted ? <strong>{t('retracted', lang)}</strong> : null}{' '}
      <button type="button" onClick={() => setShowHistory(!showHistory)}>
        {t('history', lang)}
      </button>
      {props.canEdit ? (
        <button type="button" className="retract" onClick={retract}>
          {t('retract', lang)}
        </button>
      ) : null}
      {problem ? (
        <span className="field-error" role="alert">
          {problem}
        </span>
      ) : null}
      {showHistory ? <History id={item.id} /> : null}
    </li>
  );
}

function History({ id }: { id: string }) {
  const [{ data }] = useQuery({
    query: HistoryQuery,
    variables: { id },
    requestPolicy: 'network-only',
  });
  return (
    <ol className="history">
      {(data?.history ?? []).map((r) => (
        <li key={r.id} data-action={r.action}>
          {r.action} · {r.author} · {r.at}
        </li>
      ))}
    </ol>
  );
}
