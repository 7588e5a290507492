import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALLOW_LIST, allowedTokens } from './allow-list.js';
import { article } from './article.js';
import {
  amountValues,
  type CoverageRecord,
  citationRecords,
  findNumbers,
  type NumberToken,
  uncovered,
  writtenValue,
} from './coverage.js';
import { locateCite } from './locate.js';
import { normaliseText } from './normalise.js';
import type { Cite, SeedAmount } from './types.js';

const text = normaliseText(
  readFileSync(new URL('../../seed/000_867cd5e4b4a510ec.txt', import.meta.url), 'utf8'),
);

const pick = (t: NumberToken) => ({ text: t.text, kind: t.kind, value: t.value, year: t.year });

describe('findNumbers', () => {
  it('converts figures to base units', () => {
    expect(findNumbers('人口為55.6萬人,比2012年底減少142萬人').map(pick)).toEqual([
      { text: '55.6萬人', kind: 'PERSON', value: '556000', year: undefined },
      { text: '2012年', kind: 'YEAR', value: '2012', year: 2012 },
      { text: '142萬人', kind: 'PERSON', value: '1420000', year: undefined },
    ]);
    expect(findNumbers('由去年的18.8億元增加到48.8亿元').map((t) => t.value)).toEqual([
      '1880000000',
      '4880000000',
    ]);
    expect(findNumbers('資金6713萬元,1萬元,9005元').map((t) => t.value)).toEqual([
      '67130000',
      '10000',
      '9005',
    ]);
    expect(findNumbers('貸款150億元以上').map(pick)).toEqual([
      { text: '150億元', kind: 'MONEY', value: '15000000000', year: undefined },
    ]);
  });

  it('knows the units of the seed text', () => {
    const kinds = (s: string) => findNumbers(s).map((t) => [t.unit, t.kind, t.value]);
    expect(kinds('25萬戶、3.5万户')).toEqual([
      ['戶', 'HOUSEHOLD', '250000'],
      ['户', 'HOUSEHOLD', '35000'],
    ]);
    expect(kinds('4.1%,2.1個百分點')).toEqual([
      ['%', 'PERCENT', '4.1'],
      ['個百分點', 'PERCENTAGE_POINT', '2.1'],
    ]);
    expect(kinds('57個,488家,14次,39位,42名,1.1萬名')).toEqual([
      ['個', 'COUNT', '57'],
      ['家', 'COUNT', '488'],
      ['次', 'TIMES', '14'],
      ['位', 'PERSON', '39'],
      ['名', 'PERSON', '42'],
      ['名', 'PERSON', '11000'],
    ]);
    expect(kinds('不超過25平方米;9月份;搬遷5萬建檔;“四個100億”')).toEqual([
      ['平方米', 'AREA', '25'],
      ['月', 'MONTH', '9'],
      ['', 'BARE', '50000'],
      ['', 'BARE', '10000000000'],
    ]);
    expect(kinds('5年')).toEqual([['年', 'YEARS', '5']]);
  });

  it('gives a year range two year tokens spanning the range', () => {
    const tokens = findNumbers('對2017-2019年各年度');
    expect(tokens.map(pick)).toEqual([
      { text: '2017-2019年', kind: 'YEAR', value: '2017', year: 2017 },
      { text: '2017-2019年', kind: 'YEAR', value: '2019', year: 2019 },
    ]);
    expect(tokens.map((t) => [t.start, t.end])).toEqual([
      [1, 11],
      [1, 11],
    ]);
  });

  it('reports code-point offsets', () => {
    const [t] = findNumbers('𠀀𠀀有48.8億元');
    expect(t).toMatchObject({ start: 3, end: 9, text: '48.8億元' });
  });

  it('does not read digits inside latin words', () => {
    expect(findNumbers('file 000_867cd5e4b4a510ec.txt')).toHaveLength(1); // the leading 000
  });
});

describe('uncovered', () => {
  const sample = '投入18.8億元,2016年';
  const tokens = findNumbers(sample);
  const record = (start: number, end: number, values: string[], years: number[]) => ({
    start,
    end,
    values,
    years,
  });

  it('needs both the span and the value (exact decimal)', () => {
    expect(uncovered(sample, tokens, [record(0, 15, ['1880000000.00'], [2016])])).toEqual([]);
    expect(
      uncovered(sample, tokens, [record(0, 15, ['1880000001'], [2016])]).map((t) => t.text),
    ).toEqual(['18.8億元']);
    // span too short: the unit is part of the figure
    expect(
      uncovered(sample, tokens, [record(2, 7, ['1880000000'], [2016])]).map((t) => t.text),
    ).toEqual(['18.8億元', '2016年']);
  });

  it('covers a year token by the record year only', () => {
    expect(
      uncovered(sample, tokens, [record(0, 15, ['1880000000', '2016'], [])]).map((t) => t.text),
    ).toEqual(['2016年']);
  });

  it('refuses tokens of another text', () => {
    expect(() => uncovered('別的文字', tokens, [])).toThrow(/does not belong/u);
  });
});

describe('writtenValue / amountValues', () => {
  it('reads amounts as written and object amounts', () => {
    expect(writtenValue('48.8億元')).toBe('4880000000');
    expect(writtenValue('150億元以上')).toBe('15000000000');
    expect(writtenValue('556000')).toBe('556000');
    expect(() => writtenValue('由18.8億元增加到48.8億元')).toThrow(/exactly one/u);
    expect(amountValues({ value: '4000000000', qualifier: 'APPROXIMATE', low: '3.9e9' })).toEqual([
      '4000000000',
      '3900000000',
    ]);
  });
});

describe('the article data set covers every figure of the text', () => {
  const tokens = findNumbers(text);
  const records: CoverageRecord[] = citationRecords(article, text);

  it('scans the text', () => {
    expect(tokens.length).toBe(78);
  });

  it('builds one record per citation', () => {
    const cites =
      article.actors.reduce((n, a) => n + (a.cites?.length ?? 0), 0) +
      [...article.flows, ...article.observations, ...article.pairings].reduce(
        (n, r) => n + r.cites.length,
        0,
      );
    expect(records).toHaveLength(cites);
  });

  it('leaves uncovered exactly the allow-listed figures', () => {
    const expected = allowedTokens(text, tokens);
    expect(expected).toHaveLength(ALLOW_LIST.length);
    const left = uncovered(text, tokens, records);
    const show = (t: NumberToken | undefined) => `${t?.start}:${t?.text}=${t?.year ?? t?.value}`;
    expect(left.map(show).sort()).toEqual(expected.map(show).sort());
  });
});

/**
 * The other direction: each record's figure is written in one of its citations (a token of that
 * value lies inside a cited span). Records whose figure is derived or written in Chinese numerals
 * are listed with the reason; their notes say so too.
 */
const NOT_WRITTEN: Readonly<Record<string, string>> = {
  'integrated-funds-2016': 'derived: 80億元 "比上年翻了一番"',
  'registered-poor-population-2012': 'derived: 55.6萬 + 142萬',
  'student-nutrition-coverage-2017': '全覆蓋 read as 100 percent',
  'counties-admonished-2017': 'written in Chinese numerals (后五位)',
};

describe('every figure of a record is written in its citations', () => {
  const tokens = findNumbers(text);
  const stated = (cites: readonly Cite[], values: readonly string[]) =>
    cites.some((cite) => {
      const span = locateCite(text, cite);
      return tokens.some(
        (t) => t.start >= span.start && t.end <= span.end && values.includes(t.value),
      );
    });
  const figure = (amount: SeedAmount) => amountValues(amount).slice(0, 1);

  it('holds for flows and observations', () => {
    const missing = [
      ...article.flows.map((f) => ({ ...f, value: f.amount })),
      ...article.observations,
    ]
      .filter((r) => !stated(r.cites, figure(r.value)))
      .map((r) => r.key);
    expect(missing.sort()).toEqual(Object.keys(NOT_WRITTEN).sort());
  });

  it('holds for member counts and pairing coverage', () => {
    for (const a of article.actors) {
      if (a.memberCount === undefined) continue;
      expect(stated(a.cites ?? [], [String(a.memberCount)]), a.key).toBe(true);
    }
    for (const p of article.pairings) {
      if (p.coverage === undefined) continue;
      expect(stated(p.cites, [String(p.coverage)]), p.key).toBe(true);
    }
  });
});
