import { type FormEvent, useState } from 'react';
import { useLocation } from 'wouter';
import type { Locale } from '../display-name';
import { useHref, useLang } from '../lib/url-state';
import { Field, Select } from './form-fields';
import { FieldError } from './picker';
import type { Errors } from './save-record';
import { useSession } from './session';
import { t } from './strings';
import { type DocumentMeta, OPTIONAL_FIELDS, useAddDocument } from './use-add-document';

const LANGUAGES = ['zh-Hans', 'zh-Hant', 'en'];
const LABELS = {
  title: 'title',
  publisher: 'publisher',
  publishedOn: 'publishedOn',
  url: 'address',
} as const;

/** `/documents/new`: pasted text or a file (.txt, .html, .pdf) with its metadata. */
export default function AddDocument() {
  const lang = useLang();
  const href = useHref();
  const [, navigate] = useLocation();
  const session = useSession();
  const [meta, setMeta] = useState<DocumentMeta>({
    title: '',
    publisher: '',
    publishedOn: '',
    url: '',
    language: 'zh-Hans',
  });
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const { saving, add } = useAddDocument();
  if (!session) return <p className="note">{t('signIn', lang)}</p>;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await add(meta, text, file);
    if ('id' in result) navigate(href(`/documents/${encodeURIComponent(result.id)}/curate`));
    else setErrors(result.errors);
  };
  return (
    <form className="add-document panel" onSubmit={submit}>
      <h1>{t('addDocument', lang)}</h1>
      <MetaFields meta={meta} onChange={setMeta} errors={errors} lang={lang} />
      <Field name="text" label={t('pasteText', lang)} error={errors.text}>
        {(id) => (
          <textarea
            id={id}
            name="text"
            rows={8}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </Field>
      <Field name="file" label={t('file', lang)} error={errors.file}>
        {(id) => (
          <input
            id={id}
            name="file"
            type="file"
            accept=".txt,.html,.htm,.pdf,text/plain,text/html,application/pdf"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        )}
      </Field>
      <FieldError message={errors['']} />
      <button type="submit" disabled={saving}>
        {t(saving ? 'saving' : 'save', lang)}
      </button>
    </form>
  );
}

function MetaFields(props: {
  meta: DocumentMeta;
  onChange: (meta: DocumentMeta) => void;
  errors: Errors;
  lang: Locale;
}) {
  const { meta, errors, lang } = props;
  return (
    <>
      {OPTIONAL_FIELDS.map((key) => (
        <Field key={key} name={key} label={t(LABELS[key], lang)} error={errors[key]}>
          {(id) => (
            <input
              id={id}
              name={key}
              type={key === 'publishedOn' ? 'date' : key === 'url' ? 'url' : 'text'}
              value={meta[key]}
              onChange={(e) => props.onChange({ ...meta, [key]: e.target.value })}
            />
          )}
        </Field>
      ))}
      <Field name="language" label={t('language', lang)} error={errors.language}>
        {(id) => (
          <Select
            id={id}
            value={meta.language}
            options={LANGUAGES}
            onChange={(language) => props.onChange({ ...meta, language })}
          />
        )}
      </Field>
    </>
  );
}
