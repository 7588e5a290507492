import { describe, expect, it } from 'vitest';
import { article } from './article.js';
import { writtenValue } from './coverage.js';
import { seedTexts } from './load.js';
import { locateCite } from './locate.js';
import type { Cite } from './types.js';

const texts = seedTexts(article);

const REGION_CODES = new Set(['150000', '150400', '150500', '150900', '152200', '110000']);
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;
const SNAKE = /^[a-z0-9]+(?:_[a-z0-9]+)*$/u;
const UNITS = new Set([
  'CNY',
  'PERSON',
  'HOUSEHOLD',
  'PERCENT',
  'PERCENTAGE_POINT',
  'COUNTY',
  'VILLAGE',
  'SITE',
  'TEAM',
  'MEETING',
  'MEASURE',
  'CNY_PER_PERSON',
  'CNY_PER_PERSON_YEAR',
  'SQUARE_METRE_PER_PERSON',
]);
/** An amount as the article writes it, in the forms the money parser accepts. */
const WRITTEN_MONEY = /^[0-9]+(?:\.[0-9]+)?(?:億|亿|萬|万)?元(?:以上)?$/u;
const PLAIN_DECIMAL = /^[0-9]+(?:\.[0-9]+)?$/u;

const all = [
  ...article.actors,
  ...article.flows,
  ...article.observations,
  ...article.pairings,
  ...article.overlaps,
];
const actorKeys = new Set(article.actors.map((a) => a.key));
const programKeys = new Set(article.programs.map((p) => p.key));
const metricKeys = new Set(article.metrics.map((m) => m.key));
const flowKeys = new Set(article.flows.map((f) => f.key));

describe('article data set', () => {
  it('has the document the brief asks for', () => {
    expect(article.document).toMatchObject({
      key: 'inner-mongolia-poverty-2017',
      publisher: '内蒙古自治区扶贫办',
      publishedOn: '2017-10-17',
      language: 'zh-Hant',
      file: '000_867cd5e4b4a510ec.txt',
    });
  });

  it('locates every citation (unique, or with an explicit occurrence)', () => {
    const failures: string[] = [];
    let count = 0;
    for (const r of all) {
      for (const cite of (r.cites ?? []) as Cite[]) {
        count++;
        try {
          const text = texts.get(cite.document ?? article.document.key) ?? '';
          const { start, end } = locateCite(text, cite);
          expect(Array.from(text).slice(start, end).join('')).toBe(cite.quote);
        } catch (e) {
          failures.push(`${r.key}: ${(e as Error).message}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(count).toBe(113); // 104 of the article, 4 of the press report, 5 of the overlaps
  });

  it('cites every flow, observation and pairing, and every member count', () => {
    for (const r of [...article.flows, ...article.observations, ...article.pairings]) {
      expect(r.cites.length, r.key).toBeGreaterThan(0);
    }
    for (const a of article.actors) {
      if (a.memberCount !== undefined) expect(a.cites?.length ?? 0, a.key).toBeGreaterThan(0);
    }
  });

  it('has unique, well-formed keys', () => {
    for (const list of [
      article.programs,
      article.actors,
      article.flows,
      article.observations,
      article.pairings,
      article.overlaps,
    ]) {
      const keys = list.map((r) => r.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const k of keys) expect(k).toMatch(KEBAB);
    }
    const metrics = article.metrics.map((m) => m.key);
    expect(new Set(metrics).size).toBe(metrics.length);
    for (const k of metrics) expect(k).toMatch(SNAKE);
  });
});

describe('article data set: references', () => {
  it('references only keys that exist', () => {
    const missing: string[] = [];
    const need = (set: Set<string>, key: string | undefined, where: string) => {
      if (key !== undefined && !set.has(key)) missing.push(`${where} → ${key}`);
    };
    for (const a of article.actors) {
      for (const m of a.members ?? []) need(actorKeys, m, `actor ${a.key} member`);
      if (a.members?.includes(a.key)) missing.push(`actor ${a.key} is its own member`);
    }
    for (const f of article.flows) {
      need(actorKeys, f.source, `flow ${f.key} source`);
      need(actorKeys, f.target, `flow ${f.key} target`);
      need(programKeys, f.program, `flow ${f.key} program`);
      need(flowKeys, f.parent, `flow ${f.key} parent`);
    }
    for (const o of article.overlaps) {
      for (const f of o.flows) need(flowKeys, f, `overlap ${o.key} flow`);
      if (o.flows[0] === o.flows[1]) missing.push(`overlap ${o.key} names one flow twice`);
    }
    for (const o of article.observations) {
      need(metricKeys, o.metric, `observation ${o.key} metric`);
      need(actorKeys, o.actor, `observation ${o.key} actor`);
      need(programKeys, o.program, `observation ${o.key} program`);
    }
    for (const p of article.pairings) {
      need(actorKeys, p.helper, `pairing ${p.key} helper`);
      need(actorKeys, p.recipient, `pairing ${p.key} recipient`);
      need(programKeys, p.program, `pairing ${p.key} program`);
    }
    expect(missing).toEqual([]);
  });

  it('declares only metrics and programs that are used', () => {
    const usedMetrics = new Set(article.observations.map((o) => o.metric));
    expect(article.metrics.filter((m) => !usedMetrics.has(m.key)).map((m) => m.key)).toEqual([]);
    const usedPrograms = new Set(
      [...article.flows, ...article.observations, ...article.pairings].map((r) => r.program),
    );
    expect(article.programs.filter((p) => !usedPrograms.has(p.key)).map((p) => p.key)).toEqual([]);
  });

  it('uses only the agreed region codes', () => {
    for (const a of article.actors)
      if (a.regionCode) expect(REGION_CODES, a.key).toContain(a.regionCode);
    for (const o of article.observations) {
      if (o.regionCode) expect(REGION_CODES, o.key).toContain(o.regionCode);
      expect(o.regionCode ?? o.actor ?? o.program, `${o.key} has a subject`).toBeDefined();
    }
  });

  it('keeps non-money flows in kind and never a self-flow', () => {
    for (const f of article.flows) {
      if ((f.unit ?? 'CNY') !== 'CNY') expect(f.instrument, f.key).toBe('IN_KIND');
      if (f.instrument === 'IN_KIND') expect(f.unit ?? 'CNY', f.key).not.toBe('CNY');
      expect(f.source, f.key).not.toBe(f.target);
    }
  });
});

describe('article data set: how values are written', () => {
  it('writes money as the article does, or as an explicit decimal', () => {
    for (const f of article.flows) {
      if (typeof f.amount === 'string') {
        expect(f.amount, f.key).toMatch(WRITTEN_MONEY);
        expect(Number(writtenValue(f.amount)), f.key).toBeGreaterThan(0);
      } else {
        expect(f.amount.value, f.key).toMatch(PLAIN_DECIMAL);
        if (f.unit === undefined || f.unit === 'CNY')
          expect(f.note, `${f.key} explains itself`).toBeTruthy();
      }
    }
    expect(article.flows.find((f) => f.key === 'microcredit-2017')?.amount).toBe('150億元以上');
  });

  it('writes observation values as plain decimals, or money as written', () => {
    for (const o of article.observations) {
      expect(UNITS, o.key).toContain(o.unit);
      if (typeof o.value === 'string') {
        if (o.unit.startsWith('CNY')) expect(o.value, o.key).toMatch(WRITTEN_MONEY);
        else expect(o.value, o.key).toMatch(PLAIN_DECIMAL);
      } else {
        expect(o.value.value, o.key).toMatch(PLAIN_DECIMAL);
      }
    }
  });

  it('names actors and programs in Chinese and English', () => {
    for (const r of [...article.actors, ...article.programs, ...article.metrics]) {
      expect(r.name, r.key).toMatch(/\p{Script=Han}/u);
      expect(r.nameEn, r.key).toMatch(/^[\x20-\x7E\u2018-\u201D\u2013\u00B2]+$/u);
    }
  });

  it('has the expected size', () => {
    expect({
      programs: article.programs.length,
      metrics: article.metrics.length,
      actors: article.actors.length,
      flows: article.flows.length,
      observations: article.observations.length,
      pairings: article.pairings.length,
      overlaps: article.overlaps.length,
      otherDocuments: article.otherDocuments.length,
    }).toEqual({
      programs: 14,
      metrics: 40,
      actors: 33,
      flows: 15,
      observations: 46,
      pairings: 7,
      overlaps: 2,
      otherDocuments: 1,
    });
  });
});
