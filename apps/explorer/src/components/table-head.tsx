import type { Locale } from '../display-name';
import { type StringKey, translate } from '../lib/i18n';

/**
 * A column: its heading's key, `num(key)` for a column of figures (right-aligned), or null for
 * a column without a heading (the row headings').
 */
export type Column = StringKey | { key: StringKey; num: true } | null;

export const num = (key: StringKey): Column => ({ key, num: true });

/** A data table's head: one heading per column, in the reader's language. */
export function TableHead({ columns, locale }: { columns: readonly Column[]; locale: Locale }) {
  return (
    <thead>
      <tr>
        {columns.map((c, i) =>
          c === null ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of columns
            <th key={i} scope="col" />
          ) : typeof c === 'string' ? (
            <th key={c} scope="col">
              {translate(c, locale)}
            </th>
          ) : (
            <th key={c.key} scope="col" className="num">
              {translate(c.key, locale)}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}
