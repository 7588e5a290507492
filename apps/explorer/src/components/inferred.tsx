import type { ReactNode } from 'react';
import type { Locale } from '../display-name';
import { type StringKey, translate } from '../lib/i18n';
import './inferred.css';

/** A field a record's source does not state, and why its value was inferred (Flow.inferred). */
export interface Inference {
  field: string;
  note: string;
  /** The note in Chinese, when one is recorded. */
  noteZh?: string | null;
}

/** The note in the reader's language, and whether it had to stay in English. */
export function noteIn(i: Inference, locale: Locale): { text: string; english: boolean } {
  if (locale === 'ZH' && i.noteZh) return { text: i.noteZh, english: false };
  return { text: i.note, english: locale === 'ZH' };
}

const FIELD_LABEL: Record<string, StringKey> = {
  source: 'source',
  target: 'target',
  year: 'year',
  amount: 'amount',
  status: 'status',
  instrument: 'instrument',
};

const inferenceOf = (inferred: readonly Inference[] | undefined, field: string) =>
  inferred?.find((i) => i.field === field);

/**
 * A value shown with a dotted underline and a small mark when its source does not state it; the
 * note, in the reader's language where one is recorded, is on hover and in the record's list.
 */
export function Inferred(props: {
  field: string;
  inferred: readonly Inference[] | undefined;
  locale: Locale;
  children: ReactNode;
}) {
  const inference = inferenceOf(props.inferred, props.field);
  if (!inference) return <>{props.children}</>;
  const label = translate('inferred', props.locale);
  const note = noteIn(inference, props.locale).text;
  return (
    <span className="inferred" title={`${label}: ${note}`} data-inferred={props.field}>
      {props.children}
      <sup className="inferred-mark">{label}</sup>
    </span>
  );
}

/** Every inferred field of a record with its note. */
export function InferenceList({
  inferred,
  locale,
}: {
  inferred: readonly Inference[] | undefined;
  locale: Locale;
}) {
  if (!inferred?.length) return null;
  const notes = inferred.map((i) => ({ field: i.field, ...noteIn(i, locale) }));
  const items = (
    <ul>
      {notes.map((i) => {
        const key = FIELD_LABEL[i.field];
        return (
          <li key={i.field} data-inferred={i.field}>
            <strong>{key ? translate(key, locale) : i.field}</strong>:{' '}
            <span lang={i.english || locale === 'EN' ? 'en' : 'zh'}>{i.text}</span>
          </li>
        );
      })}
    </ul>
  );
  if (!notes.some((n) => n.english)) {
    return (
      <section className="inferences">
        <h3>{translate('inferredValues', locale)}</h3>
        {items}
      </section>
    );
  }
  // A note recorded in English only stays one click away on a Chinese page.
  return (
    <details className="inferences note-en">
      <summary>
        {translate('inferredValues', locale)} · {translate('noteInEnglish', locale)}
      </summary>
      {items}
    </details>
  );
}
