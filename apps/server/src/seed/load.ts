import { readFileSync } from 'node:fs';
import { type Amount, amountToStrings, decimal, parseChineseAmount } from '@fundtrace/schema/money';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import { article } from './article.js';
import { locateCite } from './locate.js';
import { NORMALISATION_NOTE, normaliseText } from './normalise.js';
import { loadRegions } from './regions.js';
import type { Cite, SeedAmount, SeedDataset } from './types.js';

const SEED_DIR = new URL('../../seed/', import.meta.url);
/** An arbitrary, fixed advisory-lock key for seeding. */
const SEED_LOCK = 20171017;

export function seedAmount(amount: SeedAmount, unit = 'CNY'): Amount {
  if (typeof amount === 'string') {
    // Money as the source writes it ("48.8億元"), or a plain count or percentage ("556000").
    if (/元|CNY/.test(amount)) return { ...parseChineseAmount(amount), unit };
    return { value: decimal(amount), qualifier: 'EXACT', low: null, high: null, unit };
  }
  return {
    value: decimal(amount.value),
    qualifier: amount.qualifier,
    low: amount.low == null ? null : decimal(amount.low),
    high: amount.high == null ? null : decimal(amount.high),
    unit,
  };
}

/** Stored bounds: an at-least amount's low and an at-most amount's high are not stored, being its value. */
function columns(amount: Amount) {
  const { value, low, high, qualifier } = amountToStrings(amount);
  return {
    qualifier,
    low: qualifier === 'AT_LEAST' ? null : low,
    high: qualifier === 'AT_MOST' ? null : high,
    value,
  };
}

/** Loads the regions and the curated data set in one transaction, when the database is empty. */
export async function seedIfEmpty(db: Kysely<Database>, dataset: SeedDataset = article) {
  return db.transaction().execute(async (trx) => {
    // Servers starting together on one empty database: one seeds, the others wait and skip.
    await sql`select pg_advisory_xact_lock(${SEED_LOCK})`.execute(trx);
    const existing = await trx.selectFrom('documents').select('id').limit(1).executeTakeFirst();
    if (existing) return false;
    await loadDataset(trx, dataset);
    return true;
  });
}

async function loadDataset(trx: Transaction<Database>, dataset: SeedDataset) {
  const regions = loadRegions();
  for (let i = 0; i < regions.length; i += 500) {
    await trx
      .insertInto('regions')
      .values(
        regions.slice(i, i + 500).map((r) => ({
          code: r.code,
          name: r.name,
          name_en: r.nameEn,
          level: r.level,
          parent_code: r.parentCode,
          aliases: r.aliases,
        })),
      )
      .execute();
  }

  const doc = dataset.document;
  const text = normaliseText(readFileSync(new URL(doc.file, SEED_DIR), 'utf8'));
  const { id: documentId } = await trx
    .insertInto('documents')
    .values({
      key: doc.key,
      title: doc.title,
      title_en: doc.titleEn,
      publisher: doc.publisher,
      published_on: doc.publishedOn,
      language: doc.language,
      url: doc.url ?? null,
      text,
      normalisation: NORMALISATION_NOTE,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const need = (map: Map<string, number>, key: string | undefined, what: string) => {
    if (key === undefined) return null;
    const id = map.get(key);
    if (id === undefined) throw new Error(`seed: unknown ${what} "${key}"`);
    return id;
  };
  type CitedColumn = 'flow_id' | 'observation_id' | 'actor_id' | 'pairing_id';
  const citations: { cites: Cite[]; column: CitedColumn; id: number }[] = [];

  const programRows = await trx
    .insertInto('programs')
    .values(
      dataset.programs.map((p) => ({
        key: p.key,
        name: p.name,
        name_en: p.nameEn,
        description: p.description ?? null,
      })),
    )
    .returning(['id', 'key'])
    .execute();
  await trx
    .insertInto('metrics')
    .values(dataset.metrics.map((m) => ({ key: m.key, name: m.name, name_en: m.nameEn })))
    .execute();
  const programs = new Map(programRows.map((r) => [r.key, r.id]));

  const actorRows = await trx
    .insertInto('actors')
    .values(
      dataset.actors.map((a) => ({
        key: a.key,
        name: a.name,
        name_en: a.nameEn,
        kind: a.kind,
        region_code: a.regionCode ?? null,
        member_count: a.memberCount ?? null,
        aliases: a.aliases ?? [],
        note: a.note ?? null,
      })),
    )
    .returning(['id', 'key'])
    .execute();
  const actors = new Map(actorRows.map((r) => [r.key, r.id]));
  for (const a of dataset.actors) {
    const id = need(actors, a.key, 'actor') as number;
    if (a.cites?.length) citations.push({ cites: a.cites, column: 'actor_id', id });
    for (const member of a.members ?? []) {
      await trx
        .insertInto('actor_members')
        .values({ group_id: id, member_id: need(actors, member, 'actor') as number })
        .execute();
    }
  }

  // Parents first, so that each parent key resolves when its child is inserted.
  const flows = new Map<string, number>();
  const pending = [...dataset.flows];
  while (pending.length) {
    const index = pending.findIndex((f) => f.parent === undefined || flows.has(f.parent));
    if (index < 0) throw new Error('seed: flow parents form a cycle or name unknown flows');
    const [f] = pending.splice(index, 1);
    if (!f) break;
    const { value, ...bounds } = columns(seedAmount(f.amount, f.unit));
    const row = await trx
      .insertInto('flows')
      .values({
        key: f.key,
        source_id: need(actors, f.source, 'actor') as number,
        target_id: need(actors, f.target, 'actor') as number,
        amount: value,
        ...bounds,
        unit: f.unit ?? 'CNY',
        year: f.year,
        status: f.status,
        instrument: f.instrument,
        program_id: need(programs, f.program, 'program'),
        parent_id: f.parent === undefined ? null : (flows.get(f.parent) ?? null),
        note: f.note ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    flows.set(f.key, row.id);
    citations.push({ cites: f.cites, column: 'flow_id', id: row.id });
  }

  for (const o of dataset.observations) {
    const { value, ...bounds } = columns(seedAmount(o.value, o.unit));
    const row = await trx
      .insertInto('observations')
      .values({
        key: o.key,
        metric: o.metric,
        value,
        ...bounds,
        unit: o.unit,
        year: o.year,
        kind: o.kind,
        region_code: o.regionCode ?? null,
        actor_id: need(actors, o.actor, 'actor'),
        program_id: need(programs, o.program, 'program'),
        note: o.note ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    citations.push({ cites: o.cites, column: 'observation_id', id: row.id });
  }

  for (const p of dataset.pairings) {
    const row = await trx
      .insertInto('pairings')
      .values({
        key: p.key,
        helper_id: need(actors, p.helper, 'actor') as number,
        recipient_id: need(actors, p.recipient, 'actor') as number,
        kind: p.kind,
        program_id: need(programs, p.program, 'program'),
        year: p.year ?? null,
        coverage: p.coverage ?? null,
        note: p.note ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    citations.push({ cites: p.cites, column: 'pairing_id', id: row.id });
  }

  const citationRows = citations.flatMap(({ cites, column, id }) =>
    cites.map((cite) => {
      const { start, end, quote } = locateCite(text, cite);
      return { document_id: documentId, start_offset: start, end_offset: end, quote, [column]: id };
    }),
  );
  for (let i = 0; i < citationRows.length; i += 500) {
    await trx
      .insertInto('citations')
      .values(citationRows.slice(i, i + 500))
      .execute();
  }
}
