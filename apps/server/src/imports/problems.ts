import type { RowError } from '../domain/errors.js';

/** Reported errors per import; the count covers them all. */
export const MAX_REPORTED = 1000;

/** Collects row errors: keeps the first MAX_REPORTED, counts them all. */
export class Problems {
  readonly list: RowError[] = [];
  count = 0;
  add(row: number, column: string | null, message: string) {
    this.count++;
    if (this.list.length < MAX_REPORTED) this.list.push({ row, column, message });
  }
}
