import { sumAmounts } from '@fundtrace/schema/money';
import { builder } from '../builder.js';
import { bucketSum, type FlowGroup } from '../domain/flow/flow-totals.js';
import { Money } from './money.js';

/** The money fields of every kind of total, implemented once. */
export const MoneyTotals = builder.interfaceRef<FlowGroup>('MoneyTotals').implement({
  description: 'Totals of a set of flows. Only `publicMoney` is public money.',
  fields: (t) => ({
    publicMoney: t.field({
      type: Money,
      description:
        'Committed, disbursed and spent public money: no loans, leveraged or planned money.',
      resolve: (g) => bucketSum(g, 'PUBLIC'),
    }),
    loanPrincipal: t.field({ type: Money, resolve: (g) => bucketSum(g, 'LOAN') }),
    leveraged: t.field({ type: Money, resolve: (g) => bucketSum(g, 'LEVERAGED') }),
    planned: t.field({
      type: Money,
      description: 'Planned money, listed but not counted.',
      resolve: (g) => bucketSum(g, 'PLANNED'),
    }),
    otherResources: t.field({
      type: [Money],
      description: 'Resources that are not money (cadres sent), one total per unit.',
      resolve: (g) =>
        [...g.buckets.keys()]
          .filter((b) => b.startsWith('UNIT:'))
          .sort()
          .map((b) => sumAmounts(g.buckets.get(b) ?? [], b.slice(5))),
    }),
    flowCount: t.int({ resolve: (g) => g.flowCount }),
  }),
});

export const FlowTotals = builder.objectRef<FlowGroup>('FlowTotals').implement({
  description: 'Totals of a set of flows.',
  interfaces: [MoneyTotals],
  isTypeOf: () => true,
});
