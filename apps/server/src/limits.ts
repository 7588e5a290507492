/** Limits on what one request may ask, enforced before execution. */
export const LIMITS = {
  depth: 10,
  aliases: 15,
  directives: 50,
  tokens: 1000,
  characters: 15_000,
  complexity: 25_000,
} as const;
