import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '../hardening.js';
import { SESSION_PATH } from '../session-http.js';
import { fingerprint } from '../test/fingerprint.js';
import { createTestDb } from '../test/test-db.js';
import { writeClient } from '../test/write-client.js';
import { SESSION_CSRF_HEADER } from './sessions.js';
import { createToken } from './tokens.js';

const ctx = await createTestDb({ seed: false });
const gql = writeClient(ctx.db);
afterAll(() => ctx.close());
const { secret: token } = await createToken(ctx.db, { scopes: ['write'], label: 'curator-ana' });

const CREATE = `mutation($name: String!) { createActor(input: { name: $name, kind: VILLAGE }) {
  __typename ... on CreateActorSuccess { actor { history { author } } } } }`;

async function session(
  method: string,
  init: { body?: unknown; cookie?: string; base?: string } = {},
) {
  const response = await gql.yoga.fetch(`${init.base ?? 'http://localhost'}${SESSION_PATH}`, {
    method,
    headers: {
      [CSRF_HEADER]: '1',
      'content-type': 'application/json',
      ...(init.cookie ? { cookie: init.cookie } : {}),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return { response, body: (await response.json()) as Record<string, unknown> };
}

async function signIn() {
  const { response, body } = await session('POST', { body: { token } });
  const setCookie = response.headers.get('set-cookie') ?? '';
  return { setCookie, cookie: setCookie.split(';')[0] ?? '', csrf: String(body.csrfToken), body };
}

async function write(name: string, headers: Record<string, string>) {
  const response = await gql.yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: CREATE, variables: { name } }),
  });
  return (await response.json()) as {
    data?: {
      createActor: { __typename: string; actor?: { history: { author: string }[] } } | null;
    };
    errors?: { message: string; extensions: { code: string } }[];
  };
}

async function refusedUnchanged(headers: Record<string, string>, reason: RegExp) {
  const before = await fingerprint(ctx.db);
  const result = await write('乙村', headers);
  expect(result.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  expect(result.errors?.[0]?.message).toMatch(reason);
  expect(await fingerprint(ctx.db)).toEqual(before);
}

describe('browser sessions', () => {
  it('signing in sets an HttpOnly, SameSite=Strict cookie with an expiry; the body has no secret', async () => {
    const { setCookie, cookie, body } = await signIn();
    expect(setCookie).toMatch(
      /^ft_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+$/,
    );
    expect(JSON.stringify(body)).not.toContain(cookie.split('=')[1]);
    expect(JSON.stringify(body)).not.toContain(token);
    expect(body.author).toBe('curator-ana');
    const stored = await ctx.db.selectFrom('sessions').select('secret_sha256').execute();
    expect(stored.map((s) => s.secret_sha256)).not.toContain(cookie.split('=')[1]);
  });

  it('the cookie is Secure over HTTPS', async () => {
    const { response } = await session('POST', { body: { token }, base: 'https://localhost' });
    expect(response.headers.get('set-cookie')).toMatch(/; Secure$/);
  });

  it('a cookie write with the CSRF token is recorded under the token label', async () => {
    const { cookie, csrf } = await signIn();
    const result = await write('甲村', { cookie, [SESSION_CSRF_HEADER]: csrf });
    expect(result.data?.createActor?.actor?.history).toEqual([{ author: 'curator-ana' }]);
  });

  it('a cookie write without the CSRF token, or with a wrong one, changes nothing', async () => {
    const { cookie, csrf } = await signIn();
    await refusedUnchanged({ cookie }, /x-csrf-token/);
    await refusedUnchanged({ cookie, [SESSION_CSRF_HEADER]: `${csrf.slice(1)}x` }, /x-csrf-token/);
  });

  it('a forged session cookie changes nothing', async () => {
    const forged = 'ft_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    await refusedUnchanged(
      { cookie: forged, [SESSION_CSRF_HEADER]: 'x' },
      /not one this server set/,
    );
  });

  it('an expired session changes nothing', async () => {
    const { cookie, csrf } = await signIn();
    await sql`update sessions set created_at = now() - interval '2 hours',
      expires_at = now() - interval '1 hour' where ended_at is null`.execute(ctx.db);
    await refusedUnchanged({ cookie, [SESSION_CSRF_HEADER]: csrf }, /expired/);
  });

  it('signing out ends the session on the server and clears the cookie', async () => {
    const { cookie, csrf } = await signIn();
    expect((await session('GET', { cookie })).body).toMatchObject({
      author: 'curator-ana',
      csrfToken: csrf,
    });
    const out = await session('DELETE', { cookie });
    expect(out.body).toEqual({ ended: true });
    expect(out.response.headers.get('set-cookie')).toMatch(/^ft_session=; .*Max-Age=0/);
    expect((await session('GET', { cookie })).body).toMatchObject({ author: null });
    await refusedUnchanged({ cookie, [SESSION_CSRF_HEADER]: csrf }, /ended/);
  });

  it('refuses an unknown token and a request without the CSRF header; bearer tokens still write', async () => {
    const before = await ctx.db.selectFrom('sessions').select('id').execute();
    expect((await session('POST', { body: { token: 'ft_nope' } })).response.status).toBe(401);
    const bare = await gql.yoga.fetch(`http://localhost${SESSION_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    expect(bare.status).toBe(403);
    expect(await ctx.db.selectFrom('sessions').select('id').execute()).toEqual(before);
    const bearer = await write('丙村', { authorization: `Bearer ${token}` });
    expect(bearer.data?.createActor?.__typename).toBe('CreateActorSuccess');
  });
});
