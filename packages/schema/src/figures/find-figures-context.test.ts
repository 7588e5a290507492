import { describe, expect, it } from 'vitest';
import { findFigures } from './find-figures.js';

const texts = (text: string) => findFigures(text).map((f) => f.text);

describe('figures in quotes and tables', () => {
  it.each([
    ['他说「投入48.8億元」', ['48.8億元']],
    ['“四個100億”', ['四個100億']],
    ['『十項措施』', ['十項']],
    ['"2.5亿元"', ['2.5亿元']],
  ])('%s', (input, expected) => expect(texts(input)).toEqual(expected));

  it('reads tab-separated rows', () => {
    const table = '盟市\t贫困人口\t资金\n赤峰市\t12.5万人\t3.2亿元\n兴安盟\t8万人\t1.5亿元';
    expect(findFigures(table).map((f) => [f.text, f.value, f.unit])).toEqual([
      ['12.5万人', '125000', 'PERSON'],
      ['3.2亿元', '320000000', 'CNY'],
      ['8万人', '80000', 'PERSON'],
      ['1.5亿元', '150000000', 'CNY'],
    ]);
  });

  it('reads pipe-separated rows, with their offsets', () => {
    const table = '| 旗县 | 户数 | 比例 |\n|---|---|---|\n| 敖汉旗 | 1200户 | 4.5% |';
    const found = findFigures(table);
    expect(found.map((f) => [f.text, f.unit])).toEqual([
      ['1200户', 'HOUSEHOLD'],
      ['4.5%', 'PERCENT'],
    ]);
    for (const f of found) expect(Array.from(table).slice(f.start, f.end).join('')).toBe(f.text);
  });

  it('does not read a bare table cell whose unit is in the header', () => {
    expect(findFigures('| 盟市 | 资金(万元) |\n| 赤峰市 | 1200 |')).toEqual([]);
  });
});

describe('what is not a figure', () => {
  it.each([
    ['file 000_867cd5e4b4a510ec.txt'],
    ['向黨的十九大獻禮'],
    ['對不適合一家一戶經營的產業項目'],
    ['專題研究部署當前和今後一個時期脫貧攻堅工作'],
    ['“一對一”聯系'],
    ['聘請第三方機構'],
    ['集中解決“三保障”難題'],
    ['“三到村三到戶”精準扶貧'],
    ['千家萬戶'],
    ['五級書記抓扶貧'],
    ['選優配強村級兩委班子'],
    ['今年以來,去年,上年'],
    ['区划代码150000'],
    ['GB/T 2260-2007'],
    ['电话0471-6945678'],
    ['一條龍資助政策,一站式服務'],
    ['作為頭等大事和第一民生工程'],
  ])('%s', (input) => expect(findFigures(input)).toEqual([]));
});

describe('offsets', () => {
  it('counts code points, as citations do', () => {
    const [f] = findFigures('𠀀𠀀有48.8億元');
    expect(f).toMatchObject({ start: 3, end: 9, text: '48.8億元' });
  });

  it('gives text that is the document at [start, end)', () => {
    const doc = '到2016年底,全區有建檔立卡貧困人口25萬戶、55.6萬人,貧困發生率4.1%。';
    const chars = Array.from(doc);
    const found = findFigures(doc);
    expect(found).toHaveLength(4);
    for (const f of found) expect(chars.slice(f.start, f.end).join('')).toBe(f.text);
  });

  it('returns figures in order, never overlapping', () => {
    const found = findFigures('由去年的18.8億元增加到48.8億元;2017-2019年;“四個100億”');
    for (let i = 1; i < found.length; i++) {
      expect(found[i]?.start).toBeGreaterThanOrEqual(found[i - 1]?.end ?? 0);
    }
  });
});
