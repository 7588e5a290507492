// The seed article's programs (seed/article.ts has the data set's conventions).
import type { SeedDataset } from '../types.js';

export const programs: SeedDataset['programs'] = [
  {
    key: 'regional-fiscal-investment',
    name: '自治区本级财政扶贫投入',
    nameEn: 'Regional-level fiscal investment in poverty alleviation',
    description: 'Poverty-alleviation money from the autonomous region’s own budget.',
  },
  {
    key: 'integrated-agri-pastoral-funds',
    name: '统筹整合涉农涉牧资金',
    nameEn: 'Integrated agricultural and pastoral funds',
    description:
      'Agricultural and pastoral fiscal funds of all levels pooled for poverty alleviation in the poor counties.',
  },
  {
    key: 'poverty-microcredit',
    name: '小额扶贫贷款',
    nameEn: 'Poverty-alleviation microcredit',
    description: 'Small loans to registered poor households.',
  },
  {
    key: 'industrial-poverty-fund',
    name: '产业扶贫基金',
    nameEn: 'Industrial poverty-alleviation fund',
    description: 'A fund set up by the region to finance industries that employ or pay the poor.',
  },
  {
    key: 'relocation',
    name: '易地扶贫搬迁',
    nameEn: 'Poverty-alleviation relocation',
    description: 'Moving registered poor people to newly built resettlement sites.',
  },
  {
    key: 'housing-renovation',
    name: '危房改造',
    nameEn: 'Renovation of dilapidated housing',
  },
  {
    key: 'beijing-paired-assistance',
    name: '京蒙对口帮扶',
    nameEn: 'Beijing–Inner Mongolia paired assistance',
    // 京 and 蒙 abbreviate 北京 and 内蒙古: a reader searching 北京 looks for this.
    aliases: ['北京对口帮扶内蒙古', '北京市对口帮扶'],
    description: 'Beijing districts paired with national poor counties of Chifeng and Ulanqab.',
  },
  {
    key: 'central-designated-assistance',
    name: '中央国家机关定点帮扶',
    nameEn: 'Designated assistance by central state organs',
  },
  {
    key: 'regional-designated-assistance',
    name: '自治区定点帮扶',
    nameEn: 'Designated assistance by regional departments',
  },
  {
    key: 'village-enterprise-partnership',
    name: '村企合作',
    nameEn: 'Village–enterprise partnership',
  },
  {
    key: 'four-ten-billion-plan',
    name: '四个100亿投入计划',
    nameEn: '“Four 10-billion” investment plan',
    description:
      'The region’s 2017 plan of four investments of 100亿 (10 billion yuan) each; the article does not name the four.',
  },
  {
    key: 'three-to-village-three-to-household',
    name: '三到村三到户',
    nameEn: '“Three to the village, three to the household” targeted poverty alleviation',
    description: 'Targeted poverty alleviation in every poor gacha and village since 2014.',
  },
  {
    key: 'education-poverty-alleviation',
    name: '教育扶贫',
    nameEn: 'Poverty alleviation through education',
  },
  {
    key: 'health-poverty-alleviation',
    name: '健康扶贫',
    nameEn: 'Poverty alleviation through health care',
  },
];
