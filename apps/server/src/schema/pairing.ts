import { builder } from '../builder.js';
import type { PairingRow } from '../db/database.js';
import { loadByIds } from '../db/load-by-ids.js';
import { Actor } from './actor.js';
import { citationsOf } from './citation.js';
import { Program } from './program.js';

export const Pairing = builder.loadableNodeRef('Pairing', {
  id: { resolve: (p: PairingRow) => p.id },
  load: (ids: string[], ctx) => loadByIds(ctx.db, 'pairings', ids),
  sort: (p) => String(p.id),
});

Pairing.implement({
  description:
    'A help relation (district ↔ county, enterprise ↔ village, department ↔ league), with how many recipients it covers.',
  fields: (t) => ({
    helper: t.field({ type: Actor, resolve: (p) => String(p.helper_id) }),
    recipient: t.field({ type: Actor, resolve: (p) => String(p.recipient_id) }),
    kind: t.exposeString('kind'),
    program: t.field({
      type: Program,
      nullable: true,
      resolve: (p) => (p.program_id == null ? null : String(p.program_id)),
    }),
    year: t.exposeInt('year', { nullable: true }),
    coverage: t.exposeInt('coverage', { nullable: true }),
    note: t.exposeString('note', { nullable: true }),
    citations: citationsOf(t, 'pairing_id'),
  }),
});
