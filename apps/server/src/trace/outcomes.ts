import { type Amount, combineQualifiers, makeAmount } from '@fundtrace/schema/money';
import type { ObservationRow } from '../db/database.js';
import type { RawOutcome } from './compute.js';
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
export type ListedOutcome = Omit<RawOutcome, 'observation'> & { observation: ObservationRow };

/** The listed outcomes, and every outcome summed per metric, kind, unit and year. */
export function outcomeLists(
  listed: readonly ListedOutcome[],
  all: readonly RawOutcome[],
  unit: string,
) {
  const amount = (units: bigint, q: Qualifier) => makeAmount(decimalOf(units), q, unit);
  const sumOf = (items: { units: bigint; q: Qualifier }[]) =>
    amount(
      items.reduce((s, x) => s + x.units, 0n),
      combineQualifiers(items.map((x) => x.q)),
    );
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
  const groups = new Map<
    string,
    {
      o: RawOutcome['observation'];
      count: number;
      value: bigint;
      money: { units: bigint; q: Qualifier }[];
      vq: Qualifier[];
    }
  >();
  for (const o of all) {
    const key = [
      o.observation.metric,
      o.observation.kind,
      o.observation.unit,
      o.observation.year,
    ].join('|');
    const g = groups.get(key) ?? { o: o.observation, count: 0, value: 0n, money: [], vq: [] };
    g.count += 1;
    g.value += o.value;
    g.money.push({ units: o.money, q: o.moneyQualifier });
    g.vq.push(o.observation.qualifier as Qualifier);
    groups.set(key, g);
  }
  const outcomeTotals = [...groups.values()].map((g) => {
    const money = sumOf(g.money);
    return {
      metric: g.o.metric,
      kind: g.o.kind,
      unit: g.o.unit,
      year: g.o.year,
      count: g.count,
      attributedValue: decimalOf(g.value).toFixed(),
      money,
      unitCost: unitCost(money, g.value, combineQualifiers(g.vq)),
    };
  });

  return { outcomes, outcomeTotals };
}
