import { describe, expect, it } from 'vitest';
import { findInText } from './find-in-text';

describe('findInText', () => {
  const text = '自治區本級財政投入就由去年的18.8億元增加到48.8億元，貸款3億元';

  it('finds a Simplified query in Traditional text, at code-point offsets', () => {
    const [m] = findInText(text, '48.8亿');
    expect(m?.matched).toBe('48.8億');
    expect([...text].slice(m?.start, m?.end).join('')).toBe('48.8億');
  });

  it('finds every occurrence, and nothing for an absent one', () => {
    expect(findInText(text, '亿元').length).toBe(3);
    expect(findInText(text, '贷款').map((m) => m.matched)).toEqual(['貸款']);
    expect(findInText(text, '99亿')).toEqual([]);
  });
});
