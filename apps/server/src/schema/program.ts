import { sql } from 'kysely';
import { builder } from '../builder.js';
import type { ProgramRow } from '../db/database.js';
import { loadByIds } from '../domain/records/load-by-ids.js';
import { connectionOf, pageComplexity, tablePage } from './pagination.js';

export const Program = builder.loadableNodeRef('Program', {
  id: { resolve: (p: ProgramRow) => p.id },
  load: (ids: string[], ctx) => loadByIds(ctx.db, 'programs', ids),
  sort: (p) => String(p.id),
});

Program.implement({
  description: 'A scheme the money belongs to (易地扶贫搬迁, 京蒙对口帮扶 ...).',
  fields: (t) => ({
    key: t.exposeString('key'),
    name: t.exposeString('name'),
    nameEn: t.exposeString('name_en', { nullable: true }),
    description: t.exposeString('description', { nullable: true }),
  }),
});

export const ProgramConnection = connectionOf<ProgramRow>(Program, 'ProgramConnection');

builder.queryField('programs', (t) =>
  t.field({
    type: ProgramConnection,
    description: 'Programs by ascending id; `first` from 1 to 100.',
    complexity: pageComplexity,
    args: { first: t.arg.int(), after: t.arg.string() },
    resolve: (_root, args, { db }) => tablePage<ProgramRow>(db, 'programs', sql`true`, args),
  }),
);
