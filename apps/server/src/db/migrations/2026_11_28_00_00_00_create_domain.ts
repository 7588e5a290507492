import { type Kysely, sql } from 'kysely';

// Frozen in time: never import app code here.

const FLOW_STATUSES = `'PLANNED','COMMITTED','DISBURSED','SPENT'`;
const INSTRUMENTS = `'GRANT','LOAN','FUND','LEVERAGED','IN_KIND','TRANSFER','OTHER'`;
const QUALIFIERS = `'EXACT','APPROXIMATE','AT_LEAST','AT_MOST'`;
const ACTOR_KINDS = `'GOVERNMENT','TREASURY','DEPARTMENT','FUND','BANK','ENTERPRISE','VILLAGE','HOUSEHOLDS','PROJECT','INVESTOR','ORGANIZATION','PERSON','OTHER'`;
const REGION_LEVELS = `'PROVINCE','PREFECTURE','COUNTY','TOWNSHIP','VILLAGE'`;
const OBSERVATION_KINDS = `'BASELINE','TARGET','ACTUAL'`;

/** Bounds agree with the qualifier: exact has none, at-least no upper, at-most no lower. */
function boundsCheck(value: string) {
  return sql.raw(`
    (low is null or (low >= 0 and low <= ${value})) and
    (high is null or high >= ${value}) and
    case qualifier
      when 'EXACT' then low is null and high is null
      when 'AT_LEAST' then high is null
      when 'AT_MOST' then low is null or low >= 0
      else true end`);
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('documents')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text')
    .addColumn('publisher', 'text')
    .addColumn('published_on', 'date')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('normalisation', 'text')
    .execute();

  await db.schema
    .createTable('regions')
    .addColumn('code', 'text', (c) => c.primaryKey().check(sql`code ~ '^[1-9][0-9]{5}$'`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('level', 'text', (c) => c.notNull().check(sql.raw(`level in (${REGION_LEVELS})`)))
    .addColumn('parent_code', 'text', (c) => c.references('regions.code'))
    .addColumn('aliases', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('designations', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addCheckConstraint('regions_parent_not_self', sql`parent_code is distinct from code`)
    .execute();
  await db.schema.createIndex('regions_parent_idx').on('regions').column('parent_code').execute();

  await db.schema
    .createTable('programs')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('name_en', 'text')
    .addColumn('description', 'text')
    .execute();

  await db.schema
    .createTable('actors')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('kind', 'text', (c) => c.notNull().check(sql.raw(`kind in (${ACTOR_KINDS})`)))
    .addColumn('region_code', 'text', (c) => c.references('regions.code'))
    .addColumn('member_count', 'integer', (c) => c.check(sql`member_count > 0`))
    .addColumn('aliases', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('actors_region_idx').on('actors').column('region_code').execute();

  await db.schema
    .createTable('actor_members')
    .addColumn('group_id', 'integer', (c) =>
      c.notNull().references('actors.id').onDelete('cascade'),
    )
    .addColumn('member_id', 'integer', (c) =>
      c.notNull().references('actors.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('actor_members_pk', ['group_id', 'member_id'])
    .addCheckConstraint('actor_members_not_self', sql`group_id <> member_id`)
    .execute();
  await db.schema
    .createIndex('actor_members_member_idx')
    .on('actor_members')
    .column('member_id')
    .execute();

  await db.schema
    .createTable('metrics')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .execute();

  await db.schema
    .createTable('flows')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('source_id', 'integer', (c) => c.notNull().references('actors.id'))
    .addColumn('target_id', 'integer', (c) => c.notNull().references('actors.id'))
    .addColumn('amount', 'numeric(24, 4)', (c) => c.notNull().check(sql`amount >= 0`))
    .addColumn('qualifier', 'text', (c) =>
      c.notNull().check(sql.raw(`qualifier in (${QUALIFIERS})`)),
    )
    .addColumn('low', 'numeric(24, 4)')
    .addColumn('high', 'numeric(24, 4)')
    .addColumn('unit', 'text', (c) => c.notNull().defaultTo('CNY'))
    .addColumn('year', 'integer', (c) => c.notNull().check(sql`year between 1949 and 2100`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql.raw(`status in (${FLOW_STATUSES})`)))
    .addColumn('instrument', 'text', (c) =>
      c.notNull().check(sql.raw(`instrument in (${INSTRUMENTS})`)),
    )
    .addColumn('program_id', 'integer', (c) => c.references('programs.id'))
    .addColumn('parent_id', 'integer', (c) => c.references('flows.id'))
    .addColumn('note', 'text')
    .addCheckConstraint('flows_source_not_target', sql`source_id <> target_id`)
    .addCheckConstraint('flows_parent_not_self', sql`parent_id is distinct from id`)
    .addCheckConstraint('flows_bounds', boundsCheck('amount'))
    .execute();
  for (const column of ['source_id', 'target_id', 'program_id', 'parent_id', 'year'] as const) {
    await db.schema.createIndex(`flows_${column}_idx`).on('flows').column(column).execute();
  }

  await db.schema
    .createTable('observations')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('metric', 'text', (c) => c.notNull().references('metrics.key'))
    .addColumn('value', 'numeric(24, 4)', (c) => c.notNull())
    .addColumn('qualifier', 'text', (c) =>
      c.notNull().check(sql.raw(`qualifier in (${QUALIFIERS})`)),
    )
    .addColumn('low', 'numeric(24, 4)')
    .addColumn('high', 'numeric(24, 4)')
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull().check(sql`year between 1949 and 2100`))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql.raw(`kind in (${OBSERVATION_KINDS})`)))
    .addColumn('region_code', 'text', (c) => c.references('regions.code'))
    .addColumn('actor_id', 'integer', (c) => c.references('actors.id'))
    .addColumn('program_id', 'integer', (c) => c.references('programs.id'))
    .addColumn('note', 'text')
    .addCheckConstraint(
      'observations_subject',
      sql`num_nonnulls(region_code, actor_id, program_id) >= 1`,
    )
    .addCheckConstraint('observations_bounds', boundsCheck('value'))
    .execute();
  for (const column of ['region_code', 'actor_id', 'program_id', 'metric'] as const) {
    await db.schema
      .createIndex(`observations_${column}_idx`)
      .on('observations')
      .column(column)
      .execute();
  }

  await db.schema
    .createTable('pairings')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('helper_id', 'integer', (c) => c.notNull().references('actors.id'))
    .addColumn('recipient_id', 'integer', (c) => c.notNull().references('actors.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('program_id', 'integer', (c) => c.references('programs.id'))
    .addColumn('year', 'integer', (c) => c.check(sql`year between 1949 and 2100`))
    .addColumn('coverage', 'integer', (c) => c.check(sql`coverage > 0`))
    .addColumn('note', 'text')
    .addCheckConstraint('pairings_not_self', sql`helper_id <> recipient_id`)
    .execute();
  await db.schema.createIndex('pairings_helper_idx').on('pairings').column('helper_id').execute();
  await db.schema
    .createIndex('pairings_recipient_idx')
    .on('pairings')
    .column('recipient_id')
    .execute();

  // A citation belongs to exactly one record; its quote is the document's text at [start, end).
  await db.schema
    .createTable('citations')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
    .addColumn('start_offset', 'integer', (c) => c.notNull().check(sql`start_offset >= 0`))
    .addColumn('end_offset', 'integer', (c) => c.notNull())
    .addColumn('quote', 'text', (c) => c.notNull())
    .addColumn('flow_id', 'integer', (c) => c.references('flows.id').onDelete('cascade'))
    .addColumn('observation_id', 'integer', (c) =>
      c.references('observations.id').onDelete('cascade'),
    )
    .addColumn('actor_id', 'integer', (c) => c.references('actors.id').onDelete('cascade'))
    .addColumn('pairing_id', 'integer', (c) => c.references('pairings.id').onDelete('cascade'))
    .addCheckConstraint('citations_span', sql`end_offset > start_offset`)
    .addCheckConstraint(
      'citations_quote_length',
      sql`char_length(quote) = end_offset - start_offset`,
    )
    .addCheckConstraint(
      'citations_one_record',
      sql`num_nonnulls(flow_id, observation_id, actor_id, pairing_id) = 1`,
    )
    .execute();
  for (const column of [
    'document_id',
    'flow_id',
    'observation_id',
    'actor_id',
    'pairing_id',
  ] as const) {
    await db.schema.createIndex(`citations_${column}_idx`).on('citations').column(column).execute();
  }
  await sql`
    create function citations_quote_verbatim() returns trigger language plpgsql as $$
    begin
      if not exists (
        select 1 from documents d
        where d.id = new.document_id
          and substr(d.text, new.start_offset + 1, new.end_offset - new.start_offset) = new.quote
      ) then
        raise exception 'citation quote is not the document text at [%, %)', new.start_offset, new.end_offset
          using errcode = '23514';
      end if;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger citations_quote_verbatim before insert or update on citations
    for each row execute function citations_quote_verbatim()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'citations',
    'pairings',
    'observations',
    'flows',
    'metrics',
    'actor_members',
    'actors',
    'programs',
    'regions',
    'documents',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await sql`drop function if exists citations_quote_verbatim()`.execute(db);
}
