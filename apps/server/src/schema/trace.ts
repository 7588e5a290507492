import type { Amount } from '@fundtrace/schema/money';
import { builder } from '../builder.js';
import { InputError } from '../domain/errors.js';
import { UNIT } from '../domain/money/money.rules.js';
import { decodeGlobalId } from '../domain/records/global-id.js';
import { validateYear } from '../domain/records/record.rules.js';
import { cachedTraceView } from '../trace/cache.js';
import { DEFAULT_TRACE_DEPTH, MAX_TRACE_DEPTH } from '../trace/compute.js';
import { DEFAULT_TRACE_LIMIT, MAX_TRACE_LIMIT, TRACE_RULE, type TraceView } from '../trace/view.js';
import { FlowStatus } from './flow.js';
import { Locale, Money } from './money.js';
import { Overlap } from './overlap.js';
import { Actor, Flow, Observation } from './refs.js';

export const TraceDirection = builder.enumType('TraceDirection', {
  values: {
    DOWNSTREAM: { description: 'Where the money went.' },
    UPSTREAM: { description: 'Where the money came from.' },
  } as const,
});

const TraceNode = builder.objectRef<TraceView['nodes'][number]>('TraceNode').implement({
  description: 'An actor the traced money reaches: attributed (in) = outflow + residual.',
  fields: (t) => ({
    actor: t.field({ type: Actor, resolve: (n) => String(n.actorId) }),
    depth: t.exposeInt('depth'),
    attributed: t.field({
      type: Money,
      description: 'Traced money arriving here.',
      resolve: (n) => n.attributed,
    }),
    outflow: t.field({
      type: Money,
      description: 'Traced money passed on.',
      resolve: (n) => n.outflow,
    }),
    residual: t.field({
      type: Money,
      description: 'Traced money that stays here (all residual kinds).',
      resolve: (n) => n.residual,
    }),
    flags: t.exposeStringList('flags', {
      description: 'OVERDRAWN, CYCLE, DEPTH_LIMIT, BAD_PARENT',
    }),
  }),
});

const TraceLink = builder.objectRef<TraceView['links'][number]>('TraceLink').implement({
  description: 'A flow carrying traced money.',
  fields: (t) => ({
    flow: t.field({ type: Flow, resolve: (l) => String(l.flowId) }),
    attributed: t.field({ type: Money, resolve: (l) => l.attributed }),
    share: t.exposeFloat('share', {
      description: 'Attributed ÷ the flow amount (a ratio, 0 to 1).',
    }),
    earmarked: t.exposeBoolean('earmarked', { description: 'Carries its parent flow exactly.' }),
  }),
});

const TraceOutcome = builder.objectRef<TraceView['outcomes'][number]>('TraceOutcome').implement({
  description: 'An outcome the traced money paid for, and what it cost per unit.',
  fields: (t) => ({
    observation: t.field({ type: Observation, resolve: (o) => o.observation }),
    attributedValue: t.field({ type: 'Decimal', resolve: (o) => o.attributedValue }),
    share: t.exposeFloat('share', { description: 'Traced share of the actor’s inflow.' }),
    money: t.field({ type: Money, resolve: (o) => o.money }),
    unitCost: t.field({
      type: Money,
      nullable: true,
      description: 'money ÷ attributedValue, rounded to the fen (APPROXIMATE when rounded).',
      resolve: (o) => o.unitCost,
    }),
  }),
});

const Residual = builder.objectRef<TraceView['residuals'][number]>('Residual').implement({
  description: 'Traced money that stays at an actor: unaccounted from here on.',
  fields: (t) => ({
    actor: t.field({ type: Actor, resolve: (r) => String(r.actorId) }),
    amount: t.field({ type: Money, resolve: (r) => r.amount }),
    kind: t.string({
      description:
        'Downstream: UNREPORTED (no onward flows or outcomes recorded), RETAINED (outcomes recorded here: used or kept), SHORTFALL (recorded outflows fall short), RETURNED (cycle), DEPTH_LIMIT; upstream also ORIGIN and UNATTRIBUTED.',
      resolve: (r) => r.kind,
    }),
  }),
});

const TraceWarning = builder.objectRef<TraceView['warnings'][number]>('TraceWarning').implement({
  fields: (t) => ({
    code: t.exposeString('code'),
    message: t.string({
      args: { locale: t.arg({ type: Locale, defaultValue: 'EN' }) },
      resolve: (w, { locale }) => w.message[locale ?? 'EN'],
    }),
    actor: t.field({
      type: Actor,
      nullable: true,
      resolve: (w) => (w.actorId === null ? null : String(w.actorId)),
    }),
    flow: t.field({
      type: Flow,
      nullable: true,
      resolve: (w) => (w.flowId === null ? null : String(w.flowId)),
    }),
    overlap: t.field({
      type: Overlap,
      nullable: true,
      description: 'OVERLAP: the recorded overlap the flow takes part in.',
      resolve: (w) => (w.overlapId === null ? null : String(w.overlapId)),
    }),
  }),
});

const Side = builder
  .objectRef<TraceView['others'][number]['inflows'][number]>('TraceOtherSide')
  .implement({
    fields: (t) => ({
      actor: t.field({ type: Actor, resolve: (x) => String(x.actorId) }),
      attributed: t.field({ type: Money, resolve: (x) => x.attributed }),
    }),
  });

const TraceOther = builder.objectRef<TraceView['others'][number]>('TraceOther').implement({
  description:
    'The actors of one depth left out of `nodes` by the limit, summed: an "Other (k)" node.',
  fields: (t) => ({
    depth: t.exposeInt('depth'),
    actorCount: t.exposeInt('actorCount'),
    attributed: t.field({ type: Money, resolve: (o) => o.attributed }),
    outflow: t.field({ type: Money, resolve: (o) => o.outflow }),
    residual: t.field({ type: Money, resolve: (o) => o.residual }),
    inflows: t.field({
      type: [Side],
      description: 'Traced money from listed nodes into these actors.',
      resolve: (o) => o.inflows,
    }),
    outflows: t.field({
      type: [Side],
      description: 'Traced money from these actors to listed nodes.',
      resolve: (o) => o.outflows,
    }),
  }),
});

const TraceOutcomeTotal = builder
  .objectRef<TraceView['outcomeTotals'][number]>('TraceOutcomeTotal')
  .implement({
    description:
      'All outcomes of one metric, kind, unit and year the traced money reached, summed.',
    fields: (t) => ({
      metric: t.exposeString('metric'),
      kind: t.exposeString('kind'),
      unit: t.exposeString('unit'),
      year: t.exposeInt('year'),
      count: t.exposeInt('count'),
      attributedValue: t.field({ type: 'Decimal', resolve: (o) => o.attributedValue }),
      money: t.field({ type: Money, resolve: (o) => o.money }),
      unitCost: t.field({ type: Money, nullable: true, resolve: (o) => o.unitCost }),
    }),
  });

const ResidualTotal = builder
  .objectRef<TraceView['residualTotals'][number]>('ResidualTotal')
  .implement({
    fields: (t) => ({
      kind: t.exposeString('kind'),
      actorCount: t.exposeInt('actorCount'),
      amount: t.field({ type: Money, resolve: (r) => r.amount }),
    }),
  });

const Trace = builder.objectRef<TraceView>('Trace').implement({
  description:
    'Everything needed to draw the trace as a Sankey, in one response. Lists hold the largest items up to `limit`; `others`, `outcomeTotals` and `residualTotals` account for the rest, so totals always add up.',
  fields: (t) => ({
    direction: t.field({ type: TraceDirection, resolve: (v) => v.direction }),
    origin: t.field({ type: Actor, resolve: (v) => String(v.origin) }),
    total: t.field({ type: Money, resolve: (v): Amount => v.total }),
    rule: t.string({
      description: 'The attribution rule, in one line, in English or Chinese.',
      args: { locale: t.arg({ type: Locale, defaultValue: 'EN' }) },
      resolve: (_v, { locale }) => TRACE_RULE[locale ?? 'EN'],
    }),
    nodeCount: t.exposeInt('nodeCount', { description: 'Actors reached, before the limit.' }),
    linkCount: t.exposeInt('linkCount', {
      description: 'Flows carrying traced money, before the limit.',
    }),
    truncated: t.exposeBoolean('truncated', {
      description: 'Whether any list was cut by the limit.',
    }),
    nodes: t.field({ type: [TraceNode], resolve: (v) => v.nodes }),
    others: t.field({ type: [TraceOther], resolve: (v) => v.others }),
    links: t.field({
      type: [TraceLink],
      description: 'Flows between listed nodes, largest first.',
      resolve: (v) => v.links,
    }),
    outcomes: t.field({ type: [TraceOutcome], resolve: (v) => v.outcomes }),
    outcomeTotals: t.field({ type: [TraceOutcomeTotal], resolve: (v) => v.outcomeTotals }),
    residuals: t.field({ type: [Residual], resolve: (v) => v.residuals }),
    residualTotals: t.field({ type: [ResidualTotal], resolve: (v) => v.residualTotals }),
    warnings: t.field({ type: [TraceWarning], resolve: (v) => v.warnings }),
  }),
});

builder.queryField('trace', (t) =>
  t.field({
    type: Trace,
    description: `Follow money from an actor, a flow or (upstream) an observation. maxDepth 1 to ${MAX_TRACE_DEPTH}; limit 1 to ${MAX_TRACE_LIMIT}.`,
    args: {
      from: t.arg.id({ required: true, description: 'An Actor, Flow or Observation id.' }),
      // Nullable with defaults, as the API contract has them (null means the default).
      direction: t.arg({ type: TraceDirection, defaultValue: 'DOWNSTREAM' }),
      year: t.arg.int(),
      maxDepth: t.arg.int({ defaultValue: DEFAULT_TRACE_DEPTH }),
      statuses: t.arg({
        type: [FlowStatus],
        description: 'Only flows of these statuses (default: all).',
      }),
      unit: t.arg.string({ defaultValue: 'CNY', required: true }),
      limit: t.arg.int({
        defaultValue: DEFAULT_TRACE_LIMIT,
        required: true,
        description:
          'How many nodes, outcomes and residuals to list (the largest); the rest are summed.',
      }),
    },
    resolve: async (_root, args, { db, traceTimeoutMs }) => {
      if (!Number.isInteger(args.limit) || args.limit < 1 || args.limit > MAX_TRACE_LIMIT) {
        throw new InputError(
          `limit must be between 1 and ${MAX_TRACE_LIMIT}, got ${args.limit}`,
          'limit',
        );
      }
      if (!UNIT.test(args.unit)) {
        throw new InputError('unit must be an upper-case unit such as CNY or PERSON', 'unit');
      }
      const from = decodeGlobalId(args.from, ['Actor', 'Flow', 'Observation'], 'from');
      const request = {
        start: { kind: from.typename, id: from.id },
        direction: args.direction ?? 'DOWNSTREAM',
        year: args.year == null ? null : validateYear(args.year),
        maxDepth: args.maxDepth ?? DEFAULT_TRACE_DEPTH,
        statuses: args.statuses ? [...args.statuses].sort() : null,
        unit: args.unit,
      };
      return cachedTraceView(db, request, args.limit, traceTimeoutMs);
    },
  }),
);
