import { sql } from 'kysely';
import { builder } from '../builder.js';
import { InputError } from '../domain/errors.js';
import { Program } from './program.js';
import { Actor, Flow, Region } from './refs.js';
import { flowHits, type SearchHitRow, scriptVariants } from './search-flows.js';

const SearchHitType = builder.enumType('SearchHitType', {
  values: ['ACTOR', 'REGION', 'PROGRAM', 'FLOW'] as const,
});

const SearchHit = builder.objectRef<SearchHitRow>('SearchHit').implement({
  description:
    'An actor, place or program whose name, English name or alias matches; or a flow by its figure or instrument.',
  fields: (t) => ({
    type: t.field({ type: SearchHitType, resolve: (h) => h.type }),
    name: t.exposeString('name'),
    nameEn: t.exposeString('name_en', { nullable: true }),
    matched: t.exposeString('matched', { description: 'The name or alias that matched.' }),
    actor: t.field({
      type: Actor,
      nullable: true,
      resolve: (h) => (h.type === 'ACTOR' ? h.ref : null),
    }),
    flow: t.field({
      type: Flow,
      nullable: true,
      resolve: (h) => (h.type === 'FLOW' ? h.ref : null),
    }),
    program: t.field({
      type: Program,
      nullable: true,
      resolve: (h) => (h.type === 'PROGRAM' ? h.ref : null),
    }),
    region: t.field({
      type: Region,
      nullable: true,
      description: 'The place itself for a REGION hit, else where the actor is.',
      resolve: (h) => (h.type === 'REGION' ? h.ref : h.region_code),
    }),
  }),
});

/** Administrative suffixes: 赤峰 finds 赤峰市, and 赤峰市 finds records named 赤峰. */
const SUFFIX = /(自治區|自治区|自治旗|自治縣|自治县|市|盟|旗|縣|县|區|区|省)$/u;

export function searchTerms(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed.length < 1 || trimmed.length > 100) {
    throw new InputError('search text must have 1 to 100 characters', 'text');
  }
  const bare = trimmed.replace(SUFFIX, '');
  return [...new Set([trimmed, bare].flatMap(scriptVariants).filter((s) => s.length > 0))];
}

function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

builder.queryField('search', (t) =>
  t.field({
    type: [SearchHit],
    description:
      'Actors, places and programs by Chinese (Simplified or Traditional) or English name or alias, and flows by figure ("48.8", "1.26亿") or instrument ("loan", "贷款"); best first, at most 50.',
    args: { text: t.arg.string({ required: true }) },
    resolve: async (_root, { text }, { db }) => {
      const patterns = searchTerms(text).map(likePattern);
      const exact = text.trim().toLowerCase();
      const { rows } = await sql<SearchHitRow>`
        with candidates as (
          select 'ACTOR' as type, a.id::text as ref, a.name, a.name_en, a.region_code,
                 array[a.name, coalesce(a.name_en, '')] || a.aliases as names
          from actors a
          union all
          select 'REGION', r.code, r.name, r.name_en, r.parent_code,
                 array[r.name, coalesce(r.name_en, '')] || r.aliases
          from regions r
          union all
          select 'PROGRAM', p.id::text, p.name, p.name_en, null,
                 array[p.name, coalesce(p.name_en, '')] || p.aliases
          from programs p
        )
        select c.type, c.ref, c.name, c.name_en, c.region_code, m.matched,
               case when lower(m.matched) = ${exact} then 0
                    when c.type = 'REGION' then 1 else 2 end as rank
        from candidates c
        cross join lateral (
          select n as matched from unnest(c.names) n
          where n <> '' and n ilike any(${patterns}::text[])
          order by length(n) limit 1
        ) m
        order by rank, length(c.name), c.type, c.ref
        limit 50`.execute(db);
      return [...rows, ...(await flowHits(db, text))].slice(0, 50);
    },
  }),
);
