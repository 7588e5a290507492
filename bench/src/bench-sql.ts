/**
 * What a PostGraphile user would add to answer the shapes its generated schema cannot: a schema
 * `bench` of SQL functions, which PostGraphile exposes as query fields. Each is what a careful
 * developer would write, not a strawman: set-based SQL that PostgreSQL can inline or plan well.
 *
 * - flows_in_region: flows of a year whose source or target lies in a region (GB/T 2260
 *   prefix), by id, after an id (a keyset cursor); PostGraphile pages it and joins citations.
 * - totals_by_region_program: sums per target region and program, split as our totals are
 *   (public money without loans, leveraged and planned money; other units apart), of a year
 *   and optionally one program.
 * - trace_downstream: our attribution rule, level by level: the start passes on each of its
 *   outflows in full (earmarked or not); earmarked children carry their
 *   parent's traced share exactly; the rest of each node's traced inflow pools, and pooled
 *   outflows carry `amount × tracedPool ÷ max(poolIn, poolOut)`; summed per target into the
 *   next frontier. Set-based per level (one statement per depth, no path enumeration); returns
 *   counts, the total and the largest `lim` nodes and links as JSON (amounts as decimal text). (No cycle rule: the
 *   depth bound stops it; the synthetic graph has no cycles.)
 */
import type pg from 'pg';

const SQL = `
create schema if not exists bench;

create or replace function bench.region_prefix(code text) returns text
language sql immutable as $$
  select case when code like '%0000' then left(code, 2)
              when code like '%00' then left(code, 4) else code end
$$;

drop function if exists bench.flows_in_region(int, text);
create or replace function bench.flows_in_region(year int, region_code text, after_id int default null)
returns setof public.flows language sql stable as $$
  select f.* from public.flows f
  where f.year = flows_in_region.year
    and (flows_in_region.after_id is null or f.id > flows_in_region.after_id)
    and exists (select 1 from public.actors a
                where a.id in (f.source_id, f.target_id)
                  and a.region_code like bench.region_prefix(flows_in_region.region_code) || '%')
  order by f.id
$$;

drop function if exists bench.totals_by_region_program(int);
drop function if exists bench.totals_by_region_program(int, int);
drop type if exists bench.total_row;
create type bench.total_row as (
  region_code text, region_name text, program_id int, program_name text,
  public_money numeric, loan_principal numeric, leveraged numeric, planned numeric,
  flow_count int);

create or replace function bench.totals_by_region_program(year int, program_id int default null)
returns setof bench.total_row language sql stable as $$
  select a.region_code, r.name, f.program_id, p.name,
    coalesce(sum(f.amount) filter (where f.unit = 'CNY' and f.status <> 'PLANNED'
                                      and f.instrument not in ('LOAN', 'LEVERAGED')), 0),
    coalesce(sum(f.amount) filter (where f.unit = 'CNY' and f.status <> 'PLANNED'
                                      and f.instrument = 'LOAN'), 0),
    coalesce(sum(f.amount) filter (where f.unit = 'CNY' and f.status <> 'PLANNED'
                                      and f.instrument = 'LEVERAGED'), 0),
    coalesce(sum(f.amount) filter (where f.unit = 'CNY' and f.status = 'PLANNED'), 0),
    count(*)::int
  from public.flows f
  join public.actors a on a.id = f.target_id
  left join public.regions r on r.code = a.region_code
  left join public.programs p on p.id = f.program_id
  where f.year = totals_by_region_program.year
    and (totals_by_region_program.program_id is null
         or f.program_id = totals_by_region_program.program_id)
  group by a.region_code, r.name, f.program_id, p.name
  order by a.region_code, f.program_id
$$;

drop function if exists bench.trace_downstream(int, int, int, int);
drop type if exists bench.trace_result;
create type bench.trace_result as (
  total numeric, node_count int, link_count int, nodes jsonb, links jsonb);

create or replace function bench.trace_downstream(
  start_id int, year int default null, max_depth int default 6, lim int default 100)
returns bench.trace_result language plpgsql stable as $$
declare
  f_ids int[] := array[start_id];
  f_amt numeric[];
  l_ids int[] := '{}';
  l_amt numeric[] := '{}';
  all_l_ids int[] := '{}';
  all_l_amt numeric[] := '{}';
  n_ids int[] := array[start_id];
  n_amt numeric[];
  n_depth int[] := array[0];
  depth int := 0;
  result bench.trace_result;
begin
  select coalesce(sum(f.amount), 0) into result.total from public.flows f
  where f.source_id = start_id and f.unit = 'CNY'
    and (trace_downstream.year is null or f.year = trace_downstream.year);
  f_amt := array[result.total];
  n_amt := array[result.total];
  while depth < max_depth and cardinality(f_ids) > 0 loop
    depth := depth + 1;
    with frontier as (
      select * from unnest(f_ids, f_amt) as t(id, traced)),
    prev as (
      select * from unnest(l_ids, l_amt) as t(flow_id, attributed)),
    -- earmarked pass-through: a child carries its parent's traced share exactly (scaled down
    -- together when the children add up to more than the parent)
    kids as (
      select c.id, c.parent_id, c.target_id, c.amount from public.flows c
      where c.parent_id = any(l_ids) and c.unit = 'CNY'
        and (trace_downstream.year is null or c.year = trace_downstream.year)),
    kid_sum as (
      select parent_id, sum(amount) as amount from kids group by parent_id),
    earmarked as (
      select k.id, k.target_id,
        pr.attributed * k.amount / greatest(p.amount, ks.amount) as attributed
      from kids k join kid_sum ks on ks.parent_id = k.parent_id
      join prev pr on pr.flow_id = k.parent_id join public.flows p on p.id = k.parent_id
      where greatest(p.amount, ks.amount) > 0),
    -- what is left of each traced inflow goes into the node's pool
    traced_pool as (
      select p.target_id as id,
        sum(case when p.amount = 0 then 0 else pr.attributed
              * (p.amount - least(p.amount, coalesce(ks.amount, 0))) / p.amount end) as traced
      from prev pr join public.flows p on p.id = pr.flow_id
      left join kid_sum ks on ks.parent_id = p.id
      group by p.target_id),
    pool_out as (
      select f.source_id as id, sum(f.amount) as amount from public.flows f
      where f.source_id = any(f_ids) and f.parent_id is null and f.unit = 'CNY'
        and (trace_downstream.year is null or f.year = trace_downstream.year)
      group by f.source_id),
    -- every inflow of a node that pools, less what its earmarked children take out
    pool_in as (
      select f.target_id as id,
        sum(f.amount - least(f.amount, coalesce((
          select sum(c.amount) from public.flows c where c.parent_id = f.id and c.unit = 'CNY'
            and (trace_downstream.year is null or c.year = trace_downstream.year)), 0))) as amount
      from public.flows f
      where f.target_id in (select id from pool_out) and f.unit = 'CNY'
        and (trace_downstream.year is null or f.year = trace_downstream.year)
      group by f.target_id),
    pooled as (
      select f.id, f.target_id,
        f.amount * coalesce(tp.traced, 0) / greatest(coalesce(i.amount, 0), o.amount) as attributed
      from frontier fr join pool_out o on o.id = fr.id
      left join traced_pool tp on tp.id = fr.id
      left join pool_in i on i.id = fr.id
      join public.flows f on f.source_id = fr.id and f.parent_id is null and f.unit = 'CNY'
        and (trace_downstream.year is null or f.year = trace_downstream.year)
      where depth > 1 and o.amount > 0),
    -- the start passes on each of its outflows in full, earmarked ones too (as ours does:
    -- they are its own money to trace, not a share of a traced inflow)
    seeds as (
      select f.id, f.target_id, f.amount as attributed from public.flows f
      where depth = 1 and f.source_id = start_id and f.unit = 'CNY'
        and (trace_downstream.year is null or f.year = trace_downstream.year)),
    links as (
      select * from earmarked union all select * from pooled union all select * from seeds),
    next as (
      select target_id, sum(attributed) as traced from links group by target_id)
    select (select coalesce(array_agg(id), '{}') from links),
           (select coalesce(array_agg(attributed), '{}') from links),
           (select coalesce(array_agg(target_id), '{}') from next),
           (select coalesce(array_agg(traced), '{}') from next)
      into l_ids, l_amt, f_ids, f_amt;
    all_l_ids := all_l_ids || l_ids;
    all_l_amt := all_l_amt || l_amt;
    -- a node reached at two depths counts once, at the first
    n_ids := n_ids || f_ids;
    n_amt := n_amt || f_amt;
    n_depth := n_depth || array_fill(depth, array[cardinality(f_ids)]);
  end loop;
  select count(distinct id)::int into result.node_count from unnest(n_ids) as t(id);
  select count(distinct id)::int into result.link_count from unnest(all_l_ids) as t(id);
  result.nodes := (
    select coalesce(jsonb_agg(jsonb_build_object('actorId', id, 'depth', d, 'attributed', round(a, 4)::text)
                              order by a desc), '[]')
    from (select id, min(dp) as d, sum(amt) as a
          from unnest(n_ids, n_amt, n_depth) as t(id, amt, dp)
          group by id order by sum(amt) desc limit lim) top);
  result.links := (
    select coalesce(jsonb_agg(jsonb_build_object('flowId', id, 'attributed', round(a, 4)::text)
                              order by a desc), '[]')
    from (select id, sum(amt) as a from unnest(all_l_ids, all_l_amt) as t(id, amt)
          group by id order by 2 desc limit lim) top);
  return result;
end $$;
`;

/** Creates (or replaces) the bench schema's functions. */
export async function createBenchSchema(pool: pg.Pool): Promise<void> {
  await pool.query(SQL);
}
