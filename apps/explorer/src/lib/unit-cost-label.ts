import type { Locale } from '../display-name';
import { perUnit } from './labels';

/** What kind of money a unit cost divides, from the statuses of the flows that carried it. */
type MoneyKind = 'PLANNED' | 'COMMITTED' | 'SPENT' | 'MIXED';

function moneyKind(statuses: ReadonlySet<string>): MoneyKind {
  const kinds = new Set(
    [...statuses].map((s) => (s === 'DISBURSED' || s === 'SPENT' ? 'SPENT' : s)),
  );
  if (kinds.size !== 1) return 'MIXED';
  const [only] = kinds;
  return only === 'PLANNED' || only === 'COMMITTED' || only === 'SPENT' ? only : 'MIXED';
}

const MONEY: Record<MoneyKind, readonly [string, string]> = {
  PLANNED: ['计划投入', 'Planned cost'],
  COMMITTED: ['承诺投入', 'Committed cost'],
  SPENT: ['实际支出', 'Spent'],
  MIXED: ['追踪到的资金', 'Traced money'],
};
const COUNT: Record<string, readonly [string, string]> = {
  TARGET: ['目标数', 'targeted'],
  ACTUAL: ['实际数', 'reported'],
  BASELINE: ['基数', 'at baseline'],
};

/**
 * "Planned cost per targeted person" / "计划投入（每人，按目标数）": a unit cost names what it
 * divides. Planned money over an actual count (or spent money over a target) is not like with
 * like, and says so.
 */
export function unitCostLabel(
  o: { statuses: ReadonlySet<string>; kind: string; unit: string },
  locale: Locale,
): { label: string; unlike: string | null } {
  const en = locale === 'EN';
  const money = moneyKind(o.statuses);
  const count = COUNT[o.kind] ?? [o.kind, o.kind.toLowerCase()];
  const per = perUnit(o.unit, locale);
  const label = en
    ? o.kind === 'TARGET'
      ? `${MONEY[money][1]} per targeted ${per}`
      : `${MONEY[money][1]} per ${per} ${count[1]}`
    : `${MONEY[money][0]}（每${per}，按${count[0]}）`;
  const unlike =
    (money === 'PLANNED' && o.kind === 'ACTUAL') || (money === 'SPENT' && o.kind === 'TARGET');
  const moneyWord = MONEY[money][en ? 1 : 0].toLowerCase();
  return {
    label,
    unlike: unlike
      ? en
        ? `Unlike measures: ${moneyWord} ÷ a ${count[1]} count`
        : `口径不一：${moneyWord} ÷ ${count[0]}`
      : null,
  };
}
