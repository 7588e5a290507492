import { readFileSync } from 'node:fs';
import { findFigures } from '@fundtrace/schema/figures';
import { Decimal } from '@fundtrace/schema/money';
import { describe, expect, it } from 'vitest';
import { normaliseText } from './normalise.js';

const text = normaliseText(
  readFileSync(new URL('../../seed/000_867cd5e4b4a510ec.txt', import.meta.url), 'utf8'),
);

/**
 * What the coverage check's own number scanner found in the seed article before the figure finder
 * replaced it (commit 4cf9f3a): `start:end:value` per token, code points, the year for 年 tokens.
 * Its ranges gave one token per end, both spanning the whole range.
 */
const BEFORE = `
2:4:4 265:270:2016 287:293:556000 295:300:2012 303:308:1420000 315:320:2012 320:325:14.7
328:332:4.1 333:336:31 352:357:9005 371:378:2.1 406:409:57 416:419:31 424:427:26 437:439:8
445:450:2834 452:457:2016 470:474:250000 475:481:556000 487:491:4.1 524:530:474000 539:544:85.3
558:564:41.44 571:577:16.74 583:588:8.05 596:601:8.32 607:611:4.3 711:714:14 770:773:31
823:826:39 841:844:39 858:863:3463 866:871:7239 877:882:11000 885:888:40000
1034:1038:10000000000 1059:1065:1880000000 1068:1074:4880000000 1094:1097:57
1104:1108:8000000000 1125:1130:15000000000 1135:1139:2000000000 1154:1159:10000000000
1176:1181:2014 1186:1191:2834 1316:1320:3300000000 1323:1327:641 1333:1335:50000 1350:1354:632
1359:1364:98.6 1400:1405:25 1497:1500:10000 1606:1609:57 1638:1643:82.2 1671:1676:35000
1685:1688:60 1708:1711:26 1723:1726:31 1737:1740:42 1749:1755:67130000 1760:1765:360000000
1769:1772:16 1794:1797:16 1808:1811:36 1822:1828:126000000 1831:1836:250000000 1840:1844:170
1870:1876:1180000000 1892:1896:488 1900:1904:563 1957:1962:2016 1967:1970:15 1986:1996:2017
1986:1996:2019 2023:2025:9 2031:2034:27 2125:2128:26 2138:2143:2019
`
  .trim()
  .split(/\s+/u)
  .map((entry) => {
    const [start = '', end = '', value = ''] = entry.split(':');
    return { start: Number(start), end: Number(end), value };
  });

describe('the figure finder on the seed article', () => {
  const figures = findFigures(text);

  it('finds every figure the earlier scanner found, with the same value where it stood', () => {
    expect(BEFORE).toHaveLength(78);
    const missed = BEFORE.filter(
      (old) =>
        !figures.some(
          (f) => f.start < old.end && old.start < f.end && new Decimal(f.value).eq(old.value),
        ),
    );
    expect(missed).toEqual([]);
  });

  it('finds more: the figures written in Chinese numerals', () => {
    const extra = figures.filter(
      (f) => !BEFORE.some((old) => f.start < old.end && old.start < f.end),
    );
    expect(extra.map((f) => f.text)).toEqual([
      '五年',
      '五年',
      '十項',
      '翻了一番',
      '三個',
      '后五位',
    ]);
  });
});
