import { lexicographicSortSchema } from 'graphql';
import { builder } from '../builder.js';
import './scalars.js';
import './money.js';
import './program.js';
import './document.js';
import './figure.js';
import './citation.js';
import './region.js';
import './actor.js';
import './flow.js';
import './observation.js';
import './overlap.js';
import './source-disagreement.js';
import './pairing.js';
import './search.js';
import './totals.js';
import './boundary.js';
import './region-shared.js';
import './balance.js';
import './trace.js';
import './errors.js';
import './history.js';
import './actor-mutations.js';
import './flow-mutations.js';
import './observation-mutations.js';
import './overlap-mutations.js';
import './pairing-mutations.js';
import './document-mutations.js';
import './document-import.js';
import './import.js';

builder.queryType({});
builder.subscriptionType({
  description: 'Live updates, over server-sent events.',
});
builder.mutationType({
  description: 'Writes need a bearer token with the write scope; each returns a result union.',
});

export const schema = lexicographicSortSchema(builder.toSchema());
