import { type Figure as FoundFigure, findFigures } from '@fundtrace/schema/figures';
import { FIGURE_UNITS } from '@fundtrace/schema/figures/words';
import { brandWithType } from '@pothos/core';
import type { Kysely } from 'kysely';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import type { CitationRow, Database } from '../db/database.js';
import {
  type CitedTypename,
  citedColumnOf,
  citedTypename,
} from '../domain/records/record-types.js';
import { AmountQualifier } from './money.js';
import { Overlap } from './overlap.js';
import {
  connectionOf,
  decodeCursor,
  pageComplexity,
  pageSize,
  toConnection,
} from './pagination.js';
import { Actor, Document, Flow, Observation, Pairing } from './refs.js';

interface CitingRecord {
  type: CitedTypename;
  id: number;
}
/** A found figure with its place in the document's list (1-based, for cursors) and who cites it. */
interface FigureRow extends FoundFigure {
  id: number;
  citedBy: CitingRecord[];
}

/** The record of a citation row (exactly one of its record columns is set). */
function citingRecord(c: CitationRow): CitingRecord | null {
  const type = citedTypename(c);
  const id = c[citedColumnOf(type)];
  return typeof id === 'number' ? { type, id } : null;
}

/** Fills `citedBy` of a page of figures from one query over the citations spanning the page. */
async function attachCitations(db: Kysely<Database>, documentId: number, page: FigureRow[]) {
  const first = page[0];
  const last = page.at(-1);
  if (!first || !last) return;
  const citations = await db
    .selectFrom('citations')
    .selectAll()
    .where('document_id', '=', documentId)
    .where('start_offset', '<', last.end)
    .where('end_offset', '>', first.start)
    .orderBy('id')
    .execute();
  for (const figure of page) {
    const seen = new Set<string>();
    for (const c of citations) {
      const record = citingRecord(c);
      // [start, end) spans overlap when each starts before the other ends.
      if (!record || c.start_offset >= figure.end || figure.start >= c.end_offset) continue;
      const key = `${record.type}:${record.id}`;
      if (!seen.has(key)) figure.citedBy.push(record);
      seen.add(key);
    }
  }
}

/** The record as a Node: loaded through its type's dataloader, so a page loads each type once. */
async function loadNode(ctx: Context, { type, id }: CitingRecord): Promise<object> {
  const loaders = { Flow, Observation, Actor, Pairing, Overlap } as const;
  const ref = loaders[type];
  const row: object = await ref.getDataloader(ctx).load(String(id));
  brandWithType(row, ref);
  return row;
}

export const FigureRange = builder.enumType('FigureRange', {
  description: 'Which end of a range (2016—2020年, 3-5万元) a figure is.',
  values: ['FROM', 'TO'] as const,
});

export const Figure = builder.objectRef<FigureRow>('Figure').implement({
  description:
    'A figure the document states, found in its text: where, its value as written in base units, ' +
    'its unit and qualifier, and the records whose citations overlap it.',
  fields: (t) => ({
    start: t.exposeInt('start', { description: 'Offset in Unicode code points, as citations.' }),
    end: t.exposeInt('end', { description: 'Exclusive end offset.' }),
    text: t.exposeString('text', { description: 'The text at [start, end).' }),
    value: t.field({
      type: 'Decimal',
      description: 'In base units: yuan, people, percent, the year itself for YEAR.',
      resolve: (f) => f.value,
    }),
    unit: t.exposeString('unit', {
      description: `One of ${FIGURE_UNITS.join(', ')} (NUMBER: a magnitude without a unit, 5万).`,
    }),
    qualifier: t.field({ type: AmountQualifier, resolve: (f) => f.qualifier }),
    times: t.field({
      type: 'Decimal',
      nullable: true,
      description: 'How many times the figure is stated at once: 四個100億 → 4.',
      resolve: (f) => f.times ?? null,
    }),
    range: t.field({ type: FigureRange, nullable: true, resolve: (f) => f.range ?? null }),
    citedBy: t.field({
      type: [builder.nodeInterfaceRef()],
      description:
        'Records (flows, observations, actors, pairings, overlaps) citing text that overlaps it.',
      complexity: { field: 1, multiplier: 2 },
      resolve: (f, _args, ctx) => Promise.all(f.citedBy.map((r) => loadNode(ctx, r))),
    }),
  }),
});

export const FigureConnection = connectionOf<FigureRow>(Figure, 'FigureConnection');

builder.objectField(Document, 'figures', (t) =>
  t.field({
    type: FigureConnection,
    description: 'The figures of the text in order of their offsets; `first` from 1 to 100.',
    complexity: pageComplexity,
    args: { first: t.arg.int(), after: t.arg.string() },
    resolve: async (doc, { first, after }, { db }) => {
      const size = pageSize(first);
      const from = decodeCursor(after) ?? 0;
      const all = findFigures(doc.text);
      const rows = all
        .slice(from, from + size + 1)
        .map((f, i): FigureRow => ({ ...f, id: from + i + 1, citedBy: [] }));
      await attachCitations(db, doc.id, rows.slice(0, size));
      return toConnection(rows, size, async () => all.length);
    },
  }),
);
