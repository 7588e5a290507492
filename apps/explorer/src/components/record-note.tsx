import type { Locale } from '../display-name';
import { translate } from '../lib/i18n';

/**
 * A record's note. Notes are stored in English only; on a Chinese page the note stays one
 * click away under a Chinese label, so no English sentence sits in the Chinese text.
 */
export function RecordNote({ note, locale }: { note: string | null | undefined; locale: Locale }) {
  if (!note) return null;
  if (locale === 'EN') return <p className="note">{note}</p>;
  return (
    <details className="note note-en">
      <summary>{translate('noteInEnglish', locale)}</summary>
      <p lang="en">{note}</p>
    </details>
  );
}
