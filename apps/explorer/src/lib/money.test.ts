import { makeAmount } from '@fundtrace/schema/money';
import { describe, expect, it } from 'vitest';
import { compact, compactRange, full, fullRange, percentOf, toAmount, total } from './money';

describe('amount formatting', () => {
  const treasury = { value: '4880000000', qualifier: 'EXACT' as const, unit: 'CNY' };
  const loans = {
    value: '15000000000',
    low: '15000000000',
    qualifier: 'AT_LEAST' as const,
    unit: 'CNY',
  };

  it('labels charts compactly with the currency: 48.8亿元 / CNY 4.88 bn', () => {
    expect(compact(treasury, 'ZH')).toBe('48.8亿元');
    expect(compact(treasury, 'EN')).toBe('CNY 4.88 bn');
  });

  it('keeps the qualifier in the string: ≥150亿元 / ≥ CNY 15 bn', () => {
    expect(full(loans, 'ZH')).toBe('≥150亿元');
    expect(full(loans, 'EN')).toBe('≥ CNY 15 bn');
  });

  it('shows full figures exactly, never through a float', () => {
    const big = { value: '12345678901234567.89', qualifier: 'EXACT' as const, unit: 'CNY' };
    expect(full(big, 'EN')).toBe('CNY 12,345,678.90123456789 bn');
    expect(toAmount(big).value.toFixed()).toBe('12345678901234567.89');
  });

  it('a sum that includes an at-least amount is at least', () => {
    const sum = total([toAmount(treasury), toAmount(loans)]);
    expect(sum.qualifier).toBe('AT_LEAST');
    expect(full(sum, 'ZH')).toBe('≥198.8亿元');
  });

  it('gives a share with one decimal, and none over a zero whole', () => {
    expect(percentOf(makeAmount('488'), makeAmount('1018'))).toBe('47.9%');
    expect(percentOf(makeAmount('1'), makeAmount('0'))).toBeNull();
  });

  it('shows a range rounded, and its exact ends with the plain sum on hover', () => {
    const range = {
      value: '16377130000',
      low: '11497130000',
      high: '13497130000',
      qualifier: 'EXACT' as const,
      unit: 'CNY',
    };
    expect(compactRange(range, 'ZH')).toBe('¥115.0亿–135.0亿');
    expect(fullRange(range, 'ZH')).toBe('114.9713亿元至134.9713亿元（逐笔相加为 163.7713亿元）');
    expect(fullRange(treasury, 'ZH')).toBeNull();
  });
});
