import { type Kysely, sql } from 'kysely';

// The distinct edges of the flow graph (one row per source, target, unit, year and status, with
// how many flows it stands for), kept in step with `flows` by statement-level triggers. Traces
// find the reachable actors over these few edges instead of every flow.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table flow_edges (
    source_id int not null,
    target_id int not null,
    unit text not null,
    year int not null,
    status text not null,
    flow_count int not null check (flow_count > 0),
    primary key (source_id, unit, year, status, target_id))`.execute(db);
  await sql`insert into flow_edges
    select source_id, target_id, unit, year, status, count(*) from flows group by 1, 2, 3, 4, 5`.execute(
    db,
  );
  await sql`create function flow_edges_add() returns trigger language plpgsql as $$
    begin
      insert into flow_edges
        select source_id, target_id, unit, year, status, count(*) from new_rows group by 1, 2, 3, 4, 5
      on conflict (source_id, unit, year, status, target_id)
        do update set flow_count = flow_edges.flow_count + excluded.flow_count;
      return null;
    end $$`.execute(db);
  await sql`create function flow_edges_remove() returns trigger language plpgsql as $$
    begin
      with gone as (
        select source_id, target_id, unit, year, status, count(*)::int as n from old_rows group by 1, 2, 3, 4, 5
      ), updated as (
        update flow_edges e set flow_count = e.flow_count - g.n from gone g
        where e.source_id = g.source_id and e.target_id = g.target_id and e.unit = g.unit
          and e.year = g.year and e.status = g.status and e.flow_count > g.n
        returning e.source_id, e.target_id, e.unit, e.year, e.status
      )
      delete from flow_edges e using gone g
      where e.source_id = g.source_id and e.target_id = g.target_id and e.unit = g.unit
        and e.year = g.year and e.status = g.status and e.flow_count <= g.n;
      return null;
    end $$`.execute(db);
  await sql`create trigger flow_edges_insert after insert on flows
    referencing new table as new_rows for each statement execute function flow_edges_add()`.execute(
    db,
  );
  await sql`create trigger flow_edges_delete after delete on flows
    referencing old table as old_rows for each statement execute function flow_edges_remove()`.execute(
    db,
  );
  // An update is a removal of the old rows and an addition of the new ones.
  await sql`create trigger flow_edges_update_old after update on flows
    referencing old table as old_rows for each statement execute function flow_edges_remove()`.execute(
    db,
  );
  await sql`create trigger flow_edges_update_new after update on flows
    referencing new table as new_rows for each statement execute function flow_edges_add()`.execute(
    db,
  );
  await sql`create index flow_edges_target_idx on flow_edges (target_id, unit, year, status, source_id)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const trigger of [
    'flow_edges_insert',
    'flow_edges_delete',
    'flow_edges_update_old',
    'flow_edges_update_new',
  ]) {
    await sql`drop trigger if exists ${sql.id(trigger)} on flows`.execute(db);
  }
  await sql`drop function if exists flow_edges_add()`.execute(db);
  await sql`drop function if exists flow_edges_remove()`.execute(db);
  await sql`drop table if exists flow_edges`.execute(db);
}
