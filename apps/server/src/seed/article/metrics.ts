// The seed article's metrics (seed/article.ts has the data set's conventions).
import type { SeedDataset } from '../types.js';

export const metrics: SeedDataset['metrics'] = [
  {
    key: 'registered_poor_population',
    name: '建档立卡贫困人口',
    nameEn: 'Registered poor population',
  },
  {
    key: 'registered_poor_population_reduction',
    name: '建档立卡贫困人口减少数',
    nameEn: 'Reduction of the registered poor population',
  },
  { key: 'poverty_incidence', name: '贫困发生率', nameEn: 'Poverty incidence' },
  {
    key: 'disposable_income_per_capita',
    name: '农牧民人均可支配收入',
    nameEn: 'Per-capita disposable income of farmers and herders',
  },
  {
    key: 'income_growth_above_regional_average',
    name: '农牧民收入增幅高于全区平均水平',
    nameEn: 'Income growth of farmers and herders above the regional average',
  },
  { key: 'poor_counties', name: '贫困旗县数', nameEn: 'Poor counties' },
  {
    key: 'national_poor_counties',
    name: '国贫旗县数',
    nameEn: 'Nationally designated poor counties',
  },
  {
    key: 'regional_poor_counties',
    name: '区贫旗县数',
    nameEn: 'Regionally designated poor counties',
  },
  {
    key: 'contiguous_area_counties',
    name: '国家集中连片特困县数',
    nameEn: 'Counties in contiguous areas of extreme poverty',
  },
  { key: 'poor_villages', name: '贫困嘎查村数', nameEn: 'Poor gacha and villages' },
  {
    key: 'registered_poor_households',
    name: '建档立卡贫困户数',
    nameEn: 'Registered poor households',
  },
  {
    key: 'share_of_regional_poor_population',
    name: '占全区贫困人口比重',
    nameEn: 'Share of the region’s poor population',
  },
  {
    key: 'poverty_cause_share_illness',
    name: '因病致贫占比',
    nameEn: 'Share of poverty caused by illness',
  },
  {
    key: 'poverty_cause_share_lack_of_funds',
    name: '缺资金致贫占比',
    nameEn: 'Share of poverty caused by lack of funds',
  },
  {
    key: 'poverty_cause_share_disaster',
    name: '因灾致贫占比',
    nameEn: 'Share of poverty caused by natural disasters',
  },
  {
    key: 'poverty_cause_share_lack_of_labour',
    name: '因缺劳力致贫占比',
    nameEn: 'Share of poverty caused by lack of labour',
  },
  {
    key: 'poverty_cause_share_schooling',
    name: '因学致贫占比',
    nameEn: 'Share of poverty caused by the cost of schooling',
  },
  {
    key: 'poverty_work_meetings',
    name: '脱贫攻坚相关工作会议次数',
    nameEn: 'Poverty-alleviation work meetings held',
  },
  { key: 'village_work_teams', name: '驻村工作队数', nameEn: 'Village-based work teams' },
  { key: 'village_cadres', name: '驻村干部数', nameEn: 'Cadres stationed in villages' },
  {
    key: 'investment_plan_component',
    name: '投入计划单项投入额',
    nameEn: 'Investment per component of an investment plan',
  },
  {
    key: 'villages_covered',
    name: '覆盖贫困嘎查村数',
    nameEn: 'Poor gacha and villages covered',
  },
  { key: 'resettlement_sites', name: '安置点数', nameEn: 'Resettlement sites' },
  {
    key: 'relocated_population',
    name: '搬迁建档立卡贫困人口',
    nameEn: 'Registered poor people relocated',
  },
  {
    key: 'resettlement_sites_started',
    name: '已开工安置点数',
    nameEn: 'Resettlement sites where construction has started',
  },
  {
    key: 'resettlement_start_rate',
    name: '安置点开工率',
    nameEn: 'Share of resettlement sites started',
  },
  {
    key: 'housing_area_per_person',
    name: '人均住房建设面积',
    nameEn: 'Housing floor area built per person',
  },
  {
    key: 'university_freshman_grant',
    name: '建档立卡贫困家庭大学新生资助标准',
    nameEn: 'Grant per university freshman from a registered poor family',
  },
  {
    key: 'student_nutrition_coverage',
    name: '农村义务教育学生营养改善覆盖率',
    nameEn: 'Coverage of nutrition improvement for rural compulsory-education pupils',
  },
  {
    key: 'treatment_before_payment_county_share',
    name: '实现先诊疗后付费的旗县比重',
    nameEn: 'Share of counties where the poor are treated before paying',
  },
  {
    key: 'one_stop_settlement_county_share',
    name: '实现“一站式”结算服务的旗县比重',
    nameEn:
      'Share of counties with one-stop settlement of basic medical insurance, serious-illness insurance and medical assistance',
  },
  {
    key: 'dilapidated_houses_to_renovate',
    name: '危房改造户数',
    nameEn: 'Dilapidated houses to renovate (households)',
  },
  {
    key: 'dilapidated_house_renovation_progress',
    name: '危房改造进度',
    nameEn: 'Progress of dilapidated-housing renovation',
  },
  {
    key: 'counties_applying_for_exit',
    name: '申请摘帽旗县数',
    nameEn: 'Counties applying for exit from poor-county status',
  },
  { key: 'counties_cross_checked', name: '交叉检查旗县数', nameEn: 'Counties cross-checked' },
  {
    key: 'counties_admonished',
    name: '书记被提醒谈话的旗县数',
    nameEn: 'Counties whose party secretaries received admonishment talks',
  },
  { key: 'county_exits', name: '摘帽旗县数', nameEn: 'Counties exiting poor-county status' },
  {
    key: 'village_exits',
    name: '退出贫困嘎查村数',
    nameEn: 'Poor gacha and villages exiting poverty',
  },
  {
    key: 'poverty_policy_measures',
    name: '脱贫攻坚政策措施数',
    nameEn: 'Poverty-alleviation policy measures issued',
  },
  {
    key: 'four_level_fiscal_poverty_investment',
    name: '四级财政扶贫投入',
    nameEn: 'Poverty investment of the four levels of government budgets',
  },
];
