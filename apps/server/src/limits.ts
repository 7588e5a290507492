/** Limits on what one request may ask, enforced before execution. */
export const LIMITS = {
  /** A Relay connection takes two levels (edges, node): a document with its cited records is 12. */
  depth: 12,
  aliases: 15,
  directives: 50,
  tokens: 1000,
  characters: 15_000,
  complexity: 25_000,
  /** Characters of one answer (or one subscription event) as JSON; larger ones are refused. */
  answerCharacters: 16 * 1024 * 1024,
} as const;

/** Rows (groups) one `totals` answer may hold: see domain/flow/total-rows.ts. */
export { MAX_TOTAL_ROWS } from './domain/flow/total-rows.js';
