import { useMutation } from 'urql';
import { ImportDocumentMutation } from './queries';
import type { Errors } from './save-record';

export interface DocumentMeta {
  title: string;
  publisher: string;
  publishedOn: string;
  url: string;
  language: string;
}

export const OPTIONAL_FIELDS = ['title', 'publisher', 'publishedOn', 'url'] as const;
// Ordinary requests are held to 1 MiB: long pasted text travels as an upload instead.
const PASTE_LIMIT = 900_000;

/** Adds a document; resolves to its id, or to the errors keyed by field ('' for the form). */
export function useAddDocument() {
  const [state, importDocument] = useMutation(ImportDocumentMutation);
  const add = async (
    meta: DocumentMeta,
    text: string,
    file: File | null,
  ): Promise<{ id: string } | { errors: Errors }> => {
    const optional = Object.fromEntries(OPTIONAL_FIELDS.map((k) => [k, meta[k].trim() || null]));
    const upload =
      file ?? (new Blob([text]).size > PASTE_LIMIT ? new File([text], 'pasted.txt') : null);
    const result = await importDocument({
      input: { ...optional, language: meta.language, ...(upload ? { file: upload } : { text }) },
    });
    const answer = result.data?.importDocument;
    if (answer?.__typename === 'ImportDocumentSuccess') return { id: answer.document.id };
    const errors: Errors = {};
    for (const fe of (answer && 'fieldErrors' in answer ? answer.fieldErrors : null) ?? []) {
      errors[fe.path.slice(1).join('.')] ??= fe.message;
    }
    if (Object.keys(errors).length === 0) {
      errors[''] =
        (answer && 'message' in answer ? answer.message : null) ?? result.error?.message ?? '?';
    }
    return { errors };
  };
  return { saving: state.fetching, add };
}
