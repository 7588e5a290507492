import { sql } from 'kysely';
import type { OverlapRow } from '../db/database.js';
import { encodeGlobalId } from '../domain/records/global-id.js';
import { OVERLAP_COLUMNS } from '../imports/csv-overlaps.js';
import { jsonHead, PAGE, plain, type Table } from './export-format.js';

/** An overlap with its two flows by key. `max_shared` empty: by default, the smaller amount. */
type OverlapOut = Omit<OverlapRow, 'flow_a_id' | 'flow_b_id'> & {
  flow_a_key: string;
  flow_b_key: string;
};

export const overlaps: Table<OverlapOut> = {
  // The columns an overlaps import reads: imports/csv-overlaps.ts owns them.
  columns: [...OVERLAP_COLUMNS],
  page: async (db, _where, after) =>
    (
      await sql<OverlapOut>`select o.id, o.key, fa.key as flow_a_key, fb.key as flow_b_key,
          o.certainty, o.max_shared, o.stated_total, o.note, o.note_zh
        from flow_overlaps o join flows fa on fa.id = o.flow_a_id join flows fb on fb.id = o.flow_b_id
        where o.id > ${after} order by o.id limit ${PAGE}`.execute(db)
    ).rows,
  csv: (o) => [
    o.key,
    o.flow_a_key,
    o.flow_b_key,
    o.certainty,
    plain(o.max_shared),
    plain(o.stated_total),
    o.note,
    o.note_zh,
    encodeGlobalId('Overlap', o.id),
  ],
  json: (o) => ({
    ...jsonHead('Overlap', o),
    flowKeys: [o.flow_a_key, o.flow_b_key],
    certainty: o.certainty,
    maxShared: plain(o.max_shared),
    statedTotal: plain(o.stated_total),
    note: o.note,
    noteZh: o.note_zh,
  }),
};
