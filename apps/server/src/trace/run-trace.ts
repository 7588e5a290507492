import { type Amount, Decimal, makeAmount } from '@fundtrace/schema/money';
import type { Kysely } from 'kysely';
import type { Database, ObservationRow } from '../db/database.js';
import { InputError } from '../errors.js';
import { loadSubgraph, type SubgraphFilter } from './load-subgraph.js';
import {
  combineQualifiers,
  type Direction,
  type Qualifier,
  type ResidualKind,
  type TraceFlow,
  trace,
  type Warning,
} from './propagate.js';

export const MAX_TRACE_DEPTH = 12;

export const TRACE_RULE =
  'Earmarked flows carry their parent flow exactly; pooled money leaves each node in proportion to each source’s share of what the node received. What a node keeps is unaccounted (RETAINED); money that comes back round a cycle stays where it returns.';

export type TraceStart = { kind: 'Actor' | 'Flow' | 'Observation'; id: number };

export interface TraceRequest extends SubgraphFilter {
  start: TraceStart;
  direction: Direction;
  maxDepth: number;
}

export interface TraceView {
  direction: Direction;
  origin: number;
  total: Amount;
  nodes: {
    actorId: number;
    depth: number;
    attributed: Amount;
    outflow: Amount;
    residual: Amount;
    flags: string[];
  }[];
  links: { flowId: number; attributed: Amount; share: number; earmarked: boolean }[];
  outcomes: {
    observation: ObservationRow;
    attributedValue: string;
    share: number;
    money: Amount;
    unitCost: Amount | null;
  }[];
  residuals: { actorId: number; amount: Amount; kind: ResidualKind }[];
  warnings: {
    code: Warning['code'];
    message: string;
    actorId: number | null;
    flowId: number | null;
  }[];
}

const BASE = new Decimal(10_000);

function amount(units: bigint, qualifier: Qualifier, unit: string): Amount {
  return makeAmount(new Decimal(units.toString()).div(BASE), qualifier, unit);
}

/** Units that are rates or shares, not outcomes one can divide money by. */
function isCountable(unit: string): boolean {
  return !/PERCENT|_PER_|^CNY/.test(unit);
}

/** Dividing by an at-least count gives an at-most cost, and the other way round. */
const invert = (q: Qualifier): Qualifier =>
  q === 'AT_LEAST' ? 'AT_MOST' : q === 'AT_MOST' ? 'AT_LEAST' : q;

async function resolveStart(db: Kysely<Database>, request: TraceRequest) {
  const { start, direction } = request;
  if (start.kind === 'Actor') {
    const actor = await db
      .selectFrom('actors')
      .select('id')
      .where('id', '=', start.id)
      .executeTakeFirst();
    if (!actor) throw new InputError(`from: no Actor with this id`, 'from');
    return {
      origin: actor.id,
      seedFlow: null as number | null,
      observation: null as ObservationRow | null,
    };
  }
  if (start.kind === 'Flow') {
    const flow = await db
      .selectFrom('flows')
      .selectAll()
      .where('id', '=', start.id)
      .executeTakeFirst();
    if (!flow) throw new InputError(`from: no Flow with this id`, 'from');
    if (flow.unit !== request.unit)
      throw new InputError(`from: this flow is in ${flow.unit}, not ${request.unit}`, 'from');
    return {
      origin: direction === 'DOWNSTREAM' ? flow.source_id : flow.target_id,
      seedFlow: flow.id,
      observation: null,
    };
  }
  const observation = await db
    .selectFrom('observations')
    .selectAll()
    .where('id', '=', start.id)
    .executeTakeFirst();
  if (!observation) throw new InputError(`from: no Observation with this id`, 'from');
  if (observation.actor_id === null) {
    throw new InputError(
      'from: this observation belongs to no actor, so no money can be traced to it',
      'from',
    );
  }
  return { origin: observation.actor_id, seedFlow: null, observation };
}

export async function runTrace(db: Kysely<Database>, request: TraceRequest): Promise<TraceView> {
  const { direction, maxDepth, unit } = request;
  if (!Number.isInteger(maxDepth) || maxDepth < 1 || maxDepth > MAX_TRACE_DEPTH) {
    throw new InputError(
      `maxDepth must be between 1 and ${MAX_TRACE_DEPTH}, got ${maxDepth}`,
      'maxDepth',
    );
  }
  const { origin, seedFlow, observation } = await resolveStart(db, request);
  const flows = await loadSubgraph(db, origin, direction, maxDepth, request);
  const down = direction === 'DOWNSTREAM';
  const seeds =
    seedFlow !== null
      ? [seedFlow]
      : flows.filter((f) => (down ? f.source : f.target) === origin).map((f) => f.id);
  const result = trace({ flows, direction, origin, seeds, maxDepth });

  const byId = new Map(flows.map((f) => [f.id, f]));
  const reached = [...result.nodes.keys()];
  const names = new Map(
    reached.length
      ? (
          await db.selectFrom('actors').select(['id', 'name']).where('id', 'in', reached).execute()
        ).map((a) => [a.id, a.name])
      : [],
  );
  const name = (id: number | undefined) => (id === undefined ? '' : (names.get(id) ?? `#${id}`));
  const flowName = (id: number | undefined) => {
    const f = id === undefined ? undefined : byId.get(id);
    return f ? `${name(f.source)} → ${name(f.target)}` : '';
  };
  const messages: Record<Warning['code'], (w: Warning) => string> = {
    OVERDRAWN: (w) =>
      `${name(w.actor)} reports more outflow than inflow${w.flow ? ` (earmarked from ${flowName(w.flow)})` : ''}; its outflows are scaled down for attribution, the stored figures are unchanged.`,
    CYCLE: (w) =>
      `Money comes back to ${name(w.actor)} through ${flowName(w.flow)}; it is not sent round again.`,
    DEPTH_LIMIT: (w) =>
      `The trace stops at ${name(w.actor)} (maxDepth ${maxDepth}); its onward flows are not followed.`,
    BAD_PARENT: (w) =>
      `${flowName(w.flow)} names a parent flow that does not reach ${name(w.actor)}; it is treated as pooled.`,
  };

  const residualByActor = new Map<number, bigint>();
  for (const r of result.residuals)
    residualByActor.set(r.actor, (residualByActor.get(r.actor) ?? 0n) + r.amount);
  const flagsByActor = new Map<number, Set<string>>();
  for (const w of result.warnings) {
    if (w.actor === undefined) continue;
    const set = flagsByActor.get(w.actor) ?? new Set();
    set.add(w.code);
    flagsByActor.set(w.actor, set);
  }

  const inflowTotal = new Map<number, bigint>();
  for (const f of flows) inflowTotal.set(f.target, (inflowTotal.get(f.target) ?? 0n) + f.amount);

  return {
    direction,
    origin,
    total: amount(result.total, result.qualifier, unit),
    nodes: [...result.nodes].map(([actorId, n]) => ({
      actorId,
      depth: n.depth,
      attributed: amount(n.in, n.qualifier, unit),
      outflow: amount(n.out, n.qualifier, unit),
      residual: amount(residualByActor.get(actorId) ?? 0n, n.qualifier, unit),
      flags: [...(flagsByActor.get(actorId) ?? [])].sort(),
    })),
    links: [...result.links].map(([flowId, l]) => {
      const f = byId.get(flowId) as TraceFlow;
      return {
        flowId,
        attributed: amount(l.attributed, l.qualifier, unit),
        share: f.amount === 0n ? 0 : Number((l.attributed * 1_000_000n) / f.amount) / 1_000_000,
        earmarked: f.parent !== null,
      };
    }),
    outcomes: await outcomes(db, request, result, origin, observation, inflowTotal),
    residuals: result.residuals.map((r) => ({
      actorId: r.actor,
      amount: amount(r.amount, r.qualifier, unit),
      kind: r.kind,
    })),
    warnings: result.warnings.map((w) => ({
      code: w.code,
      message: messages[w.code](w),
      actorId: w.actor ?? null,
      flowId: w.flow ?? null,
    })),
  };
}

/**
 * Downstream, an observation at a reached actor is attributed in proportion to the traced
 * money's share of that actor's inflow; upstream, the traced actor's (or the given)
 * observations are attributed in full. Unit cost = attributed money / attributed outcome.
 */
async function outcomes(
  db: Kysely<Database>,
  request: TraceRequest,
  result: ReturnType<typeof trace>,
  origin: number,
  observation: ObservationRow | null,
  inflowTotal: Map<number, bigint>,
): Promise<TraceView['outcomes']> {
  const down = request.direction === 'DOWNSTREAM';
  const actors = down ? [...result.nodes.keys()].filter((id) => id !== origin) : [origin];
  let rows: ObservationRow[] = [];
  if (observation && !down) rows = [observation];
  else if (actors.length) {
    let query = db.selectFrom('observations').selectAll().where('actor_id', 'in', actors);
    if (request.year !== null) query = query.where('year', '=', request.year);
    rows = (await query.orderBy('id').execute()).filter((o) => isCountable(o.unit));
  }
  return rows.flatMap((o) => {
    const node = result.nodes.get(o.actor_id as number);
    if (!node) return [];
    const money = down ? node.in : result.total;
    const totalIn = inflowTotal.get(o.actor_id as number) ?? 0n;
    if (money === 0n) return [];
    const share = down
      ? totalIn === 0n
        ? 0
        : Number((money * 1_000_000n) / totalIn) / 1_000_000
      : 1;
    const value = new Decimal(o.value);
    const attributed = down
      ? value.mul(money.toString()).div(totalIn.toString()).toDecimalPlaces(4)
      : value;
    const moneyAmount = amount(money, down ? node.qualifier : result.qualifier, request.unit);
    let unitCost: Amount | null = null;
    if (!attributed.isZero()) {
      const exact = moneyAmount.value.div(attributed);
      const rounded = exact.toDecimalPlaces(2);
      const rounding: Qualifier = rounded.eq(exact) ? 'EXACT' : 'APPROXIMATE';
      const q = combineQualifiers([
        moneyAmount.qualifier,
        invert(o.qualifier as Qualifier),
        rounding,
      ]);
      unitCost = makeAmount(rounded, q, request.unit);
    }
    return [
      {
        observation: o,
        attributedValue: attributed.toFixed(),
        share,
        money: moneyAmount,
        unitCost,
      },
    ];
  });
}
