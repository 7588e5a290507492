import { type Amount, makeAmount, sumAmounts } from '@fundtrace/schema/money';
import { sql } from 'kysely';
import { builder } from '../builder.js';
import { overlapsOf, withOverlaps } from '../domain/flow/flow-overlaps.js';
import { type FlowGroup, groupFlows } from '../domain/flow/flow-totals.js';
import { validateYear } from '../domain/records/record.rules.js';
import { Money } from './money.js';
import { Actor } from './refs.js';

interface Balance {
  inflow: Amount;
  outflow: Amount;
  planned: Amount;
  plannedOutflow: Amount;
  residual: Amount;
  overdrawnBy: Amount | null;
  flags: string[];
}

/** Money that moved: public money, loans and leveraged money; planned money is apart. */
const MOVED = ['PUBLIC', 'LOAN', 'LEVERAGED'];

/** a − b (a ≥ b), with the qualifier that the difference of two qualified amounts carries. */
export function difference(a: Amount, b: Amount): Amount {
  const lower = (q: string) => q === 'EXACT' || q === 'AT_LEAST';
  const upper = (q: string) => q === 'EXACT' || q === 'AT_MOST';
  const q =
    a.qualifier === 'EXACT' && b.qualifier === 'EXACT'
      ? 'EXACT'
      : lower(a.qualifier) && upper(b.qualifier)
        ? 'AT_LEAST'
        : upper(a.qualifier) && lower(b.qualifier)
          ? 'AT_MOST'
          : 'APPROXIMATE';
  return makeAmount(a.value.minus(b.value), q, a.unit);
}

function balanceOf(groups: FlowGroup[]): Balance {
  const sum = (dir: string, buckets: string[]) =>
    sumAmounts(
      groups
        .filter((g) => g.keys[1] === dir)
        .flatMap((g) => buckets.flatMap((b) => g.buckets.get(b) ?? [])),
    );
  const incoming = groups.find((g) => g.keys[1] === 'IN')?.overlaps;
  const inflow = withOverlaps(sum('IN', MOVED), MOVED, incoming);
  const outflow = sum('OUT', MOVED);
  const hasIn = groups.some((g) => g.keys[1] === 'IN');
  const hasOut = groups.some((g) => g.keys[1] === 'OUT');
  const overdrawn = hasIn && outflow.value.gt(inflow.value);
  const flags = [
    ...(overdrawn ? ['OVERDRAWN'] : []),
    ...(hasIn ? [] : ['NO_INFLOW']),
    ...(hasOut ? [] : ['NO_OUTFLOW']),
    ...(overlapsOf(incoming, MOVED).length ? ['OVERLAPPING_INFLOW'] : []),
  ];
  return {
    inflow,
    outflow,
    planned: sum('IN', ['PLANNED']),
    plannedOutflow: sum('OUT', ['PLANNED']),
    residual: outflow.value.gt(inflow.value) ? makeAmount('0') : difference(inflow, outflow),
    overdrawnBy: overdrawn ? difference(outflow, inflow) : null,
    flags,
  };
}

const ActorBalance = builder.objectRef<Balance>('ActorBalance').implement({
  description:
    'Reported money in and out of an actor, in CNY: inflow = outflow + residual, or the actor is flagged OVERDRAWN. Loans and leveraged money count as money that moved; planned money is apart.',
  fields: (t) => ({
    inflow: t.field({ type: Money, resolve: (b) => b.inflow }),
    outflow: t.field({ type: Money, resolve: (b) => b.outflow }),
    planned: t.field({
      type: Money,
      description: 'Planned inflow, not counted.',
      resolve: (b) => b.planned,
    }),
    plannedOutflow: t.field({
      type: Money,
      description: 'Planned outflow, not counted (a source plans what it will pass on).',
      resolve: (b) => b.plannedOutflow,
    }),
    residual: t.field({
      type: Money,
      description: 'Received and not reported passed on: unaccounted for.',
      resolve: (b) => b.residual,
    }),
    overdrawnBy: t.field({ type: Money, nullable: true, resolve: (b) => b.overdrawnBy }),
    flags: t.exposeStringList('flags', {
      description:
        'OVERDRAWN (reports more out than in), NO_INFLOW (a source), NO_OUTFLOW, OVERLAPPING_INFLOW (inflows may share money: inflow.low is the least).',
    }),
  }),
});

builder.objectField(Actor, 'balance', (t) =>
  t.loadable({
    type: ActorBalance,
    byPath: true,
    args: { year: t.arg.int() },
    description: 'Money in and out in a year, or over all years.',
    // One statement for every actor of the page: each flow counts out at its source, in at its target.
    load: async (ids: number[], { db }, args) => {
      const year = args.year == null ? null : validateYear(args.year);
      const groups = await groupFlows(
        db,
        [sql`side.actor::text`, sql`side.dir`],
        sql`f.unit = 'CNY' and (${year}::int is null or f.year = ${year}::int)
            and (f.source_id = any(${ids}::int[]) or f.target_id = any(${ids}::int[]))
            and side.actor = any(${ids}::int[])`,
        sql`cross join lateral (values (f.source_id, 'OUT'), (f.target_id, 'IN')) as side(actor, dir)`,
      );
      return ids.map((id) => balanceOf(groups.filter((g) => g.keys[0] === String(id))));
    },
    resolve: (actor) => actor.id,
  }),
);
