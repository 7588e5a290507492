import { readFileSync } from 'node:fs';
import { type Amount, amountToStrings, decimal } from '@fundtrace/schema/money';
import { parseChineseAmount } from '@fundtrace/schema/money-parse';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import { type FlowRecord, flowByKeys, toFlowRecord } from '../domain/flow/flow.rules.js';
import { amountToColumns } from '../domain/money/amount-columns.js';
import { inferredColumn, observationInferences } from '../domain/records/inference.rules.js';
import { article } from './article.js';
import { type Ids, insertCitations, insertOverlaps, insertPairings, need } from './load-links.js';
import { NORMALISATION_NOTE, normaliseText } from './normalise.js';
import { loadRegions } from './regions.js';
import {
  noteZhOf,
  type SeedAmount,
  type SeedDataset,
  type SeedDocument,
  type SeedFlow,
} from './types.js';

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

/** A seed flow judged by the rules every written flow obeys (domain/flow/flow.rules.ts). */
function seedFlowRecord(f: SeedFlow, noteZh: string | null): FlowRecord {
  const { value, qualifier, low, high, unit } = amountToStrings(seedAmount(f.amount, f.unit));
  return toFlowRecord(
    flowByKeys.parse({
      key: f.key,
      sourceKey: f.source,
      targetKey: f.target,
      amount: { value, qualifier, low, high, unit },
      year: f.year,
      status: f.status,
      instrument: f.instrument,
      programKey: f.program,
      parentKey: f.parent,
      note: f.note,
      noteZh,
      inferred: f.inferred,
    }),
  );
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
  await insertRegions(trx);
  const ids: Ids = {
    documents: await insertDocuments(trx, [dataset.document, ...dataset.otherDocuments]),
    programs: await insertPrograms(trx, dataset),
    actors: new Map(),
    flows: new Map(),
    citations: [],
  };
  ids.actors = await insertActors(trx, dataset, ids);
  await insertFlows(trx, dataset, ids);
  await insertObservations(trx, dataset, ids);
  await insertPairings(trx, dataset, ids);
  await insertOverlaps(trx, dataset, ids, (a) =>
    a === undefined ? null : amountToStrings(seedAmount(a)).value,
  );
  await insertCitations(trx, ids, dataset.document.key, dataset.glosses ?? {});
}

async function insertRegions(trx: Transaction<Database>) {
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
}

/** The seed's documents: the text of a file under seed/, normalised unless it says how it was made. */
export function seedText(doc: SeedDocument) {
  const raw = readFileSync(new URL(doc.file, SEED_DIR), 'utf8');
  return doc.normalisation === undefined ? normaliseText(raw) : raw;
}

/** Every document's stored text, by key: the data set's own first. */
export function seedTexts(dataset: SeedDataset): Map<string, string> {
  return new Map(
    [dataset.document, ...dataset.otherDocuments].map((doc) => [doc.key, seedText(doc)]),
  );
}

async function insertDocuments(trx: Transaction<Database>, docs: SeedDocument[]) {
  const out: Ids['documents'] = new Map();
  for (const doc of docs) {
    const text = seedText(doc);
    const { id } = await trx
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
        normalisation: doc.normalisation ?? NORMALISATION_NOTE,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    out.set(doc.key, { id, text });
  }
  return out;
}

async function insertPrograms(trx: Transaction<Database>, dataset: SeedDataset) {
  const programRows = await trx
    .insertInto('programs')
    .values(
      dataset.programs.map((p) => ({
        key: p.key,
        name: p.name,
        name_en: p.nameEn,
        description: p.description ?? null,
        aliases: p.aliases ?? [],
      })),
    )
    .returning(['id', 'key'])
    .execute();
  await trx
    .insertInto('metrics')
    .values(dataset.metrics.map((m) => ({ key: m.key, name: m.name, name_en: m.nameEn })))
    .execute();
  return new Map(programRows.map((r) => [r.key, r.id]));
}

async function insertActors(trx: Transaction<Database>, dataset: SeedDataset, ids: Ids) {
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
        note_zh: noteZhOf(dataset, 'actors', a.key),
      })),
    )
    .returning(['id', 'key'])
    .execute();
  const actors = new Map(actorRows.map((r) => [r.key, r.id]));
  for (const a of dataset.actors) {
    const id = need(actors, a.key, 'actor') as number;
    if (a.cites?.length) ids.citations.push({ cites: a.cites, column: 'actor_id', id });
    for (const member of a.members ?? []) {
      await trx
        .insertInto('actor_members')
        .values({ group_id: id, member_id: need(actors, member, 'actor') as number })
        .execute();
    }
  }
  return actors;
}

async function insertFlows(trx: Transaction<Database>, dataset: SeedDataset, ids: Ids) {
  const { actors, programs } = ids;
  // Parents first, so that each parent key resolves when its child is inserted.
  const flows = ids.flows;
  const pending = [...dataset.flows];
  while (pending.length) {
    const index = pending.findIndex((f) => f.parent === undefined || flows.has(f.parent));
    if (index < 0) throw new Error('seed: flow parents form a cycle or name unknown flows');
    const [f] = pending.splice(index, 1);
    if (!f) break;
    const r = seedFlowRecord(f, noteZhOf(dataset, 'flows', f.key));
    const row = await trx
      .insertInto('flows')
      .values({
        key: r.key,
        source_id: need(actors, r.sourceKey, 'actor') as number,
        target_id: need(actors, r.targetKey, 'actor') as number,
        amount: r.amount,
        qualifier: r.qualifier,
        low: r.low,
        high: r.high,
        unit: r.unit,
        year: r.year,
        status: r.status,
        instrument: r.instrument,
        program_id: need(programs, r.programKey ?? undefined, 'program'),
        parent_id: r.parentKey === null ? null : (flows.get(r.parentKey) ?? null),
        note: r.note,
        note_zh: r.noteZh,
        inferred: r.inferred,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    flows.set(f.key, row.id);
    ids.citations.push({ cites: f.cites, column: 'flow_id', id: row.id });
  }
}

async function insertObservations(trx: Transaction<Database>, dataset: SeedDataset, ids: Ids) {
  const { actors, programs } = ids;
  for (const o of dataset.observations) {
    const { value, ...bounds } = amountToColumns(seedAmount(o.value, o.unit));
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
        note_zh: noteZhOf(dataset, 'observations', o.key),
        inferred: inferredColumn(observationInferences.parse(o.inferred ?? [])),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.citations.push({ cites: o.cites, column: 'observation_id', id: row.id });
  }
}
