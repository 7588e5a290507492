import type { Kysely } from 'kysely';
import type { Database, ObservationRow } from '../db/database.js';
import {
  InputError,
  isCancelledStatement,
  NotFoundError,
  TooMuchWorkError,
} from '../domain/errors.js';
import type { OverlapShape } from '../domain/overlap/overlap.queries.js';
import { encodeGlobalId } from '../domain/records/global-id.js';
import { traceSubgraph } from './graph-store.js';
import type { PooledPair, SubgraphFilter } from './load-subgraph.js';
import { type OutcomeSubject, observationsOf } from './observations.js';
import { addOverlapWarnings } from './overlap-warnings.js';
import { traceSteps } from './propagate.js';
import { ITEMS_PER_STEP, pause, WorkBudget } from './steps.js';
import type { Direction, Qualifier, TraceFlow, TraceResult } from './trace-types.js';
import { toUnits } from './units.js';
import { loadWarningNames, type WarningNames } from './warning-names.js';

export const MAX_TRACE_DEPTH = 12;
/** How deep a trace goes when the request does not say. */
export const DEFAULT_TRACE_DEPTH = 6;
/** How long a trace may compute when the server is not told (TRACE_TIMEOUT_MS). */
export const DEFAULT_TRACE_TIMEOUT_MS = 20_000;

export type TraceStart = { kind: 'Actor' | 'Flow' | 'Observation'; id: number };

export interface TraceRequest extends SubgraphFilter {
  start: TraceStart;
  direction: Direction;
  maxDepth: number;
}

/** An outcome reached by the traced money, in base units (1e-4) for value and money. */
export interface RawOutcome {
  observation: OutcomeSubject;
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
  /** The version of the in-memory flow graph the flows were cut from (see `traceMembers`). */
  graphVersion?: number;
  outcomes: RawOutcome[];
  /** What the warnings name, in both languages. */
  names: WarningNames;
  /** The recorded overlaps that OVERLAP warnings name. */
  overlaps: Map<number, OverlapShape>;
}

/** Above this many reached actors, a trace reads its outcomes by year rather than by actor. */
const MANY_ACTORS = 40_000;

/** Units that are rates or shares, not outcomes one can divide money by. */
function isCountable(unit: string): boolean {
  return !/PERCENT|_PER_|^CNY/.test(unit);
}

const notFound = (start: TraceStart) =>
  new NotFoundError(['from'], encodeGlobalId(start.kind, start.id), start.kind);

async function resolveStart(db: Kysely<Database>, request: TraceRequest) {
  const { start, direction } = request;
  if (start.kind === 'Actor') {
    const actor = await db
      .selectFrom('actors')
      .select('id')
      .where('id', '=', start.id)
      .executeTakeFirst();
    if (!actor) throw notFound(start);
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
    if (!flow) throw notFound(start);
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
  if (!observation) throw notFound(start);
  if (observation.actor_id === null) {
    throw new InputError(
      'from: this observation belongs to no actor, so no money can be traced to it',
      'from',
    );
  }
  return { origin: observation.actor_id, seedFlow: null, observation };
}

/** What a trace that takes too long says to narrow: a year first, then the depth. */
export function traceTooLong(request: TraceRequest): TooMuchWorkError {
  const narrow = [...(request.year === null ? ['year'] : []), 'maxDepth'];
  const what =
    request.year === null
      ? `choose a year, or a maxDepth below ${request.maxDepth}`
      : `choose a maxDepth below ${request.maxDepth}, or fewer statuses`;
  return new TooMuchWorkError(
    `This trace reaches too much to compute in time; narrow it: ${what}.`,
    narrow,
  );
}

/** A budget for one trace: its deadline, and the error past it. */
export function traceBudget(request: TraceRequest, ms: number): WorkBudget {
  return new WorkBudget(ms, () => traceTooLong(request));
}

/**
 * Runs a trace's work within its budget: past the deadline, or when PostgreSQL cancels one of
 * its statements (the statement timeout), it fails as too long.
 */
export async function withinBudget<T>(
  request: TraceRequest,
  budget: WorkBudget,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await budget.run(work);
  } catch (error) {
    if (isCancelledStatement(error)) throw traceTooLong(request);
    throw error;
  }
}

export function computeTrace(
  db: Kysely<Database>,
  request: TraceRequest,
  budget: WorkBudget = traceBudget(request, Number.POSITIVE_INFINITY),
): Promise<TraceComputation> {
  return withinBudget(request, budget, () => compute(db, request, budget));
}

async function compute(
  db: Kysely<Database>,
  request: TraceRequest,
  budget: WorkBudget,
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
  const {
    flows: list,
    pooled,
    graphVersion,
  } = await traceSubgraph(
    db,
    origin,
    direction,
    maxDepth,
    request,
    individually,
    // A trace's statements may run as long as its budget allows, past the pool's timeout.
    budget.remaining(),
  );
  budget.check();
  const down = direction === 'DOWNSTREAM';
  const seeds =
    seedFlow !== null
      ? [seedFlow]
      : list.filter((f) => (down ? f.source : f.target) === origin).map((f) => f.id);
  const result = await budget.steps(
    traceSteps({ flows: list, direction, origin, seeds, maxDepth }),
  );

  const { overlaps, pooledFlows } = await addOverlapWarnings(db, result, pooled, request);
  // The pooled flows an overlap names are listed too, so that warnings can name their ends.
  const flows = await byId([...list, ...pooledFlows]);

  const names = await loadWarningNames(db, origin, result.warnings, flows, overlaps);

  const outcomes = await findOutcomes(db, request, result, origin, observation, list, budget);

  return {
    request,
    origin,
    result,
    flows,
    pooled,
    individually,
    graphVersion,
    outcomes,
    names,
    overlaps,
  };
}

/** Flows by id, built in slices: a national trace holds a quarter of a million. */
async function byId(list: readonly TraceFlow[]): Promise<Map<number, TraceFlow>> {
  const flows = new Map<number, TraceFlow>();
  for (const [k, f] of list.entries()) {
    if (k % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) await pause();
    flows.set(f.id, f);
  }
  return flows;
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
  budget: WorkBudget,
): Promise<RawOutcome[]> {
  const down = request.direction === 'DOWNSTREAM';
  let rows: OutcomeSubject[] = [];
  if (observation && !down) rows = [observation];
  else {
    const actors = down ? [...result.nodes.keys()].filter((id) => id !== origin) : [origin];
    // Past MANY_ACTORS a scan of the year's outcomes beats looking each actor up (a national
    // trace reaches a quarter of a million); the rows are then matched here.
    const many = actors.length > MANY_ACTORS;
    const reached = (o: OutcomeSubject) =>
      !many || (o.actor_id !== origin && result.nodes.has(o.actor_id as number));
    const keep = (o: OutcomeSubject) => isCountable(o.unit) && reached(o);
    rows = await observationsOf(db, many ? null : actors, request.year, keep, { budget });
  }
  // the inflows of the actors with outcomes, summed
  const inflowTotal = new Map<number, bigint>(rows.map((o) => [o.actor_id as number, 0n]));
  for (const [k, f] of flows.entries()) {
    if (k % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) await pause();
    const sum = inflowTotal.get(f.target);
    if (sum !== undefined) inflowTotal.set(f.target, sum + f.amount);
  }
  const outcomes: RawOutcome[] = [];
  for (const [k, o] of rows.entries()) {
    if (k % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) await pause();
    const node = result.nodes.get(o.actor_id as number);
    if (!node) continue;
    const money = down ? node.in : result.total;
    const totalIn = inflowTotal.get(o.actor_id as number) ?? 0n;
    if (money === 0n || (down && totalIn === 0n)) continue;
    const value = toUnits(o.value);
    outcomes.push({
      observation: o,
      value: down ? (value * money) / totalIn : value,
      money,
      share: down ? Number((money * 1_000_000n) / totalIn) : 1_000_000,
      moneyQualifier: down ? node.qualifier : result.qualifier,
    });
  }
  return outcomes;
}
