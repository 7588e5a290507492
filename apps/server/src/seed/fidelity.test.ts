import { describe, expect, it } from 'vitest';
import { flowInferences, observationInferences } from '../domain/records/inference.rules.js';
import { UNSTATED_PAYER } from './article/inferences.js';
import { article } from './article.js';
import { amountStated, citeQuote, unstatedClaims, yearStated } from './fidelity.js';
import { seedTexts } from './load.js';

const texts = seedTexts(article);

/**
 * Ends of flows the quotes name in other words than the actor's name or aliases, reviewed by
 * hand: the words that name them must stay in a quote of the flow.
 */
const NAMED_IN_OTHER_WORDS: Record<string, string> = {
  'central-organs-aid-2017 target': '31個貧困旗縣',
  'central-organs-introduced-capital-2017 target': '31個貧困旗縣',
  'central-organs-cadres-2017 target': '31個貧困旗縣',
  'beijing-aid-2016 source': '北京市16個區縣',
  'beijing-aid-2016 target': '對口幫扶',
  'beijing-aid-2017 source': '北京市16個區縣',
  'beijing-aid-2017 target': '對口幫扶',
  'beijing-cadres-2017 source': '北京市16個區縣',
  'beijing-cadres-2017 target': '對口幫扶',
  'regional-departments-aid-2017 source': '170個廳局單位',
};

describe('the seed claims only what its quotes state or its inferences note', () => {
  it('finds a year, an amount and the ends of every record in its quotes, or an inference', () => {
    const unstated = unstatedClaims(article, texts)
      .map((u) => `${u.record.replace(/^(flow|observation) /, '')} ${u.field}`)
      .filter((claim) => {
        const flow = article.flows.find((f) => claim.startsWith(`${f.key} `));
        if (flow && (claim.endsWith(' source') ? flow.source : flow.target) === UNSTATED_PAYER)
          return !claim.endsWith(' source') && !claim.endsWith(' target');
        const words = NAMED_IN_OTHER_WORDS[claim];
        if (!flow || words === undefined) return true;
        return !flow.cites.some((c) => citeQuote(article, texts, c).includes(words));
      });
    expect(unstated).toEqual([]);
  });

  it('fails a record whose amount or year no quote states', () => {
    expect(amountStated(['設立20億元產業扶貧基金'], '20億元')).toBe(true);
    expect(amountStated(['共計80億元,比上年翻了一番'], '40億元')).toBe(false);
    expect(yearStated(['今年計劃投入33億元'], 2017, 2017)).toBe(true);
    expect(yearStated(['由去年的18.8億元增加到48.8億元'], 2016, 2017)).toBe(true);
    expect(yearStated(['投入幫扶資金11.8億元'], 2017, 2017)).toBe(false);
    expect(yearStated(['到2019年國貧旗縣全部摘帽'], 2019, 2017)).toBe(true);
    const stripped = {
      ...article,
      flows: article.flows.map((f) => ({ ...f, inferred: [] })),
    };
    const claims = unstatedClaims(stripped, texts).map((u) => `${u.record} ${u.field}`);
    expect(claims).toContain('flow integrated-funds-2016 amount');
    expect(claims).toContain('flow regional-departments-aid-2017 year');
    expect(claims).toContain('flow leveraged-capital-2017 target');
  });

  it('keeps every inference to the domain rules (known field, a note, no duplicates)', () => {
    for (const f of article.flows)
      expect(flowInferences.safeParse(f.inferred ?? []).success, f.key).toBe(true);
    for (const o of article.observations) {
      expect(observationInferences.safeParse(o.inferred ?? []).success, o.key).toBe(true);
    }
    const twice = [
      { field: 'year', note: 'a' },
      { field: 'year', note: 'b' },
    ];
    expect(flowInferences.safeParse(twice).success).toBe(false);
    expect(flowInferences.safeParse([{ field: 'colour', note: 'a' }]).success).toBe(false);
    expect(flowInferences.safeParse([{ field: 'year', note: ' ' }]).success).toBe(false);
  });
});
