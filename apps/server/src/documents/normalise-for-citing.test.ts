import { findFigures } from '@fundtrace/schema/figures';
import { describe, expect, it } from 'vitest';
import { normaliseForCiting } from './normalise-for-citing.js';

describe('normaliseForCiting', () => {
  it.each([
    ['full-width digits', '投入２０２４年資金５０００萬元', '投入2024年資金5000萬元'],
    [
      'full-width separators inside a number',
      '共１，２００．５萬元，增長１２％',
      '共1,200.5萬元，增長12%',
    ],
    ['a full-width range', '３－５萬元', '3-5萬元'],
    [
      'Chinese punctuation outside numbers stays',
      '資金：（一）扶貧，到戶。',
      '資金：（一）扶貧，到戶。',
    ],
    ['stray tags and entities', '<p>投入&nbsp;<b>500</b>萬元&amp;更多</p>', '投入 500萬元&更多'],
    ['numeric character references', '&#25237;&#x5165;', '投入'],
    ['pinyin readings the seed converter left', '每個(gè)村內(nèi)', '每個村內'],
    ['mangled characters of the seed', '因?yàn)?zāi)致貧', '因災致貧'],
    ['the trailing endprint marker', '完。\n endprint  ', '完。'],
    ['CRLF, zero-width and control characters', 'a\r\nb\u200bc\u0007d\re', 'a\nbcd\ne'],
    ['blank-line runs and line-end spaces', 'a  \n\n\n\nb\t', 'a\n\nb'],
  ])('%s', (_name, raw, expected) => {
    expect(normaliseForCiting(raw)).toBe(expected);
  });

  it('is idempotent', () => {
    const raw = '<div>投入２，０００萬元(yuán)&amp;每個(gè)</div>\r\n\r\n\r\nendprint';
    const once = normaliseForCiting(raw);
    expect(normaliseForCiting(once)).toBe(once);
  });

  it('lets the figure finder read full-width figures at offsets into the stored text', () => {
    const text = normaliseForCiting('全年投入１．２６億元，惠及３０００多戶。');
    const figures = findFigures(text);
    expect(figures.map((f) => [f.text, f.value, f.qualifier])).toEqual([
      ['1.26億元', '126000000', 'EXACT'],
      ['3000多戶', '3000', 'AT_LEAST'],
    ]);
    for (const f of figures) expect([...text].slice(f.start, f.end).join('')).toBe(f.text);
  });
});
