import { afterAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../test/test-db.js';
import { exportStream, parseExportParams } from './export.js';

const ctx = await createTestDb();
afterAll(() => ctx.close());

async function csvOf(query: string): Promise<string[][]> {
  const { filter, groupBy, headers } = parseExportParams(new URLSearchParams(query));
  let text = '';
  for await (const chunk of await exportStream(ctx.db, {
    name: 'flows',
    format: 'csv',
    filter,
    groupBy,
    headers,
  }))
    text += chunk;
  // Quoted cells may hold commas: the checks read only columns before them, and the last one.
  return text
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .map((l) => l.split(','));
}

describe('flow exports for readers', () => {
  it('keeps machine headers by default and on request', async () => {
    const [byDefault] = await csvOf('year=2017');
    const [machine] = await csvOf('year=2017&headers=machine');
    expect(byDefault?.slice(0, 4)).toEqual(['external_id', 'source_key', 'target_key', 'amount']);
    expect(machine).toEqual(byDefault);
    expect(byDefault).toContain('counts_as_public_money');
  });

  it('writes headers in Chinese or English, the unit apart from the amount', async () => {
    const [zh] = await csvOf('year=2017&headers=zh');
    const [en] = await csvOf('year=2017&headers=en');
    expect(zh?.slice(0, 4)).toEqual(['记录编号', '来源编号', '接收方编号', '数额']);
    expect(zh).toContain('单位');
    expect(zh).toContain('计入公共资金');
    expect(en).toContain('Counts as public money');
  });

  it('marks which rows count toward public money: not cadres, loans or planned money', async () => {
    const [header = [], ...rows] = await csvOf('year=2017');
    const col = (name: string) => header.indexOf(name);
    // Columns before the free text keep their place; the mark is the last column.
    const value = (r: string[], name: string) =>
      name === 'counts_as_public_money' ? r.at(-1) : r[col(name)];
    const cadres = rows.find((r) => value(r, 'unit') === 'PERSON');
    expect(value(cadres ?? [], 'counts_as_public_money')).toBe('false');
    const planned = rows.find((r) => value(r, 'status') === 'PLANNED');
    expect(value(planned ?? [], 'counts_as_public_money')).toBe('false');
    const treasury = rows.find((r) => value(r, 'amount') === '4880000000');
    expect(value(treasury ?? [], 'counts_as_public_money')).toBe('true');
  });

  it('refuses an unknown header style', () => {
    expect(() => parseExportParams(new URLSearchParams('headers=fr'))).toThrow(/machine, zh or en/);
  });
});
