/**
 * Written amounts of money ("48.8亿元", "≥150亿元", "CNY 4.88 bn") read into exact amounts.
 * Shared by the server and the browser explorer: no Node-only APIs here.
 */
import {
  type Amount,
  type AmountQualifier,
  CNY,
  checkLimits,
  Decimal,
  fail,
  MAX_INPUT_LENGTH,
  makeAmount,
  show,
} from './money.js';

/** Words by meaning, '|'-separated (simplified, traditional, the formatters' own, English). */
const PREFIX_WORDS: Record<AmountQualifier, string> = {
  AT_MOST: '不超过|不超過|不高于|不高於|不多于|不多於|至多|最多|≤|<=|at most|up to',
  AT_LEAST: '不少于|不少於|不低于|不低於|超过|超過|至少|逾|≥|>=|at least|more than|over',
  APPROXIMATE: '大约|大約|约|約|about|approximately|approx.',
  EXACT: '',
};
const SUFFIX_WORDS: Record<AmountQualifier, string> = {
  AT_LEAST: '多|余|餘|以上',
  AT_MOST: '以下|以内|以內',
  APPROXIMATE: '左右',
  EXACT: '',
};
const SCALE_WORDS: Record<string, string> = {
  '1e12': '万亿|萬億|tn|trillion',
  '1e9': 'bn|billion',
  '1e8': '亿|億',
  '1e7': '千万|千萬',
  '1e6': '百万|百萬|m|mn|million',
  '1e4': '万|萬',
  '1e3': 'k|thousand',
};
const invert = <V extends string>(words: Record<V, string>): Map<string, V> =>
  new Map(
    (Object.entries(words) as [V, string][]).flatMap(([v, ws]) =>
      ws === '' ? [] : ws.split('|').map((w): [string, V] => [w, v]),
    ),
  );
const SUFFIX_QUALIFIER = invert(SUFFIX_WORDS);
const SCALE = invert(SCALE_WORDS);
/** Longest first, so 不超过 wins over 超过. */
const PREFIXES = [...invert(PREFIX_WORDS)].sort(([a], [b]) => b.length - a.length);

const NUM = String.raw`((?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?)`;
const MORE = '(多|余|餘)?';
const ZH_FORM = new RegExp(
  String.raw`^(?:人民币|人民幣)?\s*${NUM}${MORE}\s*(万亿|萬億|亿|億|千万|千萬|百万|百萬|万|萬)?${MORE}\s*元${MORE}\s*(以上|以下|以内|以內|左右)?$`,
);
const EN_FORM = new RegExp(
  String.raw`^(?:CNY|RMB)\s*${NUM}(?:\s*(tn|trillion|bn|billion|mn|m|million|k|thousand))?$`,
  'i',
);

/**
 * Parses a written amount of money: Chinese ("48.8亿元", "150亿元以上", "约6713萬元", "≥150亿元",
 * "1.2万亿元", "1,234元"), traditional characters included, and the English forms `formatAmount`
 * writes ("CNY 4.88 bn", "≥ CNY 15 bn", "about CNY 4.88 bn", "CNY 9,005").
 */
export function parseChineseAmount(text: string): Amount {
  if (typeof text !== 'string') fail(`expected a string, got ${typeof text}`);
  if (text.length > MAX_INPUT_LENGTH)
    fail(`amount text too long (${text.length} characters): ${show(text)}`);
  let s = text.normalize('NFKC').trim();
  if (s === '') fail('empty amount text');
  const qualifiers: AmountQualifier[] = [];
  if (/^[-−－]/.test(s)) fail(`negative amount: ${show(text)}; amounts are never negative`);
  const prefix = PREFIXES.find(([p]) => s.slice(0, p.length).toLowerCase() === p);
  if (prefix) {
    qualifiers.push(prefix[1]);
    s = s.slice(prefix[0].length).trimStart();
  }
  let digits: string;
  let scale: string | undefined;
  const zh = ZH_FORM.exec(s);
  const en = zh ? null : EN_FORM.exec(s);
  if (zh) {
    const [, num, more1, unit, more2, more3, suffix] = zh;
    digits = num ?? '';
    scale = unit;
    for (const q of [more1, more2, more3, suffix])
      if (q) qualifiers.push(SUFFIX_QUALIFIER.get(q) ?? 'EXACT');
    if ([more1, more2, more3].filter(Boolean).length > 1)
      fail(`"多/余" given more than once: ${show(text)}`);
  } else if (en) {
    digits = en[1] ?? '';
    scale = en[2]?.toLowerCase();
  } else {
    return fail(
      `not an amount of money (expected e.g. "48.8亿元", "≥150亿元", "CNY 4.88 bn"): ${show(text)}`,
    );
  }
  const plain = digits.replaceAll(',', '');
  if (/^0[0-9]/.test(plain)) fail(`leading zero in ${show(text)}`);
  const distinct = [...new Set(qualifiers)];
  if (distinct.length > 1) fail(`conflicting qualifiers (${distinct.join(', ')}) in ${show(text)}`);
  let value = new Decimal(plain);
  if (scale !== undefined) value = value.times(SCALE.get(scale) ?? fail(`unknown scale ${scale}`));
  return makeAmount(checkLimits(value, `amount ${show(text)}`), distinct[0] ?? 'EXACT', CNY);
}
