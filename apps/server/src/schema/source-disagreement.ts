import { CNY, decimal } from '@fundtrace/schema/money';
import { builder } from '../builder.js';
import {
  type SourceDisagreement as Disagreement,
  disagreementsPage,
  type SourceSide as Side,
} from '../domain/overlap/disagreements.js';
import { Money } from './money.js';
import { Overlap } from './overlap.js';
import { connectionOf, keysetPage, pageComplexity } from './pagination.js';
import { Citation, Document, Flow, Observation } from './refs.js';

export const DisagreementKind = builder.enumType('DisagreementKind', {
  values: {
    BOUND: {
      description:
        'One document states a total for two flows that is less than their sum as recorded from another: the two share at least the difference.',
    },
    DIFFERENT: {
      description:
        'Two documents state different figures for the same flow (the same source, target, year and unit, recorded once from each and tied by a STATED overlap).',
    },
  } as const,
});

export const SourceSide = builder.objectRef<Side>('SourceSide').implement({
  description: 'One document’s side of a disagreement: its figure and the words that state it.',
  fields: (t) => ({
    document: t.field({ type: Document, resolve: (s) => String(s.documentId) }),
    figure: t.field({
      type: Money,
      description:
        'The recorded sum of the flows, the total the document states, or (DIFFERENT) its figure for the flow.',
      resolve: (s) => ({
        value: decimal(s.figure),
        qualifier: 'EXACT' as const,
        low: null,
        high: null,
        unit: s.unit ?? CNY,
      }),
    }),
    flows: t.field({
      type: [Flow],
      complexity: { field: 1, multiplier: 2 }, // an overlap's two flows
      description: 'The flows summed on this side (none on the side that states a total).',
      resolve: (s) => s.flowIds.map(String),
    }),
    observations: t.field({
      type: [Observation],
      description: 'The observations recording the stated total from these words.',
      resolve: (s) => s.observationIds.map(String),
    }),
    citations: t.field({ type: [Citation], resolve: (s) => s.citations }),
  }),
});

export const SourceDisagreement = builder.objectRef<Disagreement>('SourceDisagreement').implement({
  description: 'Where two documents meet and disagree: both figures and both quotes, side by side.',
  fields: (t) => ({
    kind: t.field({ type: DisagreementKind, resolve: (d) => d.kind }),
    overlap: t.field({
      type: Overlap,
      description:
        'The overlap the stated total narrows (its minShared), or (DIFFERENT) that ties the two records.',
      resolve: (d) => d.overlap,
    }),
    sides: t.field({
      type: [SourceSide],
      complexity: { field: 1, multiplier: 2 }, // always two
      description:
        'Two: BOUND, the recorded side first, then the side that states the total; DIFFERENT, one flow and document each.',
      resolve: (d) => d.sides,
    }),
  }),
});

const SourceDisagreementConnection = connectionOf<Disagreement>(
  SourceDisagreement,
  'SourceDisagreementConnection',
);

builder.queryField('sourceDisagreements', (t) =>
  t.field({
    type: SourceDisagreementConnection,
    description:
      'Where documents disagree: a total one states for flows recorded from another, below their sum (BOUND); two figures for one flow (DIFFERENT).',
    complexity: pageComplexity,
    args: { first: t.arg.int(), after: t.arg.string() },
    resolve: (_root, args, { db }) =>
      keysetPage(args, (after, limit) => disagreementsPage(db, after, limit)),
  }),
);
