import { type Kysely, sql } from 'kysely';
import * as OpenCC from 'opencc-js';
import type { Database } from '../db/database.js';

type Convert = (text: string) => string;

// Built on first use: the dictionaries take a moment to load, and only search needs them.
let converters: { simplified: Convert; traditional: Convert[] } | null = null;
function convert() {
  converters ??= {
    simplified: OpenCC.Converter({ from: 't', to: 'cn' }),
    // OpenCC's standard Traditional writes 峯 where texts from the region write 峰: both forms.
    traditional: [
      OpenCC.Converter({ from: 'cn', to: 't' }),
      OpenCC.Converter({ from: 'cn', to: 'tw' }),
    ],
  };
  return converters;
}
const toSimplified = (text: string) => convert().simplified(text);

/** The text as typed, and in Simplified and Traditional characters: 贷款 finds 貸款. */
export function scriptVariants(text: string): string[] {
  const { simplified, traditional } = convert();
  return [...new Set([text, simplified(text), ...traditional.map((c) => c(text))])];
}

/** Words for instruments and statuses, in English and Chinese (Simplified; Traditional converts). */
const WORDS: Record<string, { column: 'instrument' | 'status'; value: string }> = {};
const word = (column: 'instrument' | 'status', value: string, ...names: string[]) => {
  for (const n of names) WORDS[n] = { column, value };
};
word('instrument', 'LOAN', 'loan', 'loans', '贷款', '贷款本金');
word('instrument', 'GRANT', 'grant', 'grants', '拨款');
word('instrument', 'LEVERAGED', 'leveraged', '撬动', '撬动资金');
word('instrument', 'IN_KIND', 'in kind', 'in-kind', '实物');
word('status', 'PLANNED', 'planned', '计划', '计划资金');
word('status', 'COMMITTED', 'committed', '承诺');
word('status', 'DISBURSED', 'disbursed', '拨付');
word('status', 'SPENT', 'spent', '支出');

const FIGURE = /^[≈约約]?\s*(\d+(?:\.\d+)?)\s*(万|萬|亿|億)?\s*元?$/u;
const EXPONENT: Record<string, number> = { 万: 4, 萬: 4, 亿: 8, 億: 8 };

/** "48.8" → 48.8, 48.8万, 48.8亿; "1.26亿" → 126000000. As decimal text, never a float. */
export function figureValues(text: string): string[] {
  const m = FIGURE.exec(text.replace(/,/g, ''));
  if (!m?.[1]) return [];
  const exponents = m[2] ? [EXPONENT[m[2]] as number] : [0, 4, 8];
  return exponents.map((e) => `${m[1]}e${e}`);
}

/** One hit of a search (schema/search.ts shows it): what it is, its ref and names, what matched. */
export interface SearchHitRow {
  type: 'ACTOR' | 'REGION' | 'PROGRAM' | 'FLOW';
  ref: string;
  name: string;
  name_en: string | null;
  matched: string;
  region_code: string | null;
  rank: number;
}

export type FlowHitRow = SearchHitRow & { type: 'FLOW' };

/** Flows by a figure ("48.8", "1.26亿") or by an instrument or status word ("loan", "贷款"). */
export async function flowHits(db: Kysely<Database>, text: string): Promise<FlowHitRow[]> {
  const trimmed = text.trim();
  const values = figureValues(trimmed);
  const key = toSimplified(trimmed.toLowerCase());
  const w = WORDS[key];
  if (values.length === 0 && !w) return [];
  const where = w
    ? sql`f.${sql.ref(w.column)} = ${w.value}`
    : sql`f.amount = any(${values}::numeric[])`;
  const { rows } = await sql<FlowHitRow>`
    select 'FLOW' as type, f.id::text as ref,
           s.name || ' → ' || t.name as name,
           coalesce(s.name_en, s.name) || ' → ' || coalesce(t.name_en, t.name) as name_en,
           ${trimmed}::text as matched, t.region_code, 3 as rank
    from flows f join actors s on s.id = f.source_id join actors t on t.id = f.target_id
    where ${where}
    order by f.amount desc, f.id
    limit 20`.execute(db);
  return rows;
}
