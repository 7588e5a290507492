// biome-ignore-all lint/suspicious/noExplicitAny: the answers are untyped GraphQL JSON, summarised field by field
/**
 * The five request shapes of issue 7, each asked of both servers in their own query language
 * for the same data, plus the SQL of the floor, and a summary of each answer (ids, counts,
 * sums) so the bench can check that both servers returned the same data before timing them.
 */

export interface Ids {
  /** The regional treasury (自治区本级财政), the trace's start. */
  treasury: number;
  /** A poor county's government: a few dozen inflows, hundreds of outflows. */
  county: number;
}

export interface Shape {
  key: 'a' | 'b' | 'c' | 'd' | 'e';
  title: string;
  ours: { query: string; variables: Record<string, unknown> };
  postgraphile: { query: string; variables: Record<string, unknown> };
  /** The same data through `pg`, without GraphQL: statements run one after another. */
  floor: { text: string; values: unknown[] }[];
  summariseOurs: (data: any) => unknown;
  summarisePostgraphile: (data: any) => unknown;
}

export const YEAR = 2017;
export const REGION = '150400';
const TRACE_DEPTH = 6;
const TRACE_LIMIT = 100;

const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');
const localId = (id: string) => Number(Buffer.from(id, 'base64').toString().split(':')[1]);
/** Decimals compared by value: "4880000000.0000" and "4880000000" are the same amount. */
export const dec = (v: string | number | null | undefined) => {
  if (v == null) return null;
  const s = String(v);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
};
/** Attributions computed by different roundings agree to the yuan. */
const yuan = (v: string | number) => Math.round(Number(v));

export function shapes(ids: Ids): Shape[] {
  return [
    {
      key: 'a',
      title: 'flows(first: 20) with source, target and program names',
      ours: {
        query: `{ flows(first: 20) { edges { node { id year amount { value }
          source { name } target { name } program { name } } } } }`,
        variables: {},
      },
      postgraphile: {
        query: `{ allFlows(first: 20, orderBy: ID_ASC) { nodes { id year amount
          actorBySourceId { name } actorByTargetId { name } programByProgramId { name } } } }`,
        variables: {},
      },
      floor: [
        {
          text: `select f.id, f.year, f.amount, s.name as source, t.name as target, p.name as program
                 from flows f join actors s on s.id = f.source_id join actors t on t.id = f.target_id
                 left join programs p on p.id = f.program_id order by f.id limit 20`,
          values: [],
        },
      ],
      summariseOurs: (d) =>
        d.flows.edges.map(({ node: n }: any) => [
          localId(n.id),
          n.year,
          dec(n.amount.value),
          n.source.name,
          n.target.name,
          n.program?.name ?? null,
        ]),
      summarisePostgraphile: (d) =>
        d.allFlows.nodes.map((n: any) => [
          n.id,
          n.year,
          dec(n.amount),
          n.actorBySourceId.name,
          n.actorByTargetId.name,
          n.programByProgramId?.name ?? null,
        ]),
    },
    {
      key: 'b',
      title: `page of 100 flows of ${YEAR} in region ${REGION}, with citations`,
      ours: {
        query: `query($year: Int, $region: String) {
          flows(first: 100, filter: { year: $year, regionCode: $region }) { edges { node {
            id amount { value } citations { quote start end document { title } } } } } }`,
        variables: { year: YEAR, region: REGION },
      },
      postgraphile: {
        query: `query($year: Int!, $region: String!) {
          flowsInRegion(year: $year, regionCode: $region, first: 100) { nodes {
            id amount citationsByFlowId(orderBy: ID_ASC) { nodes { quote startOffset endOffset
              documentByDocumentId { title } } } } } }`,
        variables: { year: YEAR, region: REGION },
      },
      floor: [
        {
          text: `select f.*, (select coalesce(json_agg(json_build_object('quote', c.quote,
                   'start', c.start_offset, 'end', c.end_offset, 'title', d.title) order by c.id), '[]')
                   from citations c join documents d on d.id = c.document_id where c.flow_id = f.id)
                   as citations
                 from bench.flows_in_region($1, $2) f limit 100`,
          values: [YEAR, REGION],
        },
      ],
      summariseOurs: (d) =>
        d.flows.edges.map(({ node: n }: any) => [
          localId(n.id),
          dec(n.amount.value),
          n.citations.map((c: any) => [c.quote, c.start, c.end, c.document.title]),
        ]),
      summarisePostgraphile: (d) =>
        d.flowsInRegion.nodes.map((n: any) => [
          n.id,
          dec(n.amount),
          n.citationsByFlowId.nodes.map((c: any) => [
            c.quote,
            c.startOffset,
            c.endOffset,
            c.documentByDocumentId.title,
          ]),
        ]),
    },
    {
      key: 'c',
      title: 'one actor with its first 20 inflows and 20 outflows',
      ours: {
        query: `query($id: ID!) { node(id: $id) { ... on Actor { name
          inflows(first: 20) { edges { node { id amount { value } source { name } } } }
          outflows(first: 20) { edges { node { id amount { value } target { name } } } } } } }`,
        variables: { id: globalId('Actor', ids.county) },
      },
      postgraphile: {
        query: `query($id: Int!) { actorById(id: $id) { name
          flowsByTargetId(first: 20, orderBy: ID_ASC) { nodes { id amount actorBySourceId { name } } }
          flowsBySourceId(first: 20, orderBy: ID_ASC) { nodes { id amount actorByTargetId { name } } } } }`,
        variables: { id: ids.county },
      },
      floor: [
        { text: 'select * from actors where id = $1', values: [ids.county] },
        {
          text: `select f.id, f.amount, s.name from flows f join actors s on s.id = f.source_id
                 where f.target_id = $1 order by f.id limit 20`,
          values: [ids.county],
        },
        {
          text: `select f.id, f.amount, t.name from flows f join actors t on t.id = f.target_id
                 where f.source_id = $1 order by f.id limit 20`,
          values: [ids.county],
        },
      ],
      summariseOurs: (d) => [
        d.node.name,
        d.node.inflows.edges.map(({ node: n }: any) => [
          localId(n.id),
          dec(n.amount.value),
          n.source.name,
        ]),
        d.node.outflows.edges.map(({ node: n }: any) => [
          localId(n.id),
          dec(n.amount.value),
          n.target.name,
        ]),
      ],
      summarisePostgraphile: (d) => [
        d.actorById.name,
        d.actorById.flowsByTargetId.nodes.map((n: any) => [
          n.id,
          dec(n.amount),
          n.actorBySourceId.name,
        ]),
        d.actorById.flowsBySourceId.nodes.map((n: any) => [
          n.id,
          dec(n.amount),
          n.actorByTargetId.name,
        ]),
      ],
    },
    {
      key: 'd',
      title: `totals(groupBy: [REGION, PROGRAM], filter: { year: ${YEAR} })`,
      ours: {
        query: `query($year: Int) { totals(groupBy: [REGION, PROGRAM], filter: { year: $year }) {
          region { code name } program { name } publicMoney { value } flowCount } }`,
        variables: { year: YEAR },
      },
      postgraphile: {
        query: `query($year: Int!) { totalsByRegionProgram(year: $year) { nodes {
          regionCode regionName programName publicMoney flowCount } } }`,
        variables: { year: YEAR },
      },
      floor: [{ text: 'select * from bench.totals_by_region_program($1)', values: [YEAR] }],
      summariseOurs: (d) =>
        d.totals
          .map((r: any) => [
            r.region?.code ?? null,
            r.program?.name ?? null,
            dec(r.publicMoney.value),
            r.flowCount,
          ])
          .sort(byJson),
      summarisePostgraphile: (d) =>
        d.totalsByRegionProgram.nodes
          .map((r: any) => [r.regionCode, r.programName, dec(r.publicMoney), r.flowCount])
          .sort(byJson),
    },
    {
      key: 'e',
      title: `downstream trace from the regional treasury, depth ${TRACE_DEPTH}, ${YEAR}`,
      ours: {
        query: `query($from: ID!, $year: Int) {
          trace(from: $from, year: $year, maxDepth: ${TRACE_DEPTH}, limit: ${TRACE_LIMIT}) {
            total { value } nodeCount linkCount
            nodes { actor { id name } depth attributed { value } }
            links { flow { id } attributed { value } share } } }`,
        variables: { from: globalId('Actor', ids.treasury), year: YEAR },
      },
      postgraphile: {
        query: `query($id: Int!, $year: Int) {
          traceDownstream(startId: $id, year: $year, maxDepth: ${TRACE_DEPTH}, lim: ${TRACE_LIMIT}) {
            total nodeCount linkCount nodes links } }`,
        variables: { id: ids.treasury, year: YEAR },
      },
      floor: [
        {
          text: 'select * from bench.trace_downstream($1, $2, $3, $4)',
          values: [ids.treasury, YEAR, TRACE_DEPTH, TRACE_LIMIT],
        },
      ],
      // Same reach and total; the largest nodes carry the same money to the yuan. (Link counts
      // may differ by flows whose attribution floors to zero in our exact arithmetic.)
      summariseOurs: (d) => ({
        total: dec(d.trace.total.value),
        nodeCount: d.trace.nodeCount,
        topNodes: d.trace.nodes
          .slice(0, 10)
          .map((n: any) => [localId(n.actor.id), n.depth, yuan(n.attributed.value)]),
      }),
      summarisePostgraphile: (d) => ({
        total: dec(d.traceDownstream.total),
        nodeCount: d.traceDownstream.nodeCount,
        topNodes: d.traceDownstream.nodes
          .slice(0, 10)
          .map((n: any) => [n.actorId, n.depth, yuan(n.attributed)]),
      }),
    },
  ];
}

const byJson = (a: unknown, b: unknown) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1);
