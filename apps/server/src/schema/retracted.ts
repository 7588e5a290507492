import { builder } from '../builder.js';

export const RetractedRecord = builder
  .objectRef<{ id: number; key: string; typename: string }>('RetractedRecord')
  .implement({
    description: 'A record that left the reads; `Query.history(id)` still shows its revisions.',
    fields: (t) => ({
      id: t.globalID({ resolve: (r) => ({ type: r.typename, id: r.id }) }),
      key: t.exposeString('key'),
    }),
  });
