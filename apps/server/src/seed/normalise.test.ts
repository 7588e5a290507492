import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MANGLED, NORMALISATION_NOTE, normaliseText } from './normalise.js';

const raw = readFileSync(new URL('../../seed/000_867cd5e4b4a510ec.txt', import.meta.url), 'utf8');
const text = normaliseText(raw);

describe('normaliseText on the seed article', () => {
  it('restores the three mangled characters', () => {
    expect(text).toContain('人口。現已開工');
    expect(text).toContain('因災致貧占8.05%');
    expect(text).toContain('因學致貧占4.3%');
    for (const [mangled] of MANGLED) {
      expect(raw).toContain(mangled);
      expect(text).not.toContain(mangled);
    }
  });

  it('leaves no pinyin reading, no "?" and no endprint marker', () => {
    expect(raw).toContain('個(gè)');
    expect(text).not.toMatch(/\([A-Za-z]/u);
    expect(text).not.toContain('?');
    expect(text).not.toContain('endprint');
    expect(text.endsWith('(供稿單位:內蒙古自治區扶貧辦)')).toBe(true);
  });

  it('keeps the Chinese parentheticals', () => {
    expect(text).toContain(
      '“三個一批”(大病集中救治一批、慢病簽約服務一批、重病兜底保障一批)行動計劃',
    );
    expect(text).toContain('(供稿單位:內蒙古自治區扶貧辦)');
  });

  it('keeps the figures and clauses the data set cites', () => {
    expect(text).toContain('僅自治區本級財政投入就由去年的18.8億元增加到48.8億元');
    expect(text).toContain('人口。現已開工');
    expect(text.startsWith('在第4個全國扶貧日到來之際,內蒙古自治區召開了黨委常委會議')).toBe(true);
  });

  it('is idempotent', () => {
    expect(normaliseText(text)).toBe(text);
  });

  it('has a stable length (checked by eye: 2710 code points, BMP only)', () => {
    expect(Array.from(text).length).toBe(2710);
    expect(text.length).toBe(2710);
    expect(text.split('\n').length).toBe(raw.split('\n').length);
  });
});

describe('normaliseText rules', () => {
  it('drops a tone-marked pinyin syllable in parentheses after a Han character', () => {
    expect(normaliseText('第4個(gè)全國')).toBe('第4個全國');
    expect(normaliseText('內(nèi)蒙古')).toBe('內蒙古');
    expect(normaliseText('綠(lǜ)色')).toBe('綠色');
    // combining tone marks (decomposed text) count too
    expect(normaliseText('個(ge\u0300)')).toBe('個');
  });

  it('leaves other parentheses alone', () => {
    for (const s of [
      '計劃(大病集中救治一批)',
      '(供稿單位:扶貧辦)',
      '的(de)', // no tone mark: not recognised as a reading
      'GDP(gè)', // not after a Han character
      '個(Gè)', // not lowercase
      '個(gè shí)', // not a single syllable
      '數據(2017年)',
    ]) {
      expect(normaliseText(s)).toBe(s);
    }
  });

  it('applies the mangle table before pinyin removal', () => {
    expect(normaliseText('人口?,F(xiàn)已開工')).toBe('人口。現已開工');
    expect(normaliseText('因?yàn)?zāi)致貧')).toBe('因災致貧');
    expect(normaliseText('因?qū)W致貧')).toBe('因學致貧');
  });

  it('cuts endprint only at the very end', () => {
    expect(normaliseText('扶貧辦)endprint')).toBe('扶貧辦)');
    expect(normaliseText('扶貧辦)\nendprint\n')).toBe('扶貧辦)');
    expect(normaliseText('endprint 在中間')).toBe('endprint 在中間');
  });

  it('documents itself', () => {
    expect(NORMALISATION_NOTE).toMatch(/pinyin/u);
    expect(NORMALISATION_NOTE).toMatch(/endprint/u);
    expect(NORMALISATION_NOTE).toMatch(/code points/u);
  });
});
