import { decimal } from '@fundtrace/schema/money';
import type { Kysely } from 'kysely';
import { anyOf } from '../db/any-of.js';
import type { Database } from '../db/database.js';
import { canonicalPair, overlapFigureIssue } from '../domain/overlap/overlap.rules.js';
import { type Author, appendRevision, snapshot } from '../domain/records/revisions.js';
import type { Problems } from './problems.js';
import type { OverlapRecord } from './records.js';
import type { TypeCounts } from './staged-sql.js';

export type StagedOverlap = { row: number; record: OverlapRecord };

interface Checked {
  row: number;
  record: OverlapRecord;
  pair: [number, number];
  /** The stored overlap of the same key, if any. */
  existing: { id: number; changed: boolean } | null;
}

/**
 * Writes the overlaps of an import once its flows are written, so a file may name flows it
 * creates. The mutation's rules, each broken one a row error (and then nothing is written): both
 * flows exist, the figures fit their amounts, a pair is recorded once (in the file and against
 * the stored overlaps), a stored key keeps its pair. Overlaps are few: one statement per lookup,
 * one per written record.
 */
export async function applyOverlaps(
  db: Kysely<Database>,
  by: Author,
  reason: string,
  staged: StagedOverlap[],
  problems: Problems,
): Promise<TypeCounts> {
  const counts = { created: 0, updated: 0, unchanged: 0, skipped: 0 };
  if (!staged.length) return counts;
  // The key of a retracted overlap is never revived (as for the other records).
  const retracted = new Set(
    (
      await db
        .selectFrom('revisions')
        .select('record_key')
        .where('record_type', '=', 'Overlap')
        .where('action', '=', 'RETRACT')
        .where(
          'record_key',
          'in',
          staged.map((s) => s.record.key),
        )
        .execute()
    ).map((r) => r.record_key),
  );
  const live = staged.filter((s) => !retracted.has(s.record.key));
  counts.skipped = staged.length - live.length;
  const checked = await check(db, live, problems);
  if (problems.count > 0) return counts;
  for (const c of checked) {
    const values = {
      certainty: c.record.certainty,
      max_shared: c.record.maxShared,
      stated_total: c.record.statedTotal,
      note: c.record.note,
      note_zh: c.record.noteZh,
    };
    if (c.existing === null) {
      const { id } = await db
        .insertInto('flow_overlaps')
        .values({ key: c.record.key, flow_a_id: c.pair[0], flow_b_id: c.pair[1], ...values })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendRevision(db, { type: 'Overlap', id, action: 'CREATE', by, reason, before: null });
      counts.created++;
    } else if (c.existing.changed) {
      const before = await snapshot(db, 'Overlap', c.existing.id);
      await db.updateTable('flow_overlaps').set(values).where('id', '=', c.existing.id).execute();
      await appendRevision(db, {
        type: 'Overlap',
        id: c.existing.id,
        action: 'UPDATE',
        by,
        reason,
        before,
      });
      counts.updated++;
    } else counts.unchanged++;
  }
  return counts;
}

async function check(
  db: Kysely<Database>,
  staged: StagedOverlap[],
  problems: Problems,
): Promise<Checked[]> {
  const keys = [...new Set(staged.flatMap((s) => s.record.flowKeys))];
  const flows = new Map(
    (
      await db
        .selectFrom('flows')
        .select(['id', 'key', 'amount'])
        .where('key', '=', anyOf(keys, 'text'))
        .execute()
    ).map((f) => [f.key, f]),
  );
  const stored = await db
    .selectFrom('flow_overlaps')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb(
          'key',
          '=',
          anyOf(
            staged.map((s) => s.record.key),
            'text',
          ),
        ),
        eb(
          'flow_a_id',
          '=',
          anyOf(
            [...flows.values()].map((f) => f.id),
            'int',
          ),
        ),
      ]),
    )
    .execute();
  const seen = new Map<string, number>();
  const out: Checked[] = [];
  for (const { row, record } of staged) {
    const [a, b] = record.flowKeys.map((k) => flows.get(k));
    record.flowKeys.forEach((k, i) => {
      if (!flows.has(k)) problems.add(row, `flowKeys.${i}`, `names no flow "${k}"`);
    });
    if (!a || !b) continue;
    const issue = overlapFigureIssue(record, decimal(a.amount), decimal(b.amount));
    if (issue) problems.add(row, issue.field, issue.message);
    const pair = canonicalPair(a.id, b.id);
    const pairKey = pair.join(':');
    const first = seen.get(pairKey);
    if (first !== undefined) {
      problems.add(row, 'flowKeys', `these two flows already have an overlap at row ${first}`);
    }
    seen.set(pairKey, first ?? row);
    const same = stored.find((o) => o.key === record.key);
    const other = stored.find(
      (o) => o.flow_a_id === pair[0] && o.flow_b_id === pair[1] && o.key !== record.key,
    );
    if (other) {
      problems.add(row, 'flowKeys', `these two flows already have an overlap (${other.key})`);
    }
    if (same && (same.flow_a_id !== pair[0] || same.flow_b_id !== pair[1])) {
      problems.add(row, 'key', `overlap "${record.key}" is stored for two other flows`);
    }
    out.push({
      row,
      record,
      pair,
      existing: same ? { id: same.id, changed: changed(same, record) } : null,
    });
  }
  return out;
}

const sameDecimal = (a: string | null, b: string | null) =>
  a === null || b === null ? a === b : decimal(a).eq(b);

function changed(
  o: {
    certainty: string;
    max_shared: string | null;
    stated_total: string | null;
    note: string | null;
    note_zh: string | null;
  },
  r: OverlapRecord,
) {
  return (
    o.certainty !== r.certainty ||
    o.note !== r.note ||
    o.note_zh !== r.noteZh ||
    !sameDecimal(o.max_shared, r.maxShared) ||
    !sameDecimal(o.stated_total, r.statedTotal)
  );
}
