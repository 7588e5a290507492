/**
 * The registry of record types: each GraphQL typename with its table, the citations column that
 * points at it (for records that can be cited) and whether it keeps revisions. Every face reads
 * these facts here: global ids, existence checks, revisions, citations, exports.
 */
export const RECORD_TYPES = {
  Actor: { table: 'actors', citedBy: 'actor_id', revised: true },
  Document: { table: 'documents', citedBy: null, revised: true },
  Flow: { table: 'flows', citedBy: 'flow_id', revised: true },
  Observation: { table: 'observations', citedBy: 'observation_id', revised: true },
  Overlap: { table: 'flow_overlaps', citedBy: 'overlap_id', revised: true },
  Pairing: { table: 'pairings', citedBy: 'pairing_id', revised: true },
  Program: { table: 'programs', citedBy: null, revised: false },
} as const;

export type RecordTypename = keyof typeof RECORD_TYPES;
export type RecordTable = (typeof RECORD_TYPES)[RecordTypename]['table'];
/** Typenames whose records citations can support, and the column each uses. */
export type CitedTypename = {
  [T in RecordTypename]: (typeof RECORD_TYPES)[T]['citedBy'] extends null ? never : T;
}[RecordTypename];
export type CitedColumn = (typeof RECORD_TYPES)[CitedTypename]['citedBy'];

/** Regions are nodes of the API too, named by their GB/T 2260 code rather than an integer id. */
export type NodeTypename = RecordTypename | 'Region';
export const NODE_TYPENAMES: readonly NodeTypename[] = [...keysOf(RECORD_TYPES), 'Region'];

export const tableOf = <T extends RecordTypename>(typename: T) => RECORD_TYPES[typename].table;
export const citedColumnOf = <T extends CitedTypename>(typename: T) =>
  RECORD_TYPES[typename].citedBy as CitedColumn;

/** The typename a citation row supports, by which of its columns is set. */
export function citedTypename(row: Record<CitedColumn, number | null>): CitedTypename {
  const cited = keysOf(RECORD_TYPES).find((t) => {
    const column = RECORD_TYPES[t].citedBy;
    return column !== null && row[column] !== null;
  });
  return (cited ?? 'Pairing') as CitedTypename;
}

function keysOf<T extends object>(o: T): (keyof T & string)[] {
  return Object.keys(o) as (keyof T & string)[];
}
