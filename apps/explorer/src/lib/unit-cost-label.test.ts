import { describe, expect, it } from 'vitest';
import { unitCostLabel } from './unit-cost-label';

describe('unitCostLabel', () => {
  it('names planned money over a target', () => {
    const o = { statuses: new Set(['PLANNED']), kind: 'TARGET', unit: 'PERSON' };
    expect(unitCostLabel(o, 'EN')).toEqual({
      label: 'Planned cost per targeted person',
      unlike: null,
    });
    expect(unitCostLabel(o, 'ZH').label).toBe('计划投入（每人，按目标数）');
  });

  it('names spent money over an actual count', () => {
    const o = { statuses: new Set(['SPENT', 'DISBURSED']), kind: 'ACTUAL', unit: 'PERSON' };
    expect(unitCostLabel(o, 'EN').label).toBe('Spent per person reported');
  });

  it('says when planned money is divided by what was actually done', () => {
    const o = { statuses: new Set(['PLANNED']), kind: 'ACTUAL', unit: 'SITE' };
    expect(unitCostLabel(o, 'EN').unlike).toBe('Unlike measures: planned cost ÷ a reported count');
    expect(unitCostLabel(o, 'ZH').unlike).toBe('口径不一：计划投入 ÷ 实际数');
  });

  it('calls money of several statuses traced money', () => {
    const o = { statuses: new Set(['PLANNED', 'SPENT']), kind: 'TARGET', unit: 'HOUSEHOLD' };
    expect(unitCostLabel(o, 'EN').label).toBe('Traced money per targeted household');
  });
});
