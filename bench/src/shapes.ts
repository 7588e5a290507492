// biome-ignore-all lint/suspicious/noExplicitAny: the answers are untyped GraphQL JSON, summarised field by field
/**
 * The five request shapes of issue 14, each a function of its parameters (drawn from the
 * pools of pools.ts), asked of both servers in their own query language for the same data,
 * plus the SQL of the floor and a summary of each answer (ids, counts, sums) that the bench
 * compares before timing. The trace (e) lives in trace-shape.ts.
 */
import type { Pools } from './pools.js';
import { traceShape } from './trace-shape.js';

export type Params = Record<string, number | string | null>;
export interface GraphqlRequest {
  query: string;
  variables: Record<string, unknown>;
}

export interface Shape {
  key: 'a' | 'b' | 'c' | 'd' | 'e';
  title: string;
  pool: (pools: Pools) => readonly Params[];
  ours: (p: Params) => GraphqlRequest;
  postgraphile: (p: Params) => GraphqlRequest;
  /** The same data through `pg`, without GraphQL: statements run one after another. */
  floor: (p: Params) => { text: string; values: unknown[] }[];
  /** The pre-check's requests where they differ from the timed ones (the trace lists all). */
  check?: { ours: (p: Params) => GraphqlRequest; postgraphile: (p: Params) => GraphqlRequest };
  /** The pre-check: null when both answers hold the same data, else what differs. */
  compare: (ours: any, postgraphile: any) => string | null;
}

export const globalId = (type: string, id: number) =>
  Buffer.from(`${type}:${id}`).toString('base64');
export const localId = (id: string) => Number(Buffer.from(id, 'base64').toString().split(':')[1]);
const ourCursor = (id: number) => Buffer.from(`cursor:${id}`).toString('base64url');
/** PostGraphile 4's cursor for `orderBy: ID_ASC` (its order alias and the key). */
const pgCursor = (id: number) => Buffer.from(JSON.stringify(['id_asc', [id]])).toString('base64');
/** Decimals compared by value: "4880000000.0000" and "4880000000" are the same amount. */
export const dec = (v: string | number | null | undefined) => {
  if (v == null) return null;
  const s = String(v);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
};
const byJson = (a: unknown, b: unknown) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1);

/** Compares summaries for equality; a-d must agree exactly. */
const same = (ours: (d: any) => unknown, theirs: (d: any) => unknown) => (a: any, b: any) => {
  const [x, y] = [JSON.stringify(ours(a)), JSON.stringify(theirs(b))];
  return x === y ? null : `ours:  ${x.slice(0, 1500)}\nother: ${y.slice(0, 1500)}`;
};

const n = (v: unknown) => v as number;

export function shapes(): Shape[] {
  return [
    {
      key: 'a',
      title:
        'a page of 20 flows of an actor (sent), after a cursor, with source, target and program names',
      pool: (p) => p.a,
      ours: (p) => ({
        query: `query($source: ID!, $after: String) {
          flows(first: 20, after: $after, filter: { sourceId: $source }) { edges { node { id
            year amount { value } source { name } target { name } program { name } } } } }`,
        variables: { source: globalId('Actor', n(p.source)), after: ourCursor(n(p.after)) },
      }),
      postgraphile: (p) => ({
        query: `query($source: Int!, $after: Cursor) {
          allFlows(first: 20, after: $after, orderBy: ID_ASC, condition: { sourceId: $source }) {
            nodes { id year amount actorBySourceId { name } actorByTargetId { name }
              programByProgramId { name } } } }`,
        variables: { source: p.source, after: pgCursor(n(p.after)) },
      }),
      floor: (p) => [
        {
          text: `select f.id, f.year, f.amount, s.name as source, t.name as target, p.name as program
                 from flows f join actors s on s.id = f.source_id join actors t on t.id = f.target_id
                 left join programs p on p.id = f.program_id
                 where f.source_id = $1 and f.id > $2 order by f.id limit 20`,
          values: [p.source, p.after],
        },
      ],
      compare: same(
        (d) =>
          d.flows.edges.map(({ node: x }: any) => [
            localId(x.id),
            x.year,
            dec(x.amount.value),
            x.source.name,
            x.target.name,
            x.program?.name ?? null,
          ]),
        (d) =>
          d.allFlows.nodes.map((x: any) => [
            x.id,
            x.year,
            dec(x.amount),
            x.actorBySourceId.name,
            x.actorByTargetId.name,
            x.programByProgramId?.name ?? null,
          ]),
      ),
    },
    {
      key: 'b',
      title: 'an actor with its first 20 inflows and 20 outflows and their counterparts’ names',
      pool: (p) => p.b,
      ours: (p) => ({
        query: `query($id: ID!) { node(id: $id) { ... on Actor { name
          inflows(first: 20) { edges { node { id amount { value } source { name } } } }
          outflows(first: 20) { edges { node { id amount { value } target { name } } } } } } }`,
        variables: { id: globalId('Actor', n(p.actor)) },
      }),
      postgraphile: (p) => ({
        query: `query($id: Int!) { actorById(id: $id) { name
          flowsByTargetId(first: 20, orderBy: ID_ASC) { nodes { id amount actorBySourceId { name } } }
          flowsBySourceId(first: 20, orderBy: ID_ASC) { nodes { id amount actorByTargetId { name } } } } }`,
        variables: { id: p.actor },
      }),
      floor: (p) => [
        { text: 'select * from actors where id = $1', values: [p.actor] },
        {
          text: `select f.id, f.amount, s.name from flows f join actors s on s.id = f.source_id
                 where f.target_id = $1 order by f.id limit 20`,
          values: [p.actor],
        },
        {
          text: `select f.id, f.amount, t.name from flows f join actors t on t.id = f.target_id
                 where f.source_id = $1 order by f.id limit 20`,
          values: [p.actor],
        },
      ],
      compare: same(
        (d) => [
          d.node.name,
          d.node.inflows.edges.map(({ node: x }: any) => [
            localId(x.id),
            dec(x.amount.value),
            x.source.name,
          ]),
          d.node.outflows.edges.map(({ node: x }: any) => [
            localId(x.id),
            dec(x.amount.value),
            x.target.name,
          ]),
        ],
        (d) => [
          d.actorById.name,
          d.actorById.flowsByTargetId.nodes.map((x: any) => [
            x.id,
            dec(x.amount),
            x.actorBySourceId.name,
          ]),
          d.actorById.flowsBySourceId.nodes.map((x: any) => [
            x.id,
            dec(x.amount),
            x.actorByTargetId.name,
          ]),
        ],
      ),
    },
    {
      key: 'c',
      title: 'a page of 100 flows of a year and region, after a cursor, with citations',
      pool: (p) => p.c,
      ours: (p) => ({
        query: `query($year: Int, $region: String, $after: String) {
          flows(first: 100, after: $after, filter: { year: $year, regionCode: $region }) {
            edges { node { id amount { value }
              citations { quote start end document { title } } } } } }`,
        variables: { year: p.year, region: p.region, after: ourCursor(n(p.after)) },
      }),
      postgraphile: (p) => ({
        query: `query($year: Int!, $region: String!, $after: Int) {
          flowsInRegion(year: $year, regionCode: $region, afterId: $after, first: 100) { nodes {
            id amount citationsByFlowId(orderBy: ID_ASC) { nodes { quote startOffset endOffset
              documentByDocumentId { title } } } } } }`,
        variables: { year: p.year, region: p.region, after: p.after },
      }),
      floor: (p) => [
        {
          text: `select f.*, (select coalesce(json_agg(json_build_object('quote', c.quote,
                   'start', c.start_offset, 'end', c.end_offset, 'title', d.title) order by c.id), '[]')
                   from citations c join documents d on d.id = c.document_id where c.flow_id = f.id)
                   as citations
                 from bench.flows_in_region($1, $2, $3) f limit 100`,
          values: [p.year, p.region, p.after],
        },
      ],
      compare: same(
        (d) =>
          d.flows.edges.map(({ node: x }: any) => [
            localId(x.id),
            dec(x.amount.value),
            x.citations.map((c: any) => [c.quote, c.start, c.end, c.document.title]),
          ]),
        (d) =>
          d.flowsInRegion.nodes.map((x: any) => [
            x.id,
            dec(x.amount),
            x.citationsByFlowId.nodes.map((c: any) => [
              c.quote,
              c.startOffset,
              c.endOffset,
              c.documentByDocumentId.title,
            ]),
          ]),
      ),
    },
    {
      key: 'd',
      title: 'totals(groupBy: [REGION, PROGRAM]) of a year and program',
      pool: (p) => p.d,
      ours: (p) => ({
        query: `query($year: Int, $program: ID) {
          totals(groupBy: [REGION, PROGRAM], filter: { year: $year, programId: $program }) {
            region { code name } program { name } publicMoney { value } flowCount } }`,
        variables: {
          year: p.year,
          program: p.program == null ? null : globalId('Program', n(p.program)),
        },
      }),
      postgraphile: (p) => ({
        query: `query($year: Int!, $program: Int) {
          totalsByRegionProgram(year: $year, programId: $program) { nodes {
            regionCode regionName programName publicMoney flowCount } } }`,
        variables: { year: p.year, program: p.program },
      }),
      floor: (p) => [
        {
          text: 'select * from bench.totals_by_region_program($1, $2)',
          values: [p.year, p.program],
        },
      ],
      compare: same(
        (d) =>
          d.totals
            .map((r: any) => [
              r.region?.code ?? null,
              r.program?.name ?? null,
              dec(r.publicMoney.value),
              r.flowCount,
            ])
            .sort(byJson),
        (d) =>
          d.totalsByRegionProgram.nodes
            .map((r: any) => [r.regionCode, r.programName, dec(r.publicMoney), r.flowCount])
            .sort(byJson),
      ),
    },
    traceShape,
  ];
}
