import { InputError } from '../domain/errors.js';

/** CSV header rows: the machine names (imports read them), or words in Chinese or English. */
export type HeaderStyle = 'machine' | 'zh' | 'en';

/** Column → [Chinese, English]; a column not listed keeps its machine name. */
const LABELS: Record<string, readonly [string, string]> = {
  external_id: ['记录编号', 'Record key'],
  source_key: ['来源编号', 'Source key'],
  target_key: ['接收方编号', 'Recipient key'],
  amount: ['数额', 'Amount'],
  qualifier: ['数额性质', 'Amount is'],
  low: ['下限', 'At least'],
  high: ['上限', 'At most'],
  unit: ['单位', 'Unit'],
  year: ['年份', 'Year'],
  status: ['状态', 'Status'],
  instrument: ['方式', 'Instrument'],
  program_key: ['项目编号', 'Program key'],
  parent_external_id: ['上级资金编号', 'Parent flow key'],
  note: ['备注（英文）', 'Note'],
  currency: ['币种', 'Currency'],
  source_name: ['来源', 'Source'],
  target_name: ['接收方', 'Recipient'],
  program_name: ['项目', 'Program'],
  id: ['编号', 'ID'],
  citations: ['引文', 'Quotes'],
  source_name_en: ['来源（英文）', 'Source (English)'],
  target_name_en: ['接收方（英文）', 'Recipient (English)'],
  program_name_en: ['项目（英文）', 'Program (English)'],
  counts_as_public_money: ['计入公共资金', 'Counts as public money'],
};

export function headerLabels(columns: readonly string[], style: HeaderStyle): string[] {
  if (style === 'machine') return [...columns];
  const at = style === 'zh' ? 0 : 1;
  return columns.map((c) => LABELS[c]?.[at] ?? c);
}

export function parseHeaderStyle(value: string | null): HeaderStyle {
  if (value === null) return 'machine';
  if (value === 'machine' || value === 'zh' || value === 'en') return value;
  throw new InputError('headers must be machine, zh or en', 'headers');
}
