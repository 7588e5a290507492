import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../test/test-db.js';
import { createYogaServer } from '../yoga.js';

const ctx = await createTestDb();
afterAll(() => ctx.close());
const yoga = createYogaServer(ctx.db);

async function ask(query: string, headers: Record<string, string> = {}) {
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

const PROGRAMS = '{ programs(first: 100) { edges { node { key name } } } }';
const nameOf = (result: { data?: Record<string, unknown> }) =>
  (
    (result.data?.programs as { edges: { node: { key: string; name: string } }[] } | undefined)
      ?.edges ?? []
  ).find((e) => e.node.key === 'relocation')?.node.name;

/** Changes a program's name behind the cache's back: the write, then the old versions again. */
async function renameSilently(name: string) {
  const { rows } = await sql<{ version: string; scopes: string }>`select version,
    (select coalesce(json_object_agg(scope, version), '{}')::text from data_scopes) as scopes
    from data_version`.execute(ctx.db);
  await sql`update programs set name = ${name} where key = 'relocation'`.execute(ctx.db);
  await sql`update data_version set version = ${rows[0]?.version}`.execute(ctx.db);
  await sql`delete from data_scopes`.execute(ctx.db);
  await sql`insert into data_scopes (scope, version)
    select key, value::bigint from json_each_text(${rows[0]?.scopes}::json)`.execute(ctx.db);
}

describe('response cache', () => {
  it('answers a repeated query from the cache while the data version stands', async () => {
    const before = nameOf(await ask(PROGRAMS));
    await renameSilently('改名一');
    // The version did not move, so the cached answer (the old name) is served: proof of a hit.
    expect(nameOf(await ask(PROGRAMS))).toBe(before);
    // A different query text is a different entry.
    expect(nameOf(await ask(`${PROGRAMS} `))).toBe('改名一');
  });

  it('misses once any write bumps the version', async () => {
    await ask(PROGRAMS);
    await sql`update programs set name = '改名二' where key = 'relocation'`.execute(ctx.db);
    expect(nameOf(await ask(PROGRAMS))).toBe('改名二');
  });

  it('never serves or stores answers for requests with an Authorization header', async () => {
    await ask(PROGRAMS);
    await renameSilently('改名三');
    expect(nameOf(await ask(PROGRAMS, { authorization: 'Bearer nothing' }))).toBe('改名三');
    // Nor stored: a query first asked with the header is not answered from a copy later.
    const fresh = '{ programs(first: 100) { edges { node { name key } } } }';
    await ask(fresh, { authorization: 'Bearer nothing' });
    await renameSilently('改名三b');
    expect(nameOf(await ask(fresh))).toBe('改名三b');
  });

  it('does not cache answers with errors', async () => {
    // Data and an error in one answer: a cached copy would keep the old name.
    const partial = `${PROGRAMS.slice(0, -1)} bad: node(id: "not-an-id") { id } }`;
    const first = await ask(partial);
    expect(first.errors?.length).toBe(1);
    await renameSilently('改名五');
    const second = await ask(partial);
    expect(second.errors?.length).toBe(1);
    expect(nameOf(second)).toBe('改名五');
  });

  it('caches operations the rate limiter counts too (served after it, in onExecute)', async () => {
    const totals = '{ totals(groupBy: [PROGRAM]) { program { key name } flowCount } }';
    const names = (r: { data?: Record<string, unknown> }) =>
      ((r.data?.totals ?? []) as { program: { key: string; name: string } | null }[])
        .map((t) => t.program)
        .find((p) => p?.key === 'relocation')?.name;
    const before = names(await ask(totals));
    await renameSilently('改名四');
    expect(names(await ask(totals))).toBe(before);
  });

  it.runIf(ctx.url !== undefined)(
    'on PostgreSQL, hears of a write by NOTIFY (the version is not read per request)',
    async () => {
      const listening = createYogaServer(ctx.db, { databaseUrl: ctx.url });
      const askListening = async () => {
        const response = await listening.fetch('http://localhost/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: PROGRAMS }),
        });
        return nameOf((await response.json()) as { data?: Record<string, unknown> });
      };
      await askListening();
      await new Promise((r) => setTimeout(r, 300)); // the listener connects
      await askListening();
      await sql`update programs set name = '改名五' where key = 'relocation'`.execute(ctx.db);
      let seen: string | undefined;
      for (let i = 0; i < 50 && seen !== '改名五'; i++) {
        seen = await askListening();
        if (seen !== '改名五') await new Promise((r) => setTimeout(r, 20));
      }
      expect(seen).toBe('改名五');
    },
  );
});
