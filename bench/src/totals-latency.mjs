/**
 * Latency of varied totals and boundaryTotals requests (issue 14), one at a time, against a
 * running server (start it with RESPONSE_CACHE=off so that no answer comes from the cache):
 *
 *   node bench/src/totals-latency.mjs http://127.0.0.1:PORT/graphql [REQUESTS] [SEED]
 *
 * Each request draws a year (or none), a program (or none), a region (or none) and a grouping of
 * one to three dimensions, or a boundary of a random region or program; the same seed draws the
 * same requests. Then the overview's Sankey (SOURCE × PROGRAM × TARGET) once per year.
 */
const [url = 'http://127.0.0.1:4000/graphql', n = '200', seedText = '1'] = process.argv.slice(2);
let seed = Number(seedText) >>> 0 || 1;
const random = () => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
const pick = (list) => list[Math.floor(random() * list.length)];

async function gql(query, variables = {}) {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  const ms = performance.now() - started;
  if (body.errors) throw new Error(`${JSON.stringify(body.errors).slice(0, 300)} for ${query}`);
  return { ms, data: body.data };
}

const { data: ref } = await gql(`{ programs(first: 100) { edges { node { id } } }
  region(code: "150000") { code children { code children { code } } } }`);
const programs = ref.programs.edges.map((e) => e.node.id);
const regions = [
  ref.region,
  ...ref.region.children,
  ...ref.region.children.flatMap((c) => c.children),
].map((r) => r.code);
const years = [2014, 2015, 2016, 2017, 2018, 2019];
const DIMENSIONS = ['YEAR', 'PROGRAM', 'REGION', 'STATUS', 'INSTRUMENT', 'UNIT', 'SOURCE'];
const MONEY = '{ value low high qualifier }';
const SIDE = `{ flowCount publicMoney ${MONEY} planned ${MONEY} }`;

function request() {
  if (random() < 0.25) {
    const by = random() < 0.5 ? { regionCode: pick(regions) } : { programId: pick(programs) };
    const year = random() < 0.8 ? pick(years) : null;
    return {
      shape: 'boundaryTotals',
      query: `query($r: String, $p: ID, $y: Int) { boundaryTotals(regionCode: $r, programId: $p, year: $y) {
        incoming ${SIDE} internal ${SIDE} outgoing ${SIDE} } }`,
      variables: { r: by.regionCode ?? null, p: by.programId ?? null, y: year },
    };
  }
  const groupBy = [
    ...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(DIMENSIONS))),
  ];
  const filter = {};
  if (random() < 0.8) filter.year = pick(years);
  if (random() < 0.5) filter.programId = pick(programs);
  if (random() < 0.5) filter.regionCode = pick(regions);
  return {
    shape: 'totals',
    query: `query($g: [TotalDimension!]!, $f: FlowFilter) { totals(groupBy: $g, filter: $f) {
      year program { id } region { code } source { id } status instrument unit flowCount
      overlappingFlowCount publicMoney ${MONEY} planned ${MONEY} loanPrincipal ${MONEY} } }`,
    variables: { g: groupBy, f: filter },
  };
}

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const report = (name, times) => {
  const sorted = [...times].sort((a, b) => a - b);
  const f = (x) => x.toFixed(1);
  console.log(
    `${name}: n=${sorted.length} p50=${f(percentile(sorted, 50))} ms p95=${f(percentile(sorted, 95))} ms ` +
      `p99=${f(percentile(sorted, 99))} ms max=${f(sorted.at(-1))} ms`,
  );
};

const times = { all: [], totals: [], boundaryTotals: [] };
let errors = 0;
for (let i = 0; i < Number(n); i++) {
  const r = request();
  try {
    const { ms } = await gql(r.query, r.variables);
    if (ms > 1000)
      console.error(`slow: ${ms.toFixed(0)} ms ${r.shape} ${JSON.stringify(r.variables)}`);
    times.all.push(ms);
    times[r.shape].push(ms);
  } catch (e) {
    errors++;
    console.error(String(e).slice(0, 400));
  }
}
console.log(
  `load at end: ${(await import('node:os'))
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}; errors ${errors}`,
);
for (const [name, list] of Object.entries(times)) report(name, list);

const NAMES = '{ id name nameEn }';
for (const year of years) {
  try {
    const { ms, data } = await gql(
      `query($f: FlowFilter!) { totals(groupBy: [SOURCE, PROGRAM, TARGET], filter: $f) {
        source ${NAMES} program ${NAMES} target ${NAMES} flowCount publicMoney ${MONEY}
        overlappingFlowCount } }`,
      { f: { year } },
    );
    console.log(`Sankey ${year}: ${data.totals.length} rows in ${ms.toFixed(0)} ms`);
  } catch (e) {
    console.log(`Sankey ${year}: failed: ${String(e).slice(0, 200)}`);
  }
}
