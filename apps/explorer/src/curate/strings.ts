import type { Locale } from '../display-name';

/** The curation strings, [Chinese, English], in the scheme of lib/i18n.ts. */
const STRINGS = {
  signIn: ['登录', 'Sign in'],
  signOut: ['退出', 'Sign out'],
  token: ['API 令牌', 'API token'],
  signedInAs: ['已登录：', 'Signed in: '],
  addDocument: ['添加文件', 'Add a document'],
  curate: ['整理', 'Curate'],
  title: ['标题', 'Title'],
  publisher: ['发布机构', 'Publisher'],
  publishedOn: ['发布日期', 'Date'],
  language: ['语言', 'Language'],
  address: ['网址', 'Address'],
  pasteText: ['粘贴文本', 'Pasted text'],
  file: ['文件（.txt、.html、.pdf）', 'File (.txt, .html, .pdf)'],
  save: ['保存', 'Save'],
  saving: ['保存中…', 'Saving…'],
  cancel: ['取消', 'Cancel'],
  figuresCited: ['{n} / {m} 个数字已引用', '{n} of {m} figures cited'],
  cited: ['已引用', 'cited'],
  uncited: ['未引用', 'uncited'],
  selectHint: [
    '点击一个数字或选中一段文字来记录。',
    'Click a figure or select a passage to record it.',
  ],
  flow: ['资金流', 'Flow'],
  observation: ['观测值', 'Observation'],
  actor: ['主体', 'Actor'],
  pairing: ['帮扶关系', 'Pairing'],
  helper: ['帮扶方', 'Helper'],
  recipient: ['受帮扶方', 'Helped'],
  coverage: ['覆盖数量', 'Coverage'],
  citation: ['引文', 'Citation'],
  reselect: ['重新选择文字可调整引文。', 'Select text again to change the citation.'],
  source: ['来源', 'Source'],
  target: ['接收方', 'Recipient'],
  amount: ['金额', 'Amount'],
  value: ['数值', 'Value'],
  unit: ['单位', 'Unit'],
  qualifier: ['限定', 'Qualifier'],
  year: ['年份', 'Year'],
  yearInferred: ['推断：句中没有年份', 'inferred: the sentence gives no year'],
  yearRead: ['从句中读出', 'read from the sentence'],
  yearNoteEarlier: [
    '引文所在句未写年份；{year}年取自前文（第 {at} 字起）：“{quote}”',
    'The sentence of the citation states no year; {year} is read from an earlier sentence (at character {at}): “{quote}”',
  ],
  yearNoteCurator: [
    '引文所在句及前文均未写{year}年；年份由整理者填写。',
    'Neither the sentence of the citation nor the text before it states {year}; the curator entered the year.',
  ],
  status: ['状态', 'Status'],
  instrument: ['方式', 'Instrument'],
  metric: ['指标', 'Metric'],
  kind: ['类别', 'Kind'],
  name: ['名称', 'Name'],
  program: ['项目', 'Program'],
  searchActor: ['搜索主体…', 'Search actors…'],
  searchProgram: ['搜索项目…', 'Search programs…'],
  searchPlace: ['搜索地区…', 'Search places…'],
  place: ['地区', 'Place'],
  createActor: ['新建主体“{name}”', 'Create actor “{name}”'],
  recordedHere: ['本文件的记录', 'Recorded from this document'],
  retract: ['撤回', 'Retract'],
  retracted: ['已撤回', 'Retracted'],
  history: ['历史', 'History'],
  saved: ['已保存', 'Saved'],
} satisfies Record<string, readonly [string, string]>;

export type CurateKey = keyof typeof STRINGS;

export function t(
  key: CurateKey,
  lang: Locale,
  vars: Record<string, string | number> = {},
): string {
  const text = STRINGS[key][lang === 'EN' ? 1 : 0];
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));
}
