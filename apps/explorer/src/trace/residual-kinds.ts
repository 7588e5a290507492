import type { Locale } from '../display-name';

interface ResidualKindInfo {
  name: readonly [string, string];
  explain: readonly [string, string];
  color: string;
}

/**
 * What traced money that stays at an actor is, in words a reader can check: the server tells
 * apart a trail the sources do not continue, money reported used or kept, and outflows that
 * fall short. Each has its own colour, and is always hatched and labelled as well.
 */
const KINDS: Record<string, ResidualKindInfo> = {
  UNREPORTED: {
    name: ['未再报告去向', 'Not reported further'],
    explain: [
      '来源没有报告这笔钱的后续流向或成果：记录到此为止，并非资金丢失。',
      'The sources report no onward flows or outcomes for this money: the record ends here; it is not missing.',
    ],
    color: '#9e9e9e',
  },
  RETAINED: {
    name: ['在此使用或留存', 'Used or kept here'],
    explain: [
      '来源在这一主体报告了成果：资金在这里使用或留存。',
      'The sources report outcomes at this actor: the money is used or kept here.',
    ],
    color: '#6f9e6a',
  },
  SHORTFALL: {
    name: ['流出少于流入', 'Outflows fall short'],
    explain: [
      '这一主体报告的流出少于收到的资金；差额没有说明。',
      'This actor reports onward flows that add up to less than it received; the difference is not explained.',
    ],
    color: '#d49a3a',
  },
  DEPTH_LIMIT: {
    name: ['超出追踪层级', 'Beyond the depth limit'],
    explain: [
      '追踪在这里停止；加大层级可以继续追踪。',
      'The trace stops here; a greater depth follows it further.',
    ],
    color: '#7f96b2',
  },
  RETURNED: {
    name: ['绕回（循环）', 'Came back (cycle)'],
    explain: [
      '资金绕一圈流回这里，不再重复计算。',
      'Money came back here round a cycle; it is not counted again.',
    ],
    color: '#a08bb8',
  },
  UNATTRIBUTED: {
    name: ['来源不明的流出', 'Outflow beyond inflow'],
    explain: [
      '这一主体报告的流出多于流入；多出的部分查不到来源。',
      'This actor reports more going out than coming in; the excess has no recorded source.',
    ],
    color: '#c27878',
  },
  MIXED: {
    name: ['“其他”主体留下的资金', 'Stays with the actors in “Other”'],
    explain: [
      '“其他”中各主体留下的资金合计，各类都有；逐一列出请看各主体页面。',
      'What the actors summed in “Other” keep, of every kind; their own pages list each.',
    ],
    color: '#b0a89f',
  },
  ORIGIN: {
    name: ['资金源头', 'Origin'],
    explain: [
      '没有记录流入的主体：资金从这里开始。',
      'An actor with no recorded inflows: the money starts here.',
    ],
    color: '#5f8fbf',
  },
};

const FALLBACK = KINDS.UNREPORTED as ResidualKindInfo;
const at = (locale: Locale) => (locale === 'EN' ? 1 : 0);

export const residualName = (kind: string, locale: Locale) =>
  (KINDS[kind] ?? FALLBACK).name[at(locale)];
export const residualExplain = (kind: string, locale: Locale) =>
  (KINDS[kind] ?? FALLBACK).explain[at(locale)];
export const residualColor = (kind: string) => (KINDS[kind] ?? FALLBACK).color;
