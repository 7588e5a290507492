import { decimal } from '@fundtrace/schema/money';
import type { OverlapRow } from '../../db/database.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { type Db, finishCreate, INPUT, newKey } from '../records/record.write.js';
import type { Author } from '../records/revisions.js';
import { canonicalPair, overlapFigureIssue, type RecordOverlapValue } from './overlap.rules.js';

// The write of overlaps (retraction is the shared `retract`).

export async function recordOverlap(
  db: Db,
  by: Author,
  input: RecordOverlapValue,
): Promise<OverlapRow> {
  const [a, b] = canonicalPair(input.flowIds[0].id, input.flowIds[1].id);
  const flows = await db
    .selectFrom('flows')
    .select(['id', 'amount'])
    .where('id', 'in', [a, b])
    .forUpdate()
    .execute();
  const amountOf = new Map(flows.map((f) => [f.id, f.amount]));
  const missing = input.flowIds.findIndex((ref) => !amountOf.has(ref.id));
  if (missing >= 0) {
    const ref = input.flowIds[missing] as (typeof input.flowIds)[number];
    throw new NotFoundError([...INPUT, 'flowIds', missing], ref.raw, 'Flow');
  }
  const [amountA, amountB] = input.flowIds.map((ref) => decimal(String(amountOf.get(ref.id))));
  const issue = overlapFigureIssue(input, amountA ?? decimal('0'), amountB ?? decimal('0'));
  if (issue) throw new ValidationError([{ path: [...INPUT, issue.field], message: issue.message }]);
  const existing = await db
    .selectFrom('flow_overlaps')
    .select('key')
    .where('flow_a_id', '=', a)
    .where('flow_b_id', '=', b)
    .executeTakeFirst();
  if (existing) {
    throw new ConflictError(`these two flows already have an overlap (${existing.key})`, [
      ...INPUT,
      'flowIds',
    ]);
  }
  const row = await db
    .insertInto('flow_overlaps')
    .values({
      key: await newKey(db, 'Overlap', input.key),
      flow_a_id: a,
      flow_b_id: b,
      certainty: input.certainty,
      max_shared: input.maxShared ?? null,
      stated_total: input.statedTotal ?? null,
      note: input.note ?? null,
      note_zh: input.noteZh ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await finishCreate(db, by, 'Overlap', row.id, input);
  return row;
}
