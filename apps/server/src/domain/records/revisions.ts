import { type Kysely, type RawBuilder, sql } from 'kysely';
import { anyOf } from '../../db/any-of.js';
import type { Database, RevisionRow, Snapshot } from '../../db/database.js';
import { RECORD_TYPES, tableOf } from './record-types.js';

export type RecordType = 'Actor' | 'Flow' | 'Observation' | 'Document' | 'Overlap' | 'Pairing';
export type Action = 'CREATE' | 'UPDATE' | 'RETRACT';

/** Who writes: recorded on every revision. */
export interface Author {
  author: string;
  tokenId: number | null;
}

/** An amount column as its canonical decimal string ("4880000000", not "4880000000.0000"). */
const num = (column: string) => sql`trim_scale(${sql.ref(column)})::text`;

/** A record's citations, as JSON, for its snapshot. */
function snapshotCitations(type: RecordType, alias: string) {
  const column = RECORD_TYPES[type].citedBy;
  if (!column) return sql`'[]'::jsonb`;
  return sql`(select coalesce(jsonb_agg(jsonb_build_object(
      'documentId', c.document_id, 'start', c.start_offset, 'end', c.end_offset, 'quote', c.quote)
      order by c.document_id, c.start_offset, c.end_offset, c.id), '[]'::jsonb)
    from citations c where c.${sql.ref(column)} = ${sql.ref(`${alias}.id`)})`;
}

/**
 * A record as JSON, in the names of the GraphQL inputs, with amounts as strings (never JSON
 * numbers, which readers would turn into floats) and, where records carry them, its citations.
 */
export function snapshotSql(
  type: RecordType,
  alias: string,
  withCitations = true,
): RawBuilder<Snapshot> {
  const c = (column: string) => `${alias}.${column}`;
  const cites = withCitations ? snapshotCitations(type, alias) : sql`'[]'::jsonb`;
  switch (type) {
    case 'Flow':
      return sql`jsonb_build_object(
        'id', ${sql.ref(c('id'))}, 'key', ${sql.ref(c('key'))},
        'sourceId', ${sql.ref(c('source_id'))}, 'targetId', ${sql.ref(c('target_id'))},
        'amount', jsonb_build_object('value', ${num(c('amount'))}, 'qualifier', ${sql.ref(c('qualifier'))},
          'low', ${num(c('low'))}, 'high', ${num(c('high'))}, 'unit', ${sql.ref(c('unit'))}),
        'year', ${sql.ref(c('year'))}, 'status', ${sql.ref(c('status'))},
        'instrument', ${sql.ref(c('instrument'))}, 'programId', ${sql.ref(c('program_id'))},
        'parentId', ${sql.ref(c('parent_id'))}, 'note', ${sql.ref(c('note'))},
        'noteZh', ${sql.ref(c('note_zh'))},
        'inferred', ${sql.ref(c('inferred'))}, 'citations', ${cites})`;
    case 'Observation':
      return sql`jsonb_build_object(
        'id', ${sql.ref(c('id'))}, 'key', ${sql.ref(c('key'))}, 'metric', ${sql.ref(c('metric'))},
        'value', ${num(c('value'))}, 'qualifier', ${sql.ref(c('qualifier'))},
        'low', ${num(c('low'))}, 'high', ${num(c('high'))}, 'unit', ${sql.ref(c('unit'))},
        'year', ${sql.ref(c('year'))}, 'kind', ${sql.ref(c('kind'))},
        'actorId', ${sql.ref(c('actor_id'))}, 'regionCode', ${sql.ref(c('region_code'))},
        'programId', ${sql.ref(c('program_id'))}, 'note', ${sql.ref(c('note'))},
        'noteZh', ${sql.ref(c('note_zh'))},
        'inferred', ${sql.ref(c('inferred'))}, 'citations', ${cites})`;
    case 'Actor':
      return sql`jsonb_build_object(
        'id', ${sql.ref(c('id'))}, 'key', ${sql.ref(c('key'))}, 'name', ${sql.ref(c('name'))},
        'nameEn', ${sql.ref(c('name_en'))}, 'kind', ${sql.ref(c('kind'))},
        'regionCode', ${sql.ref(c('region_code'))}, 'memberCount', ${sql.ref(c('member_count'))},
        'aliases', to_jsonb(${sql.ref(c('aliases'))}), 'note', ${sql.ref(c('note'))},
        'noteZh', ${sql.ref(c('note_zh'))}, 'citations', ${cites})`;
    case 'Overlap':
      return sql`jsonb_build_object(
        'id', ${sql.ref(c('id'))}, 'key', ${sql.ref(c('key'))},
        'flowIds', jsonb_build_array(${sql.ref(c('flow_a_id'))}, ${sql.ref(c('flow_b_id'))}),
        'certainty', ${sql.ref(c('certainty'))}, 'maxShared', ${num(c('max_shared'))},
        'statedTotal', ${num(c('stated_total'))}, 'note', ${sql.ref(c('note'))},
        'noteZh', ${sql.ref(c('note_zh'))}, 'citations', ${cites})`;
    case 'Pairing':
      return sql`jsonb_build_object(
        'id', ${sql.ref(c('id'))}, 'key', ${sql.ref(c('key'))},
        'helperId', ${sql.ref(c('helper_id'))}, 'recipientId', ${sql.ref(c('recipient_id'))},
        'kind', ${sql.ref(c('kind'))}, 'programId', ${sql.ref(c('program_id'))},
        'year', ${sql.ref(c('year'))}, 'coverage', ${sql.ref(c('coverage'))},
        'note', ${sql.ref(c('note'))},
        'noteZh', ${sql.ref(c('note_zh'))}, 'citations', ${cites})`;
    case 'Document':
      // The text itself can be large: a digest says which text it was.
      return sql`jsonb_build_object(
        'id', ${sql.ref(c('id'))}, 'key', ${sql.ref(c('key'))}, 'title', ${sql.ref(c('title'))},
        'titleEn', ${sql.ref(c('title_en'))}, 'publisher', ${sql.ref(c('publisher'))},
        'publishedOn', ${sql.ref(c('published_on'))}::text, 'language', ${sql.ref(c('language'))},
        'url', ${sql.ref(c('url'))}, 'textLength', char_length(${sql.ref(c('text'))}),
        'textSha256', encode(sha256(convert_to(${sql.ref(c('text'))}, 'UTF8')), 'hex'),
        'normalisation', ${sql.ref(c('normalisation'))})`;
  }
}

/** The stored record as a snapshot, or null when there is none. */
export async function snapshot(
  db: Kysely<Database>,
  type: RecordType,
  id: number,
): Promise<Snapshot | null> {
  const { rows } = await sql<{ s: Snapshot }>`select ${snapshotSql(type, 'r')} as s
    from ${sql.table(tableOf(type))} r where r.id = ${id}`.execute(db);
  return rows[0]?.s ?? null;
}

/**
 * Appends the revision of one write. For an update the `after` snapshot is taken here, from the
 * row as the write left it; `before` is what the caller read before writing (null for a
 * creation, whose snapshot is derived when read: see `withCreatedSnapshots`).
 */
export async function appendRevision(
  db: Kysely<Database>,
  entry: {
    type: RecordType;
    id: number;
    action: Action;
    by: Author;
    reason?: string | null | undefined;
    before: Snapshot | null;
  },
): Promise<RevisionRow> {
  const before = entry.before === null ? null : JSON.stringify(entry.before);
  const after =
    entry.action !== 'UPDATE'
      ? sql`null::jsonb`
      : sql`(select ${snapshotSql(entry.type, 'r')}
        from ${sql.table(tableOf(entry.type))} r where r.id = ${entry.id})`;
  const key =
    entry.action === 'RETRACT'
      ? sql`${String(entry.before?.key ?? '')}`
      : sql`(select r.key from ${sql.table(tableOf(entry.type))} r where r.id = ${entry.id})`;
  const { rows } = await sql<RevisionRow>`insert into revisions
      (record_type, record_id, record_key, action, author, token_id, reason, before, after)
    values (${entry.type}, ${entry.id}, ${key}, ${entry.action}, ${entry.by.author},
      ${entry.by.tokenId}, ${entry.reason ?? null}, ${before}::jsonb, ${after})
    returning *`.execute(db);
  const row = rows[0];
  if (!row) throw new Error('revision not written');
  return row;
}

/**
 * Fills in what each creation created: the `before` of the record's next revision, else the
 * record as it stands. `rows` are revisions of records of one type, in id order.
 */
export async function withCreatedSnapshots(
  db: Kysely<Database>,
  type: RecordType,
  rows: RevisionRow[],
): Promise<RevisionRow[]> {
  const next = new Map<string, RevisionRow>();
  const needCurrent: number[] = [];
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i] as RevisionRow;
    if (row.action === 'CREATE') {
      const following = next.get(`${row.record_id}`);
      if (!following) needCurrent.push(row.record_id);
    }
    next.set(`${row.record_id}`, row);
  }
  const current = new Map<number, Snapshot>();
  if (needCurrent.length) {
    const { rows: found } = await sql<{ id: number; s: Snapshot }>`
      select r.id, ${snapshotSql(type, 'r')} as s from ${sql.table(tableOf(type))} r
      where r.id = any(${needCurrent}::int[])`.execute(db);
    for (const f of found) current.set(f.id, f.s);
  }
  return rows.map((row, i) => {
    if (row.action !== 'CREATE') return row;
    const following = rows.slice(i + 1).find((r) => r.record_id === row.record_id);
    return { ...row, after: following ? following.before : (current.get(row.record_id) ?? null) };
  });
}

/**
 * The revision each record is at: the id of its newest revision, "0" for one that has none (the
 * seed writes none). Any write that changes a record appends a revision, so a record read at
 * revision r and still at r has not changed since. One statement for all `ids`.
 */
export async function latestRevisions(
  db: Kysely<Database>,
  type: RecordType,
  ids: readonly number[],
): Promise<Map<number, string>> {
  const found = ids.length
    ? await db
        .selectFrom('revisions')
        .select(['record_id', (e) => e.fn.max('id').as('latest')])
        .where('record_type', '=', type)
        .where('record_id', '=', anyOf([...ids], 'int'))
        .groupBy('record_id')
        .execute()
    : [];
  const latest = new Map(ids.map((id) => [id, '0']));
  for (const row of found) latest.set(row.record_id, String(row.latest));
  return latest;
}

/** Keys that belonged to retracted records (such keys are never reused). */
export async function retractedKeys(
  db: Kysely<Database>,
  type: RecordType,
  keys: string[],
): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const { rows } = await sql<{ record_key: string }>`select distinct record_key from revisions
    where record_type = ${type} and action = 'RETRACT' and record_key = any(${keys}::text[])`.execute(
    db,
  );
  return new Set(rows.map((r) => r.record_key));
}
