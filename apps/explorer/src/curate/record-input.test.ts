import { describe, expect, it } from 'vitest';
import { flowInput, observationInput, type RecordSource } from './record-input';
import type { FormValues, Picks } from './save-record';

const at = (text: string, figure: string) => {
  const start = Array.from(text.slice(0, text.indexOf(figure))).length;
  return { start, end: start + Array.from(figure).length };
};

const FORM: FormValues = {
  value: '30000',
  qualifier: 'EXACT',
  unit: 'CNY',
  year: '',
  status: 'DISBURSED',
  instrument: 'TRANSFER',
  metric: 'households',
  kind: 'ACTUAL',
  name: '',
  actorKind: 'GOVERNMENT',
  pairingKind: 'PAIRED_ASSISTANCE',
  coverage: '',
};
const NO_PICKS: Picks = {
  source: { id: 'Actor:1', name: '甲' },
  target: { id: 'Actor:2', name: '乙' },
  actor: null,
  helper: null,
  recipient: null,
  program: null,
  region: null,
};

function source(text: string, figure: string, year: string, picks = NO_PICKS): RecordSource {
  return { documentId: 'Document:9', text, passage: at(text, figure), v: { ...FORM, year }, picks };
}

describe('the year of a record and its inference', () => {
  it('says nothing when the sentence of the citation states the year', () => {
    const text = '2024年，甲縣財政局撥付扶貧資金350萬元，用於修建冷庫。';
    const input = flowInput(source(text, '350萬元', '2024'));
    expect(input.year).toBe(2024);
    expect(input.inferred).toBeUndefined();
    expect(input.citations).toEqual([{ documentId: 'Document:9', ...at(text, '350萬元') }]);
  });

  it('marks a year read from an earlier sentence, quoting it in both languages', () => {
    const text = '前言。2018年全縣脫貧。投入3萬元到戶。';
    const input = flowInput(source(text, '3萬元', '2018'));
    expect(input.inferred).toHaveLength(1);
    const [year] = input.inferred ?? [];
    expect(year?.field).toBe('year');
    expect(year?.note).toBe(
      'The sentence of the citation states no year; 2018 is read from an earlier sentence (at character 3): “2018年全縣脫貧”',
    );
    expect(year?.noteZh).toBe('引文所在句未写年份；2018年取自前文（第 3 字起）：“2018年全縣脫貧”');
  });

  it('marks a year the curator entered that the text before the citation never states', () => {
    for (const [text, year] of [
      ['投入3萬元到戶。', '2020'],
      ['2018年全縣脫貧。投入3萬元到戶。', '2019'],
    ] as const) {
      const input = observationInput(source(text, '3萬元', year));
      expect(input.inferred).toEqual([
        {
          field: 'year',
          note: `Neither the sentence of the citation nor the text before it states ${year}; the curator entered the year.`,
          noteZh: `引文所在句及前文均未写${year}年；年份由整理者填写。`,
        },
      ]);
    }
  });

  it('takes another year the sentence states as stated, and sends no inference without a year', () => {
    const text = '2016年試點。2017年投入5億元，比2016年多。';
    expect(flowInput(source(text, '5億元', '2016')).inferred).toBeUndefined();
    expect(flowInput(source(text, '5億元', '')).inferred).toBeUndefined();
  });

  it('shortens a long earlier sentence in the note', () => {
    const text = `2019年${'很長'.repeat(40)}。投入3萬元。`;
    const note = flowInput(source(text, '3萬元', '2019')).inferred?.[0]?.note ?? '';
    expect(note).toMatch(/“2019年(很長)+很…”$/);
  });
});

describe('the pickers in the input', () => {
  it('sends the program of a flow, and the place and program of an observation', () => {
    const picks = {
      ...NO_PICKS,
      program: { id: 'Program:3', name: '小额扶贫贷款' },
      region: { id: '150400', name: '赤峰市' },
    };
    const text = '2024年，赤峰市投入3萬元。';
    expect(flowInput(source(text, '3萬元', '2024', picks)).programId).toBe('Program:3');
    const observation = observationInput(source(text, '3萬元', '2024', picks));
    expect(observation).toMatchObject({
      actorId: null,
      regionCode: '150400',
      programId: 'Program:3',
      year: 2024,
    });
  });

  it('sends null for what was not picked', () => {
    const input = observationInput(source('2024年投入3萬元。', '3萬元', '2024'));
    expect(input).toMatchObject({ actorId: null, regionCode: null, programId: null });
    expect(flowInput(source('2024年投入3萬元。', '3萬元', '2024')).programId).toBeNull();
  });
});
