import { lexicographicSortSchema } from 'graphql';
import { builder } from '../builder.js';
import './scalars.js';
import './money.js';
import './program.js';
import './document.js';
import './citation.js';
import './region.js';
import './actor.js';
import './flow.js';
import './observation.js';
import './pairing.js';
import './search.js';
import './totals.js';
import './boundary.js';
import './balance.js';
import './trace.js';

builder.queryType({});

export const schema = lexicographicSortSchema(builder.toSchema());
