import { describe, expect, it } from 'vitest';
import { quoteOf, yearNear } from './passage';

const at = (text: string, figure: string) => {
  const start = Array.from(text.slice(0, text.indexOf(figure))).length;
  return { start, end: start + Array.from(figure).length };
};

describe('yearNear', () => {
  it('reads the year of the sentence, the nearest one when it has two', () => {
    const text = '2016年試點。2017年投入5億元，比2016年多。';
    expect(yearNear(text, at(text, '5億元'))).toEqual({ year: 2017, inferred: false });
  });

  it('infers the last year stated before the sentence, and says so', () => {
    const text = '2018年全縣脫貧。投入3萬元到戶。';
    expect(yearNear(text, at(text, '3萬元'))).toEqual({ year: 2018, inferred: true });
  });

  it('gives null when the text states no year', () => {
    expect(yearNear('投入3萬元。', { start: 2, end: 5 })).toBeNull();
  });
});

describe('quoteOf', () => {
  it('counts code points, as the server does', () => {
    expect(quoteOf('𠀀投入5萬元', { start: 1, end: 3 })).toBe('投入');
  });
});
