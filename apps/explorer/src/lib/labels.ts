import type { Locale } from '../display-name';

/** Enum values in both languages; unknown values print as they are. */
const ENUMS: Record<string, readonly [string, string]> = {
  PLANNED: ['计划', 'Planned'],
  COMMITTED: ['已承诺', 'Committed'],
  DISBURSED: ['已拨付', 'Disbursed'],
  SPENT: ['已支出', 'Spent'],
  GRANT: ['拨款', 'Grant'],
  LOAN: ['贷款', 'Loan'],
  FUND: ['基金', 'Fund'],
  LEVERAGED: ['撬动资金', 'Leveraged'],
  IN_KIND: ['实物/人员', 'In kind'],
  TRANSFER: ['转移', 'Transfer'],
  OTHER: ['其他', 'Other'],
  ACTUAL: ['实际', 'Actual'],
  BASELINE: ['基数', 'Baseline'],
  TARGET: ['目标', 'Target'],
  ACTOR: ['主体', 'Actor'],
  PROGRAM: ['项目', 'Program'],
  FLOW: ['资金流', 'Flow'],
  REGION: ['地区', 'Place'],
  PROVINCE: ['自治区/省', 'Province'],
  PREFECTURE: ['盟市', 'League/prefecture'],
  COUNTY: ['旗县', 'Banner/county'],
  TOWNSHIP: ['苏木乡镇', 'Township'],
  VILLAGE: ['嘎查村', 'Village'],
  RETAINED: ['留存', 'Retained'],
  RETURNED: ['回流（循环）', 'Returned (cycle)'],
  DEPTH_LIMIT: ['超出层级', 'Depth limit'],
  ORIGIN: ['起点', 'Origin'],
  UNATTRIBUTED: ['未归属', 'Unattributed'],
  OVERDRAWN: ['流出超过流入', 'Out exceeds in'],
  NO_INFLOW: ['无流入（资金源头）', 'No inflow (a source)'],
  NO_OUTFLOW: ['无流出', 'No outflow'],
  CYCLE: ['循环', 'Cycle'],
  BAD_PARENT: ['上级资金不符', 'Bad parent flow'],
  OVERLAP: ['可能重叠', 'May overlap'],
  OVERLAPPING_INFLOW: ['流入可能重叠', 'Inflows may overlap'],
  NATIONAL_POOR_COUNTY: ['国贫', 'National poor county'],
  REGIONAL_POOR_COUNTY: ['区贫', 'Regional poor county'],
  CONTIGUOUS_AREA_COUNTY: ['集中连片', 'Contiguous area'],
  BANK: ['银行', 'Bank'],
  DEPARTMENT: ['部门', 'Department'],
  ENTERPRISE: ['企业', 'Enterprise'],
  GOVERNMENT: ['政府', 'Government'],
  HOUSEHOLDS: ['农户', 'Households'],
  INVESTOR: ['投资方', 'Investor'],
  ORGANIZATION: ['组织', 'Organization'],
  PERSON: ['个人', 'Person'],
  PROJECT: ['项目', 'Project'],
  TREASURY: ['财政', 'Treasury'],
};

export const enumLabel = (value: string, locale: Locale): string =>
  ENUMS[value]?.[locale === 'EN' ? 1 : 0] ?? value;

/** "per what" words for unit costs: 元/户, CNY per household. */
const PER: Record<string, readonly [string, string]> = {
  PERSON: ['人', 'person'],
  HOUSEHOLD: ['户', 'household'],
  SITE: ['个安置点', 'site'],
  VILLAGE: ['个村', 'village'],
  COUNTY: ['个旗县', 'county'],
  ENTERPRISE: ['家企业', 'enterprise'],
  PROJECT: ['个项目', 'project'],
};

export const perUnit = (unit: string, locale: Locale): string =>
  PER[unit]?.[locale === 'EN' ? 1 : 0] ?? unit.toLowerCase();
