import { type Amount, combineQualifiers, combineTwo, makeAmount } from '@fundtrace/schema/money';
import type { ObservationRow } from '../db/database.js';
import type { RawOutcome } from './compute.js';
import { ITEMS_PER_STEP, type Steps } from './steps.js';
import type { Qualifier } from './trace-types.js';
import { decimalOf } from './units.js';

/** Dividing by an at-least count gives an at-most cost, and the other way round. */
const invert = (q: Qualifier): Qualifier =>
  q === 'AT_LEAST' ? 'AT_MOST' : q === 'AT_MOST' ? 'AT_LEAST' : q;

/** money ÷ outcome, rounded to the fen; APPROXIMATE when the rounding changed it. */
export function unitCost(money: Amount, value: bigint, valueQualifier: Qualifier): Amount | null {
  if (value <= 0n) return null;
  const exact = money.value.div(decimalOf(value));
  const rounded = exact.toDecimalPlaces(2);
  const rounding: Qualifier = rounded.eq(exact) ? 'EXACT' : 'APPROXIMATE';
  return makeAmount(
    rounded,
    combineQualifiers([money.qualifier, invert(valueQualifier), rounding]),
    money.unit,
  );
}

/** An outcome a view lists, with its observation's whole row. */
type ListedOutcome = Omit<RawOutcome, 'observation'> & { observation: ObservationRow };

/** Every outcome of one metric, kind, unit and year, summed. */
export interface OutcomeGroup {
  o: RawOutcome['observation'];
  count: number;
  value: bigint;
  money: bigint;
  moneyQualifier: Qualifier;
  valueQualifier: Qualifier;
}

/** Sums every outcome per metric, kind, unit and year, in the order first met, as pausable work. */
export function* outcomeGroups(all: readonly RawOutcome[]): Steps<OutcomeGroup[]> {
  const groups = new Map<string, OutcomeGroup>();
  let n = 0;
  for (const { observation: o, value, money, moneyQualifier } of all) {
    if (++n % ITEMS_PER_STEP === 0) yield;
    const key = `${o.metric}|${o.kind}|${o.unit}|${o.year}`;
    const g = groups.get(key) ?? {
      ...{ o, count: 0, value: 0n, money: 0n },
      ...{ moneyQualifier: 'EXACT' as Qualifier, valueQualifier: 'EXACT' as Qualifier },
    };
    g.count += 1;
    g.value += value;
    g.money += money;
    g.moneyQualifier = combineTwo(g.moneyQualifier, moneyQualifier);
    g.valueQualifier = combineTwo(g.valueQualifier, o.qualifier as Qualifier);
    groups.set(key, g);
  }
  return [...groups.values()];
}

/** The listed outcomes, and the outcome groups, as a view shows them. */
export function outcomeLists(
  listed: readonly ListedOutcome[],
  groups: readonly OutcomeGroup[],
  unit: string,
) {
  const amount = (units: bigint, q: Qualifier) => makeAmount(decimalOf(units), q, unit);
  const outcomes = listed.map((o) => {
    const money = amount(o.money, o.moneyQualifier);
    return {
      observation: o.observation,
      attributedValue: decimalOf(o.value).toFixed(),
      share: o.share / 1_000_000,
      money,
      unitCost: unitCost(money, o.value, o.observation.qualifier as Qualifier),
    };
  });
  const outcomeTotals = groups.map((g) => {
    const money = amount(g.money, g.moneyQualifier);
    return {
      metric: g.o.metric,
      kind: g.o.kind,
      unit: g.o.unit,
      year: g.o.year,
      count: g.count,
      attributedValue: decimalOf(g.value).toFixed(),
      money,
      unitCost: unitCost(money, g.value, g.valueQualifier),
    };
  });
  return { outcomes, outcomeTotals };
}
