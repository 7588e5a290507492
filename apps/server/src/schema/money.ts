import { type Amount, formatAmount } from '@fundtrace/schema/money';
import { builder } from '../builder.js';
import { shownBounds } from '../domain/money/amount-columns.js';

export const AmountQualifier = builder.enumType('AmountQualifier', {
  values: {
    EXACT: { description: 'The figure as stated.' },
    APPROXIMATE: { description: 'About the figure (约); low and high bound it where known.' },
    AT_LEAST: { description: 'At least the figure (以上): low = value, no upper bound.' },
    AT_MOST: { description: 'At most the figure (不超过): high = value.' },
  } as const,
});

export const Locale = builder.enumType('Locale', { values: ['ZH', 'EN'] as const });

/** ISO 4217 "XXX": no currency, for resources that are not money (cadres sent). */
const NO_CURRENCY = 'XXX';

export const Money = builder.objectRef<Amount>('Money').implement({
  description: 'An amount of money or another resource, exact, with its qualifier and bounds.',
  fields: (t) => ({
    value: t.field({ type: 'Decimal', resolve: (a) => a.value.toFixed() }),
    low: t.field({
      type: 'Decimal',
      nullable: true,
      resolve: (a) => shownBounds(a).low?.toFixed() ?? null,
    }),
    high: t.field({
      type: 'Decimal',
      nullable: true,
      resolve: (a) => shownBounds(a).high?.toFixed() ?? null,
    }),
    qualifier: t.field({ type: AmountQualifier, resolve: (a) => a.qualifier }),
    currency: t.string({ resolve: (a) => (a.unit === 'CNY' ? 'CNY' : NO_CURRENCY) }),
    unit: t.string({ resolve: (a) => a.unit }),
    formatted: t.string({
      args: { locale: t.arg({ type: Locale, defaultValue: 'ZH' }) },
      resolve: (a, { locale }) => formatAmount(a, locale ?? 'ZH'),
    }),
  }),
});
