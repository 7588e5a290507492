import { describe, expect, it } from 'vitest';
import { compactQuantity, formatQuantity, unitCostFormula } from './unit-cost';

describe('unitCostFormula', () => {
  const money = { value: '3300000000', qualifier: 'EXACT' as const, unit: 'CNY' };

  it('shows the cost per unit and how it was computed', () => {
    const o = {
      unitCost: { value: '66000', qualifier: 'EXACT' as const, unit: 'CNY' },
      money,
      attributedValue: '50000',
      unit: 'PERSON',
    };
    expect(unitCostFormula(o, 'ZH')).toBe('6.6万元/人 = 33亿元 ÷ 50000人');
    expect(unitCostFormula(o, 'EN')).toBe('CNY 66,000 per person = CNY 3.3 bn ÷ 50,000 people');
  });

  it('marks a rounded cost as approximate', () => {
    const o = {
      unitCost: { value: '5148205.93', qualifier: 'APPROXIMATE' as const, unit: 'CNY' },
      money,
      attributedValue: '641',
      unit: 'HOUSEHOLD',
    };
    expect(unitCostFormula(o, 'ZH')).toBe('≈514.8万元/户 = 33亿元 ÷ 641户');
  });

  it('gives nothing without a unit cost', () => {
    expect(
      unitCostFormula({ unitCost: null, money, attributedValue: '0', unit: 'PERSON' }, 'ZH'),
    ).toBeNull();
  });
});

describe('formatQuantity', () => {
  it('writes percentages, areas and counts with their units', () => {
    expect(formatQuantity('4.1', 'PERCENT', 'ZH')).toBe('4.1%');
    expect(formatQuantity('25', 'SQUARE_METRE_PER_PERSON', 'EN')).toBe('25 m² per person');
    expect(formatQuantity('556000', 'PERSON', 'EN')).toBe('556,000 people');
  });

  it('writes counts in 万 where that is exact, as the sources do', () => {
    expect(formatQuantity('1976000', 'PERSON', 'ZH')).toBe('197.6万人');
    expect(formatQuantity('1976001', 'PERSON', 'ZH')).toBe('1976001人');
    expect(formatQuantity('641', 'SITE', 'ZH')).toBe('641个安置点');
  });
});

describe('compactQuantity', () => {
  it('rounds chart labels to what fits', () => {
    expect(compactQuantity('1976000', 'PERSON', 'ZH')).toBe('197.6万人');
    expect(compactQuantity('1976000', 'PERSON', 'EN')).toBe('1.98 m people');
  });
});
