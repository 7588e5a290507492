import type { Locale } from '../display-name';
/** A filter of the export endpoint: the `flows` query's filter, as URL parameters. */
export type ExportFilter = Record<string, string | number | null | undefined>;

/**
 * The server's streaming export of the flows a filter selects (GET /export/flows.csv): UTF-8
 * with a BOM for Excel, plain decimal amounts, qualifier, bounds and currency in columns of their
 * own, the quotes that state each flow, and every matching row, not only the page shown.
 */
/** The CSV of a filter, with its header row in the reader's language (headers=machine for programs). */
export function flowsExportHref(filter: ExportFilter, locale: Locale): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) {
    if (value !== null && value !== undefined && value !== '') params.set(name, String(value));
  }
  params.set('headers', locale === 'EN' ? 'en' : 'zh');
  const query = params.toString();
  return `/export/flows.csv${query ? `?${query}` : ''}`;
}
