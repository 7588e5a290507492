import type { Locale } from '../display-name';
import { translate } from '../lib/i18n';

/**
 * A record's note in the reader's language. A note recorded in English only stays one click
 * away on a Chinese page, under a Chinese label, so no English sentence sits in the Chinese text.
 */
export function RecordNote(props: {
  note: string | null | undefined;
  noteZh?: string | null | undefined;
  locale: Locale;
}) {
  const { note, noteZh, locale } = props;
  if (locale === 'ZH' && noteZh) return <p className="note">{noteZh}</p>;
  if (!note) return null;
  if (locale === 'EN') return <p className="note">{note}</p>;
  return (
    <details className="note note-en">
      <summary>{translate('noteInEnglish', locale)}</summary>
      <p lang="en">{note}</p>
    </details>
  );
}
