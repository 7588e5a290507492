import { type RawBuilder, sql } from 'kysely';

/**
 * `column = any($1)`: a list of values as one array parameter. `in ($1, $2, …)` binds one
 * parameter per value, and PostgreSQL refuses a statement with more than 65,535 of them (the
 * actors of a national Sankey are more).
 */
export function anyOf(values: readonly number[], type: 'int'): RawBuilder<number>;
export function anyOf(values: readonly string[], type: 'text'): RawBuilder<string>;
export function anyOf(values: readonly (number | string)[], type: 'int' | 'text') {
  return sql`any(${values}::${sql.raw(type)}[])`;
}
