/** A year's row of the Overview answer, as far as choosing the year to show reads it. */
export interface YearRow {
  year: number | null;
  flowCount: number;
  publicMoney: { value: string };
}

/**
 * The year the overview shows when none is asked: the latest with public money, else the latest
 * with flows (the inline prefetch script, lib/prefetch-script.ts, chooses it the same way).
 */
export function defaultYear(rows: readonly YearRow[]): number | null {
  const years = rows.filter((r) => r.year !== null && r.flowCount > 0);
  const latest = (list: readonly YearRow[]) =>
    list.length > 0 ? Math.max(...list.map((r) => r.year as number)) : null;
  return latest(years.filter((r) => r.publicMoney.value !== '0')) ?? latest(years);
}
