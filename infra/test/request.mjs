#!/usr/bin/env node
// A small HTTP client for infra/test/smoke.sh (CI machines need not have curl):
//
//   node infra/test/request.mjs URL                  # GET: prints the body; exit 1 unless 2xx
//   node infra/test/request.mjs URL 'GRAPHQL QUERY'  # POST /graphql: prints data as JSON;
//                                                    # exit 1 on errors or a non-2xx status
//   node infra/test/request.mjs --wait SECONDS URL   # GET until 2xx, at most SECONDS
const args = process.argv.slice(2);
let waitSeconds = 0;
if (args[0] === '--wait') {
  waitSeconds = Number(args[1]);
  args.splice(0, 2);
}
const [url, query] = args;
if (!url) {
  console.error('usage: node infra/test/request.mjs [--wait SECONDS] URL [GRAPHQL QUERY]');
  process.exit(2);
}

async function once() {
  const init = query
    ? {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query }),
      }
    : {};
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}: ${text}`);
  if (!query) return text;
  const body = JSON.parse(text);
  if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
  return JSON.stringify(body.data);
}

const deadline = Date.now() + waitSeconds * 1000;
for (;;) {
  try {
    process.stdout.write(`${await once()}\n`);
    break;
  } catch (error) {
    if (Date.now() >= deadline) {
      console.error(`${url}: ${error.cause?.code ?? error.message}`);
      process.exit(1);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
