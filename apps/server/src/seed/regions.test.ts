import { describe, expect, it } from 'vitest';
import type { RegionSeed } from './regions.js';
import { countyNameEn, loadRegions } from './regions.js';

const regions = loadRegions();
const byCode = new Map(regions.map((r) => [r.code, r]));

function get(code: string): RegionSeed {
  const r = byCode.get(code);
  if (!r) throw new Error(`no region ${code}`);
  return r;
}

const childrenOf = (code: string) => regions.filter((r) => r.parentCode === code);

describe('loadRegions', () => {
  it('gives 内蒙古自治区 exactly its 12 prefecture-level units', () => {
    expect(get('150000')).toMatchObject({
      name: '内蒙古自治区',
      nameEn: 'Inner Mongolia Autonomous Region',
      level: 'PROVINCE',
      parentCode: null,
    });
    const prefectures = childrenOf('150000');
    expect(prefectures.map((r) => r.code).sort()).toEqual([
      '150100',
      '150200',
      '150300',
      '150400',
      '150500',
      '150600',
      '150700',
      '150800',
      '150900',
      '152200',
      '152500',
      '152900',
    ]);
    for (const p of prefectures) expect(p.level).toBe('PREFECTURE');
  });

  it('names the seed prefectures in Chinese and English', () => {
    expect(get('150400')).toMatchObject({ name: '赤峰市', nameEn: 'Chifeng' });
    expect(get('150500')).toMatchObject({ name: '通辽市', nameEn: 'Tongliao' });
    expect(get('150900')).toMatchObject({ name: '乌兰察布市', nameEn: 'Ulanqab' });
    expect(get('152200')).toMatchObject({ name: '兴安盟', nameEn: 'Hinggan League' });
  });

  it('takes the 103 county-level units of Inner Mongolia, without 市辖区 or functional zones', () => {
    const counties = regions.filter((r) => r.level === 'COUNTY' && r.code.startsWith('15'));
    expect(counties).toHaveLength(103);
    expect(regions.some((r) => r.name === '市辖区')).toBe(false);
    expect(regions.some((r) => /开发区|管委会/.test(r.name))).toBe(false);
    expect(childrenOf('150400')).toHaveLength(12); // 赤峰市: 3 districts, 2 counties, 7 banners
    expect(childrenOf('152200').map((r) => r.name)).toContain('科尔沁右翼前旗');
  });

  it('gives 北京市 its 16 districts directly, as counties', () => {
    expect(get('110000')).toMatchObject({ name: '北京市', nameEn: 'Beijing', level: 'PROVINCE' });
    const districts = childrenOf('110000');
    expect(districts).toHaveLength(16);
    for (const d of districts) {
      expect(d.level).toBe('COUNTY');
      expect(d.name.endsWith('区')).toBe(true);
    }
    expect(byCode.has('110100')).toBe(false);
    expect(get('110105').nameEn).toBe('Chaoyang District');
  });
});

describe('loadRegions: codes, names and aliases', () => {
  it('has 6-digit unique codes, existing parents of the level above, listed parents first', () => {
    const seen = new Set<string>();
    const rank = { PROVINCE: 0, PREFECTURE: 1, COUNTY: 2 } as const;
    for (const r of regions) {
      expect(r.code).toMatch(/^\d{6}$/);
      expect(seen.has(r.code)).toBe(false);
      if (r.parentCode === null) {
        expect(r.level).toBe('PROVINCE');
      } else {
        expect(seen.has(r.parentCode)).toBe(true); // parent already listed
        const parent = get(r.parentCode);
        expect(rank[r.level]).toBeGreaterThan(rank[parent.level]);
        expect(r.code.slice(0, 2)).toBe(parent.code.slice(0, 2));
      }
      seen.add(r.code);
    }
  });

  it('gives every region a non-empty ASCII English name', () => {
    for (const r of regions) expect(r.nameEn, r.code).toMatch(/^[\x20-\x7e]+$/);
    for (const r of regions) expect(r.nameEn.trim(), r.code).toBe(r.nameEn);
  });

  it('derives county English names from pinyin and the suffix', () => {
    expect(get('150402').nameEn).toBe('Hongshan District');
    expect(get('150203').nameEn).toBe('Kundulun District'); // 都 read du
    expect(get('150425').nameEn).toBe('Keshiketeng Banner'); // 什 read shi
    expect(get('150502').nameEn).toBe("Ke'erqin District");
    expect(get('152221').nameEn).toBe("Ke'erqin Youyi Qian Banner");
    expect(get('150723').nameEn).toBe('Elunchun Autonomous Banner');
    expect(get('150781').nameEn).toBe('Manzhouli City');
    expect(get('152224').nameEn).toBe('Tuquan County');
    expect(countyNameEn('绿园区')).toBe('Lyuyuan District');
  });

  it('aliases the short name and the traditional form', () => {
    expect(get('150400').aliases).toContain('赤峰');
    expect(get('152200').aliases).toEqual(expect.arrayContaining(['兴安', '興安盟']));
    expect(get('150900').aliases).toContain('烏蘭察布市');
    expect(get('150000').aliases).toEqual(expect.arrayContaining(['内蒙古', '內蒙古自治區']));
    expect(get('150500').aliases).toContain('通遼市');
    expect(get('110000').aliases).toEqual(['北京']); // traditional form is the same
    expect(get('150622').aliases).toContain('準格爾旗');
    expect(get('150781').aliases).toContain('滿洲里市');
    expect(get('150422').aliases).toEqual([]); // 巴林左 is no name; traditional is the same
    for (const r of regions) expect(r.aliases, r.code).not.toContain(r.name);
  });

  it('is deterministic and returns fresh copies', () => {
    const again = loadRegions();
    expect(again).toEqual(regions);
    again[0]?.aliases.push('x');
    expect(loadRegions()).toEqual(regions);
  });
});
