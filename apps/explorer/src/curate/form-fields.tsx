import { type ReactNode, useId } from 'react';
import { FieldError } from './picker';

/** A labelled input or select with its error beside it; `name` is the field's input path. */
export function Field(props: {
  name: string;
  label: string;
  error?: string | undefined;
  note?: ReactNode;
  children: (id: string) => ReactNode;
}) {
  const id = useId();
  return (
    <div className="field" data-field={props.name}>
      <label htmlFor={id} className="label">
        {props.label}
      </label>{' '}
      {props.children(id)}
      {props.note}
      <FieldError message={props.error} />
    </div>
  );
}

export function Select(props: {
  id: string;
  value: string;
  options: readonly string[];
  onChange: (value: string) => void;
}) {
  return (
    <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
      {props.options.map((o) => (
        <option key={o}>{o}</option>
      ))}
    </select>
  );
}
