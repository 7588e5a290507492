import { type Kysely, sql } from 'kysely';
import type { Database, ObservationRow } from '../db/database.js';
import { InputError } from '../errors.js';
import { loadSubgraph, type PooledPair, type SubgraphFilter } from './load-subgraph.js';
import {
  type Direction,
  type Qualifier,
  type TraceFlow,
  type TraceResult,
  trace,
} from './propagate.js';
import { toUnits } from './units.js';

export const MAX_TRACE_DEPTH = 12;
/** How deep a trace goes when the request does not say. */
export const DEFAULT_TRACE_DEPTH = 6;

export type TraceStart = { kind: 'Actor' | 'Flow' | 'Observation'; id: number };

export interface TraceRequest extends SubgraphFilter {
  start: TraceStart;
  direction: Direction;
  maxDepth: number;
}

/** An outcome reached by the traced money, in base units (1e-4) for value and money. */
export interface RawOutcome {
  observation: ObservationRow;
  value: bigint;
  money: bigint;
  /** Traced share of the actor's inflow, in millionths. */
  share: number;
  moneyQualifier: Qualifier;
}

/** A computed trace, kept whole (and cached); views trim it for a response. */
export interface TraceComputation {
  request: TraceRequest;
  origin: number;
  result: TraceResult;
  flows: Map<number, TraceFlow>;
  /** Pooled flows traced as one, under negative ids in `flows`. */
  pooled: Map<number, PooledPair>;
  /** Flows loaded one by one although pooled (the flow a trace starts from). */
  individually: number[];
  outcomes: RawOutcome[];
  names: Map<number, string>;
}

/** Units that are rates or shares, not outcomes one can divide money by. */
function isCountable(unit: string): boolean {
  return !/PERCENT|_PER_|^CNY/.test(unit);
}

async function resolveStart(db: Kysely<Database>, request: TraceRequest) {
  const { start, direction } = request;
  if (start.kind === 'Actor') {
    const actor = await db
      .selectFrom('actors')
      .select('id')
      .where('id', '=', start.id)
      .executeTakeFirst();
    if (!actor) throw new InputError('from: no Actor with this id', 'from');
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
    if (!flow) throw new InputError('from: no Flow with this id', 'from');
    if (flow.unit !== request.unit) {
      throw new InputError(`from: this flow is in ${flow.unit}, not ${request.unit}`, 'from');
    }
    const origin = direction === 'DOWNSTREAM' ? flow.source_id : flow.target_id;
    return { origin, seedFlow: flow.id, observation: null };
  }
  const observation = await db
    .selectFrom('observations')
    .selectAll()
    .where('id', '=', start.id)
    .executeTakeFirst();
  if (!observation) throw new InputError('from: no Observation with this id', 'from');
  if (observation.actor_id === null) {
    throw new InputError(
      'from: this observation belongs to no actor, so no money can be traced to it',
      'from',
    );
  }
  return { origin: observation.actor_id, seedFlow: null, observation };
}

export async function computeTrace(
  db: Kysely<Database>,
  request: TraceRequest,
): Promise<TraceComputation> {
  const { direction, maxDepth } = request;
  if (!Number.isInteger(maxDepth) || maxDepth < 1 || maxDepth > MAX_TRACE_DEPTH) {
    throw new InputError(
      `maxDepth must be between 1 and ${MAX_TRACE_DEPTH}, got ${maxDepth}`,
      'maxDepth',
    );
  }
  const { origin, seedFlow, observation } = await resolveStart(db, request);
  const individually = seedFlow === null ? [] : [seedFlow];
  const { flows: list, pooled } = await loadSubgraph(
    db,
    origin,
    direction,
    maxDepth,
    request,
    individually,
  );
  const down = direction === 'DOWNSTREAM';
  const seeds =
    seedFlow !== null
      ? [seedFlow]
      : list.filter((f) => (down ? f.source : f.target) === origin).map((f) => f.id);
  const result = trace({ flows: list, direction, origin, seeds, maxDepth });
  const flows = new Map(list.map((f) => [f.id, f]));

  // Names only for the actors that warnings speak of.
  const named = [
    ...new Set([
      origin,
      ...result.warnings.flatMap((w) => {
        const f = w.flow === undefined ? undefined : flows.get(w.flow);
        return [w.actor, f?.source, f?.target].filter((x): x is number => x !== undefined);
      }),
    ]),
  ];
  const names = new Map(
    (await db.selectFrom('actors').select(['id', 'name']).where('id', 'in', named).execute()).map(
      (a) => [a.id, a.name],
    ),
  );
  const outcomes = await findOutcomes(db, request, result, origin, observation, list);
  return { request, origin, result, flows, pooled, individually, outcomes, names };
}

/**
 * Downstream, an observation at a reached actor is attributed in proportion to the traced
 * money's share of that actor's inflow; upstream, the traced actor's (or the given)
 * observations are attributed in full.
 */
async function findOutcomes(
  db: Kysely<Database>,
  request: TraceRequest,
  result: TraceResult,
  origin: number,
  observation: ObservationRow | null,
  flows: TraceFlow[],
): Promise<RawOutcome[]> {
  const down = request.direction === 'DOWNSTREAM';
  let rows: ObservationRow[] = [];
  if (observation && !down) rows = [observation];
  else {
    const actors = down ? [...result.nodes.keys()].filter((id) => id !== origin) : [origin];
    const found = await sql<ObservationRow>`select * from observations
      where actor_id = any(${actors}::int[]) and (${request.year}::int is null or year = ${request.year}::int)
      order by id`.execute(db);
    rows = found.rows;
    rows = rows.filter((o) => isCountable(o.unit));
  }
  const inflowTotal = new Map<number, bigint>();
  for (const f of flows) inflowTotal.set(f.target, (inflowTotal.get(f.target) ?? 0n) + f.amount);
  return rows.flatMap((o) => {
    const node = result.nodes.get(o.actor_id as number);
    if (!node) return [];
    const money = down ? node.in : result.total;
    const totalIn = inflowTotal.get(o.actor_id as number) ?? 0n;
    if (money === 0n || (down && totalIn === 0n)) return [];
    const value = toUnits(o.value);
    return [
      {
        observation: o,
        value: down ? (value * money) / totalIn : value,
        money,
        share: down ? Number((money * 1_000_000n) / totalIn) : 1_000_000,
        moneyQualifier: down ? node.qualifier : result.qualifier,
      },
    ];
  });
}
