import { Program } from './program.js';
import { Actor, citationsOf, Pairing } from './refs.js';

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
    noteZh: t.exposeString('note_zh', {
      nullable: true,
      description: 'The note in Chinese, when one is recorded.',
    }),
    citations: citationsOf(t, 'pairing_id'),
  }),
});
