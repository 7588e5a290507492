import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CiteError, locateCite, sliceCodePoints } from './locate.js';
import { normaliseText } from './normalise.js';

const seed = normaliseText(
  readFileSync(new URL('../../seed/000_867cd5e4b4a510ec.txt', import.meta.url), 'utf8'),
);

describe('locateCite', () => {
  it('finds a unique quote, with code-point offsets that slice back to it', () => {
    const found = locateCite(seed, { quote: '人口。現已開工' });
    expect(found.end - found.start).toBe(7);
    expect(sliceCodePoints(seed, found.start, found.end)).toBe('人口。現已開工');
    expect(found.quote).toBe('人口。現已開工');
  });

  it('finds a quote at the very start and at the very end', () => {
    expect(locateCite(seed, { quote: '在第4個' })).toEqual({ start: 0, end: 4, quote: '在第4個' });
    const last = locateCite(seed, { quote: '扶貧辦)' });
    expect(last.end).toBe(Array.from(seed).length);
  });

  it('picks the occurrence-th match, 0-based', () => {
    const text = '甲乙丙甲乙丁甲乙';
    expect(locateCite(text, { quote: '甲乙', occurrence: 0 }).start).toBe(0);
    expect(locateCite(text, { quote: '甲乙', occurrence: 1 }).start).toBe(3);
    expect(locateCite(text, { quote: '甲乙', occurrence: 2 })).toEqual({
      start: 6,
      end: 8,
      quote: '甲乙',
    });
    expect(locateCite(seed, { quote: '31個國貧旗縣', occurrence: 1 }).start).toBeGreaterThan(
      locateCite(seed, { quote: '31個國貧旗縣', occurrence: 0 }).start,
    );
  });

  it('refuses an ambiguous quote without occurrence, naming it', () => {
    expect(() => locateCite(seed, { quote: '31個國貧旗縣' })).toThrow(CiteError);
    expect(() => locateCite(seed, { quote: '31個國貧旗縣' })).toThrow(
      /"31個國貧旗縣" occurs 2 times/u,
    );
    // overlapping matches count as separate occurrences
    expect(() => locateCite('aaa', { quote: 'aa' })).toThrow(/occurs 2 times/u);
  });

  it('refuses an absent quote, naming it', () => {
    expect(() => locateCite(seed, { quote: '48.8亿元' })).toThrow(/quote not found.*"48\.8亿元"/u);
  });

  it('refuses an occurrence out of range or invalid, and an empty quote', () => {
    expect(() => locateCite(seed, { quote: '人口。現已開工', occurrence: 1 })).toThrow(
      /"人口。現已開工" occurs 1 time\(s\), occurrence 1 asked for/u,
    );
    expect(() => locateCite(seed, { quote: '人口', occurrence: -1 })).toThrow(
      /invalid occurrence/u,
    );
    expect(() => locateCite(seed, { quote: '人口', occurrence: 0.5 })).toThrow(
      /invalid occurrence/u,
    );
    expect(() => locateCite(seed, { quote: '' })).toThrow(/empty/u);
  });

  it('counts code points, not UTF-16 units, around astral characters', () => {
    const text = '𠀀甲𠀀乙丙'; // U+20000 is two UTF-16 units
    expect(text.length).toBe(7);
    const found = locateCite(text, { quote: '乙丙' });
    expect(found).toEqual({ start: 3, end: 5, quote: '乙丙' });
    expect(locateCite(text, { quote: '𠀀乙' })).toEqual({ start: 2, end: 4, quote: '𠀀乙' });
    expect(sliceCodePoints(text, 2, 4)).toBe('𠀀乙');
    // a lone surrogate never matches half of a pair
    expect(() => locateCite(text, { quote: '\uD840' })).toThrow(/not found/u);
  });
});
