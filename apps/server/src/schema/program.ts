import { builder } from '../builder.js';
import type { ProgramRow } from '../db/database.js';
import { loadByIds } from '../db/load-by-ids.js';

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

builder.queryField('programs', (t) =>
  t.field({
    type: [Program],
    resolve: (_root, _args, { db }) =>
      db.selectFrom('programs').selectAll().orderBy('id').execute(),
  }),
);
