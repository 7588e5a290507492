// The seed's record notes in Simplified Chinese, for readers of the Chinese pages (noteZh):
// keyed by record type and record key, one entry for every record that has an English note.

export const NOTES_ZH = {
  actors: {
    'microcredit-lenders': '文章未点名放贷机构；数量不详的一组机构。',
    'registered-poor-households': '户数为2016年底的数字。',
    'introduced-investors': '“引進資金”的来源；文章未说明是谁。',
    'unstated-payer': '代指文章报道了款项却未点名的出资方（20亿元基金、用于易地搬迁的33亿元）。',
    'poor-counties': '31个国贫旗县和26个区贫旗县。',
    'integrated-funds-counties-2016':
      '少于全部57个贫困旗县：资金整合于2017年“擴大到全部57個”。文章未说明是哪些旗县、共有多少个。',
    'beijing-paired-counties':
      '位于贫困人口最多的两个盟市：赤峰市（150400）和乌兰察布市（150900）。',
    'four-leagues': '全区大部分贫困人口所在的四个盟市。',
    'supervision-groups': '派驻31个国贫旗县；文章未给出督导组的数量。',
  },
  flows: {
    'treasury-to-poor-counties-2016':
      '接收方系推断：文章给出自治区本级预算的扶贫投入，但未点名接收方。',
    'treasury-to-poor-counties-2017':
      '接收方系推断：文章给出自治区本级预算的扶贫投入，但未点名接收方。',
    'integrated-funds-2016':
      '推算：2017年为80亿元，“比上年翻了一番”，故2016年约为40亿元。接收方为2016年整合资金的旗县，' +
      '少于全部57个贫困旗县：资金整合于2017年“擴大到全部57個”。',
    'industrial-fund-capital-2017':
      '出资方未说明：文章只说自治区“設立”了该基金，未说明由谁注资。此处记为自治区本级财政出资，' +
      '但2017年该级预算的投入“僅…就”达48.8亿元：这20亿元或包含在其中，' +
      '或另有来源（见docs/data-model.md，overlaps）。',
    'leveraged-capital-2017': '由产业扶贫基金“撬動”；并非公共资金。',
    'relocation-investment-2017':
      '出资方未说明：文章只说今年计划投入33亿元用于易地搬迁。此处记为自治区本级财政出资，' +
      '但20亿元加33亿元超过了其48.8亿元的投入。',
    'central-organs-introduced-capital-2017': '中央国家机关的“引進資金”；文章未点名其来源。',
    'central-organs-cadres-2017': '选派到旗县的“掛職干部”；是人员，不是资金。',
    'beijing-cadres-2017': '选派到旗县的“掛職干部”；是人员，不是资金。',
    'regional-departments-aid-2017': '文章未说明该金额在兴安盟和乌兰察布市之间如何分配。',
  },
  observations: {
    'registered-poor-population-2016': '2016年末，农村牧区。',
    'registered-poor-population-2012':
      '推算，原文未载：2016年底的55.6万人加上2012年底以来减少的142万人。',
    'registered-poor-population-reduction-2012-2016': '2012年底至2016年底的减少数。',
    'national-poor-counties-income-2016': '31个国贫旗县的农牧民；年份由所在段落推知（2016年末）。',
    'national-poor-counties-income-growth-gap-2016':
      '人均可支配收入增幅高出全区农牧民平均水平的部分。',
    'poor-counties-2017': '“現有”：截至文章发表时（2017年10月）。',
    'poverty-cause-disaster-2016': '“災”字由乱码字符还原（见normalise.ts）。',
    'poverty-cause-schooling-2016': '“學”字由乱码字符还原（见normalise.ts）。',
    'village-work-teams-before': '“原來”：年份未说明；记为2016年。',
    'village-cadres-before': '增加之前（“由…增加到”）：年份未说明；记为2016年。',
    'four-ten-billion-plan-component-2017':
      '“四個100億”计划的四个组成部分各为“100億”（原文未写“元”字，系隐含）。' +
      '文章未点名其中任何一项，因此未为该计划本身记录资金流。',
    'three-to-village-villages-2014': '“從2014年起”，全部贫困嘎查村。',
    'relocation-housing-area-cap': '“一條紅線”：搬迁贫困人口人均住房建设面积不得超过25平方米。',
    'student-nutrition-coverage-2017': '国贫旗县“全覆蓋”，记为100%。',
    'dilapidated-houses-target-2017': '须在年内完成（“年內確保完成任務”）。',
    'dilapidated-houses-progress-2017': '“已超過60%”：截至2017年10月。',
    'counties-applying-for-exit-2016': '区贫旗县；其退出经第三方评估。',
    'counties-cross-checked-2017': '首轮交叉检查，2017年9月。',
    'counties-admonished-2017':
      '原文用汉字数字（“后五位”）：排名后五位的旗县委书记及其所在盟市的分管领导被约谈。',
    'national-poor-county-exits-target-2019':
      '到2019年“全部”国贫旗县：即“國貧旗縣31個”所说的31个；未给出逐年分解。',
    'poor-village-exits-target-2019':
      '到2019年“全部”贫困嘎查村：即“貧困嘎查村2834個”所说的2834个。',
    'poverty-policy-measures-2017':
      '原文用汉字数字（“十項措施”）：“今年以來”“自治區”出台的加大脱贫攻坚力度的十项措施，' +
      '涉及资金投入、教育、医疗和住房。',
    'four-level-fiscal-poverty-investment-2017':
      '第二篇报道点名了“四个100亿”计划的一个组成部分：中央、自治区、盟市、旗县四级财政资金合计，' +
      '今年为100亿元。它对第一篇文章中的80亿元统筹整合资金和48.8亿元自治区本级投入构成约束。',
  },
  pairings: {
    'regional-departments-hinggan': '“繼續”定点帮扶。',
    'regional-departments-ulanqab': '“繼續”定点帮扶。',
  },
  overlaps: {
    'integrated-funds-and-regional-input-2017':
      '80亿元资金池整合了各级财政用于57个贫困旗县的涉农涉牧资金；按整合政策，' +
      '其中通常包括自治区拨给这些旗县的扶贫资金，即48.8亿元的一部分。' +
      '两者都投向57个贫困旗县（合计128.8亿元）。' +
      '同一场新闻发布会的一篇报道给出了今年四级财政资金总额：' +
      '100亿元（“四级财政将累计投入100亿元”），少于128.8亿元，' +
      '因此两者至少有28.8亿元重合（来源载明）；' +
      '至多为其中较小的一笔，即48.8亿元（很可能：没有数字表明更多）。',
    'industrial-fund-and-regional-input-2017':
      '文章未说明这20亿元由谁注入基金。自治区本级预算的投入“僅…就”达48.8亿元：' +
      '如果基金由自治区出资，20亿元就包含在48.8亿元之内，而非在其之外' +
      '（若证实该基金系自治区资金，则属很可能）。最多重合20亿元。',
  },
} as const satisfies Readonly<Record<string, Readonly<Record<string, string>>>>;
