// Short English glosses of the seed article's quotes, for readers of the English pages
// (Citation.gloss). Keyed by the quote as the seed cites it; a quote without one shows alone.

export const GLOSSES: Readonly<Record<string, string>> = {
  '15個區貧旗縣': '15 regionally designated poor counties',
  '170個廳局單位繼續定點幫扶興安盟和烏蘭察布市':
    '170 regional departments continued designated assistance to Hinggan League and Ulanqab',
  '26個中央國家機關單位': '26 central state organs',
  '26個中央國家機關單位定點幫扶31個貧困旗縣':
    '26 central state organs give designated assistance to 31 poor counties',
  '26個區貧旗縣全部摘帽': 'all 26 regionally designated poor counties shed the label',
  '27個貧困旗縣': '27 poor counties',
  '31個國貧旗縣': '31 nationally designated poor counties',
  '31個國貧旗縣農牧民人均可支配收入達到9005元':
    'disposable income per farmer and herder in the 31 national poor counties reached 9,005 yuan',
  '39位現任省級領導干部': '39 serving provincial-level leaders',
  '39位現任省級領導干部“一對一”聯系39個貧困旗縣':
    '39 serving provincial-level leaders each keep "one-to-one" contact with one of 39 poor counties',
  '488家企業': '488 enterprises',
  '488家企業幫扶563個貧困嘎查村': '488 enterprises help 563 poor villages',
  '563個貧困嘎查村': '563 poor villages',
  '“一站式”服務的旗縣達到82.2%': 'counties with "one-stop" service reached 82.2%',
  人均住房建設面積不超過25平方米: 'housing built at no more than 25 m² per person',
  '今年3.5萬戶危房改造進度已超過60%':
    'this year, renovation of 35,000 dilapidated homes is over 60% done',
  今年以來先后14次召開相關工作會議: 'this year, 14 working meetings on it so far',
  今年計劃投入33億元: 'this year, 3.3 bn yuan is planned',
  '僅自治區本級財政投入就由去年的18.8億元增加到48.8億元':
    "the regional budget's own investment alone rose from last year's 1.88 bn to 4.88 bn yuan",
  '先診療后付費的旗縣達到57%': 'counties with "treat first, pay later" reached 57%',
  全部57個貧困旗縣: 'all 57 poor counties',
  '共計80億元,比上年翻了一番': '8 bn yuan in all, double the year before',
  其中國貧旗縣31個: 'of which 31 are nationally designated poor counties',
  出臺的加大脫貧攻堅力度的十項措施: 'the ten measures issued to step up poverty alleviation',
  '到2016年底,全區有建檔立卡貧困人口25萬戶':
    'by the end of 2016, the region had 250,000 registered poor households',
  '到2016年末,全區農村牧區建檔立卡貧困人口為55.6萬人':
    "by the end of 2016, the region's rural and pastoral registered poor numbered 556,000",
  北京市16個區縣: "Beijing's 16 districts and counties",
  北京市16個區縣對口幫扶: "paired assistance from Beijing's 16 districts and counties",
  北京市16個區縣對口幫扶貧困人口最多的赤峰市和烏蘭察布市16個國貧旗縣:
    "Beijing's 16 districts and counties pair with the 16 national poor counties of Chifeng and Ulanqab, where most of the poor live",
  區貧旗縣26個: '26 regionally designated poor counties',
  '占全區貧困人口的85.3%': "85.3% of the region's poor",
  向31個國貧旗縣派駐自治區脫貧攻堅督導組:
    'regional supervision teams sent to the 31 national poor counties',
  '因學致貧占4.3%': 'poor because of schooling costs: 4.3%',
  '因災致貧占8.05%': 'poor because of disasters: 8.05%',
  '因病致貧占41.44%': 'poor because of illness: 41.44%',
  '因缺勞力致貧占8.32%': 'poor for lack of labour: 8.32%',
  國家集中連片特困縣8個: '8 counties in the national contiguous areas of extreme poverty',
  國貧旗縣31個: '31 nationally designated poor counties',
  '增幅高于全區農牧民平均水平2.1個百分點':
    "growth 2.1 percentage points above the region's farmers and herders on average",
  大學新生每人每年給予1萬元資助: 'new university students get 10,000 yuan a year each',
  '實施了“四個100億”投入計劃': 'carried out the "four times 10 bn" investment plan',
  對2016年申請摘帽的15個區貧旗縣進行了第三方評估:
    'third-party assessment of the 15 regional poor counties that applied to exit in 2016',
  對27個貧困旗縣開展了首輪交叉檢查: 'first round of cross-inspections in 27 poor counties',
  對排名后五位的旗縣委書記: 'the party secretaries of the five lowest-ranked counties',
  建檔立卡貧困人口25萬戶: '250,000 registered poor households',
  建設641個安置點: 'building 641 resettlement sites',
  '引進資金3.6億元': '360 m yuan brought in',
  '從2014年起,在全區2834個貧困嘎查村開展“三到村三到戶”':
    'since 2014, "three to the village, three to the household" in 2,834 poor villages',
  '投入幫扶資金11.8億元': '1.18 bn yuan of assistance put in',
  '投入幫扶資金從去年的1.26億元增加到2.5億元':
    "assistance put in rose from last year's 126 m to 250 m yuan",
  投入直接幫扶資金6713萬元: '67.13 m yuan of direct assistance put in',
  搬遷5萬建檔立卡貧困人口: 'relocating 50,000 registered poor people',
  撬動金融社會資本100億元以上: 'leveraging at least 10 bn yuan of financial and social capital',
  '有貧困人口47.4萬人': '474,000 poor people',
  比2012年底減少142萬人: '1.42 million fewer than at the end of 2012',
  營養改善實現國貧旗縣全覆蓋: 'nutrition improvement covers all national poor counties',
  現已開工建設632個: '632 now under construction',
  現有貧困旗縣57個: '57 poor counties at present',
  產業扶貧基金: 'industrial poverty-alleviation fund',
  發放小額扶貧貸款150億元以上: 'at least 15 bn yuan of poverty microcredit issued',
  '統籌整合財政涉農涉牧資金范圍擴大到全部57個貧困旗縣,共計80億元':
    'pooling of agricultural and pastoral budget money extended to all 57 poor counties, 8 bn yuan in all',
  '缺資金致貧占16.74%': 'poor for lack of capital: 16.74%',
  聯系39個貧困旗縣: 'contact with 39 poor counties',
  自治區170個廳局單位: "the region's 170 departments and bureaus",
  自治區本級財政: "the autonomous region's own budget",
  自治區脫貧攻堅督導組: "the region's poverty-alleviation supervision teams",
  興安盟和烏蘭察布市: 'Hinggan League and Ulanqab',
  設立20億元產業扶貧基金: 'a 2 bn yuan industrial poverty-alleviation fund set up',
  財政涉農涉牧資金: 'agricultural and pastoral budget money',
  '貧困人口25萬戶、55.6萬人': '250,000 poor households, 556,000 people',
  貧困嘎查村2834個: '2,834 poor villages',
  '貧困發生率4.1%': 'poverty rate 4.1%',
  '貧困發生率由2012年14.7%下降到4.1%': 'poverty rate down from 14.7% in 2012 to 4.1%',
  '赤峰市、烏蘭察布市、通遼市、興安盟': 'Chifeng, Ulanqab, Tongliao, Hinggan League',
  赤峰市和烏蘭察布市16個國貧旗縣: 'the 16 national poor counties of Chifeng and Ulanqab',
  選派掛職干部36名: '36 cadres seconded',
  選派掛職干部42名: '42 cadres seconded',
  金融社會資本: 'financial and social capital',
  '開工率為98.6%': 'construction started at 98.6%',
  駐村工作隊由原來的3463個增加到7239個: 'village work teams up from 3,463 to 7,239',
  '駐村干部由1.1萬名增加到4萬名': 'village-based cadres up from 11,000 to 40,000',
  // The second document (a report of the same press conference, Simplified script).
  '仅自治区本级财政投入就由去年的18.8亿元增加到48.8亿元':
    "the region's own budget input alone rose from 1.88 bn yuan last year to 4.88 bn",
  整合财政涉农涉牧资金80亿元: '8 bn yuan of agricultural and pastoral budget money pooled',
  四级财政将累计投入100亿元助力扶贫攻坚:
    'the budgets of the four levels of government will put in 10 bn yuan in all against poverty',
  '今年内蒙古实施“四个100亿”投入计划,四级财政将累计投入100亿元助力扶贫攻坚':
    'this year Inner Mongolia runs the "four times 10 bn" plan: the four levels of government will put in 10 bn yuan in all',
};
