import { type FormEvent, type ReactNode, useState } from 'react';
import type { Locale } from '../display-name';
import { useLang } from '../lib/url-state';
import { Field, Select } from './form-fields';
import { type Passage, quoteOf, yearNear } from './passage';
import { FieldError, Picker, type PickKind } from './picker';
import {
  type Errors,
  type FormValues,
  type Picks,
  type RecordType,
  useSaveRecord,
} from './save-record';
import { type CurateKey, t } from './strings';

export interface FigureFill {
  value: string;
  unit: string;
  qualifier: string;
}

const QUALIFIERS = ['EXACT', 'APPROXIMATE', 'AT_LEAST', 'AT_MOST'];
const STATUSES = ['PLANNED', 'COMMITTED', 'DISBURSED', 'SPENT'];
const INSTRUMENTS = ['GRANT', 'LOAN', 'FUND', 'LEVERAGED', 'IN_KIND', 'TRANSFER', 'OTHER'];
const KINDS = ['BASELINE', 'TARGET', 'ACTUAL'];
const ACTOR_KINDS = ['GOVERNMENT', 'DEPARTMENT', 'FUND', 'BANK', 'ENTERPRISE', 'VILLAGE', 'OTHER'];
const PAIRING_KINDS = [
  'PAIRED_ASSISTANCE',
  'DESIGNATED_ASSISTANCE',
  'ONE_TO_ONE_CONTACT',
  'VILLAGE_ENTERPRISE',
  'SUPERVISION',
];

/** One field of a record: a picker (`pick`, of actors unless `kind` says), a choice (`options`) or a text input. */
type FieldSpec =
  | { name: string; label: CurateKey; pick: keyof Picks; kind?: PickKind }
  | { name: string; label: CurateKey; value: keyof FormValues; options?: readonly string[] };

/** The fields of each record type, in form order; `name` is the input path its errors come under. */
const FIELDS: Record<RecordType, readonly FieldSpec[]> = {
  FLOW: [
    { name: 'sourceId', label: 'source', pick: 'source' },
    { name: 'targetId', label: 'target', pick: 'target' },
    { name: 'amount.value', label: 'amount', value: 'value' },
    { name: 'amount.qualifier', label: 'qualifier', value: 'qualifier', options: QUALIFIERS },
    { name: 'year', label: 'year', value: 'year' },
    { name: 'status', label: 'status', value: 'status', options: STATUSES },
    { name: 'instrument', label: 'instrument', value: 'instrument', options: INSTRUMENTS },
    { name: 'programId', label: 'program', pick: 'program', kind: 'PROGRAM' },
  ],
  OBSERVATION: [
    { name: 'metric', label: 'metric', value: 'metric' },
    { name: 'value', label: 'value', value: 'value' },
    { name: 'qualifier', label: 'qualifier', value: 'qualifier', options: QUALIFIERS },
    { name: 'unit', label: 'unit', value: 'unit' },
    { name: 'year', label: 'year', value: 'year' },
    { name: 'kind', label: 'kind', value: 'kind', options: KINDS },
    { name: 'actorId', label: 'actor', pick: 'actor' },
    { name: 'regionCode', label: 'place', pick: 'region', kind: 'REGION' },
    { name: 'programId', label: 'program', pick: 'program', kind: 'PROGRAM' },
  ],
  ACTOR: [
    { name: 'name', label: 'name', value: 'name' },
    { name: 'kind', label: 'kind', value: 'actorKind', options: ACTOR_KINDS },
  ],
  PAIRING: [
    { name: 'helperId', label: 'helper', pick: 'helper' },
    { name: 'recipientId', label: 'recipient', pick: 'recipient' },
    { name: 'kind', label: 'kind', value: 'pairingKind', options: PAIRING_KINDS },
    { name: 'year', label: 'year', value: 'year' },
    { name: 'coverage', label: 'coverage', value: 'coverage' },
  ],
};

interface Parts {
  v: FormValues;
  set: (key: keyof FormValues) => (value: string) => void;
  errors: Errors;
  picks: Picks;
  pick: (key: keyof Picks) => (value: Picks[keyof Picks]) => void;
  yearNote: ReactNode;
  lang: Locale;
}

/**
 * Records a flow, an observation, an actor or a pairing from a passage, prefilled from the figure in it;
 * the citation is the passage. The server's rules judge the input; errors show by their fields.
 */
export function RecordForm(props: {
  documentId: string;
  text: string;
  passage: Passage;
  figure: FigureFill | null;
  onSaved: () => void;
}) {
  const lang = useLang();
  const found = yearNear(props.text, props.passage);
  const [type, setType] = useState<RecordType>(
    props.figure && props.figure.unit !== 'CNY' ? 'OBSERVATION' : 'FLOW',
  );
  const [v, setV] = useState<FormValues>({
    value: props.figure?.value ?? '',
    qualifier: props.figure?.qualifier ?? 'EXACT',
    unit: props.figure?.unit ?? 'CNY',
    year: found ? String(found.year) : '',
    status: 'DISBURSED',
    instrument: 'TRANSFER',
    metric: '',
    kind: 'ACTUAL',
    name: quoteOf(props.text, props.passage),
    actorKind: 'GOVERNMENT',
    pairingKind: 'PAIRED_ASSISTANCE',
    coverage: '',
  });
  const [picks, setPicks] = useState<Picks>({
    source: null,
    target: null,
    actor: null,
    helper: null,
    recipient: null,
    program: null,
    region: null,
  });
  const [errors, setErrors] = useState<Errors>({});
  const { saving, save } = useSaveRecord(props.documentId, props.text);
  const parts: Parts = {
    v,
    set: (key) => (value) => setV((old) => ({ ...old, [key]: value })),
    errors,
    picks,
    pick: (key) => (value) => setPicks((old) => ({ ...old, [key]: value })),
    yearNote: (
      <span className={!found || found.inferred ? 'inferred' : 'read'}>
        {t(!found || found.inferred ? 'yearInferred' : 'yearRead', lang)}
      </span>
    ),
    lang,
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = await save(type, v, picks, props.passage);
    setErrors(problems ?? {});
    if (!problems) props.onSaved();
  };

  return (
    <form className="record-form panel" onSubmit={submit} aria-label={t('curate', lang)}>
      <TypeChoice type={type} onChange={setType} lang={lang} />
      <blockquote className="citation-quote">{quoteOf(props.text, props.passage)}</blockquote>
      <p className="hint">{t('reselect', lang)}</p>
      <FieldError message={errors['citations.0.end'] ?? errors.citations ?? errors['']} />
      {FIELDS[type].map((spec) => (
        <RecordField key={`${type}-${spec.name}`} spec={spec} p={parts} />
      ))}
      <button type="submit" disabled={saving}>
        {t(saving ? 'saving' : 'save', lang)}
      </button>
    </form>
  );
}

function TypeChoice(props: { type: RecordType; onChange: (t: RecordType) => void; lang: Locale }) {
  const names = {
    FLOW: 'flow',
    OBSERVATION: 'observation',
    ACTOR: 'actor',
    PAIRING: 'pairing',
  } as const;
  return (
    <fieldset className="record-type">
      {(['FLOW', 'OBSERVATION', 'ACTOR', 'PAIRING'] as const).map((kind) => (
        <label key={kind}>
          <input
            type="radio"
            name="record-type"
            value={kind}
            checked={props.type === kind}
            onChange={() => props.onChange(kind)}
          />{' '}
          {t(names[kind], props.lang)}
        </label>
      ))}
    </fieldset>
  );
}

function RecordField({ spec, p }: { spec: FieldSpec; p: Parts }) {
  const label = t(spec.label, p.lang);
  const error = p.errors[spec.name];
  if ('pick' in spec) {
    return (
      <Picker
        label={label}
        field={spec.name}
        kind={spec.kind ?? 'ACTOR'}
        value={p.picks[spec.pick]}
        onChange={p.pick(spec.pick)}
        error={error}
      />
    );
  }
  const key = spec.value;
  return (
    <Field
      name={spec.name}
      label={label}
      error={error}
      note={key === 'year' ? p.yearNote : undefined}
    >
      {(id) =>
        spec.options ? (
          <Select id={id} value={p.v[key]} options={spec.options} onChange={p.set(key)} />
        ) : (
          <input id={id} name={key} value={p.v[key]} onChange={(e) => p.set(key)(e.target.value)} />
        )
      }
    </Field>
  );
}
