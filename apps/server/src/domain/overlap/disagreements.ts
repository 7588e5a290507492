/**
 * Where sources disagree (issue 15, "sources meet"), side by side with both figures and quotes:
 * - BOUND: a total one document states for two flows (an overlap's stated total) that is less
 *   than their sum as recorded from their documents. Sides: the recorded sum with the flows' own
 *   quotes; the stated total with the quote that states it (and the observation recording it).
 * - DIFFERENT: one flow recorded from two documents with two figures: a STATED overlap of two
 *   flows with the same source, target, year and unit, cited by different documents, whose
 *   amounts differ. Sides: each flow with its own document's quotes.
 */
import { findFigures } from '@fundtrace/schema/figures';
import { decimal } from '@fundtrace/schema/money';
import { type Kysely, sql } from 'kysely';
import type { CitationRow, Database } from '../../db/database.js';
import type { OverlapShape } from './overlap.queries.js';
import { overlapsByIds } from './overlap.queries.js';

export interface SourceSide {
  documentId: number;
  /** The side's figure: the flows' sum, or the stated total (exact decimal). */
  figure: string;
  unit: string;
  flowIds: number[];
  observationIds: number[];
  citations: CitationRow[];
}

export interface SourceDisagreement {
  /** The overlap's id: disagreements are paged by it. */
  id: number;
  kind: 'BOUND' | 'DIFFERENT';
  overlap: OverlapShape;
  sides: [SourceSide, SourceSide];
}

const BOUND = sql`o.stated_total is not null and o.stated_total < fa.amount + fb.amount`;
const DIFFERENT = sql`o.certainty = 'STATED' and fa.amount <> fb.amount
  and fa.source_id = fb.source_id and fa.target_id = fb.target_id and fa.year = fb.year
  and fa.unit = fb.unit
  and exists (select 1 from citations ca join citations cb on cb.document_id <> ca.document_id
    where ca.flow_id = fa.id and cb.flow_id = fb.id)`;
const DISAGREE = sql`from flow_overlaps o join flows fa on fa.id = o.flow_a_id
  join flows fb on fb.id = o.flow_b_id where ((${BOUND}) or (${DIFFERENT}))`;

/** The overlaps where sources disagree: a page by id after `afterId`. */
export async function disagreementsPage(db: Kysely<Database>, afterId: number, limit: number) {
  const found = await sql<{ id: number; bound: boolean }>`select o.id, (${BOUND}) as bound
    ${DISAGREE} and o.id > ${afterId} order by o.id limit ${limit}`.execute(db);
  const bound = new Set(found.rows.filter((r) => r.bound).map((r) => r.id));
  const count = async () =>
    (await sql<{ n: number }>`select count(*)::int as n ${DISAGREE}`.execute(db)).rows[0]?.n ?? 0;
  const overlaps = await overlapsByIds(
    db,
    found.rows.map((r) => r.id),
  );
  return { rows: await sidesOf(db, overlaps, bound), count };
}

/** Whether a quote writes `value` as a figure (the one figure finder, exact decimals). */
const writes = (quote: string, value: string) =>
  findFigures(quote).some((f) => f.unit !== 'YEAR' && decimal(f.value).eq(value));

async function sidesOf(db: Kysely<Database>, overlaps: OverlapShape[], bound: Set<number>) {
  if (!overlaps.length) return [];
  const flowIds = overlaps.flatMap((o) => [o.flow_a_id, o.flow_b_id]);
  const cites = await db
    .selectFrom('citations')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb(
          'overlap_id',
          'in',
          overlaps.map((o) => o.id),
        ),
        eb('flow_id', 'in', flowIds),
      ]),
    )
    .orderBy('document_id')
    .orderBy('start_offset')
    .execute();
  const observations = await observationCitations(db, cites);
  const amounts = await flowAmounts(db, flowIds);
  return overlaps.map((o): SourceDisagreement => {
    if (!bound.has(o.id)) return differentSides(o, cites, amounts);
    const total = o.stated_total ?? '0';
    // The stated side: the overlap's quotes that write the total; the recorded side: the flows'
    // quotes in another document (in the same one when no other cites them).
    const stated = cites.filter((c) => c.overlap_id === o.id && writes(c.quote, total));
    const statedDoc = stated[0]?.document_id ?? -1;
    const ofFlows = cites.filter((c) => c.flow_id === o.flow_a_id || c.flow_id === o.flow_b_id);
    const recordedDoc =
      ofFlows.find((c) => c.document_id !== statedDoc)?.document_id ?? ofFlows[0]?.document_id;
    const observationIds = observations
      .filter((x) => stated.some((c) => c.document_id === x.document_id && overlapsSpan(c, x)))
      .filter((x) => decimal(x.value).eq(total))
      .map((x) => x.observation_id);
    return {
      id: o.id,
      kind: 'BOUND',
      overlap: o,
      sides: [
        {
          documentId: recordedDoc ?? statedDoc,
          figure: o.together,
          unit: o.unit,
          flowIds: [o.flow_a_id, o.flow_b_id],
          observationIds: [],
          citations: ofFlows.filter((c) => c.document_id === recordedDoc),
        },
        {
          documentId: statedDoc,
          figure: decimal(total).toFixed(),
          unit: o.unit,
          flowIds: [],
          observationIds: [...new Set(observationIds)],
          citations: stated,
        },
      ],
    };
  });
}

/** Each flow's amount (exact decimal text), by id. */
async function flowAmounts(db: Kysely<Database>, ids: number[]) {
  const rows = await db
    .selectFrom('flows')
    .select(['id', sql<string>`trim_scale(amount)::text`.as('amount')])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.amount]));
}

/** One flow recorded from two documents: each side is a flow with its own document's quotes. */
function differentSides(
  o: OverlapShape,
  cites: CitationRow[],
  amounts: Map<number, string>,
): SourceDisagreement {
  const side = (flowId: number, otherDoc: number | undefined): SourceSide => {
    const own = cites.filter((c) => c.flow_id === flowId);
    const documentId = (own.find((c) => c.document_id !== otherDoc) ?? own[0])?.document_id ?? -1;
    return {
      documentId,
      figure: amounts.get(flowId) ?? '0',
      unit: o.unit,
      flowIds: [flowId],
      observationIds: [],
      citations: own.filter((c) => c.document_id === documentId),
    };
  };
  const first = side(o.flow_a_id, undefined);
  return {
    id: o.id,
    kind: 'DIFFERENT',
    overlap: o,
    sides: [first, side(o.flow_b_id, first.documentId)],
  };
}

const overlapsSpan = (a: CitationRow, b: { start_offset: number; end_offset: number }) =>
  a.start_offset < b.end_offset && b.start_offset < a.end_offset;

/** Observations cited in the documents of `cites`, with their citation spans and values. */
async function observationCitations(db: Kysely<Database>, cites: CitationRow[]) {
  const docs = [...new Set(cites.map((c) => c.document_id))];
  if (!docs.length) return [];
  return db
    .selectFrom('citations as c')
    .innerJoin('observations as o', 'o.id', 'c.observation_id')
    .select(['c.document_id', 'c.start_offset', 'c.end_offset', 'o.id as observation_id'])
    .select(sql<string>`o.value::text`.as('value'))
    .where('c.document_id', 'in', docs)
    .execute();
}
