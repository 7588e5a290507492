import { type Figure, findFigures } from '@fundtrace/schema/figures';
import { describe, expect, it } from 'vitest';
import { ALLOW_LIST, allowedFigures } from './allow-list.js';
import { PRESS_REPORT } from './article/press-report.js';
import { article } from './article.js';
import {
  amountValues,
  type CoverageRecord,
  citationRecords,
  uncovered,
  writtenValue,
} from './coverage.js';
import { seedTexts } from './load.js';
import { locateCite } from './locate.js';
import type { Cite, SeedAmount } from './types.js';

const texts = seedTexts(article);
const main = article.document.key;
const text = texts.get(main) ?? '';
const own = (cites: readonly Cite[]) => cites.filter((c) => (c.document ?? main) === main).length;

describe('uncovered', () => {
  const sample = '投入18.8億元,2016年';
  const tokens = findFigures(sample);
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

  it('refuses figures of another text', () => {
    expect(() => uncovered('別的文字', tokens, [])).toThrow(/does not belong/u);
  });
});

describe('writtenValue / amountValues', () => {
  it('reads amounts as written and object amounts', () => {
    expect(writtenValue('48.8億元')).toBe('4880000000');
    expect(writtenValue('150億元以上')).toBe('15000000000');
    expect(writtenValue('556000')).toBe('556000');
    expect(writtenValue('十項')).toBe('10');
    expect(() => writtenValue('由18.8億元增加到48.8億元')).toThrow(/exactly one/u);
    expect(amountValues({ value: '4000000000', qualifier: 'APPROXIMATE', low: '3.9e9' })).toEqual([
      '4000000000',
      '3900000000',
    ]);
  });
});

describe('the article data set covers every figure of the text', () => {
  const tokens = findFigures(text);
  const records: CoverageRecord[] = citationRecords(article, text);
  const show = (t: Figure | undefined) => `${t?.start}:${t?.text}=${t?.value}`;

  it('scans the text', () => {
    expect(tokens.length).toBe(84);
  });

  it('builds one record per citation', () => {
    const cites =
      article.actors.reduce((n, a) => n + own(a.cites ?? []), 0) +
      [...article.flows, ...article.observations, ...article.pairings].reduce(
        (n, r) => n + own(r.cites),
        0,
      );
    expect(records).toHaveLength(cites);
  });

  it('leaves uncovered exactly the allow-listed figures', () => {
    const expected = allowedFigures(text, tokens);
    expect(expected).toHaveLength(ALLOW_LIST.length);
    const left = uncovered(text, tokens, records);
    expect(left.map(show).sort()).toEqual(expected.map(show).sort());
  });

  it('fails on a figure in Chinese numerals that no record covers', () => {
    const without = {
      ...article,
      observations: article.observations.filter((o) => o.key !== 'poverty-policy-measures-2017'),
    };
    const left = uncovered(text, tokens, citationRecords(without, text));
    const allowed = new Set(allowedFigures(text, tokens).map(show));
    expect(left.filter((f) => !allowed.has(show(f))).map((f) => f.text)).toEqual(['十項']);
  });

  it('reads the figures written in Chinese numerals', () => {
    const chinese = tokens.filter((f) => /^[^0-9]*$/u.test(f.text));
    expect(chinese.map((f) => [f.text, f.value, f.unit])).toEqual([
      ['五年', '5', 'YEARS'],
      ['五年', '5', 'YEARS'],
      ['十項', '10', 'COUNT'],
      ['翻了一番', '2', 'FACTOR'],
      ['三個', '3', 'COUNT'],
      ['后五位', '5', 'RANK'],
    ]);
    expect(tokens.find((f) => f.times !== undefined)).toMatchObject({
      text: '四個100億',
      value: '10000000000',
      times: '4',
    });
  });
});

/**
 * The other direction: each record's figure is written in one of its citations (a token of that
 * value lies inside a cited span). Records whose figure is derived are listed with the reason;
 * their notes say so too.
 */
const NOT_WRITTEN: Readonly<Record<string, string>> = {
  'integrated-funds-2016': 'derived: 80億元 "比上年翻了一番"',
  'registered-poor-population-2012': 'derived: 55.6萬 + 142萬',
  'student-nutrition-coverage-2017': '全覆蓋 read as 100 percent',
};

describe('the press report: its stored excerpts are covered too', () => {
  it('covers every figure of the second document by a record quoting it', () => {
    const other = texts.get(PRESS_REPORT) ?? '';
    const records = citationRecords(article, other, PRESS_REPORT);
    expect(records).toHaveLength(4);
    expect(uncovered(other, findFigures(other), records)).toEqual([]);
  });
});

describe('every figure of a record is written in its citations', () => {
  const tokensOf = new Map([...texts].map(([key, t]) => [key, findFigures(t)]));
  const stated = (cites: readonly Cite[], values: readonly string[]) =>
    cites.some((cite) => {
      const doc = cite.document ?? main;
      const span = locateCite(texts.get(doc) ?? '', cite);
      return (tokensOf.get(doc) ?? []).some(
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
