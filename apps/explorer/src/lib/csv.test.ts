import { describe, expect, it } from 'vitest';
import { flowsCsv } from '../flows/flow-rows';
import { BOM, toCsv } from './csv';

describe('CSV', () => {
  it('starts with a BOM, quotes what needs it, ends lines with CRLF', () => {
    const csv = toCsv(['a', 'b'], [['x,y', 'say "hi"']]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv).toBe(`${BOM}a,b\r\n"x,y","say ""hi"""\r\n`);
  });

  it('writes plain decimal amounts with qualifier, bounds and currency apart', () => {
    const csv = flowsCsv(
      [
        {
          id: 'Rmxvdzo1',
          year: 2017,
          status: 'DISBURSED',
          instrument: 'LOAN',
          amount: {
            value: '15000000000',
            low: '15000000000',
            high: null,
            qualifier: 'AT_LEAST',
            unit: 'CNY',
          },
          source: { id: 'a', name: '金融机构', nameEn: 'Financial institutions' },
          target: { id: 'b', name: '建档立卡贫困户', nameEn: null },
          program: { id: 'p', name: '小额扶贫贷款', nameEn: 'Poverty-alleviation microcredit' },
          citations: [
            { start: 1117, end: 1132, quote: '發放小額扶貧貸款150億元以上', document: { id: 'd' } },
          ],
        },
      ],
      'ZH',
    );
    const [header, row] = csv.slice(1).trim().split('\r\n');
    expect(header).toBe(
      'id,year,source,target,program,status,instrument,amount,qualifier,low,high,currency,citation',
    );
    expect(row).toBe(
      'Rmxvdzo1,2017,金融机构,建档立卡贫困户,小额扶贫贷款,已拨付,贷款,15000000000,AT_LEAST,15000000000,,CNY,發放小額扶貧貸款150億元以上',
    );
  });
});
