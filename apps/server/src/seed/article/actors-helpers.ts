// The seed article's helpers (who gives aid), after actors.ts's.
import type { SeedDataset } from '../types.js';
import { BEIJING, IM } from './codes.js';

export const helperActors: SeedDataset['actors'] = [
  // ---- helpers ------------------------------------------------------------------------------
  {
    key: 'central-state-organs',
    name: '中央国家机关定点帮扶单位',
    nameEn: 'Central state organs giving designated assistance',
    kind: 'DEPARTMENT',
    memberCount: 26,
    aliases: ['中央國家機關單位'],
    cites: [{ quote: '26個中央國家機關單位' }],
  },
  {
    key: 'beijing-districts',
    name: '北京市对口帮扶区县',
    nameEn: 'Beijing districts giving paired assistance',
    kind: 'GOVERNMENT',
    regionCode: BEIJING,
    memberCount: 16,
    aliases: ['北京市區縣'],
    cites: [{ quote: '北京市16個區縣' }],
  },
  {
    key: 'regional-departments',
    name: '自治区定点帮扶厅局单位',
    nameEn: 'Regional departments and bureaus giving designated assistance',
    kind: 'DEPARTMENT',
    regionCode: IM,
    memberCount: 170,
    aliases: ['自治區廳局單位'],
    cites: [{ quote: '自治區170個廳局單位' }],
  },
  {
    key: 'provincial-leaders',
    name: '自治区现任省级领导干部',
    nameEn: 'Serving provincial-level leaders of the region',
    kind: 'PERSON',
    regionCode: IM,
    memberCount: 39,
    aliases: ['現任省級領導干部'],
    cites: [{ quote: '39位現任省級領導干部' }],
  },
  {
    key: 'supervision-groups',
    name: '自治区脱贫攻坚督导组',
    nameEn: 'Regional poverty-alleviation supervision groups',
    kind: 'ORGANIZATION',
    regionCode: IM,
    aliases: ['自治區脫貧攻堅督導組'],
    note: 'Stationed in the 31 national poor counties; the article does not give their number.',
    cites: [{ quote: '自治區脫貧攻堅督導組' }],
  },
  {
    key: 'partner-enterprises',
    name: '村企合作帮扶企业',
    nameEn: 'Enterprises helping poor villages (village–enterprise partnership)',
    kind: 'ENTERPRISE',
    memberCount: 488,
    cites: [{ quote: '488家企業' }],
  },
];
