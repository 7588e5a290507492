// The seed loader's second half: records that link others (pairings, overlaps) and the citations
// of every record, located in the document each cite names (seed/load.ts writes the rest).
import type { Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import { canonicalPair } from '../domain/overlap/overlap.rules.js';
import type { CitedColumn } from '../domain/records/record-types.js';
import { locateCite } from './locate.js';
import { type Cite, noteZhOf, type SeedAmount, type SeedDataset } from './types.js';

/** The ids of the records written so far, by key, and the citations still to write. */
export interface Ids {
  /** document key → its id and stored text; the data set's own document first */
  documents: Map<string, { id: number; text: string }>;
  programs: Map<string, number>;
  actors: Map<string, number>;
  flows: Map<string, number>;
  citations: { cites: Cite[]; column: CitedColumn; id: number }[];
}

export function need(map: Map<string, number>, key: string | undefined, what: string) {
  if (key === undefined) return null;
  const id = map.get(key);
  if (id === undefined) throw new Error(`seed: unknown ${what} "${key}"`);
  return id;
}

export async function insertPairings(trx: Transaction<Database>, dataset: SeedDataset, ids: Ids) {
  const { actors, programs } = ids;
  for (const p of dataset.pairings) {
    const row = await trx
      .insertInto('pairings')
      .values({
        key: p.key,
        helper_id: need(actors, p.helper, 'actor') as number,
        recipient_id: need(actors, p.recipient, 'actor') as number,
        kind: p.kind,
        program_id: need(programs, p.program, 'program'),
        year: p.year ?? null,
        coverage: p.coverage ?? null,
        note: p.note ?? null,
        note_zh: noteZhOf(dataset, 'pairings', p.key),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.citations.push({ cites: p.cites, column: 'pairing_id', id: row.id });
  }
}

/** A figure of an overlap (most shared, stated total) as a stored decimal, or null. */
export type SeedFigure = (amount: SeedAmount | undefined) => string | null;

/**
 * The overlaps between seed flows, in the order the table stores a pair (the smaller id first).
 * The database checks the rest (distinct flows, one record per pair, non-negative amounts).
 */
export async function insertOverlaps(
  trx: Transaction<Database>,
  dataset: SeedDataset,
  ids: Ids,
  figure: SeedFigure,
) {
  for (const o of dataset.overlaps) {
    const [a, b] = canonicalPair(
      need(ids.flows, o.flows[0], 'flow') as number,
      need(ids.flows, o.flows[1], 'flow') as number,
    );
    const row = await trx
      .insertInto('flow_overlaps')
      .values({
        key: o.key,
        flow_a_id: a,
        flow_b_id: b,
        certainty: o.certainty,
        max_shared: figure(o.maxShared),
        stated_total: figure(o.statedTotal),
        note: o.note,
        note_zh: noteZhOf(dataset, 'overlaps', o.key),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.citations.push({ cites: o.cites, column: 'overlap_id', id: row.id });
  }
}

export async function insertCitations(
  trx: Transaction<Database>,
  ids: Ids,
  main: string,
  glosses: Readonly<Record<string, string>>,
) {
  const citationRows = ids.citations.flatMap(({ cites, column, id }) =>
    cites.map((cite) => {
      const doc = ids.documents.get(cite.document ?? main);
      if (!doc) throw new Error(`seed: unknown document "${cite.document}"`);
      const { start, end, quote } = locateCite(doc.text, cite);
      const gloss = glosses[cite.quote] ?? null;
      return {
        document_id: doc.id,
        start_offset: start,
        end_offset: end,
        quote,
        gloss,
        [column]: id,
      };
    }),
  );
  for (let i = 0; i < citationRows.length; i += 500) {
    await trx
      .insertInto('citations')
      .values(citationRows.slice(i, i + 500))
      .execute();
  }
}
